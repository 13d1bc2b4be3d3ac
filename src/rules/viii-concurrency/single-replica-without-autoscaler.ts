// TF0803: a Kubernetes Deployment pinned to `replicas: 1` that no HorizontalPodAutoscaler (or KEDA
// ScaledObject, or kustomize replicas override) scales. Deployments that omit replicas are left
// alone: that is how HPA-managed workloads are written.
import type { Rule } from '../../engine/rule.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { yamlEntries } from '../../parsers/yaml.js'
import { get, getIn, num, str } from '../../parsers/yaml-nodes.js'
import { isNonProductionPath, isOwnImage } from '../shared/v-viii-commands.js'

export const singleReplicaWithoutAutoscaler: Rule = {
  meta: {
    id: 'TF0803',
    name: 'single-replica-without-autoscaler',
    factor: 'VIII',
    severity: 'notice',
    summary: 'A Deployment runs exactly one replica and nothing scales it.',
    why: 'The process model scales out by running more processes of a type. A Deployment fixed at one replica with no autoscaler has no headroom and no redundancy: every deploy, node drain or crash is an outage for that process type.',
    remediation: 'Run at least two replicas, or add a HorizontalPodAutoscaler (`kubectl autoscale deployment web --min=2 --max=10 --cpu-percent=70`) and drop `replicas` from the Deployment.'
  },
  checkRepo(repo, report) {
    const scaled = new Set<string>()
    const candidates: { file: string; name: string; line: number; column?: number }[] = []
    for (const info of repo.files) {
      if (info.kind !== 'kubernetes' || info.role !== 'app') continue
      const file = repo.get(info.path)
      if (!file) continue
      const m = kubernetesOf(file)
      for (const o of m.objects) {
        if (o.kind === 'HorizontalPodAutoscaler' || o.kind === 'ScaledObject') {
          const target = str(getIn(o.doc, ['spec', 'scaleTargetRef', 'name']))
          if (target) scaled.add(target)
        }
      }
      // kustomize `replicas: [{name, count}]` overrides.
      if (/(^|\/)kustomization\.ya?ml$/i.test(info.path)) {
        for (const e of yamlEntries(file)) if (e.path[0] === 'replicas' && e.key === 'count' && Number(e.value) > 1) {
          const nameEntry = yamlEntries(file).find((x) => x.path[0] === 'replicas' && x.path[1] === e.path[1] && x.key === 'name')
          if (nameEntry) scaled.add(String(nameEntry.value))
        }
      }
      for (const w of m.workloads) {
        if (w.kind !== 'Deployment' || w.replicas === undefined) continue
        if (w.replicas > 1) scaled.add(w.name) // an overlay of the same Deployment scales it
        if (w.replicas !== 1 || m.isHelmTemplate || isNonProductionPath(info.path)) continue
        const doc = m.objects.find((o) => o.kind === 'Deployment' && o.name === w.name && o.line === w.line)?.doc
        // Recreate strategy announces a deliberate singleton (RWO volume, leader-only job).
        if (str(getIn(doc, ['spec', 'strategy', 'type'])) === 'Recreate') continue
        // Third-party software (Grafana, cert-manager...) is not one of the app's process types, and
        // leader-elected controllers are singletons by design.
        const main = w.containers.filter((c) => !c.init)
        if (!main.some((c) => isOwnImage(c.image))) continue
        if (main.some((c) => /leader-?elect/i.test([...(c.command ?? []), ...(c.args ?? [])].join(' ')))) continue
        // A scheduler (celery beat, a clock process) must run exactly once, or every job fires twice.
        if (/(^|[-_])(beat|scheduler|clock|cron|singleton)([-_]|$)/i.test(w.name) || main.some((c) => /\bcelery\b[^\n]*\bbeat\b|\bclock(\.py|\.rb)?\b/.test([...(c.command ?? []), ...(c.args ?? [])].join(' ')))) continue
        if (num(get(get(doc, 'spec'), 'replicas')) !== 1) continue
        const line = w.replicasLine ?? w.line
        const at = file.line(line).indexOf('replicas')
        candidates.push({ file: info.path, name: w.name, line, ...(at >= 0 ? { column: at + 1 } : {}) })
      }
    }
    for (const c of candidates) {
      if (scaled.has(c.name)) continue
      report({
        file: c.file,
        line: c.line,
        ...(c.column ? { column: c.column } : {}),
        message: `Deployment "${c.name}" has replicas: 1 and no HorizontalPodAutoscaler targets it`,
        remediation: `Scale the process type out: \`replicas: 2\` or more, or an HPA — \`apiVersion: autoscaling/v2\`, \`kind: HorizontalPodAutoscaler\`, \`spec.scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${c.name}}\`, \`minReplicas: 2\` — and remove \`replicas\` from the Deployment.`
      })
    }
  }
}
