// Factor IV helpers: backing-service locators (connection URLs, broker lists, SMTP hosts) found in
// a line of text, env-lookup fallbacks, and the per-framework way to read a locator from the
// environment. Linear-time regexes only.
import type { App } from '../../engine/apps.js'
import type { Language } from '../../engine/types.js'
import { isStackDefault } from './placeholders.js'

export type ServiceKind = 'database' | 'cache' | 'queue' | 'search' | 'smtp' | 'object storage'

export interface Locator {
  /** The locator without credentials, e.g. postgres://db.prod.internal:5432 */
  token: string
  host: string
  kind: ServiceKind
  /** Env var name the fix suggests. */
  envVar: string
  /** Password in the URL's userinfo, for redaction. */
  secret?: string
  /** 0-based offset of the match in the scanned text. */
  index: number
}

const SCHEME_KIND: Record<string, [ServiceKind, string]> = {
  mongodb: ['database', 'MONGODB_URI'], 'mongodb+srv': ['database', 'MONGODB_URI'],
  postgres: ['database', 'DATABASE_URL'], postgresql: ['database', 'DATABASE_URL'], 'postgresql+psycopg2': ['database', 'DATABASE_URL'], 'postgresql+psycopg': ['database', 'DATABASE_URL'], 'postgresql+asyncpg': ['database', 'DATABASE_URL'],
  mysql: ['database', 'DATABASE_URL'], 'mysql+pymysql': ['database', 'DATABASE_URL'], 'mysql+mysqldb': ['database', 'DATABASE_URL'], mysql2: ['database', 'DATABASE_URL'], mariadb: ['database', 'DATABASE_URL'],
  sqlserver: ['database', 'DATABASE_URL'], mssql: ['database', 'DATABASE_URL'], cockroachdb: ['database', 'DATABASE_URL'], clickhouse: ['database', 'CLICKHOUSE_URL'],
  cassandra: ['database', 'CASSANDRA_URL'], neo4j: ['database', 'NEO4J_URI'], 'neo4j+s': ['database', 'NEO4J_URI'], bolt: ['database', 'NEO4J_URI'], couchbase: ['database', 'COUCHBASE_URL'],
  redis: ['cache', 'REDIS_URL'], rediss: ['cache', 'REDIS_URL'], memcached: ['cache', 'MEMCACHED_URL'], memcache: ['cache', 'MEMCACHED_URL'],
  amqp: ['queue', 'AMQP_URL'], amqps: ['queue', 'AMQP_URL'], kafka: ['queue', 'KAFKA_BROKERS'], nats: ['queue', 'NATS_URL'], sqs: ['queue', 'SQS_QUEUE_URL'],
  smtp: ['smtp', 'SMTP_URL'], smtps: ['smtp', 'SMTP_URL'],
  elasticsearch: ['search', 'ELASTICSEARCH_URL'], opensearch: ['search', 'OPENSEARCH_URL']
}

// scheme://[user[:password]@]host[:port]; jdbc:<db>://host and the Oracle thin form are normalised.
const URL_RE = /\b(?:jdbc:)?([a-z][a-z0-9+]{1,24}):\/\/(?:([^\s'"`@/:]{0,200})(?::([^\s'"`@/]{0,200}))?@)?(\[[0-9a-fA-F:]{2,45}\]|[A-Za-z0-9_.${}<>%-]{1,253})(?::(\d{1,5}))?/g
const HTTP_SEARCH_PORTS = new Set(['9200', '9243', '8983'])
const S3_HOST = /(^|\.)(s3([.-][\w-]{1,40})?\.amazonaws\.com|digitaloceanspaces\.com|r2\.cloudflarestorage\.com|storage\.googleapis\.com|backblazeb2\.com)$/i
/** Placeholder hosts in messages and docstrings: host, hostname, example.com, <host>, ${HOST}. */
const PLACEHOLDER_HOST = /^(host|hostname|server|your[\w-]*|my[\w-]*host|example(\.\w+)?|[\w.-]*\.example(\.\w+)?|[\w.-]*example\.(com|org|net)|x+|\*|.*[${}<>%].*)$/i

/**
 * JavaMail/Jakarta Mail and Spring property keys (`mail.smtp.host`, `mail.transport.protocol`,
 * `mail.store.protocol`, `smtp.starttls.enable`): names of settings, not hosts.
 */
const MAIL_PROPERTY_KEY = /^(?:mail\.(?:smtps?|imaps?|pop3s?|transport|store|debug|mime|event|from|user|host|port|protocol)(?:\.|$)|[\w.-]*\.(?:host|port|protocol|auth|timeout|connectiontimeout|writetimeout|user|username|password|from|enable|required|starttls|ssl|class|debug|trust|socketFactory|fallback|quitwait|localhost)$)/i

/**
 * `es`, `es01`, `es-master`, `es.internal`: an Elasticsearch node by its usual short name. A public
 * site's language subdomain (`es.wikipedia.org`, `es.example.com`) is not, unless a port says so.
 */
function isEsHost(host: string, port: string | undefined): boolean {
  if (!/(^|[.-])es\d*([.-]|$)/i.test(host)) return false
  return port !== undefined || !host.includes('.') || /\.(local|internal|lan|svc|cluster\.local|consul)$/i.test(host)
}

export function findLocators(text: string): Locator[] {
  const out: Locator[] = []
  if (text.length > 4000) return out
  URL_RE.lastIndex = 0
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    const scheme = m[1].toLowerCase()
    const host = m[4]
    const port = m[5]
    if (PLACEHOLDER_HOST.test(host) || !/[A-Za-z0-9]/.test(host)) continue
    let kind = SCHEME_KIND[scheme]
    if (!kind && (scheme === 'http' || scheme === 'https')) {
      if ((port && HTTP_SEARCH_PORTS.has(port)) || /(^|[.-])(elasticsearch|opensearch)([.-]|$)|\.found\.io$|\.elastic-cloud\.com$/i.test(host) || isEsHost(host, port)) kind = ['search', 'ELASTICSEARCH_URL']
      else if (S3_HOST.test(host) && /endpoint/i.test(text)) kind = ['object storage', 'S3_ENDPOINT']
    }
    if (!kind) continue
    const password = m[3]
    out.push({
      token: `${scheme}://${host}${port ? `:${port}` : ''}`,
      host,
      kind: kind[0],
      envVar: kind[1],
      // A stack's documented default login (postgres:postgres@db) is no secret: masking it would mangle the message.
      ...(password && !/^[${<%*]/.test(password) && !isStackDefault(m[2] ?? '', password, host) ? { secret: password } : {}),
      index: m.index
    })
  }
  // Kafka broker lists and SMTP relays are usually bare host[:port] strings.
  const broker = /(['"])([A-Za-z0-9][\w.-]{0,200}):(909[2-4]|19092|29092)\1/.exec(text)
  if (broker && /broker|bootstrap|kafka/i.test(text) && !PLACEHOLDER_HOST.test(broker[2])) {
    out.push({ token: `${broker[2]}:${broker[3]}`, host: broker[2], kind: 'queue', envVar: 'KAFKA_BROKERS', index: broker.index + 1 })
  }
  for (const smtp of text.matchAll(/(['"])((?:smtp|email-smtp|smtp-relay|mail)\.[\w-]{1,63}(?:\.[\w-]{1,63}){1,6})\1/g)) {
    if (!/\.[a-z]{2,}$/i.test(smtp[2]) || PLACEHOLDER_HOST.test(smtp[2]) || MAIL_PROPERTY_KEY.test(smtp[2])) continue
    out.push({ token: smtp[2], host: smtp[2], kind: 'smtp', envVar: 'SMTP_HOST', index: smtp.index + 1 })
    break
  }
  return out
}

/** Env lookups whose literal operand is only a fallback. */
const ENV_LOOKUP =
  /process\.env|import\.meta\.env|\bDeno\.env|\bBun\.env|os\.environ|os\.getenv|\bgetenv\s*\(|\bENV\s*(\[|\.fetch)|System\.getenv|System\.getProperty|os\.(Getenv|LookupEnv)|\benv\s*\(|\benv\.(str|db|cache|url|email_url|search_url)\s*\(|\bconfig\s*\(\s*['"][A-Z_]|dj_database_url|\$\{[A-Za-z_][\w.-]{0,100}:|\bdefault\s*=|\benv\s*:\s*['"]|\$\{\{?\s*env/

export function isEnvFallback(line: string, previous = ''): boolean {
  return ENV_LOOKUP.test(line) || /(os\.environ\.get|os\.getenv|ENV\.fetch|getenv)\s*\(\s*$|,\s*$/.test(previous) && ENV_LOOKUP.test(previous)
}

/** Config readers that take a default: Ktor/Typesafe `tryGetString`, `propertyOrNull`, `getOrDefault`, viper `SetDefault`, Go flags `flag.String("db", "...", ...)`. */
const CONFIG_LOOKUP = /\b(tryGetString|propertyOrNull|getStringOrNull|getOrDefault|getOrElse|getProperty|SetDefault)\s*\(|\b(flag|Flags\(\)|PersistentFlags\(\)|pflag)\.String(Var)?P?\s*\(/
/** `getEnv("REDIS_URL", ...)`, `env.str("REDIS_URL", ...)`, `config("REDIS_URL", ...)`: a helper reading a named variable. */
const NAMED_READ = /\b([\w.]{1,60})\s*\(\s*['"][A-Z][A-Z0-9_]{1,80}['"]\s*,/g
const ENV_HELPER_NAME = /env|config|setting/i
/** A line that leaves its statement open: the next line is part of it. */
const OPEN_END = /(\(|\[|,|\|\||\?\?|\?:|=|\bor|\\|\+)\s*$|\bfetch\s*\([^()]{0,200}\)\s*(\{|\bdo)\s*$/
/** A line that continues the one before (`?: "..."`, `.orElse(`, `|| '...'`). */
const CONTINUED = /^\s*(\?:|\|\||\?\?|\.|or\b|\)|\+)/

/** The statement text before offset `index` of line `i`, with the lines it continues (at most 4). */
export function statementBefore(lines: readonly string[], i: number, index: number): string {
  let text = (lines[i] ?? '').slice(0, index)
  let first = lines[i] ?? ''
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const prev = lines[j]
    if (prev.length > 4000 || !(OPEN_END.test(prev) || CONTINUED.test(first))) break
    text = `${prev}\n${text}`
    first = prev
  }
  return text
}

const ENV_LOOKUP_G = new RegExp(ENV_LOOKUP.source, 'g')
const CONFIG_LOOKUP_G = new RegExp(CONFIG_LOOKUP.source, 'g')
/** Compiled `env.X` / `env['X']` / `env.get(` patterns per alias name (bounded cache). */
const ALIAS_RE = new Map<string, RegExp>()

/** Offset of the last environment/config lookup in `text`, or -1. `aliases` are names bound to the env map (`const env = process.env`). */
function lastLookup(text: string, aliases: readonly string[]): number {
  let at = -1
  ENV_LOOKUP_G.lastIndex = 0
  for (let m = ENV_LOOKUP_G.exec(text); m; m = ENV_LOOKUP_G.exec(text)) at = m.index
  CONFIG_LOOKUP_G.lastIndex = 0
  for (let m = CONFIG_LOOKUP_G.exec(text); m; m = CONFIG_LOOKUP_G.exec(text)) at = Math.max(at, m.index)
  NAMED_READ.lastIndex = 0
  for (let m = NAMED_READ.exec(text); m; m = NAMED_READ.exec(text)) if (ENV_HELPER_NAME.test(m[1])) at = Math.max(at, m.index)
  for (const name of aliases) {
    let re = ALIAS_RE.get(name)
    if (ALIAS_RE.size > 500) ALIAS_RE.clear()
    if (!re) ALIAS_RE.set(name, (re = new RegExp(`\\b${name}(\\.[A-Z]|\\[['"]|\\.get\\s*\\()`, 'g')))
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) at = Math.max(at, m.index)
  }
  return at
}

/** Names bound to the whole environment map: `const env = process.env`, `env = os.environ`. */
export function envAliases(code: string): string[] {
  const out = new Set<string>(['env'])
  // `name = process.env` read backwards from the env object: a regex starting at every word cost more than the rule
  const re = /(process\.env|os\.environ|import\.meta\.env|System\.getenv\(\s*\))\s*(;|$)/gm
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const name = /\b(\w{1,40})\s*=\s*$/.exec(code.slice(Math.max(0, m.index - 200), m.index))
    if (name) out.add(name[1])
  }
  return [...out]
}

/**
 * Is the literal at offset `index` of line `i` the fallback of an environment or config lookup of
 * the same statement: `process.env.X || '...'`, `getenv("X", "...")`, `System.getenv("X")\n ?: "..."`,
 * `ENV.fetch("X") do\n "..."`? Not when the lookup's call is closed and the literal is a separate
 * argument: `Client(System.getenv("H"), "redis://prod")`.
 */
export function isFallbackAt(lines: readonly string[], i: number, index: number, aliases: readonly string[] = ['env']): boolean {
  const text = statementBefore(lines, i, index)
  const at = lastLookup(text, aliases)
  if (at < 0) return false
  let depth = 0
  for (let k = at; k < text.length; k++) {
    const c = text[k]
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, k + 1)
      if (close < 0) break
      k = close
    } else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    else if ((c === ',' || c === ';') && depth <= 0) return false
  }
  return true
}

/** Libraries that talk to a backing service: a `host:` in a file using one names that service. */
export const CLIENT_HINT =
  /\b(pg|postgres|mysql2?|mariadb|mongoose|mongodb|redis|ioredis|bull(mq)?|amqplib|kafkajs|nodemailer|@elastic\/elasticsearch|knex|sequelize|typeorm|prisma|psycopg2?|pymysql|MySQLdb|sqlalchemy|create_engine|pymongo|motor|smtplib|pika|kombu|celery|confluent_kafka|elasticsearch|aiokafka|Sequel|ActiveRecord|Redis\.new|Bunny|Jedis|Lettuce|JavaMailSender|DriverManager|database\/sql|go-redis|sarama|amqp091|gorm|mgo)\b/

/** How to read a locator from the environment, in the app's language/framework; `config` for YAML/properties files. */
export function envSnippet(envVar: string, language: Language, app?: App, where: 'code' | 'config' = 'code', configPath = ''): string {
  const fw = app?.framework
  switch (language) {
    case 'javascript':
    case 'typescript':
      if (where === 'code') return `\`const url = process.env.${envVar}; if (!url) throw new Error('${envVar} is not set')\``
      // node-config's advice only for node-config's own folder; another YAML of a Node app is loaded by something else.
      return /(^|\/)config\//.test(configPath)
        ? `map the key to ${envVar} (node-config: config/custom-environment-variables.json)`
        : `take it from the ${envVar} environment variable where this file is loaded (\`\${${envVar}}\` if the loader expands variables)`
    case 'python':
      if (fw === 'django' && envVar === 'DATABASE_URL') return "`DATABASES = {'default': dj_database_url.config(conn_max_age=600)}` (reads DATABASE_URL)"
      return `\`${envVar} = os.environ['${envVar}']\``
    case 'ruby':
      return where === 'config' ? `\`url: <%= ENV.fetch("${envVar}") %>\`` : `\`ENV.fetch("${envVar}")\``
    case 'java':
    case 'kotlin':
      if (where === 'config') return `\`\${${envVar}}\` (a placeholder without a literal default)`
      if (fw === 'spring-boot') return language === 'kotlin' ? `\`@Value("\\\${${envVar}}") lateinit var url: String\`` : `\`@Value("\${${envVar}}") String url;\``
      return `\`System.getenv("${envVar}")\``
    case 'go':
      return `\`url, ok := os.LookupEnv("${envVar}"); if !ok { log.Fatal("${envVar} is not set") }\``
    case 'php':
      return fw === 'laravel' ? `\`env('${envVar}')\` in config/*.php` : `\`getenv('${envVar}')\``
    default:
      return `${envVar} from the environment`
  }
}

/** Prose around a URL: help texts, examples, log lines name a locator without connecting to it. */
const PROSE = /\b(e\.g\.|for example|example:|such as|usage:|help\s*=|description\s*[:=])|\b(console\.(log|info|warn|error|debug)|logger\.\w+|logging\.\w+|log\.(Print\w*|Fatal\w*|info|warn|error|debug)|print|puts|fmt\.(Print|Sprint|Errorf)\w*|System\.(out|err)\.print\w*)\s*\(/i

export function isProse(line: string): boolean {
  return PROSE.test(line)
}

/** Offsets covered by Python triple-quoted strings (docstrings): documentation, not configuration. */
export function docstringRanges(code: string): [number, number][] {
  const out: [number, number][] = []
  const re = /("""|''')/g
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const end = code.indexOf(m[1], m.index + 3)
    const stop = end === -1 ? code.length : end + 3
    out.push([m.index, stop])
    re.lastIndex = stop
  }
  return out
}

