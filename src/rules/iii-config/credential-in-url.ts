// TF0302: scheme://user:password@host with a literal password. Local hosts (localhost, 127.0.0.1)
// are development defaults, not deploy credentials, and stay quiet.
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import { onLongLine } from '../shared/lines.js'
import { isPlaceholder } from '../shared/placeholders.js'
import { envLookup, findToken, nameBefore } from './secret-patterns.js'

const URL_CRED = /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:@/'"`<>]{1,100}):([^\s@/'"`<>]{1,200})@([^\s/:'"`?#<>,;)]{1,255})/gi
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$|(^|\.)example\.(com|org|net)$|\.(local|test|example|invalid|localhost)$/i

export const credentialInUrl: Rule = {
  meta: {
    id: 'TF0302',
    name: 'credential-in-url',
    factor: 'III',
    severity: 'error',
    summary: 'A connection URL with a literal password (postgres://user:pass@host).',
    why:
      'A backing-service URL is the archetype of config that changes per deploy; with the password inside, the ' +
      'codebase also carries a credential. The whole URL belongs in an environment variable (DATABASE_URL).',
    remediation: 'Move the whole URL to an environment variable (e.g. DATABASE_URL) set by the deploy, and rotate the password.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'go', 'none']
  },
  files: {
    kinds: ['source', 'dockerfile', 'compose', 'kubernetes', 'workflow', 'procfile', 'yaml', 'json', 'properties', 'toml', 'ini', 'xml', 'other'],
    roles: ['app'] // a compose file's local database URL is not a deploy credential
  },
  keywords: ['://'],
  check(file, report) {
    const code = file.code
    URL_CRED.lastIndex = 0
    for (let m = URL_CRED.exec(code); m; m = URL_CRED.exec(code)) {
      const [, scheme, user, password, host] = m
      if (isPlaceholder(password) || /[${}%<]/.test(user) || /[${}%<]/.test(password) || LOCAL_HOST.test(host)) continue
      if (findToken(password)) continue // a provider token: TF0301 names it
      const at = m.index + scheme.length + 3 + user.length + 1
      if (onLongLine(file, at)) continue
      const name = nameBefore(code, m.index)
      const env = /^(postgres|postgresql|mysql|mariadb|mongodb(\+srv)?|jdbc)/i.test(scheme) ? 'DATABASE_URL' : /^(redis|rediss)$/i.test(scheme) ? 'REDIS_URL' : /^amqps?$/i.test(scheme) ? 'AMQP_URL' : 'SERVICE_URL'
      report({
        ...file.position(at),
        message: `Password ${redact(password)} for user ${user} in ${scheme}:// URL to ${host}${name ? ` (${name})` : ''}`,
        remediation: `Read the whole URL from the environment: ${envLookup(file, env)}; set it per deploy and rotate the password.`,
        secret: password
      })
    }
  }
}
