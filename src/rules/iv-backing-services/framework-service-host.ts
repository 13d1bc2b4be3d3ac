// TF0403: a framework's backing-service settings given a literal host: Django DATABASES/CACHES HOST
// and EMAIL_HOST, Rails database.yml/cable.yml/storage.yml `host:`/`endpoint:`, Spring
// spring.*.host / bootstrap-servers (notice: Spring lets the environment override), node-config
// config/*.json `host`. URLs are TF0401's; this rule reads the host keys frameworks use instead.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Report } from '../../engine/types.js'
import { devProfileLines } from '../shared/config-entries.js'
import { isDevOrTestName } from '../../model/paths.js'

/** A literal that names a host (not empty, not a placeholder, not a bind-all address). */
function isLiteralHost(v: string): boolean {
  return /^(localhost|\d{1,3}(\.\d{1,3}){3}|[A-Za-z0-9][\w-]{0,62}(\.[\w-]{1,63}){0,10})$/.test(v) && !/^(0\.0\.0\.0|host|hostname|example\.com)$/i.test(v)
}

function django(file: SourceFile, out: (r: Report) => void): void {
  const lines = file.code.split(/\r\n|\r|\n/)
  let block: string | undefined
  lines.forEach((line, i) => {
    if (line.length > 4000) return
    const top = /^([A-Z][A-Z0-9_]*)\s*=/.exec(line)
    if (top) block = top[1]
    const email = /^(EMAIL_HOST)\s*=\s*(['"])([^'"]{1,253})\2\s*$/.exec(line)
    if (email && isLiteralHost(email[3])) {
      out({ line: i + 1, column: line.indexOf(email[3]) + 1, message: `Django \`EMAIL_HOST\` is the literal \`${email[3]}\`: the SMTP relay is fixed in code`, remediation: "Read it from the environment: `EMAIL_HOST = os.environ['EMAIL_HOST']` (or `env.email_url('EMAIL_URL')` with django-environ)." })
      return
    }
    if (block !== 'DATABASES' && block !== 'CACHES') return
    const host = /(['"])(HOST|LOCATION)\1\s*:\s*(['"])([^'"]{1,253})\3/.exec(line)
    if (!host || !isLiteralHost(host[4].replace(/:\d+$/, ''))) return
    // LocMemCache 'unique-snowflake', DatabaseCache 'my_cache_table': a name, not a network location.
    // twelve-factor-ignore TF0402 -- compares a host parsed from audited settings; this code picks no backing service
    if (host[2] === 'LOCATION' && !/[.:]/.test(host[4]) && host[4] !== 'localhost') return
    const db = block === 'DATABASES'
    out({
      line: i + 1,
      column: line.indexOf(host[4], host.index) + 1,
      message: `Django ${block} \`${host[2]}\` is the literal \`${host[4]}\`: the ${db ? 'database' : 'cache'} is fixed in settings`,
      remediation: db ? "Attach the database from the environment: `DATABASES = {'default': dj_database_url.config(conn_max_age=600)}` (reads DATABASE_URL), or `'HOST': os.environ['DB_HOST']`." : "Read the cache locator from the environment: `'LOCATION': os.environ['REDIS_URL']`."
    })
  })
}

/** Rails config/*.yml: host/endpoint literals outside development/test sections (ERB lookups are fine). */
function railsYaml(file: SourceFile, out: (r: Report) => void): void {
  let section = ''
  const lines = file.code.split(/\r\n|\r|\n/)
  lines.forEach((line, i) => {
    if (line.length > 4000) return
    const top = /^([A-Za-z_][\w-]{0,60}):/.exec(line)
    if (top) section = top[1]
    if (/^(development|test|local)$/i.test(section)) return
    const m = /^\s+(host|endpoint|server):\s*(['"]?)([^'"\s#<]{1,253})\2\s*$/.exec(line)
    if (!m) return
    const value = m[3].replace(/^https?:\/\//, '').replace(/[:/].*$/, '')
    if (!isLiteralHost(value)) return
    // `url: <%= ENV["DATABASE_URL"] %>` in the same block wins over `host:`: the literal is a default the deploy overrides.
    if (siblingEnvUrl(lines, i)) return
    out({
      line: i + 1,
      column: line.indexOf(m[3]) + 1,
      message: `\`${m[1]}: ${m[3]}\` in ${file.name} (${section || 'top level'}) fixes the service's location in committed config`,
      remediation: `Use ERB to read it from the environment: \`${m[1]}: <%= ENV.fetch("${m[1] === 'endpoint' ? 'S3_ENDPOINT' : 'DB_HOST'}") %>\`, or give the whole locator as \`url: <%= ENV["DATABASE_URL"] %>\`.`
    })
  })
}

/** A sibling key of line `i` (same indentation, same block) that reads the whole locator from the environment. */
function siblingEnvUrl(lines: readonly string[], i: number): boolean {
  const indent = lines[i].search(/\S/)
  const sibling = (l: string): boolean => l.search(/\S/) === indent && /^\s+url:\s*['"]?<%=[^%]*\bENV\b/.test(l)
  for (let j = i - 1; j >= 0 && j >= i - 40; j--) {
    if (lines[j].trim() === '' || lines[j].trim().startsWith('#')) continue
    if (lines[j].search(/\S/) < indent) break
    if (sibling(lines[j])) return true
  }
  for (let j = i + 1; j < lines.length && j <= i + 40; j++) {
    if (lines[j].trim() === '' || lines[j].trim().startsWith('#')) continue
    if (lines[j].search(/\S/) < indent) break
    if (sibling(lines[j])) return true
  }
  return false
}

const SPRING_KEY = /^(spring\.(data\.)?(redis|mongodb|rabbitmq|elasticsearch|cassandra|neo4j|couchbase)\.host|spring\.mail\.host|spring\.kafka\.bootstrap-servers|spring\.rabbitmq\.addresses|spring\.data\.cassandra\.contact-points)$/

/** Spring application*.properties and application*.yml (flattened by indentation). */
function spring(file: SourceFile, out: (r: Report) => void): void {
  const stack: { indent: number; key: string }[] = []
  const yaml = file.kind === 'yaml'
  const lines = file.code.split(/\r\n|\r|\n/)
  const devProfile = devProfileLines(lines)
  lines.forEach((line, i) => {
    if (line.length > 4000 || devProfile[i]) return
    let key: string
    let value: string
    if (yaml) {
      const m = /^(\s*)([\w.-]{1,100}):\s*(.*?)\s*$/.exec(line)
      if (!m) return
      const indent = m[1].length
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop()
      stack.push({ indent, key: m[2] })
      key = stack.map((s) => s.key).join('.')
      value = m[3].replace(/^(['"])(.*)\1$/, '$2')
    } else {
      const m = /^\s*([\w.-]{1,200})\s*[=:]\s*(.*?)\s*$/.exec(line)
      if (!m) return
      key = m[1]
      value = m[2]
    }
    if (!SPRING_KEY.test(key) || !value) return
    // ${KAFKA_BROKERS:localhost:9092}: the literal is the fallback of a placeholder.
    const placeholder = /^\$\{[\w.-]{1,100}:([^}]{1,500})\}$/.exec(value)
    if (value.includes('${') && !placeholder) return
    const literal = placeholder ? placeholder[1] : value
    const first = literal.split(',')[0].trim().replace(/:\d+$/, '')
    if (!isLiteralHost(first)) return
    out({
      line: i + 1,
      column: line.indexOf(literal) + 1,
      severity: 'notice',
      message: placeholder
        ? `\`${key}\` falls back to \`${literal}\` when the placeholder's variable is missing: a deploy that forgets it silently talks to that host`
        : `\`${key}\` is the literal \`${value}\`: Spring lets the environment override it, but the committed default points every deploy at one host`,
      remediation: `Use a placeholder without a literal default (\`${key}=\${${key.split('.').slice(-2).join('_').replace(/-/g, '_').toUpperCase()}}\`) or set \`${key.toUpperCase().replace(/[.-]/g, '_')}\` per deploy and drop the key.`
    })
  })
}

const NODE_SERVICE_PATH = /(db|database|redis|mongo|postgres|pg|mysql|cache|queue|amqp|rabbit|kafka|smtp|mail|elastic|search|s3|storage|broker|sequelize|knex|typeorm)/i

/** node-config / Sequelize config/*.json: "host" under a service-named object. */
function nodeConfig(file: SourceFile, out: (r: Report) => void): void {
  const stack: { indent: number; key: string }[] = []
  file.text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.length > 4000) return
    const m = /^(\s*)"([\w.-]{1,100})"\s*:\s*(.*?),?\s*$/.exec(line)
    if (!m) return
    const indent = m[1].length
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop()
    stack.push({ indent, key: m[2] })
    if (/^(development|dev|test|local)$/i.test(stack[0]?.key ?? '')) return
    if (!/^(host|hostname)$/.test(m[2])) return
    const v = /^"([^"]{1,253})"$/.exec(m[3])
    if (!v || !isLiteralHost(v[1])) return
    const path = stack.slice(0, -1).map((s) => s.key).join('.')
    if (!NODE_SERVICE_PATH.test(path) && !/(^|\/)config\/(config|database|db)\.json$/.test(file.path)) return
    out({
      line: i + 1,
      column: line.indexOf(v[1]) + 1,
      message: `\`${path ? `${path}.` : ''}${m[2]}\` is the literal \`${v[1]}\` in ${file.name}: the service's location is committed config`,
      remediation: 'Map it to the environment: with node-config add it to config/custom-environment-variables.json (`{"db": {"host": "DB_HOST"}}`); with Sequelize use `"use_env_variable": "DATABASE_URL"`.'
    })
  })
}

export const frameworkServiceHost: Rule = {
  meta: {
    id: 'TF0403',
    name: 'framework-service-host',
    factor: 'IV',
    severity: 'warning',
    summary: 'Framework config gives a backing service a literal host: Django DATABASES/CACHES/EMAIL_HOST, Rails database.yml/cable.yml/storage.yml, Spring spring.*.host, node-config JSON.',
    why:
      'Factor IV: a backing service is attached by the deploy, through config the app reads from its environment. A host written into settings.py, database.yml or application.properties makes every deploy point at the same machine unless someone edits code.',
    remediation: 'Read the host (better: the whole locator URL) from the environment with the framework\'s own mechanism: dj_database_url / os.environ in Django, ERB ENV.fetch in Rails YAML, ${...} placeholders in Spring, custom-environment-variables.json with node-config.',
    languages: ['python', 'ruby', 'java', 'javascript', 'typescript']
  },
  files: { kinds: ['source', 'yaml', 'properties', 'json'], roles: ['app'] },
  keywords: ['host', 'location', 'endpoint', 'bootstrap-servers', 'addresses', 'contact-points'],
  check(file, report) {
    if (isDevOrTestName(file.path)) return
    const p = file.path
    if (file.language === 'python' && /(^|\/)(settings(_\w+)?\.py|settings\/[\w]+\.py)$/.test(p) && !/(^|\/)settings\/(dev|local|test)/.test(p)) django(file, report)
    else if (file.kind === 'yaml' && /(^|\/)config\/(database|cable|storage|redis|sidekiq|mongoid)\.yml$/.test(p)) railsYaml(file, report)
    else if ((file.kind === 'properties' || file.kind === 'yaml') && /(^|\/)application(-\w+)?\.(properties|ya?ml)$/.test(p)) spring(file, report)
    else if (file.kind === 'json' && /(^|\/)config\/[\w.-]+\.json$/.test(p) && !/custom-environment-variables/.test(p)) nodeConfig(file, report)
  }
}
