// TF0401: a backing service located by a literal in code or committed config: connection URLs
// (postgres://, redis://, amqp://, mongodb+srv://, jdbc:...), Kafka broker lists, SMTP relays,
// Elasticsearch and S3-compatible endpoints, and `host:` literals handed to a client library.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Severity } from '../../engine/types.js'
import { CLIENT_HINT, docstringRanges, envSnippet, findLocators, inDevBranch, isDevOrTestName, isEnvFallback, isProse, type Locator, type ServiceKind } from '../shared/backing-service-urls.js'

const CODE_LANGS = ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php'] as const
/** Top-level sections of multi-environment config files (database.yml, config/config.json) that never deploy. */
const DEV_SECTION = /^(development|dev|test|testing|local|ci)$/i
const HOST_KEY = /\b(host|hostname)\s*[:=]\s*(['"])([A-Za-z0-9][\w.-]{0,252})\2/g
/** Every locator findLocators or HOST_KEY can yield contains one of these: other lines are not looked at. */
const CANDIDATE_LINE = /:\/\/|host|smtp|mail\.|:(?:909[2-4]|19092|29092)/
const BIND_CONTEXT = /\b(listen|bind|app\.run|uvicorn|gunicorn|serve|devServer)\b/i

function sectionTracker(file: SourceFile): (line: string) => string | undefined {
  let section: string | undefined
  if (file.kind === 'yaml') {
    return (line) => {
      const m = /^([A-Za-z_][\w-]{0,60}):/.exec(line)
      if (m) section = m[1]
      return section
    }
  }
  if (file.kind === 'json') {
    return (line) => {
      const m = /^\s{0,4}"([\w-]{1,60})"\s*:\s*\{/.exec(line)
      if (m && /^\s{0,4}"/.test(line) && line.indexOf('"') <= 4) section = m[1]
      return section
    }
  }
  return () => undefined
}

/** The service a `host:` literal most likely names, from the client libraries the file uses. */
function serviceOf(code: string): [ServiceKind, string] {
  if (/redis/i.test(code)) return ['cache', 'REDIS_URL']
  if (/mongo/i.test(code)) return ['database', 'MONGODB_URI']
  if (/amqp|rabbit|pika|bunny|kombu/i.test(code)) return ['queue', 'AMQP_URL']
  if (/kafka|sarama/i.test(code)) return ['queue', 'KAFKA_BROKERS']
  if (/smtp|mail/i.test(code)) return ['smtp', 'SMTP_HOST']
  if (/elastic/i.test(code)) return ['search', 'ELASTICSEARCH_URL']
  return ['database', 'DATABASE_URL']
}
const NAMED_DEFAULT = /\b\w*(default|fallback)\w*['"]?\s*[:=]\s*[^:=]{0,40}$/i
/** A key on the same line naming the service whose `host:` this is: `db: { host: '...' }`. */
const SERVICE_KEY = /\b(db|database|redis|mongo\w*|postgres\w*|pg|mysql|cache|queue|amqp|rabbit\w*|kafka|smtp|mail\w*|elastic\w*|broker)\s*[:=]\s*\{/i
/** Parameter defaults (`def connect(host='localhost')`) describe an API, not a deploy. */
const DEFINITION = /^\s*(export\s+)?(async\s+)?(def|function|func|fun|public|private|protected|static)\b|\bfunction\b|\bconstructor\s*\(/

export const hardcodedServiceLocator: Rule = {
  meta: {
    id: 'TF0401',
    name: 'hardcoded-service-locator',
    factor: 'IV',
    severity: 'error',
    summary: 'A database, cache, queue, search, SMTP or object-storage service is located by a literal URL or host in code or committed config.',
    why:
      'Factor IV treats every backing service as an attached resource: the deploy, not the code, says which database or queue the app talks to, so a local Postgres can be swapped for a managed one (or a failed replica for a restored one) without a code change. A literal host ties the code to one deploy.',
    remediation: 'Read the locator from the environment (DATABASE_URL, REDIS_URL, AMQP_URL...) and fail fast when it is missing; keep local defaults in .env.example or docker-compose, not in code.',
    languages: [...CODE_LANGS]
  },
  files: { kinds: ['source', 'yaml', 'json', 'properties', 'toml', 'ini', 'xml'], roles: ['app'] },
  keywords: ['://', 'smtp', 'mail.', ':909', 'host'],
  check(file, report, ctx) {
    if (isDevOrTestName(file.path)) return
    const isCode = file.kind === 'source'
    if (isCode && !(CODE_LANGS as readonly string[]).includes(file.language)) return
    const spring = /(^|\/)application(-[\w]+)?\.(properties|ya?ml)$/.test(file.path)
    const lines = file.code.split(/\r\n|\r|\n/)
    const section = sectionTracker(file)
    const usesClient = isCode && CLIENT_HINT.test(file.code)
    const language = isCode ? file.language : (ctx.app?.language ?? 'none')
    const docstrings = (file.language === 'python' ? docstringRanges(file.code) : []).map(([a, b]) => [file.position(a).line, file.position(b).line])
    lines.forEach((line, i) => {
      const sec = section(line)
      if (!CANDIDATE_LINE.test(line) || line.length > 4000 || (sec && DEV_SECTION.test(sec))) return
      if (isCode && (isProse(line) || inDevBranch(lines, i))) return
      if (docstrings.some(([a, b]) => i + 1 >= a && i + 1 <= b)) return
      const found: Locator[] = findLocators(line).filter((l) => !(file.language === 'python' && l.kind === 'smtp' && /EMAIL_HOST\s*=/.test(line)))
      if ((usesClient || SERVICE_KEY.test(line)) && !BIND_CONTEXT.test(line) && !DEFINITION.test(line)) {
        HOST_KEY.lastIndex = 0
        for (let m = HOST_KEY.exec(line); m; m = HOST_KEY.exec(line)) {
          const host = m[3]
          if (!/^(localhost|\d{1,3}(\.\d{1,3}){3}|[\w-]{1,63}(\.[\w-]{1,63}){1,10})$/.test(host) || /^(0\.0\.0\.0|127\.0\.0\.1)$/.test(host) && /listen|bind/i.test(line)) continue
          if (/^(0\.0\.0\.0)$/.test(host) || /\.(js|ts|py|rb|json|ya?ml|html?)$/i.test(host)) continue
          if (found.some((f) => f.host === host)) continue
          const [kind, envVar] = serviceOf(file.code)
          found.push({ token: host, host, kind, envVar, index: m.index + m[0].indexOf(host) })
        }
      }
      for (const loc of found) {
        // DEFAULT_REDIS_URL = 'redis://localhost:6379': a named default, used as some lookup's fallback.
        const fallback = isEnvFallback(line, lines[i - 1] ?? '') || NAMED_DEFAULT.test(line.slice(0, loc.index))
        const severity: Severity = fallback || spring ? 'notice' : isCode ? 'error' : 'warning'
        const what = loc.kind === 'smtp' ? 'SMTP relay' : loc.kind === 'search' ? 'search cluster' : loc.kind === 'object storage' ? 'object-storage endpoint' : `${loc.kind} locator`
        const noun = loc.kind === 'smtp' ? 'mail relay' : loc.kind === 'search' ? 'search cluster' : loc.kind === 'object storage' ? 'object store' : loc.kind
        const message = fallback
          ? `${what} \`${loc.token}\` is the fallback of an environment lookup: a deploy that forgets the variable silently talks to this host`
          : spring
            ? `${what} \`${loc.token}\` is a literal in Spring config: only an environment override (e.g. SPRING_DATASOURCE_URL) keeps deploys apart`
            : `${what} \`${loc.token}\` is hardcoded: the deploy cannot attach a different ${noun} without a code change`
        report({
          line: i + 1,
          column: loc.index + 1,
          severity,
          message,
          ...(loc.secret ? { secret: loc.secret } : {}),
          remediation: fallback
            ? `Require the variable instead of defaulting to a host: ${envSnippet(loc.envVar, language, ctx.app, isCode ? 'code' : 'config')}; keep local values in .env.example or docker-compose.`
            : spring
              ? `Use a placeholder without a literal default: \`\${${loc.envVar}}\`, or leave the key out and set it per deploy (SPRING_DATASOURCE_URL, SPRING_DATA_REDIS_HOST...).`
              : `Read it from the environment: ${envSnippet(loc.envVar, language, ctx.app, isCode ? 'code' : 'config')}.`
        })
      }
    })
  }
}
