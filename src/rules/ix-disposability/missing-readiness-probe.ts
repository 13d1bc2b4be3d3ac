// TF0904: a long-running container that serves a port but has no readiness probe.
import type { Rule } from '../../engine/rule.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { tok } from '../shared/ix-xii-boot.js'

const SERVING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'DeploymentConfig'])

export const missingReadinessProbe: Rule = {
  meta: {
    id: 'TF0904',
    name: 'missing-readiness-probe',
    factor: 'IX',
    severity: 'notice',
    summary: 'A Kubernetes container that serves a port has no readinessProbe.',
    why:
      'Fast startup and graceful shutdown only help if traffic follows them. Without a readiness probe the Service sends requests to a ' +
      'pod as soon as its process starts (before it can answer) and keeps the rollout moving even when new pods never become ready.',
    remediation:
      'Add a readinessProbe on the port the app serves, e.g.\n' +
      'readinessProbe:\n  httpGet: {path: /healthz, port: 8080}\n  periodSeconds: 5\n' +
      'and keep it different from the livenessProbe (readiness may depend on backing services, liveness should not).'
  },
  files: { kinds: ['kubernetes'], roles: ['app'] },
  keywords: ['containers'],
  check(file, report) {
    const m = kubernetesOf(file)
    // Helm templates hide probes behind {{ if }} blocks: stay silent rather than guess.
    if (m.isHelmTemplate) return
    for (const w of m.workloads) {
      if (!SERVING.has(w.kind)) continue
      for (const c of w.containers) {
        if (c.init || c.hasReadinessProbe || c.ports.length === 0) continue
        const port = c.ports[0].containerPort
        const at = file.line(c.line).search(/[^\s-]/) // `- name: web`: the column of `name`
        report({
          line: c.line,
          ...(at !== -1 ? { column: at + 1 } : {}),
          message: `Container ${tok(c.name)} of ${w.kind} ${tok(w.name)} serves port ${port} but has no readinessProbe`,
          remediation: `Add under container ${c.name}:\nreadinessProbe:\n  httpGet: {path: /healthz, port: ${port}}\n  periodSeconds: 5\n  failureThreshold: 3`
        })
      }
    }
  }
}
