// TF0603: sticky sessions — the router pins a user to one process: Kubernetes Service
// `sessionAffinity: ClientIP`, ingress/ALB/Traefik/GKE/Istio affinity settings, nginx `ip_hash` /
// `sticky`, HAProxy `balance source` / `cookie ... insert`, Terraform target-group stickiness.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { yamlEntries, yamlOf } from '../../parsers/yaml.js'
import { codeLines, isNonProductionPath } from '../shared/v-viii-commands.js'

type Report = Parameters<NonNullable<Rule['check']>>[1]

const FIX = 'Remove the affinity and make any process able to serve any request: move session state to a shared store (Redis, the database) or signed cookies, then drop `sessionAffinity`/affinity annotations/`ip_hash`.'

/** Annotation (or label) keys that turn on stickiness, with the values that mean "on". */
const ANNOTATIONS: { key: RegExp; value: RegExp }[] = [
  { key: /^(?:nginx\.)?ingress\.kubernetes\.io\/affinity$/, value: /^cookie$/i },
  { key: /^alb\.ingress\.kubernetes\.io\/target-group-attributes$/, value: /stickiness\.enabled\s*=\s*true/i },
  { key: /^traefik\.ingress\.kubernetes\.io\/(?:service\.sticky(?:\.cookie)?|affinity)$/, value: /^(?:true|.+)$/i },
  { key: /^haproxy\.org\/cookie-persistence$|^haproxy\.router\.openshift\.io\/balance$/, value: /^(?!roundrobin|leastconn|random).+/i },
  { key: /^traefik\.http\.services\.[\w-]+\.loadbalancer\.sticky(?:\.cookie)?(?:\.name)?$/, value: /^(?!false).+/i }
]

export const stickySessions: Rule = {
  meta: {
    id: 'TF0603',
    name: 'sticky-sessions',
    factor: 'VI',
    severity: 'warning',
    summary: 'The load balancer pins users to one process (sticky sessions / session affinity).',
    why: 'Sticky sessions are a violation of twelve-factor: they exist so that a process may keep state a later request needs. That state is lost whenever the process restarts or is scaled away, and load spreads unevenly because users cannot move.',
    remediation: FIX
  },
  files: { kinds: ['kubernetes', 'compose', 'yaml', 'ini', 'other'], roles: ['app'] },
  keywords: ['affinity', 'sticky', 'ip_hash', 'balance', 'stickiness', 'consistenthash', 'cookie'],
  check(file, report) {
    if (isNonProductionPath(file.path)) return
    if (file.kind === 'kubernetes' || file.kind === 'compose' || file.kind === 'yaml') {
      if (file.text.includes('{{')) return // Helm templates
      return checkYaml(file, report)
    }
    if (file.kind === 'other' && !/\.(?:tf|conf|cfg|template|tmpl|j2)$|nginx|haproxy|apache|httpd/i.test(file.path)) return
    checkText(file, report)
  }
}

function checkYaml(file: SourceFile, report: Report): void {
  const lc = yamlOf(file).lineCounter
  const at = (offset: number): { line: number; column: number } => {
    const p = lc.linePos(offset)
    return { line: p.line, column: p.col }
  }
  let istioReported = -1
  const seenSticky = new Set<string>()
  for (const e of yamlEntries(file)) {
    const value = e.value === null ? '' : String(e.value)
    const pos = at(e.keyOffset ?? e.offset)
    if (e.key === 'sessionAffinity' && value === 'ClientIP') {
      report({ ...pos, message: 'Service sessionAffinity: ClientIP pins each client to one pod', remediation: `${FIX} For the Service: \`sessionAffinity: None\` (the default).` })
      continue
    }
    if (e.key === 'affinityType' && /^(?:CLIENT_IP|GENERATED_COOKIE|HTTP_COOKIE|CLIENT_IP_PORT_PROTO|CLIENT_IP_PROTO)$/.test(value)) {
      report({ ...pos, message: `BackendConfig sessionAffinity affinityType ${value} pins users to one pod`, remediation: FIX })
      continue
    }
    if (e.path.includes('consistentHash') && (e.key === 'useSourceIp' ? value === 'true' : e.path.includes('httpCookie'))) {
      if (istioReported === e.docIndex) continue
      istioReported = e.docIndex
      report({ ...pos, message: `DestinationRule consistentHash ${e.key === 'useSourceIp' ? 'useSourceIp' : 'httpCookie'} pins users to one pod`, remediation: FIX })
      continue
    }
    // Annotations / labels as map entries, or compose labels as `key=value` strings.
    let key = e.key
    let val = value
    if (typeof e.path[e.path.length - 1] === 'number' && value.includes('=')) {
      key = value.slice(0, value.indexOf('='))
      val = value.slice(value.indexOf('=') + 1)
    }
    const hit = ANNOTATIONS.find((a) => a.key.test(key) && a.value.test(val.trim()))
    if (hit) {
      report({ ...pos, message: `${key}: ${val.trim().slice(0, 60)} turns on sticky sessions`, remediation: FIX })
      continue
    }
    // Traefik IngressRoute / dynamic config: services[].sticky.cookie
    if (e.path.includes('sticky') && e.path.includes('cookie') && e.path[e.path.indexOf('sticky') + 1] === 'cookie') {
      const key2 = `${e.docIndex}:${e.path.slice(0, e.path.indexOf('sticky') + 1).join('.')}`
      if (seenSticky.has(key2)) continue
      seenSticky.add(key2)
      report({ ...pos, message: 'Traefik sticky.cookie pins users to one backend', remediation: FIX })
    }
  }
}

const TEXT_PATTERNS: { re: RegExp; message: (m: RegExpExecArray) => string }[] = [
  { re: /^\s*ip_hash\s*;/, message: () => 'nginx upstream ip_hash pins each client IP to one backend' },
  { re: /^\s*sticky\s+(?:cookie|route|learn)\b/, message: () => 'nginx sticky directive pins users to one backend' },
  { re: /^\s*hash\s+\$(?:remote_addr|cookie_\w+)\b/, message: (m) => `nginx upstream "${m[0].trim()}" pins users to one backend` },
  { re: /^\s*balance\s+source\b/, message: () => 'HAProxy "balance source" pins each client IP to one backend' },
  { re: /^\s*cookie\s+\S+\s+(?:insert|prefix|rewrite)\b/, message: (m) => `HAProxy "${m[0].trim()}" turns on cookie persistence` },
  { re: /^\s*stick\s+on\s+src\b/, message: () => 'HAProxy "stick on src" pins each client IP to one backend' },
  { re: /\bstickysession\s*=/, message: () => 'Apache mod_proxy_balancer stickysession pins users to one backend' },
  { re: /^\s*session_affinity\s*=\s*"(?:CLIENT_IP|GENERATED_COOKIE|CLIENT_IP_PROTO|CLIENT_IP_PORT_PROTO|HTTP_COOKIE)"/, message: (m) => `load balancer ${m[0].trim()} pins users to one backend` }
]

function checkText(file: SourceFile, report: Report): void {
  const lines = codeLines(file)
  lines.forEach((text, i) => {
    if (text.length > 4000) return
    for (const p of TEXT_PATTERNS) {
      const m = p.re.exec(text)
      if (!m) continue
      report({ line: i + 1, column: m.index + (m[0].length - m[0].trimStart().length) + 1, message: p.message(m), remediation: FIX })
      return
    }
    // Terraform: stickiness { enabled = true } (aws_lb_target_group)
    if (/^\s*stickiness\s*\{/.test(text)) {
      const block = lines.slice(i, i + 8).join('\n')
      const end = block.indexOf('}')
      const body = end === -1 ? block : block.slice(0, end)
      if (/\benabled\s*=\s*true\b/.test(body) || !/\benabled\s*=/.test(body)) {
        report({ line: i + 1, column: text.indexOf('stickiness') + 1, message: 'target group stickiness is enabled: the load balancer pins users to one target', remediation: `${FIX} In Terraform: \`stickiness { type = "lb_cookie" enabled = false }\` or remove the block.` })
      }
    }
  })
}
