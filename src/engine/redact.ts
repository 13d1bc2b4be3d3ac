// Redaction happens where a finding is made (engine/check-file.ts), so no reporter can leak a
// secret by forgetting to call this. Two layers: the credentials the rules reported (redactAll),
// and the credential shapes masked in every snippet and message whatever rules ran (maskLine):
// a line flagged for its port may carry an API key no enabled rule looked at.
import type { SourceFile } from './source-file.js'
import { TOKEN_PATTERNS } from './secret-shapes.js'

/** At most a 4-character prefix of a credential survives, and never more than a quarter of it. */
export function redact(secret: string): string {
  const keep = Math.min(4, Math.floor(secret.length / 4))
  return `${secret.slice(0, keep)}${'*'.repeat(4)}`
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Replaces every occurrence of each secret in `text` with its redacted form. A credential shorter
 * than 4 characters (`password=q1w`) is replaced only where it stands as a whole token, so 'sa' is
 * masked in `password=sa` without mangling 'datasource'.
 */
export function redactAll(text: string, secrets: readonly string[]): string {
  let out = text
  for (const s of secrets) {
    if (s.length === 0) continue
    out = s.length >= 4 ? out.split(s).join(redact(s)) : out.replace(new RegExp(`(?<![\\w])${escapeRe(s)}(?![\\w])`, 'g'), redact(s))
  }
  return out
}

/** Only this much of a line is masked and shown: snippets are cut to 200 characters anyway. */
const MASK_WINDOW = 1000

/**
 * Names that hold credentials, generously: masking a harmless value in a snippet costs nothing,
 * missing one leaks it. Matched on the lower-cased name with camelCase split by '_'.
 */
const CREDENTIAL_NAME = /pass(?!enger|ive|age|port|through)|pwd|secret|token|credential|auth(?!or)|api_?key|private_?key|access_?key|(?:^|[^a-z])keys?(?:[^a-z]|$)|signature|cookie|dsn/
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())
}

/** Values that are not credentials: references, switches, empties, structure openers, already masked. */
const NOT_A_VALUE = /^(?:\$|\{\{|%\(|#\{|<|\[|\{|\*|true$|false$|null$|none$|nil$|yes$|no$|undefined$)|\*\*\*\*/i
/**
 * In code, an unquoted value that is an expression (os.environ[...], getToken(), a variable named
 * in words) is no literal; a random-looking run of letters and digits (Zx81kd02lsPq) still is.
 */
const CODE_EXPRESSION = /^[A-Za-z_$][\w$]*[.([]|^[A-Za-z_$]+\d{0,2}$/

const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_.-]{0,79})(["']?)[ \t]*(=>|:=|=|:)[ \t]*(["'`]?)/g
/** `--api-token VALUE`, also as two items of an argument list: `'--api-token', 'VALUE'`. */
const FLAG_WITH_SPACE = /(?<![\w-])--?([A-Za-z][A-Za-z0-9_-]{0,79})(?:["']?[ \t]*,)?[ \t]+(["']?)(?=[^\s-])/g
const CALL_WITH_STRING = /([A-Za-z_][A-Za-z0-9_]{0,79})\([ \t]*(["'])/g
const URL_PASSWORD = /:\/\/[^\s/:@'"]{0,200}:([^\s/@'"]{1,200})@/g
const BEARER = /\b(?:Bearer|Basic|Token)[ \t]+([A-Za-z0-9._~+/=-]{8,})/g
const PRIVATE_KEY_HEADER = /-----BEGIN[A-Z ]{0,40}PRIVATE KEY-----/
/** A long run of mixed-case letters and digits (a base64 or random token); pure hex (digests, commit SHAs) stays. */
const OPAQUE_RUN = /[A-Za-z0-9+/_-]{32,}={0,2}/g

/** Where an unquoted value ends. */
const VALUE_END = /[\s,;)}\]'"`]/

function readValue(text: string, from: number, quote: string): { start: number; end: number } {
  if (quote) {
    const close = text.indexOf(quote, from)
    return { start: from, end: close === -1 ? text.length : close }
  }
  let end = from
  while (end < text.length && !VALUE_END.test(text[end])) end++
  return { start: from, end }
}

interface Span {
  start: number
  end: number
}

function assignmentSpans(text: string, code: boolean, out: Span[]): void {
  ASSIGNMENT.lastIndex = 0
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    if (!isCredentialName(m[1])) continue
    const v = readValue(text, m.index + m[0].length, m[4])
    const value = text.slice(v.start, v.end)
    if (value === '' || NOT_A_VALUE.test(value) || (code && !m[4] && CODE_EXPRESSION.test(value))) continue
    out.push(v)
    ASSIGNMENT.lastIndex = Math.max(ASSIGNMENT.lastIndex, v.end)
  }
}

function flagAndCallSpans(text: string, out: Span[]): void {
  for (const re of [FLAG_WITH_SPACE, CALL_WITH_STRING]) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!isCredentialName(m[1])) continue
      const v = readValue(text, m.index + m[0].length, m[2])
      const value = text.slice(v.start, v.end)
      if (value !== '' && !NOT_A_VALUE.test(value)) out.push(v)
    }
  }
}

function shapeSpans(text: string, out: Span[]): void {
  for (const pattern of TOKEN_PATTERNS) {
    pattern.re.lastIndex = 0
    for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
      const start = m.index + m[0].indexOf(m[1])
      out.push({ start, end: start + m[1].length })
    }
    pattern.re.lastIndex = 0
  }
  for (const re of [URL_PASSWORD, BEARER]) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[0].lastIndexOf(m[1])
      out.push({ start, end: start + m[1].length })
    }
  }
  OPAQUE_RUN.lastIndex = 0
  for (let m = OPAQUE_RUN.exec(text); m; m = OPAQUE_RUN.exec(text)) {
    const run = m[0]
    if (/^[0-9a-f]+$/i.test(run) || !/[0-9]/.test(run) || !/[a-z]/.test(run) || !/[A-Z]/.test(run)) continue
    out.push({ start: m.index, end: m.index + run.length })
  }
  const key = PRIVATE_KEY_HEADER.exec(text)
  if (key) {
    const start = key.index + key[0].length
    if (start < text.length) out.push({ start, end: text.length })
  }
}

function applySpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  let out = ''
  let at = 0
  for (const s of spans) {
    if (s.end <= at) continue
    const start = Math.max(s.start, at)
    out += text.slice(at, start) + redact(text.slice(start, s.end))
    at = s.end
  }
  return out + text.slice(at)
}

/**
 * Masks the credential shapes of one line of text, whatever rule flagged it: provider tokens,
 * `NAME=value` / `--flag=value` / `--flag value` / `name: value` / `.password("…")` under
 * credential names, URL passwords, bearer tokens, private key bodies and long random runs.
 * `code`: the line is program code, where an unquoted value is an expression, not a literal.
 */
export function maskCredentials(text: string, code = false): string {
  const spans: Span[] = []
  shapeSpans(text, spans)
  assignmentSpans(text, code, spans)
  flagAndCallSpans(text, spans)
  return applySpans(text, spans)
}

const YAML_KINDS = new Set(['yaml', 'kubernetes', 'compose', 'workflow'])
const YAML_KEY = /^(\s*)(?:-\s+)?(["']?)([^\s"':#][^"':#]{0,120}?)\2:(?:\s+(.*))?$/
/** How far back a continuation line looks for the key that owns it. */
const YAML_LOOKBACK = 200

const indentOf = (line: string): number => line.length - line.trimStart().length

/** The nearest key line above `n` (1-based) indented less than `indent`, with its line number. */
function ownerKey(file: SourceFile, n: number, indent: number): { key: string; line: number; value: string } | undefined {
  for (let i = n - 1; i >= Math.max(1, n - YAML_LOOKBACK); i--) {
    const text = file.line(i)
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue
    if (indentOf(text) >= indent) continue
    const m = YAML_KEY.exec(text)
    if (m) return { key: m[3], line: i, value: m[4] ?? '' }
    if (!text.trimStart().startsWith('-')) return undefined
  }
  return undefined
}

/** Is key line `n` an entry of a Kubernetes Secret's data/stringData, or `value:` beside a credential `name:`? */
function secretValueContext(file: SourceFile, n: number, key: string, indent: number): boolean {
  const parent = ownerKey(file, n, indent)
  if (parent && (parent.key === 'data' || parent.key === 'stringData') && /^kind:\s*Secret\b/m.test(file.text)) return true
  if (key !== 'value') return false
  for (let i = n - 1; i >= Math.max(1, n - 3); i--) {
    const m = /^\s*-?\s*name:\s*["']?([^\s"']+)/.exec(file.line(i))
    if (m) return isCredentialName(m[1])
  }
  return false
}

/** A YAML line whose whole value is secret by position (Secret data, a credential's block scalar). */
function maskYamlLine(file: SourceFile, n: number, text: string): string {
  const m = YAML_KEY.exec(text)
  const indent = indentOf(text)
  if (m) {
    const value = m[4] ?? ''
    if (value === '' || /^[|>][-+0-9]*\s*(#.*)?$/.test(value)) return text
    if (!secretValueContext(file, n, m[3], indent) || NOT_A_VALUE.test(value.replace(/^["']/, ''))) return text
    const at = text.length - value.length
    return text.slice(0, at) + redact(value)
  }
  // A continuation line: part of a multi-line value owned by the key above it.
  const owner = ownerKey(file, n, indent)
  if (!owner) return text
  const ownerIndent = indentOf(file.line(owner.line))
  if (isCredentialName(owner.key) || secretValueContext(file, owner.line, owner.key, ownerIndent)) return text.slice(0, indent) + redact(text.trim())
  return text
}

/**
 * The text of line `n` of `file` as reports may show it: credentials the rules reported replaced
 * (`secrets`), then every credential shape masked, YAML values secret by position included.
 */
export function maskLine(file: SourceFile, n: number, secrets: readonly string[] = []): string {
  let text = redactAll(file.line(n), secrets)
  if (text.length > MASK_WINDOW) text = text.slice(0, MASK_WINDOW)
  if (YAML_KINDS.has(file.kind) || /\.ya?ml$/i.test(file.path)) text = maskYamlLine(file, n, text)
  return maskCredentials(text, file.language !== undefined && file.kind === 'source')
}
