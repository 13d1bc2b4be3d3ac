// TF0401: a backing service located by a literal in code or committed config: connection URLs
// (postgres://, redis://, amqp://, mongodb+srv://, jdbc:...), Kafka broker lists, SMTP relays,
// Elasticsearch and S3-compatible endpoints, and `host:` literals handed to a client library.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Severity } from '../../engine/types.js'
import { CLIENT_HINT, docstringRanges, envAliases, envSnippet, findLocators, isFallbackAt, isProse, statementBefore, type Locator, type ServiceKind } from '../shared/backing-service-urls.js'
import { devProfileLines, hoconOverrides } from '../shared/config-entries.js'
import { isDevOrTestName } from '../../model/paths.js'
import { inNonProductionBlock } from '../../model/blocks.js'

const CODE_LANGS = ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php'] as const
/** Top-level sections of multi-environment config files (database.yml, config/config.json) that never deploy. */
const DEV_SECTION = /^(development|dev|test|testing|local|ci)$/i
/** INI/TOML sections of test runners: `[pytest]`, `[tool:pytest]`, `[tool.pytest.ini_options]`, `[testenv:py312]`. */
const TEST_SECTION = /^(pytest|tool:pytest|tool\.pytest(\.[\w-]+)?|testenv([:.][\w:.-]*)?|tox(:[\w-]+)?|tool\.tox|coverage:[\w-]+)$/i
/**
 * Files that configure CI, a test runner or the deploy platform itself. A locator there is the CI
 * service container, the test database, or the deploy attaching its resource (as in compose or
 * Kubernetes env): none of them ties the app's code to a host.
 */
const NOT_APP_CONFIG =
  /(^|\/)(\.circleci\/|\.buildkite\/|\.semaphore\/|\.woodpecker\/|\.gitlab\/|\.do\/app\.ya?ml$|copilot\/|group_vars\/|host_vars\/|inventor(y|ies)\/|ansible\/|playbooks?\/|terraform\/)|(^|\/)(\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|\.drone\.ya?ml|\.woodpecker\.ya?ml|cloudbuild[\w.-]*\.ya?ml|buildspec[\w.-]*\.ya?ml|\.gitlab-ci\.ya?ml|appveyor\.ya?ml|codefresh\.ya?ml|pytest\.ini|tox\.ini|fly\.toml|render\.ya?ml|railway\.(json|toml)|vercel\.json|netlify\.toml|serverless\.ya?ml|docker-stack[\w.-]*\.ya?ml|\.platform\.app\.yaml|nais\.ya?ml)$/i
/**
 * Where a deploy (not the app) states its locators: Helm values files of a chart (and value files
 * handed to `helm install -f`, recognisable by Helm's `global:` block), code-generator configs run
 * by a developer (MyBatis Generator `generator.properties`/`generatorConfig.xml`), and locale files,
 * whose URLs are links in translated text (`es.wikipedia.org` is no Elasticsearch cluster).
 */
function isDeployOrToolConfig(file: SourceFile): boolean {
  if (/(^|\/)(locales?|i18n|translations?|lang)\/[^/]+\.(ya?ml|json|properties)$/i.test(file.path)) return true
  if (/(^|\/)generator(Config)?\.(properties|xml)$/.test(file.path)) return true
  if (file.kind !== 'yaml') return false
  if (/(^|\/)values([.-][\w.-]+)?\.ya?ml$/i.test(file.path) && /(^|\/)(charts?|helm|helmcharts?|deploy(ments?)?)\//i.test(file.path)) return true
  return /^global:[ \t]*$/m.test(file.code) && /^[ \t]+[\w-]+:[ \t]*['"]?\$\{[A-Z][A-Z0-9_]*\}/m.test(file.code)
}
/** Google App Engine app.yaml, Cloud Foundry manifest.yml, Heroku app.json: deploy descriptors by content. */
function isPlatformDescriptor(file: SourceFile): boolean {
  if (/(^|\/)app\.ya?ml$/i.test(file.path)) return /^(runtime|env_variables):/m.test(file.code)
  if (/(^|\/)manifest\.ya?ml$/i.test(file.path)) return /^applications:/m.test(file.code)
  if (/(^|\/)app\.json$/i.test(file.path)) return /"(addons|buildpacks|formation|environments)"\s*:/.test(file.code)
  return false
}
const HOST_KEY = /\b(host|hostname)\s*[:=]\s*(['"])([A-Za-z0-9][\w.-]{0,252})\2/g
/** Every locator findLocators, HOST_KEY, POSITIONAL_HOST or GO_ADDR can yield contains one of these: other lines are not looked at. */
const CANDIDATE_LINE = /:\/\/|host|smtp|mail\.|:(?:909[2-4]|19092|29092)|\bnew\s+(?:Jedis|HostAndPort|MongoClient|ServerAddress|MemcachedClient)|\bAddrs?:/
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
  if (file.kind === 'toml' || file.kind === 'ini') {
    return (line) => {
      const m = /^\s*\[+\s*([^\]\s]{1,120})\s*\]+\s*$/.exec(line)
      if (m) section = m[1]
      return section
    }
  }
  return () => undefined
}

/** A development or test section: `development:`, `[test]`, `[development.database]`, `[tool.pytest.ini_options]`. */
function isDevSection(sec: string): boolean {
  return DEV_SECTION.test(sec) || DEV_SECTION.test(sec.split('.')[0]) || TEST_SECTION.test(sec)
}

/** The service a `host:` literal most likely names, from the client libraries the file uses. */
function serviceOf(code: string): [ServiceKind, string] {
  if (/redis|jedis|lettuce/i.test(code)) return ['cache', 'REDIS_URL']
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
/** Defaults with no environment lookup on the line: zod/env-var/joi `.default('...')`, viper `SetDefault("k", "...")`, pydantic `Field(default="...")`. */
const DEFAULT_CALL = /(\.default\s*\(|\bSetDefault\s*\(\s*"[\w.-]{1,100}"\s*,|\bField\s*\(\s*(default\s*=)?)\s*['"`]$/
/** envalid's `devDefault: '...'` only applies when NODE_ENV is development or test. */
const DEV_DEFAULT = /\bdevDefault\s*:\s*['"`]$/
/** An environment lookup later on the line than the literal. */
const ENV_LOOKUP_AFTER = /process\.env|import\.meta\.env|os\.environ|os\.getenv|\bENV\s*(\[|\.fetch)|System\.getenv|os\.(Getenv|LookupEnv)/
/** `REDIS_URL = 'redis://localhost',` inside a multi-line `const { ... } = process.env`. */
function isDestructuredDefault(lines: readonly string[], i: number): boolean {
  if (!/^\s*[A-Za-z_]\w{0,80}\s*=\s*['"`]/.test(lines[i])) return false
  for (let j = i + 1; j < lines.length && j <= i + 20; j++) {
    if (/^\s*\}\s*=\s*(process\.env|import\.meta\.env)\b/.test(lines[j])) return true
    if (!/^\s*([A-Za-z_]\w{0,80}(\s*=\s*[^,]{1,300})?,?|\/\/.*)?\s*$/.test(lines[j])) return false
  }
  return false
}
/** Hosts that only resolve on a developer's machine. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[?::1\]?|0\.0\.0\.0)$/
/** Positional host of a client constructor: `new JedisPooled("cache.internal", 6379)`, `new MongoClient("db", 27017)`. */
const POSITIONAL_HOST = /\bnew\s+(Jedis|JedisPool|JedisPooled|JedisCluster|HostAndPort|MongoClient|ServerAddress|MemcachedClient)\s*\(\s*"([A-Za-z0-9][\w.-]{0,252})"\s*,\s*\d{2,5}\s*\)/
/** Go client options with a literal `host:port` on a backing-service port: go-redis `redis.Options{Addr: "cache:6379"}`. */
const GO_ADDR = /\bAddrs?:\s*(?:\[\]string\{\s*)?"([A-Za-z0-9][\w.-]{0,252}):(6379|6380|26379|11211|5432|3306|27017|9042|4222|5672)"/
const PORT_SERVICE: Record<string, [ServiceKind, string]> = {
  '6379': ['cache', 'REDIS_ADDR'], '6380': ['cache', 'REDIS_ADDR'], '26379': ['cache', 'REDIS_SENTINEL_ADDRS'], '11211': ['cache', 'MEMCACHED_ADDR'],
  '5432': ['database', 'DATABASE_URL'], '3306': ['database', 'DATABASE_URL'], '27017': ['database', 'MONGODB_URI'], '9042': ['database', 'CASSANDRA_HOSTS'],
  '4222': ['queue', 'NATS_URL'], '5672': ['queue', 'AMQP_URL']
}
/** `@Profile("local")`, `@Profile({"dev", "test"})`: beans that only exist in development or tests. */
const DEV_PROFILE = /@Profile\s*\(\s*(value\s*=\s*)?[{[]?\s*"(local|dev|development|test|testing|ci|docker|compose)"\s*[,}\])]/

/** Is line `i` inside a class or method annotated `@Profile("local")`/`@Profile("dev")`? */
function inDevProfile(lines: readonly string[], i: number): boolean {
  for (let j = i; j >= 0 && j >= i - 400; j--) {
    const line = lines[j]
    if (line.length > 4000 || !line.includes('@Profile')) continue
    if (!DEV_PROFILE.test(line)) return false
    // The annotation covers its declaration and everything indented deeper below it, up to the closing line.
    const indent = line.search(/\S/)
    let k = j + 1
    while (k < lines.length && k <= i && (lines[k].trim() === '' || /^\s*@/.test(lines[k]))) k++
    for (k = k + 1; k < i; k++) if (lines[k].trim() !== '' && lines[k].search(/\S/) <= indent) return false
    return true
  }
  return false
}

/** The header of the class whose body holds line `i` (Python indentation or a Java/Kotlin brace block), with its annotations. */
function enclosingClass(lines: readonly string[], i: number): string {
  const indent = lines[i].search(/\S/)
  for (let j = i - 1; j >= 0 && j >= i - 200; j--) {
    const line = lines[j]
    if (line.length > 4000 || line.trim() === '' || line.search(/\S/) >= indent) continue
    if (!/^\s*((public|internal|data|open|abstract|final)\s+){0,3}class\b/.test(line)) return ''
    let k = j
    while (k > 0 && k > j - 5 && /^\s*@/.test(lines[k - 1])) k--
    return lines.slice(k, j + 1).join('\n')
  }
  return ''
}

/** A settings-class field whose literal is only the default the environment overrides: pydantic BaseSettings, Spring @ConfigurationProperties. */
function isSettingsField(lines: readonly string[], i: number): boolean {
  const line = lines[i]
  // Kotlin `@ConfigurationProperties("app.db") data class DbProps(val url: String = "...")` on one line.
  if (/\bclass\s+\w{1,80}\s*\(/.test(line)) {
    if (/@ConfigurationProperties\b/.test(line)) return true
    for (let j = i - 1; j >= 0 && j >= i - 4 && /^\s*@/.test(lines[j]); j--) if (/@ConfigurationProperties\b/.test(lines[j])) return true
  }
  if (!/^\s+(\w{1,60}\s*:\s*[\w[\]|., ]{1,80}|(private|protected|public)?\s*(final\s+)?[\w<>?]{1,60}\s+\w{1,60}|(val|var)\s+\w{1,60}\s*:\s*[\w<>?]{1,60})\s*=/.test(line)) return false
  return /\bBaseSettings\b|@ConfigurationProperties\b/.test(enclosingClass(lines, i))
}

/** A settings class's field default: the fix is a required field, which the framework then reads from the environment. */
function settingsFieldFix(language: string, line: string, envVar: string): string {
  const field = (language === 'java' ? /(\w{1,60})\s*=/ : /^\s*(?:(?:val|var)\s+)?(\w{1,60})\s*:/).exec(line)?.[1] ?? 'the field'
  if (language === 'python') return `Declare \`${field}\` without a default so pydantic-settings requires ${envVar} at startup (\`${field}: str\`); keep local values in .env.`
  const notBlank = language === 'kotlin' ? '@field:NotBlank' : '@NotBlank'
  return `Drop the default of \`${field}\` and make it required (${notBlank}, with @Validated on the class), so a deploy without ${envVar} fails at startup; keep local values in application-local.yml.`
}

/** `return "redis://localhost..."` as the last word of a getter that first reads the environment. */
function isGetterFallback(lines: readonly string[], i: number, aliases: readonly string[]): boolean {
  if (!/^\s*return\s+['"`]/.test(lines[i])) return false
  for (let j = i - 1; j >= 0 && j >= i - 12; j--) {
    if (isFallbackAt(lines, j, lines[j].length, aliases) || /\b(os\.(Getenv|LookupEnv|getenv|environ)|process\.env|System\.getenv|ENV\[)/.test(lines[j])) return true
    if (/^\s*(export\s+)?(async\s+)?(def|func|function|fun)\b/.test(lines[j])) return false
  }
  return false
}

/**
 * `if port == "" { port = "..." }`, `if not url:\n    url = "..."`, `if (!url) url = '...'`: a default
 * assigned only when the variable is unset (Go's idiom after os.Getenv).
 */
function isUnsetGuardDefault(lines: readonly string[], i: number, index: number): boolean {
  const line = lines[i]
  const assign = /(?:^\s*|[{;:)]\s*)([A-Za-z_][\w.]{0,60})\s*=\s*['"`]$/.exec(line.slice(0, index))
  if (!assign) return false
  const name = assign[1].replace(/[.$]/g, (c) => `\\${c}`)
  const guard = new RegExp(`\\b(if|unless)\\b[\\s(]*(!\\s*${name}\\b|not\\s+${name}\\b|${name}\\s*(===?|==)\\s*(""|''|nil|None|null|undefined)|${name}(\\.isEmpty\\(\\)|\\.blank\\?|\\.nil\\?|\\.empty\\?)|${name}\\s*$|${name}\\s*[){:])`)
  const head = line.slice(0, assign.index)
  if (/\b(if|unless)\b/.test(head)) return guard.test(head)
  const indent = line.search(/\S/)
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    if (lines[j].trim() === '') continue
    return lines[j].search(/\S/) < indent && guard.test(lines[j])
  }
  return false
}

/** `var defaults = map[string]string{`, `DEFAULTS = {`, `const fallbackConfig = {`: a literal object of defaults. */
const DEFAULTS_OPENER = /\b\w{0,40}(defaults?|fallbacks?|DEFAULTS?|FALLBACKS?)\w{0,40}\s*(:=|=|:)[^=]{0,80}[{[(]\s*$/
/** Is line `i` an entry of an object/map/dict literal bound to a name of defaults (climbing nested keys)? */
function inNamedDefaults(lines: readonly string[], i: number): boolean {
  let indent = lines[i].search(/\S/)
  for (let j = i - 1; j >= 0 && j >= i - 40; j--) {
    const prev = lines[j]
    if (prev.length > 4000 || prev.trim() === '') continue
    const pIndent = prev.search(/\S/)
    if (pIndent >= indent) continue
    if (prev.length <= 300 && /default|fallback/i.test(prev) && DEFAULTS_OPENER.test(prev)) return true
    if (!/^\s*['"]?[\w-]{1,60}['"]?\s*[:=]\s*[{([]\s*$/.test(prev)) return false
    indent = pIndent // an intermediate key (redis: {): keep climbing
  }
  return false
}

/**
 * Is line `i` in the body of a method that builds defaults: `defaultConfiguration()`,
 * `getDefaults()`, `def default_settings(`: the initial values of a user-configurable object (a rule
 * node, a plugin, a form), which its user replaces.
 */
function inDefaultsMethod(lines: readonly string[], i: number): boolean {
  const indent = lines[i].search(/\S/)
  for (let j = i - 1; j >= 0 && j >= i - 30; j--) {
    const line = lines[j]
    if (line.length > 4000 || line.trim() === '' || line.search(/\S/) >= indent) continue
    const name = /\b(?:def|func|fun|function)\s+(\w+)\s*\(|^\s*(?:(?:public|protected|private|static|final|override|async)\s+)*[\w<>[\],?]+\s+(\w+)\s*\([^)]*\)\s*(?:throws\s+[\w., ]+)?\{?\s*$/.exec(line)
    if (!name) return false
    return /^(get_?)?defaults?([A-Z_]\w*)?$|^\w*[a-z]Defaults?$|^default_\w+$/i.test(name[1] ?? name[2])
  }
  return false
}

/** A literal that is the default of a parameter in a definition line: `def __init__(self, host="localhost")`. */
function isParameterDefault(line: string, index: number): boolean {
  if (!DEFINITION.test(line)) return false
  const before = line.slice(0, index)
  return /=\s*['"`]$/.test(before) && (before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length
}

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
  keywords: ['://', 'smtp', 'mail.', ':909', 'host', 'new Jedis', 'new MongoClient', 'new ServerAddress', 'new MemcachedClient', 'addr:', 'addrs:'],
  check(file, report, ctx) {
    if (isDevOrTestName(file.path) || NOT_APP_CONFIG.test(file.path) || (file.kind !== 'source' && (isPlatformDescriptor(file) || isDeployOrToolConfig(file)))) return
    // A file that starts Testcontainers is test support wherever it lives.
    if (file.kind === 'source' && /\btestcontainers\b/i.test(file.code)) return
    const isCode = file.kind === 'source'
    if (isCode && !(CODE_LANGS as readonly string[]).includes(file.language)) return
    const spring = /(^|\/)application(-[\w]+)?\.(properties|ya?ml)$/.test(file.path)
    const lines = file.code.split(/\r\n|\r|\n/)
    const section = sectionTracker(file)
    const usesClient = isCode && CLIENT_HINT.test(file.code)
    const language = isCode ? file.language : (ctx.app?.language ?? 'none')
    const docstrings = (file.language === 'python' ? docstringRanges(file.code) : []).map(([a, b]) => [file.position(a).line, file.position(b).line])
    const aliases = envAliases(file.code)
    const hasProfile = file.code.includes('@Profile')
    const hasSettingsClass = /\bBaseSettings\b|@ConfigurationProperties\b/.test(file.code)
    const hocon = file.kind === 'ini' && /\.conf$/.test(file.path) ? hoconOverrides(lines) : undefined
    const devProfile = spring ? devProfileLines(lines) : []
    lines.forEach((line, i) => {
      const sec = section(line)
      if (!CANDIDATE_LINE.test(line) || line.length > 4000 || (sec && isDevSection(sec)) || devProfile[i]) return
      if (isCode && isProse(line)) return
      if (docstrings.some(([a, b]) => i + 1 >= a && i + 1 <= b)) return
      const found: Locator[] = findLocators(line).filter((l) => !(file.language === 'python' && l.kind === 'smtp' && /EMAIL_HOST\s*=/.test(line)))
      const goAddr = file.language === 'go' ? GO_ADDR.exec(line) : null
      if (goAddr && !found.some((f) => f.host === goAddr[1])) {
        const [kind, envVar] = PORT_SERVICE[goAddr[2]]
        found.push({ token: `${goAddr[1]}:${goAddr[2]}`, host: goAddr[1], kind, envVar, index: goAddr.index + goAddr[0].indexOf('"') + 1 })
      }
      const positional = isCode ? POSITIONAL_HOST.exec(line) : null
      if (positional && !found.some((f) => f.host === positional[2])) {
        const [kind, envVar]: [ServiceKind, string] = /Mongo|ServerAddress/.test(positional[1]) ? ['database', 'MONGODB_URI'] : /Memcached/.test(positional[1]) ? ['cache', 'MEMCACHED_URL'] : ['cache', 'REDIS_URL']
        found.push({ token: positional[2], host: positional[2], kind, envVar, index: positional.index + positional[0].indexOf('"') + 1 })
      }
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
      // Context checks that look at the lines around: only for lines that hold a locator.
      if (found.length === 0 || (isCode && (inNonProductionBlock(lines, i) || (hasProfile && inDevProfile(lines, i))))) return
      for (const loc of found) {
        const before = line.slice(0, loc.index)
        if (DEV_DEFAULT.test(before)) continue
        const paramDefault = isCode && isParameterDefault(line, loc.index)
        if (paramDefault && LOCAL_HOST.test(loc.host)) continue // an API's local default, not a deploy's locator
        // DEFAULT_REDIS_URL = 'redis://localhost:6379': a named default, used as some lookup's fallback.
        // The fallback of an environment lookup in the same statement or getter.
        const envFallback =
          isFallbackAt(lines, i, loc.index, aliases) ||
          // `const { REDIS_URL = '...' } = process.env`, `'redis://localhost' if DEBUG else os.environ[...]`: the lookup follows.
          ENV_LOOKUP_AFTER.test(line.slice(loc.index)) ||
          isDestructuredDefault(lines, i) ||
          // `redisUrl ?? 'redis://localhost'`, `opts.url || '...'`, `x ?: "..."`: the right side of a fallback operator.
          /(\|\||\?\?|\?:|\bor)\s*['"`]$/.test(statementBefore(lines, i, loc.index)) ||
          (isCode && (isUnsetGuardDefault(lines, i, loc.index) || isGetterFallback(lines, i, aliases)))
        // A default that configuration overrides: schema/settings/flag/parameter defaults, a defaults map.
        const settingsField = !envFallback && isCode && hasSettingsClass && isSettingsField(lines, i)
        const otherDefault =
          !envFallback &&
          (NAMED_DEFAULT.test(before) ||
            inNamedDefaults(lines, i) ||
            (isCode && inDefaultsMethod(lines, i)) ||
            DEFAULT_CALL.test(before) ||
            paramDefault ||
            settingsField ||
            hocon?.has(i) === true ||
            // dynaconf/node-config style `[default]` / `default:` section: values each environment overrides.
            (!isCode && sec !== undefined && /^default$/i.test(sec)))
        const fallback = envFallback || otherDefault
        const severity: Severity = fallback || spring ? 'notice' : isCode ? 'error' : 'warning'
        const what = loc.kind === 'smtp' ? 'SMTP relay' : loc.kind === 'search' ? 'search cluster' : loc.kind === 'object storage' ? 'object-storage endpoint' : `${loc.kind} locator`
        const noun = loc.kind === 'smtp' ? 'mail relay' : loc.kind === 'search' ? 'search cluster' : loc.kind === 'object storage' ? 'object store' : loc.kind
        const message = envFallback
          ? `${what} \`${loc.token}\` is the fallback of an environment lookup: a deploy that forgets the variable silently talks to this host`
          : otherDefault
            ? `${what} \`${loc.token}\` is a default that configuration overrides: a deploy that does not set it silently talks to this host`
            : spring
            ? `${what} \`${loc.token}\` is a literal in Spring config: only an environment override (e.g. SPRING_DATASOURCE_URL) keeps deploys apart`
            : `${what} \`${loc.token}\` is hardcoded: the deploy cannot attach a different ${noun} without a code change`
        report({
          line: i + 1,
          column: loc.index + 1,
          severity,
          message,
          ...(loc.secret ? { secret: loc.secret } : {}),
          remediation: settingsField
            ? settingsFieldFix(file.language, line, loc.envVar)
            : fallback
            ? `Require the ${envFallback ? 'variable' : 'setting'} instead of defaulting to a host: ${envSnippet(loc.envVar, language, ctx.app, isCode ? 'code' : 'config', file.path)}; keep local values in .env.example or docker-compose.`
            : spring
              ? `Use a placeholder without a literal default: \`\${${loc.envVar}}\`, or leave the key out and set it per deploy (SPRING_DATASOURCE_URL, SPRING_DATA_REDIS_HOST...).`
              : `Read it from the environment: ${envSnippet(loc.envVar, language, ctx.app, isCode ? 'code' : 'config', file.path)}.`
        })
      }
    })
  }
}
