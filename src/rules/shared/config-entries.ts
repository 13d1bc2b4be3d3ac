// Key/value pairs of a config file with the offset of each value, whatever the format: YAML (via
// the shared parser), JSON, .properties, INI/TOML, dotenv and simple XML. One shape for rules that
// ask "which keys hold which literal values".
import type { SourceFile } from '../../engine/source-file.js'
import { yamlEntries } from '../../parsers/yaml.js'

export interface ConfigEntry {
  /** Full key path, dot-joined (spring.datasource.password, production.password). */
  key: string
  /** Last key segment (password). */
  leaf: string
  value: string
  /** Offset of the value's first character (after any opening quote). */
  offset: number
  /** The YAML document or INI/TOML section, for rules that judge per profile/environment. */
  section: string
}

const YAML_KINDS = new Set(['yaml', 'compose', 'kubernetes', 'workflow'])
const LINE_KINDS = new Set(['properties', 'ini', 'toml', 'dotenv'])

export function configEntries(file: SourceFile): ConfigEntry[] {
  return file.parse('config-entries', (f) => {
    if (YAML_KINDS.has(f.kind)) return fromYaml(f)
    if (f.kind === 'json') return fromJson(f)
    if (LINE_KINDS.has(f.kind)) return fromLines(f)
    if (f.kind === 'xml') return fromXml(f)
    return []
  })
}

function fromYaml(f: SourceFile): ConfigEntry[] {
  return yamlEntries(f)
    .filter((e) => e.value !== null && typeof e.value !== 'boolean')
    .map((e) => {
      const key = e.path.filter((p): p is string => typeof p === 'string').join('.')
      return { key, leaf: e.key, value: String(e.value), offset: e.offset + (e.quoted ? 1 : 0), section: String(e.docIndex) }
    })
}

function fromJson(f: SourceFile): ConfigEntry[] {
  const out: ConfigEntry[] = []
  const re = /"([^"\\\n]{1,120})"\s*:\s*"((?:[^"\\\n]|\\.){0,4000})"/g
  for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
    out.push({ key: m[1], leaf: m[1], value: m[2], offset: m.index + m[0].length - m[2].length - 1, section: '' })
  }
  return out
}

function fromLines(f: SourceFile): ConfigEntry[] {
  const out: ConfigEntry[] = []
  const code = f.code
  let section = ''
  let offset = 0
  // split keeping each line's own terminator: CRLF files must not drift one character per line
  const re = /([^\r\n]*)(\r\n|\r|\n|$)/g
  for (let lm = re.exec(code); lm && lm[0] !== ''; lm = re.exec(code)) {
    const line = lm[1]
    const start = offset
    offset += lm[0].length
    if (line.length > 4000) continue
    const sec = /^\s*\[+\s*([^\]]{1,120}?)\s*\]+\s*$/.exec(line)
    if (sec) {
      section = sec[1]
      continue
    }
    const m = /^(\s*(?:export\s+)?)(["']?)([\w.\-/]{1,160})\2\s*[=:]\s*(.*?)\s*$/.exec(line)
    if (!m || line.trimStart().startsWith('!')) continue
    let value = m[4]
    let at = start + line.trimEnd().length - value.length
    const q = /^(["'])(.*)\1$/.exec(value)
    if (q) {
      value = q[2]
      at += 1
    }
    const key = section && f.kind !== 'dotenv' ? `${section}.${m[3]}` : m[3]
    out.push({ key, leaf: m[3].split('.').pop() ?? m[3], value, offset: at, section })
  }
  return out
}

function fromXml(f: SourceFile): ConfigEntry[] {
  const out: ConfigEntry[] = []
  const el = /<([\w.:-]{1,80})>([^<\n]{1,300})<\/\1>/g
  for (let m = el.exec(f.code); m; m = el.exec(f.code)) {
    out.push({ key: m[1], leaf: m[1], value: m[2].trim(), offset: m.index + m[1].length + 2 + (m[2].length - m[2].trimStart().length), section: '' })
  }
  const kv = /\bkey\s*=\s*"([^"\n]{1,120})"\s+value\s*=\s*"([^"\n]{0,300})"/g
  for (let m = kv.exec(f.code); m; m = kv.exec(f.code)) {
    out.push({ key: m[1], leaf: m[1], value: m[2], offset: m.index + m[0].length - m[2].length - 1, section: '' })
  }
  return out
}

const HOCON_ASSIGN = /^\s*([\w.-]{1,120})\s*[=:](.*)$/
const HOCON_ENV = /^\$\{\?([\w.-]{1,120})\}$/

/**
 * HOCON (Ktor, Akka, Play application.conf): is the key assigned on line `i` overridden in the same
 * block by an optional environment substitution (`url = "jdbc:..."` then `url = ${?DATABASE_URL}`)?
 * Returns the variable's name: the literal is then only a default. Linear scan of the block.
 */
export function hoconOverride(lines: readonly string[], i: number): string | undefined {
  if ((lines[i]?.length ?? 0) > 4000) return undefined
  const m = HOCON_ASSIGN.exec(lines[i] ?? '')
  if (!m) return undefined
  const key = m[1]
  const found = (j: number): string | undefined => {
    const a = HOCON_ASSIGN.exec(lines[j])
    return a && a[1] === key ? HOCON_ENV.exec(a[2].trim())?.[1] : undefined
  }
  let depth = 0
  // Bounded: an override sits beside its default; a block of thousands of lines is generated data.
  for (let j = i + 1; j < lines.length && j <= i + 300 && depth >= 0; j++) {
    if (lines[j].length > 4000) continue
    if (depth === 0) {
      const v = found(j)
      if (v) return v
    }
    depth += (lines[j].match(/\{/g) ?? []).length - (lines[j].match(/\}/g) ?? []).length
  }
  depth = 0
  for (let j = i - 1; j >= 0 && j >= i - 300 && depth >= 0; j--) {
    if (lines[j].length > 4000) continue
    depth += (lines[j].match(/\}/g) ?? []).length - (lines[j].match(/\{/g) ?? []).length
    if (depth === 0) {
      const v = found(j)
      if (v) return v
    }
  }
  return undefined
}

/**
 * hoconOverride for every line at once, in one pass: 0-based line → the variable of the
 * `${?VAR}` that overrides the key assigned on that line in the same block.
 */
export function hoconOverrides(lines: readonly string[]): Map<number, string> {
  const out = new Map<number, string>()
  interface Block { literals: Map<string, number[]>; env: Map<string, string> }
  const stack: Block[] = [{ literals: new Map(), env: new Map() }]
  const close = (b: Block): void => {
    for (const [key, at] of b.literals) {
      const v = b.env.get(key)
      if (v) for (const i of at) out.set(i, v)
    }
  }
  lines.forEach((line, i) => {
    if (line.length > 4000) return
    const top = stack[stack.length - 1]
    const a = HOCON_ASSIGN.exec(line)
    if (a) {
      const env = HOCON_ENV.exec(a[2].trim())
      if (env) top.env.set(a[1], env[1])
      else {
        const at = top.literals.get(a[1])
        if (at) at.push(i)
        else top.literals.set(a[1], [i])
      }
    }
    const opens = (line.match(/\{/g) ?? []).length
    const closes = (line.match(/\}/g) ?? []).length
    for (let k = 0; k < opens - closes; k++) stack.push({ literals: new Map(), env: new Map() })
    for (let k = 0; k < closes - opens && stack.length > 1; k++) close(stack.pop()!)
  })
  while (stack.length) close(stack.pop()!)
  return out
}

const DEV_PROFILE_NAME = /^['"]?(local|dev|development|test|testing|ci|docker|compose)['"]?$/i

/**
 * Lines of a Spring application.yml that belong to a development/test profile document
 * (`spring.config.activate.on-profile: local`, legacy `spring.profiles: dev`, after `---`), and
 * Quarkus/Micronaut `%dev.` / `%test.` property lines. true per 0-based line.
 */
export function devProfileLines(lines: readonly string[]): boolean[] {
  const out = new Array<boolean>(lines.length).fill(false)
  let start = 0
  const close = (end: number): void => {
    let dev = false
    for (let j = start; j < end; j++) {
      const m = /^\s*(?:on-profile|profiles)\s*:\s*(\S{1,60})\s*$/.exec(lines[j].length > 4000 ? '' : lines[j])
      if (m) {
        dev = DEV_PROFILE_NAME.test(m[1])
        break
      }
    }
    for (let j = start; j < end; j++) out[j] = dev || /^\s*%(dev|test)\./.test(lines[j])
  }
  lines.forEach((line, i) => {
    if (/^---\s*$/.test(line)) {
      close(i)
      start = i + 1
    }
  })
  close(lines.length)
  return out
}
