// Kubernetes manifests: workloads with their containers, Services and HPAs, from multi-document
// YAML. Helm templates ({{ ... }}) are tolerated: documents that do not parse are left out and the
// parse errors are returned for a notice.
import type { SourceFile } from '../engine/source-file.js'
import { yamlOf, type YamlError } from './yaml.js'
import { entries, get, getIn, items, lineOf, num, str, strList, type YNode } from './yaml-nodes.js'

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'DeploymentConfig'] as const

export interface K8sEnv {
  name: string
  value?: string
  /** True for valueFrom (secretKeyRef, configMapKeyRef, fieldRef...). */
  fromRef: boolean
  line: number
}

export interface K8sContainer {
  name: string
  image?: string
  imageLine: number
  line: number
  command?: string[]
  args?: string[]
  commandLine: number
  env: K8sEnv[]
  ports: { containerPort: number; line: number }[]
  hasReadinessProbe: boolean
  init: boolean
}

export interface K8sWorkload {
  kind: string
  name: string
  line: number
  replicas?: number
  replicasLine?: number
  terminationGracePeriodSeconds?: number
  containers: K8sContainer[]
  labels: Record<string, string>
  annotations: Record<string, string>
}

export interface K8sObject {
  kind: string
  name: string
  line: number
  doc: YNode
}

export interface K8sManifest {
  workloads: K8sWorkload[]
  /** Every object with apiVersion and kind (Services, HPAs, Ingresses, Secrets...). */
  objects: K8sObject[]
  errors: YamlError[]
  isHelmTemplate: boolean
}

export function kubernetesOf(file: SourceFile): K8sManifest {
  return file.parse('kubernetes', (f) => {
    const isHelmTemplate = f.text.includes('{{')
    const { docs, errors, lineCounter: lc } = yamlOf(f)
    const workloads: K8sWorkload[] = []
    const objects: K8sObject[] = []
    for (const doc of docs) {
      if (doc.errors.length > 0) continue
      const root = doc.contents as YNode
      const kind = str(get(root, 'kind'))
      if (!kind || !str(get(root, 'apiVersion'))) continue
      const name = str(getIn(root, ['metadata', 'name'])) ?? ''
      const line = lineOf(lc, get(root, 'kind'))
      objects.push({ kind, name, line, doc: root })
      if (!(WORKLOAD_KINDS as readonly string[]).includes(kind)) continue
      const podSpec =
        kind === 'Pod' ? get(root, 'spec') : kind === 'CronJob' ? getIn(root, ['spec', 'jobTemplate', 'spec', 'template', 'spec']) : getIn(root, ['spec', 'template', 'spec'])
      const containers = [
        ...items(get(podSpec, 'initContainers')).map((c) => container(c, true)),
        ...items(get(podSpec, 'containers')).map((c) => container(c, false))
      ]
      const replicasNode = getIn(root, ['spec', 'replicas'])
      workloads.push({
        kind,
        name,
        line,
        ...(num(replicasNode) !== undefined ? { replicas: num(replicasNode), replicasLine: lineOf(lc, replicasNode) } : {}),
        ...(num(get(podSpec, 'terminationGracePeriodSeconds')) !== undefined ? { terminationGracePeriodSeconds: num(get(podSpec, 'terminationGracePeriodSeconds')) } : {}),
        containers,
        labels: stringMap(getIn(root, ['metadata', 'labels'])),
        annotations: stringMap(getIn(root, ['metadata', 'annotations']))
      })
    }
    return { workloads, objects, errors, isHelmTemplate }

    function container(c: YNode, init: boolean): K8sContainer {
      const cmd = get(c, 'command') ?? get(c, 'args')
      return {
        name: str(get(c, 'name')) ?? '',
        ...(str(get(c, 'image')) !== undefined ? { image: str(get(c, 'image')) } : {}),
        imageLine: lineOf(lc, get(c, 'image'), lineOf(lc, c)),
        line: lineOf(lc, c),
        ...(strList(get(c, 'command')) ? { command: strList(get(c, 'command')) } : {}),
        ...(strList(get(c, 'args')) ? { args: strList(get(c, 'args')) } : {}),
        commandLine: lineOf(lc, cmd, lineOf(lc, c)),
        env: items(get(c, 'env')).map((e) => ({
          name: str(get(e, 'name')) ?? '',
          ...(str(get(e, 'value')) !== undefined ? { value: str(get(e, 'value')) } : {}),
          fromRef: get(e, 'valueFrom') !== undefined,
          line: lineOf(lc, get(e, 'value') ?? e)
        })),
        ports: items(get(c, 'ports'))
          .map((p) => ({ containerPort: num(get(p, 'containerPort')) ?? -1, line: lineOf(lc, get(p, 'containerPort') ?? p) }))
          .filter((p) => p.containerPort > 0),
        hasReadinessProbe: get(c, 'readinessProbe') !== undefined,
        init
      }
    }
  })
}

function stringMap(node: YNode): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of entries(node)) out[k] = str(v) ?? ''
  return out
}
