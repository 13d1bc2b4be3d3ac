// TF0303: a literal assigned to a name that holds a credential (password, api_key, client_secret)
// in code or config. The generic rule: named by the LAST word (PASSWORD_FIELD is a field name),
// judged by shape (prose, paths, ids, dictionary words, placeholders and env reads stay quiet).
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import type { SourceFile } from '../../engine/source-file.js'
import { configEntries } from '../shared/config-entries.js'
import { looksLikeIdentifier, looksLikePath, looksLikeSecret } from '../shared/entropy.js'
import { onLongLine } from '../shared/lines.js'
import { isFlagValue, isImageDefaultPassword, isNameEcho, isPlaceholder } from '../shared/placeholders.js'
import { envName, findToken, isSigningName, moveToEnv, secretNameKind, words, workflowServiceSecrets } from './secret-patterns.js'
import { signingLiterals } from './signing-secrets.js'
import { isDevOrTestSupportPath } from '../../model/paths.js'
import { inNonProductionCode } from '../../model/blocks.js'

// = / : / := / => "literal" (Python's b r u f prefixes allowed); the name before it is read backwards
// (nameAssignedAt): starting a regex at every identifier cost ten times as much on real code.
const ASSIGNED_LITERAL = /(?:=>|:=|=|:)\s*[bruf]{0,2}(["'`])([^"'`\n\\]{1,300})\1/g
/** Spring/Rails files are TF0310's; translations are prose. */
export const FRAMEWORK_CONFIG = /(^|\/)((application|bootstrap)[^/]*\.(ya?ml|properties)|config\/(database|secrets)\.yml)$/
const LOCAL_ENV = /^(development|dev|test|testing|local|ci)$/i
const NOT_CONFIG = /(^|\/)(locales?|i18n|l10n|lang|translations?|messages)\//i
/** mock-data.ts, fakeUsers.js, stubs.py: test doubles by name, wherever they live. */
const DOUBLE_WORDS = new Set(['mock', 'mocks', 'fake', 'fakes', 'stub', 'stubs', 'dummy', 'fixture', 'fixtures'])
const isTestDouble = (path: string): boolean => words(path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '')).some((w) => DOUBLE_WORDS.has(w))
/** Password hashes (bcrypt, argon2, Django's pbkdf2, crypt): what a user table stores, not a credential. */
const PASSWORD_HASH = /^(\$(2[abxy]?|argon2(id|i|d)|[156]|scrypt)\$|(pbkdf2_sha\d+|bcrypt_sha256|argon2|scrypt)\$)/

export function isRealSecret(name: string, value: string): boolean {
  const kind = secretNameKind(name)
  if (!kind || isPlaceholder(value) || findToken(value) || /-----BEGIN|:\/\//.test(value) || PASSWORD_HASH.test(value)) return false
  // Keys that are public by design: Firebase/Google browser keys, Stripe publishable keys, Mapbox public tokens.
  if (/^(AIza[\w-]{35}|pk_(live|test)_\w+|pk\.eyJ[\w.-]+)$/.test(value)) return false
  // password: "password1", secret: "my-secret", PARAM_SFTP_PASSWORD = "SFTPPassword": the name restated, not a credential
  const word = words(name).pop() ?? name
  if (new RegExp(`^(my|your|the|some|a)?[-_]?${word}[-_#@!.]?\\d{0,4}[!#@]?$`, 'i').test(value) || isNameEcho(name, value) || isFlagValue(value)) return false
  if (kind === 'password' && /^[A-Za-z][a-z]+$/.test(value)) return false // a dictionary word: a label or default
  return looksLikeSecret(value, { kind })
}

/** Config files the app loads at run time whatever their syntax: INI/.conf, TOML, .properties, node-config's config/default.js. */
const LOADED_CONFIG_KINDS = new Set(['ini', 'toml', 'properties'])
const NODE_CONFIG = /(^|\/)config\/(default|production|prod)\.([cm]?[jt]s|json)$/

/**
 * In a config file the app loads, a human-chosen password (`Password = rootroot`) or a signing secret
 * of any shape (`JwtSecret = 233`) is a literal credential: the shape judgement that keeps labels and
 * column names quiet in code is not needed there. Placeholders, name echoes, paths, flags stay quiet;
 * an image's stock password (postgres, root) too, unless the file is production config (a production compose file).
 */
export function isLoadedConfigSecret(name: string, value: string, production = false): boolean {
  const kind = secretNameKind(name)
  if (!kind) return false
  if (isRealSecret(name, value)) return true
  const v = value.trim()
  if (production && kind === 'password' && isImageDefaultPassword(v)) return true // POSTGRES_PASSWORD=postgres in a production file
  if (isPlaceholder(v) || findToken(v) || /\s|:\/\/|^\W/.test(v) || looksLikePath(v) || isNameEcho(name, v) || /^(true|false|yes|no|on|off|null|none|nil)$/i.test(v)) return false
  // an identifier is a slot's name (ENV_NAME, gmail_password: it says what goes there) unless a human chose it as a password (shop_admin)
  if (looksLikeIdentifier(v) && (kind !== 'password' || /^[A-Z0-9_]+$/.test(v) || words(v).includes(words(name).pop() ?? ''))) return false
  if (isSigningName(name)) return true
  // root/postgres/admin are a local database's stock login; a production profile is TF0310's to judge
  return kind === 'password' && v.length >= 4 && !/^\d{1,5}$/.test(v) && (production || !isImageDefaultPassword(v))
}

export const secretAssignment: Rule = {
  meta: {
    id: 'TF0303',
    name: 'secret-assignment',
    factor: 'III',
    severity: 'error',
    summary: 'A password, API key, token or client secret assigned a literal value in code or config.',
    why:
      'Credentials are config: they vary between deploys and must be kept out of the codebase. A literal password ' +
      'in code ships to every deploy, is visible to anyone with repository access, and cannot be rotated without a release.',
    remediation: 'Read the value from the environment and keep it in the deploy\'s secret store; rotate the committed one.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php', 'none']
  },
  // compose files are offered only when named for production (docker-compose.prod.yml): role 'app'
  files: { kinds: ['source', 'yaml', 'compose', 'json', 'properties', 'toml', 'ini', 'xml', 'dockerfile'], roles: ['app'] },
  keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential'],
  check(file, report) {
    if (NOT_CONFIG.test(file.path) || FRAMEWORK_CONFIG.test(file.path) || isDevOrTestSupportPath(file.path) || isTestDouble(file.path)) return
    const serviceSecrets = workflowServiceSecrets(file) // a CI config's own service containers
    const loaded = LOADED_CONFIG_KINDS.has(file.kind) || NODE_CONFIG.test(file.path) || file.kind === 'dockerfile' || file.kind === 'compose'
    const emit = (name: string, value: string, offset: number, asName = name, config = loaded): void => {
      const real = isRealSecret(asName, value)
      if (!(real || (config && isLoadedConfigSecret(asName, value, file.kind === 'compose'))) || serviceSecrets.has(value)) return
      report({
        ...file.position(offset),
        // a secret-shaped value is certain; a human-chosen word in a loaded config file is a strong hint
        ...(real ? {} : { severity: 'warning' as const }),
        message: `${secretNameKind(asName) === 'password' ? 'Password' : 'Secret'} '${name}' is assigned the literal ${redact(value)}`,
        remediation: moveToEnv(file, envName(asName), true),
        secret: value
      })
    }
    // Kubernetes manifests outside k8s/ folders are TF0308's.
    if (file.kind === 'yaml' && /^apiVersion:/m.test(file.text) && /^kind:/m.test(file.text)) return
    if (file.kind === 'dockerfile') {
      for (const e of dockerfileEnv(file.code)) emit(e.name, e.value, e.offset)
      return
    }
    if (file.kind !== 'source') {
      for (const e of configEntries(file)) {
        // compose list form: environment: [ "DB_PASSWORD=..." ]
        const kv = file.kind === 'compose' ? /^([A-Za-z_]\w{0,80})=(.+)$/.exec(e.value) : null
        if (kv) emit(kv[1], kv[2], e.offset + kv[1].length + 1)
        // { "development": { "password": ... } } (Sequelize config.json, per-environment YAML): a local database
        // (the value is judged first: the block walk is the costly part, and most entries are no credential)
        else if ((loaded ? isLoadedConfigSecret(e.leaf, e.value, file.kind === 'compose') : isRealSecret(e.leaf, e.value)) && !e.key.split('.').slice(0, -1).some((k) => LOCAL_ENV.test(k)) && !(file.kind === 'json' && inLocalOrFakeBlock(file.text, e.offset))) emit(e.leaf, e.value, e.offset)
      }
      return
    }
    scanSource(file, emit, loaded)
    if (file.language === 'ruby') rubyConfigMethods(file, emit)
    if (file.language === 'java' || file.language === 'kotlin') springSecurityUsers(file, emit)
  }
}

/**
 * ENV and ARG values of a Dockerfile's final stage (ENV K=V K2="V 2", ENV K V, ARG K=V), continuation
 * lines joined: a literal there is baked into every container of the image. `RUN SECRET_KEY=x cmd` (a
 * throwaway value for one build command) and earlier build stages do not ship.
 */
export function dockerfileEnv(code: string): { name: string; value: string; offset: number }[] {
  const out: { name: string; value: string; offset: number }[] = []
  const lastFrom = code.search(/^\s*FROM\s[^\n]*(?![\s\S]*^\s*FROM\s)/im)
  const re = /^[ \t]*(ENV|ARG)[ \t]+((?:[^\n\\]|\\\r?\n|\\.)*)/gim
  re.lastIndex = Math.max(0, lastFrom)
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const body = m[2]
    const bodyStart = m.index + m[0].length - body.length
    const pairs = /([A-Za-z_][\w.]{0,80})=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|((?:[^\s\\]|\\.)+))/g
    let any = false
    for (let p = pairs.exec(body); p; p = pairs.exec(body)) {
      any = true
      const value = p[2] ?? p[3] ?? p[4] ?? ''
      out.push({ name: p[1], value, offset: bodyStart + p.index + p[1].length + 1 + (p[4] === undefined ? 1 : 0) })
    }
    const legacy = any ? null : /^([A-Za-z_]\w{0,80})[ \t]+(\S.*?)\s*$/.exec(body) // ENV NAME value
    if (legacy && m[1].toUpperCase() === 'ENV') out.push({ name: legacy[1], value: legacy[2].replace(/^"(.*)"$/, '$1'), offset: bodyStart + body.indexOf(legacy[2]) + (legacy[2].startsWith('"') ? 1 : 0) })
  }
  return out
}

/** A `user:`/`username:` key earlier in the same object literal (no `{`, `}` or `;` between), within 160 characters. */
function besideUser(code: string, nameStart: number): boolean {
  const before = code.slice(Math.max(0, nameStart - 160), nameStart)
  const open = Math.max(before.lastIndexOf('{'), before.lastIndexOf('}'), before.lastIndexOf(';'))
  return open !== -1 && before[open] === '{' && /\buser(?:name)?["']?\s*[:=]/i.test(before.slice(open))
}

function scanSource(file: SourceFile, emit: (name: string, value: string, offset: number, asName?: string) => void, loaded: boolean): void {
  const code = file.code
  let owned: Set<number> | undefined // TF0305 reports these
  ASSIGNED_LITERAL.lastIndex = 0
  for (let m = ASSIGNED_LITERAL.exec(code); m; m = ASSIGNED_LITERAL.exec(code)) {
    const named = nameAssignedAt(code, m.index)
    if (!named) continue
    const name = named.name.slice(named.name.lastIndexOf('.') + 1)
    // nodemailer, ftp and LDAP clients: auth: { user: 'apikey', pass: '...' }. A bare `pass` is a password only beside its user.
    const asName = name === 'pass' && besideUser(code, named.start) ? 'password' : name
    if (!secretNameKind(asName)) continue
    const value = m[2]
    const offset = m.index + m[0].length - value.length - 1
    if (onLongLine(file, offset)) continue
    owned ??= new Set(signingLiterals(file).map((s) => s.offset))
    if (owned.has(offset) || (m[1] === '`' && value.includes('${')) || !(loaded ? isLoadedConfigSecret(asName, value) : isRealSecret(asName, value))) continue
    if (inLocalOrFakeBlock(code, named.start) || inNonProductionCode(file, offset)) continue // the costlier context checks last
    emit(name, value, offset, asName)
  }
}

/** A Ruby config method whose whole body is a literal: `def email_key\n  "zDMS…"\nend` (a default-config class). */
const RUBY_LITERAL_METHOD = /^[ \t]*def[ \t]+(?:self\.)?([a-z_]\w{0,80})[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n){0,5}[ \t]*(["'])([^"'\\\n]{1,300})\2[ \t]*(?:#[^\n]*)?\r?\n[ \t]*end\b/gm

/**
 * Ruby config methods returning a literal key. A method named for a credential (api_token, db_password)
 * is judged like an assignment; one named only `..._key` (email_key) must hold a generated-looking value.
 */
function rubyConfigMethods(file: SourceFile, emit: (name: string, value: string, offset: number, asName?: string) => void): void {
  const code = file.code
  if (!code.includes('def ')) return
  RUBY_LITERAL_METHOD.lastIndex = 0
  for (let m = RUBY_LITERAL_METHOD.exec(code); m; m = RUBY_LITERAL_METHOD.exec(code)) {
    const [, name, , value] = m
    const offset = m.index + m[0].lastIndexOf(value)
    const keyOnly = !secretNameKind(name) && words(name).pop() === 'key'
    if (!secretNameKind(name) && !keyOnly) continue
    if (keyOnly && !looksLikeSecret(value, { kind: 'token' })) continue
    if (inNonProductionCode(file, offset)) continue
    emit(name, value, offset, keyOnly ? 'signing_key' : name)
  }
}

/** Spring Security in-memory users: `.password("{noop}…")`, `.password(encoder.encode("…"))`. */
const SPRING_USER_PASSWORD = /\.password\s*\(\s*(?:[\w.]{1,60}\.encode\s*\(\s*)?"(?:\{(?:noop|bcrypt|sha256|pbkdf2)\})?([^"\\\n]{1,200})"/g

/**
 * A user's password given to Spring Security's builders (`User.withUsername("admin").password("{noop}s3cret")`,
 * `.password(encoder.encode("s3cret"))`): a login compiled into the app, whatever its shape (a warning
 * unless secret-shaped). Only in files that build users (`withUsername`, `inMemoryAuthentication`, `User.builder`).
 */
function springSecurityUsers(file: SourceFile, emit: (name: string, value: string, offset: number, asName?: string, config?: boolean) => void): void {
  const code = file.code
  if (!/\b(withUsername|withDefaultPasswordEncoder|inMemoryAuthentication|User\.builder|InMemoryUserDetailsManager)\b/.test(code)) return
  SPRING_USER_PASSWORD.lastIndex = 0
  for (let m = SPRING_USER_PASSWORD.exec(code); m; m = SPRING_USER_PASSWORD.exec(code)) {
    const value = m[1]
    const offset = m.index + m[0].length - value.length - 1
    if (PASSWORD_HASH.test(value) || inNonProductionCode(file, offset)) continue
    emit('password', value, offset, 'password', true)
  }
}

const NAME_CHAR = /[\w$.]/
const QUOTED_NAME_CHAR = /[\w.-]/

/**
 * The name an operator at `op` assigns to, read backwards over whitespace: "name" or 'name' (1-80 of
 * [\w.-], optionally followed by `]`), or name / obj.path.name (a letter, _ or $, then up to 80 of
 * [\w$.], not preceded by a word character, $ or backslash; the leftmost such start).
 */
export function nameAssignedAt(code: string, op: number): { name: string; start: number } | undefined {
  let end = op
  while (end > 0 && /\s/.test(code[end - 1])) end--
  let q = code[end - 1] === ']' ? end - 1 : end
  if (code[q - 1] === '"' || code[q - 1] === "'") {
    q--
    let s = q
    while (s > 0 && q - s <= 80 && QUOTED_NAME_CHAR.test(code[s - 1])) s--
    const quote = code[s - 1]
    return q - s >= 1 && q - s <= 80 && (quote === '"' || quote === "'") ? { name: code.slice(s, q), start: s - 1 } : undefined
  }
  let s = end
  while (s > 0 && end - s < 81 && NAME_CHAR.test(code[s - 1])) s--
  for (let k = s; k < end; k++) {
    if (k > 0 && /[\w$\\]/.test(code[k - 1])) continue
    if (/[A-Za-z_$]/.test(code[k])) return { name: code.slice(k, end), start: k }
  }
  return undefined
}

/**
 * Is `offset` inside an object keyed by a local environment name ({ development: { password: 'x' } })
 * or named as a test double (fake_users_db = { ... })? Local databases' passwords are not deploy
 * credentials (TF0311 judges the grouping itself); a fake user's password is not a credential at all.
 */
function inLocalOrFakeBlock(code: string, offset: number): boolean {
  let depth = 0
  for (let i = offset - 1, levels = 0; i >= 0 && offset - i < 3000 && levels < 4; i--) {
    const c = code[i]
    if (c === '}') depth++
    else if (c === '{') {
      if (depth > 0) {
        depth--
        continue
      }
      levels++
      const key = /["']?([A-Za-z_]\w{0,30})["']?\s*(?:=>|=|:)\s*(?:\[\s*)?$/.exec(code.slice(Math.max(0, i - 60), i))
      if (key && (LOCAL_ENV.test(key[1]) || words(key[1]).some((w) => DOUBLE_WORDS.has(w)))) return true
    }
  }
  return false
}
