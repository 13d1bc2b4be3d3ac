// TF0302: scheme://user:password@host (or scheme://:password@host) with a literal password. Local
// hosts (localhost, 127.0.0.1) are development defaults, not deploy credentials, and stay quiet; so
// are a compose stack's image defaults (postgres:postgres@db, guest:guest@rabbitmq), the password
// a workflow gave its own service container, and URLs shown in help and usage texts.
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import type { SourceFile } from '../../engine/source-file.js'
import { onLongLine } from '../shared/lines.js'
import { isPlaceholder } from '../shared/placeholders.js'
import { isRealSecret } from './secret-assignment.js'
import { envLookup, findToken, isStackDefault, nameBefore, workflowServiceSecrets } from './secret-patterns.js'
import { isDevOrTestSupportPath } from '../../model/paths.js'

// ://user:password@host; the scheme before it is read backwards (schemeBefore): a regex starting at
// every word cost more than the rest of the rule.
const URL_CRED = /:\/\/([^\s:@/'"`<>]{0,100}):([^\s@/'"`<>]{1,200})@([^\s/:'"`?#<>,;)]{1,255})/g
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$|(^|\.)example\.(com|org|net)$|\.(local|test|example|invalid|localhost)$/i
/** Generic parts of a documented URL shape (postgres://user:pw@host/db). */
const GENERIC_HOST = /^(host|hostname|server|servername|db-?host|your[-_]?\w{0,20}|my[-_]?host|domain|address)$/i
/** Help and usage prose before the URL on its line; a `--flag VALUE   description` line. */
const HELP_CUE = /\b(e\.g\.|eg:|i\.e\.|for example|examples?:|such as|usage:|format:|help\s*[=:]|description\s*[=:])|\b(usage|example|describe)\s*\(|^\s*-{1,2}[a-z][\w-]*(?:[ =]<?[A-Za-z_]+>?)?\s{2,}[A-Za-z]/i
const USAGE_HEADER = /\b(usage|examples?)\s*:/gi

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
    if (isDevOrTestSupportPath(file.path)) return // a dev container's local stack, test-runner setup, dev settings
    const code = file.code
    const serviceSecrets = workflowServiceSecrets(file)
    URL_CRED.lastIndex = 0
    for (let m = URL_CRED.exec(code); m; m = URL_CRED.exec(code)) {
      const scheme = schemeBefore(code, m.index)
      if (!scheme) continue
      const [, user, password, host] = m
      const start = m.index - scheme.length
      if (isPlaceholder(password) || /[${}%<]/.test(user) || /[${}%<]/.test(password) || LOCAL_HOST.test(host) || GENERIC_HOST.test(host)) continue
      if (findToken(password)) continue // a provider token: TF0301 names it
      if (serviceSecrets.has(password)) continue // the workflow's own service container
      // a compose stack's default login; in a production compose file (offered only then) it is the deploy's login: a warning
      const stock = isStackDefault(user, password, host)
      if (stock && file.kind !== 'compose') continue
      if (user.toLowerCase() === 'scott' && password.toLowerCase() === 'tiger') continue // the SQLAlchemy documentation's example
      if (user.toLowerCase() === 'anonymous') continue // anonymous FTP: any password is accepted
      const at = m.index + 3 + user.length + 1
      if (onLongLine(file, at) || inHelpText(file, start)) continue
      const name = nameBefore(code, start)
      const env = /^(postgres|postgresql|mysql|mariadb|mongodb(\+srv)?|jdbc)/i.test(scheme) ? 'DATABASE_URL' : /^(redis|rediss)$/i.test(scheme) ? 'REDIS_URL' : /^amqps?$/i.test(scheme) ? 'AMQP_URL' : 'SERVICE_URL'
      report({
        ...file.position(at),
        ...(stock ? { severity: 'warning' as const } : {}),
        message: `Password ${redact(password)}${user ? ` for user ${user}` : ''} in ${scheme}:// URL to ${host}${name ? ` (${name})` : ''}`,
        remediation: `Read the whole URL from the environment: ${envLookup(file, env)}; set it per deploy and rotate the password.`,
        secret: password
      })
    }
    queryCredentials(file, report)
  }
}

/** A credential in a URL's query string: `?password=…`, `&api_key=…`, `?access_token=…` (JDBC/Mongo options, REST calls). */
const QUERY_CRED = /[?&;](password|passwd|pwd|pass|secret|client_secret|api_?key|access_?token|auth_?token|token)=([^&#;\s'"`<>)]{1,200})/gi

function queryCredentials(file: SourceFile, report: Parameters<NonNullable<Rule['check']>>[1]): void {
  const code = file.code
  QUERY_CRED.lastIndex = 0
  for (let m = QUERY_CRED.exec(code); m; m = QUERY_CRED.exec(code)) {
    const [, key, value] = m
    const lineStart = code.lastIndexOf('\n', m.index) + 1
    const url = code.lastIndexOf('://', m.index)
    if (url < lineStart || /\s/.test(code.slice(url, m.index))) continue // the query of a URL on this line
    if (/otpauth$/i.test(code.slice(Math.max(lineStart, url - 8), url))) continue // a TOTP enrolment URI: one user's example, not the app's credential
    if (/[${}%]/.test(value) || !isRealSecret(key.toLowerCase() === 'pass' ? 'password' : key, value)) continue
    const at = m.index + m[0].length - value.length
    if (onLongLine(file, at) || inHelpText(file, lineStart)) continue
    report({
      ...file.position(at),
      message: `Literal ${key} ${redact(value)} in a URL's query string`,
      remediation: `Read the credential (or the whole URL) from the environment: ${envLookup(file, key.toLowerCase().includes('pass') || key.toLowerCase() === 'pwd' ? 'DATABASE_PASSWORD' : 'API_TOKEN')}; set it per deploy and rotate this one.`,
      secret: value
    })
  }
}

/**
 * The URL scheme ending at `colon` (the index of `://`): a letter, then 1-30 of [a-z0-9+.-], starting
 * at a word boundary; the leftmost such start (postgresql+asyncpg, not asyncpg).
 */
export function schemeBefore(code: string, colon: number): string | undefined {
  let s = colon
  while (s > 0 && colon - s < 31 && /[a-z0-9+.-]/i.test(code[s - 1])) s--
  for (let k = s; k <= colon - 2; k++) {
    if (/[a-z]/i.test(code[k]) && (k === 0 || !/\w/.test(code[k - 1]))) return code.slice(k, colon)
  }
  return undefined
}

/**
 * Is the URL at `offset` an illustration in help or usage text: after "e.g." or "such as" on its
 * line, on a `--flag  description` line, or inside a string literal under a "Usage:"/"Example:" header?
 */
function inHelpText(file: SourceFile, offset: number): boolean {
  const text = file.text
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1
  if (HELP_CUE.test(text.slice(lineStart, offset))) return true
  if (file.kind !== 'source' || !file.inStringLiteral(offset)) return false
  // A header inside a string literal (not a comment) at most 15 lines up.
  for (let n = 0; n < 15 && lineStart > 0; n++) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1
    const prev = text.slice(prevStart, lineStart)
    USAGE_HEADER.lastIndex = 0
    for (let m = USAGE_HEADER.exec(prev); m; m = USAGE_HEADER.exec(prev)) if (file.inStringLiteral(prevStart + m.index)) return true
    lineStart = prevStart
  }
  return false
}
