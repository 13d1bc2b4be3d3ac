// Detection tables shared by the Factor III rules: provider token shapes, which names hold secrets,
// and how to read a value from the environment in each language.
import type { SourceFile } from '../../engine/source-file.js'
import { yamlEntries } from '../../parsers/yaml.js'

export { isStackDefault } from '../shared/placeholders.js'

export { TOKEN_PATTERNS, TOKEN_KEYWORDS, findToken, type TokenPattern } from '../../engine/secret-shapes.js'

/** Words of an identifier: dbPassword, DB_PASSWORD, spring.datasource.password -> lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
}

const KEY_QUALIFIERS = new Set(['api', 'secret', 'private', 'access', 'signing', 'encryption', 'auth', 'master', 'client', 'app', 'license', 'webhook', 'hmac', 'jwt', 'session', 'cookie', 'account'])
const NOT_SECRET_WORDS = new Set([
  'public', 'publishable', 'pub', 'page', 'next', 'continuation', 'cancellation', 'cancel', 'csrf', 'xsrf', 'sync', 'idempotency',
  // test doubles say what they are (fakePassword, DUMMY_TOKEN, mockApiKey); a hash is not the password
  'fake', 'dummy', 'mock', 'mocked', 'stub', 'hashed', 'hash'
])

/**
 * Does this name hold a credential, and of which sort? Decided by the last word, so
 * PASSWORD_FIELD, password_reset_url, tokenExpiry and secretName are not secrets.
 */
export function secretNameKind(name: string): 'password' | 'token' | undefined {
  const w = words(name)
  while (w.length > 1 && /^\d+$/.test(w[w.length - 1])) w.pop()
  if (w.length === 0 || w.some((x) => NOT_SECRET_WORDS.has(x))) return undefined
  const last = w[w.length - 1]
  const prev = w[w.length - 2] ?? ''
  if (['password', 'passwd', 'pwd', 'passphrase', 'pass', 'pw'].includes(last)) return last === 'pass' && w.length === 1 ? undefined : 'password'
  if (['secret', 'token', 'apikey', 'secretkey', 'privatekey', 'accesskey', 'credential', 'credentials', 'authtoken'].includes(last)) return 'token'
  if (last === 'key' && KEY_QUALIFIERS.has(prev)) return 'token'
  if (last === 'base' && prev === 'key') return 'token' // Rails secret_key_base
  return undefined
}

const SIGNING_WORDS = new Set(['jwt', 'signing', 'session', 'cookie', 'hmac', 'encryption', 'encrypt', 'cipher', 'nextauth', 'csrf', 'webhook'])

/**
 * A secret the application itself signs or encrypts with (JWT_SECRET, SESSION_SECRET, SECRET_KEY,
 * secret_key_base, tokenSigningKey, a webhook secret it verifies with): whatever its value, a literal one lets anyone forge sessions.
 * A credential presented to another service (DB_PASSWORD, STRIPE_API_KEY) is not one of these.
 */
export function isSigningName(name: string): boolean {
  if (!secretNameKind(name)) return false
  const w = words(name)
  if (w.some((x) => SIGNING_WORDS.has(x))) return true
  return /^((django|flask|rails|app|application|site|live_server|server|auth)_)?(secret_key(_base)?|secret|app_key|app_secret)$/.test(w.join('_'))
}

/**
 * The password of a key file or key store (SSL_KEY_PASSWORD, KEY_STORE_PASSWORD, cacerts password):
 * the key material is the file the deploy supplies; a default password for it opens nothing by itself.
 */
export function isKeyFilePassword(name: string): boolean {
  const w = words(name)
  if (secretNameKind(name) !== 'password') return false
  if (w.some((x) => ['store', 'keystore', 'truststore', 'cacerts', 'pem', 'jks', 'p12', 'pkcs12', 'pfx', 'keyfile'].includes(x))) return true
  return w.length >= 2 && w[w.length - 2] === 'key'
}

/** DB_PASSWORD from dbPassword / spring.datasource.password (Spring's relaxed binding agrees). */
export function envName(name: string): string {
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(name) && (name === name.toUpperCase() || name === name.toLowerCase())) return name.toUpperCase() // E2E_USER_PASSWORD as written
  const w = words(name)
  return (w.length ? w.join('_') : 'SECRET').toUpperCase()
}

/** How to read NAME from the environment, in the file's own language or format. */
export function envLookup(file: SourceFile, name: string): string {
  switch (file.language) {
    case 'javascript':
    case 'typescript':
      return `process.env.${name}`
    case 'python':
      return `os.environ["${name}"]`
    case 'ruby':
      return `ENV.fetch("${name}")`
    case 'java':
    case 'kotlin':
      return `System.getenv("${name}")`
    case 'go':
      return `os.Getenv("${name}")`
    case 'php':
      return `getenv('${name}')`
    case 'shell':
      return `"$${name}"`
    default:
  }
  switch (file.kind) {
    case 'kubernetes':
      return `valueFrom.secretKeyRef (a Secret created outside the repository, e.g. by External Secrets or sealed-secrets)`
    case 'workflow':
      return `\${{ secrets.${name} }}`
    case 'properties':
      return `\${${name}}`
    case 'compose':
      return `\${${name}} (set in the shell or an uncommitted .env)`
    default:
      return /(^|\/)(application|bootstrap)[^/]*\.ya?ml$/.test(file.path) ? `\${${name}}` : `the ${name} environment variable, read at startup (or \${${name}} if your config loader expands variables)`
  }
}

/** Remediation sentence shared by the credential rules. */
export function moveToEnv(file: SourceFile, name: string, rotate: boolean): string {
  const lead = rotate ? 'Revoke and rotate the credential (it is in the repository history), then r' : 'R'
  return `${lead}ead it from the environment instead: ${envLookup(file, name)}; keep the value in the deploy's secret store.`
}

/** The variable or key a literal at `offset` is assigned to, looking back on its line. */
export function nameBefore(text: string, offset: number): string | undefined {
  // At most 300 characters back: lastIndexOf('\n') over a 300 KB line, once per match, was quadratic.
  const window = text.slice(Math.max(0, offset - 300), offset)
  const prefix = window.slice(window.lastIndexOf('\n') + 1)
  const m = /([A-Za-z_$][\w.$-]{0,80})['"\]]?\s*(?:=>|:=|\?\?=|\|\|=|[:=])\s*(?:[\w.]{1,40}\(\s*)?['"`]?[^'"`\s=:]{0,200}$/.exec(prefix)
  return m ? m[1].replace(/^\$/, '') : undefined
}

/** Severity by role: local-development files are never errors. */
export const roleSeverity = (file: SourceFile): 'error' | 'notice' => (file.role === 'dev' ? 'notice' : 'error')

/** CI configs that start service containers from the same variables (GitLab, Bitbucket, CircleCI, Travis, Azure, Woodpecker/Drone). */
const CI_CONFIG = /(^|\/)(\.gitlab-ci\.ya?ml|bitbucket-pipelines\.ya?ml|\.circleci\/config\.ya?ml|\.travis\.ya?ml|azure-pipelines\.ya?ml|\.woodpecker\.ya?ml|\.drone\.ya?ml)$/
/** The variables database and broker images initialise their login from. */
const IMAGE_INIT_PASSWORD = /^(POSTGRES_PASSWORD|PGPASSWORD|MYSQL_ROOT_PASSWORD|MYSQL_PASSWORD|MARIADB_ROOT_PASSWORD|MARIADB_PASSWORD|MONGO_INITDB_ROOT_PASSWORD|RABBITMQ_DEFAULT_PASS|MSSQL_SA_PASSWORD|SA_PASSWORD|MINIO_ROOT_PASSWORD)$/

/**
 * Values a CI config gives its own service containers: a GitHub workflow's `services.postgres.env`,
 * or the image-init variables (POSTGRES_PASSWORD) of a GitLab/CircleCI/... config that starts
 * `services:`. Those are CI's throwaway databases; the job's client side using the same password
 * (`DATABASE_URL: postgres://app:<that>@postgres/test`) is not a credential either.
 */
export function workflowServiceSecrets(file: SourceFile): ReadonlySet<string> {
  return file.parse('iii-workflow-service-secrets', (f) => {
    const out = new Set<string>()
    const ci = CI_CONFIG.test(f.path) && /^\s*-?\s*services:/m.test(f.text)
    if (f.kind !== 'workflow' && !ci) return out
    for (const e of yamlEntries(f)) {
      const value = e.value === null ? '' : String(e.value)
      if (value === '') continue
      if (f.kind === 'workflow' ? e.path[e.path.length - 2] === 'env' && (e.path.includes('services') || e.path.includes('container')) : IMAGE_INIT_PASSWORD.test(e.key)) out.add(value)
    }
    return out
  })
}


