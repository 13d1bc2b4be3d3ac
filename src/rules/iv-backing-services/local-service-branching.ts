// TF0402: code that treats a local backing service differently from a remote one
// (`if (dbHost === 'localhost')`, `if 'localhost' in REDIS_URL:`).
import type { Rule } from '../../engine/rule.js'
import { CLIENT_HINT } from '../shared/backing-service-urls.js'
import { isDevOrTestName } from '../../model/paths.js'

const LOCAL_LITERAL = /(['"])(localhost|127\.0\.0\.1|::1)\1/
const COMPARISON = /(===?|!==?|\bis\s|\bin\s|\.includes\s*\(|\.startsWith\s*\(|\.endsWith\s*\(|\.equals(IgnoreCase)?\s*\(|\.contains\s*\(|strings\.(Contains|HasPrefix|EqualFold)\s*\(|\.include\?\s*\(|\.start_with\?\s*\(|\.match\?\s*\()/
const CONDITION = /(^|[\s(;{}])(if|elif|else\s+if|unless|when|while|case)\b|\?[^?:]{0,300}:|&&|\|\||\band\b|\bor\b/
/** Names of a backing-service locator. `host`/`url` alone only count in a file using a client library. */
const SERVICE_NAME = /(db|database|redis|mongo|postgres|pg|mysql|maria|cache|queue|amqp|rabbit|kafka|broker|smtp|mail|elastic|search|s3|bucket|storage|dsn|conn)/i
const GENERIC_NAME = /\b\w*(host|url|uri|endpoint|addr|address)\w*\b/i
/** The request's own host (CORS, redirects, dev banners) is not a backing service. */
const REQUEST_HOST = /\b(req|request|headers|window\.location|location\.(host|hostname)|ctx\.host|origin|referer|r\.Host)\b/i
/** Origins and allowed hosts of the app's own HTTP surface (CORS, CSP, dev-server origins, image hosts). */
const ORIGIN_CONTEXT = /origins?\b|Origins?[A-Z(]|\bcors\b|\bCors[A-Z]|\bcsp\b|allowed_?hosts|allowedHosts|ALLOWED_HOSTS|trusted_?origins|remotePatterns|allow-?list|allowList/i

export const localServiceBranching: Rule = {
  meta: {
    id: 'TF0402',
    name: 'local-service-branching',
    factor: 'IV',
    severity: 'warning',
    summary: 'Code branches on whether a backing service is local (compares its host or URL with localhost).',
    why:
      'Factor IV: the code makes no distinction between local and third-party services; both are attached resources reached through a locator in config. A branch on "localhost" means the local path and the production path run different code, so what passes locally is not what runs in production.',
    remediation: 'Remove the branch and express the difference as configuration: a separate env var (DATABASE_SSL=false, REDIS_TLS=true) or the URL itself (rediss:// vs redis://, ?sslmode=require).',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php']
  },
  files: { kinds: ['source'], languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php'], roles: ['app'] },
  keywords: ['localhost', '127.0.0.1', "'::1'", '"::1"'],
  check(file, report) {
    if (isDevOrTestName(file.path)) return
    const usesClient = CLIENT_HINT.test(file.code)
    const lines = file.code.split(/\r\n|\r|\n/)
    lines.forEach((line, i) => {
      if (line.length > 4000) return
      const lit = LOCAL_LITERAL.exec(line)
      if (!lit || !COMPARISON.test(line) || !CONDITION.test(line) || REQUEST_HOST.test(line)) return
      // Building an allow-list of local origins (CORS, CSP, dev-server origins) picks no backing service.
      if (ORIGIN_CONTEXT.test(lines.slice(Math.max(0, i - 15), i + 1).join('\n'))) return
      // The operand compared with the literal: the rest of the line without string literals.
      const envNames = [...line.matchAll(/\b(?:ENV|environ|getenv|Getenv|env)\s*(?:\.get|\.fetch)?\s*[[(]\s*(['"])(\w{1,100})\1/g)].map((e) => e[2])
      const operands = `${line.replace(/(['"])(?:\\.|(?!\1).){0,500}\1/g, ' ')} ${envNames.join(' ')}`
      const idents = operands.match(/[A-Za-z_][\w.]{0,80}/g) ?? []
      const named0 = idents.find((t) => SERVICE_NAME.test(t)) ?? (usesClient ? idents.find((t) => GENERIC_NAME.test(t)) : undefined)
      if (!named0) return
      const named = named0.replace(/\.(includes|startsWith|endsWith|equals|equalsIgnoreCase|contains|match|include|start_with)$/, '')
      report({
        line: i + 1,
        column: lit.index + 1,
        message: `Branches on \`${lit[2]}\` (compared with \`${named}\`): local and remote backing services take different code paths`,
        remediation: 'Drive the difference from configuration instead of the host name, e.g. `ssl: process.env.DATABASE_SSL === "true"` (Node), `sslmode` in DATABASE_URL (Python/Ruby/Go), `rediss://` for TLS Redis.'
      })
    })
  }
}
