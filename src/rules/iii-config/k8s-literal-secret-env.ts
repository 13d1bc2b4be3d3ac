// TF0308: Kubernetes manifests carrying credentials as literals: container env entries named like
// secrets with `value:` instead of `valueFrom.secretKeyRef`, Secret manifests with committed
// data/stringData, and ConfigMaps holding passwords.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { topScalar, yamlEntries, yamlOf } from '../../parsers/yaml.js'
import { looksLikePath } from '../shared/entropy.js'
import { isPlaceholder } from '../shared/placeholders.js'
import { isRealSecret } from './secret-assignment.js'
import { findToken, secretNameKind } from './secret-patterns.js'

const FIX = 'Reference a Secret instead: valueFrom: { secretKeyRef: { name: app-secrets, key: X } }, with the Secret created outside the repository (External Secrets, sealed-secrets, SOPS, or the CD system).'

export const k8sLiteralSecretEnv: Rule = {
  meta: {
    id: 'TF0308',
    name: 'k8s-literal-secret-env',
    factor: 'III',
    severity: 'error',
    summary: 'Kubernetes manifests with literal credentials (env value:, Secret data/stringData, ConfigMap passwords).',
    why:
      'Manifests are code; the credentials a deploy uses are config. A literal in a manifest ships the same ' +
      'credential to every cluster, exposes it to everyone with repository access, and rotating it needs a commit.',
    remediation: FIX
  },
  files: { kinds: ['kubernetes', 'yaml'] },
  keywords: ['apiversion'],
  check(file, report) {
    const docs = yamlOf(file).docs
    const kinds = docs.map((d) => String(topScalar(d, 'kind') ?? ''))
    if (!docs.some((d) => topScalar(d, 'apiVersion') !== undefined)) return
    // A dev overlay (k8s/overlays/dev/, k8s/local/, minikube/) configures a developer's cluster: a notice.
    const severity = file.role === 'dev' || /(^|\/)(dev|development|local|kind|minikube)\//i.test(file.path) ? 'notice' : 'error'
    const envNames = new Map<string, string>()
    const entries = yamlEntries(file)
    // Keyed by document too: a Deployment and a Job in one file share the path of their env entries.
    const envKey = (docIndex: number, path: readonly (string | number)[]) => `${docIndex}:${path.slice(0, -1).join('/')}`
    for (const e of entries) if (e.key === 'name' && e.path.includes('env')) envNames.set(envKey(e.docIndex, e.path), String(e.value))
    const secretDocsDone = new Set<number>()
    for (const e of entries) {
      const kind = kinds[e.docIndex]
      const v = e.value === null ? '' : String(e.value)
      const at = e.offset + (e.quoted ? 1 : 0)
      if (e.key === 'value' && e.path[e.path.length - 3] === 'env') {
        const name = envNames.get(envKey(e.docIndex, e.path))
        // GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/key.json names where the credential is mounted
        if (!name || !secretNameKind(name) || isPlaceholder(v) || findToken(v) || v.length < 3 || looksLikePath(v)) continue
        report({ ...file.position(at), severity, message: `Env var ${name} is given a literal value instead of valueFrom.secretKeyRef`, secret: v })
      } else if (kind === 'Secret' && (e.path[0] === 'stringData' || e.path[0] === 'data') && e.path.length === 2 && !secretDocsDone.has(e.docIndex)) {
        const plain = e.path[0] === 'data' ? decode(v) : v
        if (plain === undefined || isPlaceholder(plain) || plain.toLowerCase() === e.key.toLowerCase() || findToken(plain)) continue
        secretDocsDone.add(e.docIndex)
        const keys = entries.filter((x) => x.docIndex === e.docIndex && (x.path[0] === 'stringData' || x.path[0] === 'data') && x.path.length === 2).map((x) => x.key)
        report({ ...file.position(at), severity, message: `Secret ${secretName(file, e.docIndex)} commits its ${e.path[0]} (${keys.slice(0, 5).join(', ')}) to the repository`, secret: v,
          remediation: 'Do not commit Secret values (data is only base64, not encryption): create the Secret from a secret store at deploy time (External Secrets, sealed-secrets, SOPS), and rotate these values.' })
      } else if (kind === 'ConfigMap' && e.path[0] === 'data' && e.path.length === 2 && isRealSecret(e.key, v)) {
        report({ ...file.position(at), severity, message: `ConfigMap key ${e.key} holds a literal credential`, secret: v, remediation: 'Move it to a Secret created outside the repository and reference it with secretKeyRef.' })
      }
    }
  }
}

function decode(b64: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]{1,10000}$/.test(b64)) return undefined
  return Buffer.from(b64, 'base64').toString('utf8')
}

function secretName(file: SourceFile, docIndex: number): string {
  const meta = yamlEntries(file).find((e) => e.docIndex === docIndex && e.path.length === 2 && e.path[0] === 'metadata' && e.key === 'name')
  return meta ? String(meta.value) : '(unnamed)'
}
