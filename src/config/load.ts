// Loads and validates `.twelve-factor.yml`. Validation is the JSON Schema (CONFIG_SCHEMA, the very
// object published as schema/twelve-factor.schema.json) run through schema-validator.ts; the code
// here only normalises what passed, plus the few checks a schema cannot express (marked
// "semantic"). Every error names the key path, what was found and the accepted values.
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { parseDocument } from 'yaml'
import { SUPPRESSION_WITHOUT_REASON } from '../engine/check-file.js'
import { UsageError } from '../engine/errors.js'
import { parseFactorList } from '../engine/factors.js'
import type { Factor } from '../engine/types.js'
import { configJsonSchema } from './json-schema.js'
import { FAIL_ON_VALUES, defaultConfig, type AuditConfig, type FailOn, type RuleSetting } from './schema.js'
import { compileSchema, type SchemaError } from './schema-validator.js'

/** The schema the loader validates with; a test keeps schema/twelve-factor.schema.json equal to it. */
export const CONFIG_SCHEMA: Readonly<Record<string, unknown>> = configJsonSchema()
// Compiled once at load: throws here if the schema uses a keyword the validator does not implement.
const validateSchema = compileSchema(CONFIG_SCHEMA)

export const DEFAULT_CONFIG_FILES = ['.twelve-factor.yml', '.twelve-factor.yaml']

/** The config file to use: the explicit one (must exist) or the first default one at the root. */
export function findConfigFile(root: string, explicit?: string): string | undefined {
  if (explicit) {
    const path = isAbsolute(explicit) ? explicit : resolve(root, explicit)
    if (!existsSync(path)) throw new UsageError(`config: file not found: ${safeName(explicit)}`)
    refuseOutsideLink(root, path, explicit)
    if (!statSync(path).isFile()) throw new UsageError(`config: not a file: ${safeName(explicit)}`)
    return path
  }
  const found = DEFAULT_CONFIG_FILES.find((f) => isLink(join(root, f)) || existsSync(join(root, f)))
  if (found) refuseOutsideLink(root, join(root, found), found)
  return found ? join(root, found) : undefined
}

const isLink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/**
 * A committed config that is a symbolic link out of the audited folder would have the audit read
 * (and its errors quote) a file of the runner's: ~/.git-credentials, say. Refused, quoting nothing.
 */
function refuseOutsideLink(root: string, path: string, shown: string): void {
  if (!isLink(path)) return
  let target: string
  try {
    target = realpathSync(path)
  } catch {
    throw new UsageError(`config: ${safeName(shown)} is a symbolic link to nothing; replace it with the config file`)
  }
  const base = realpathSync(root)
  if (target !== base && !target.startsWith(base + sep)) {
    throw new UsageError(`config: ${safeName(shown)} is a symbolic link out of the audited folder; refusing to follow it (commit the config file itself)`)
  }
}

/** Text from the config or its name, quoted in a message only when it is a plain word (never a value that could be a secret or a command). */
export function safeName(text: string): string {
  return /^[\w./@+-]{1,80}$/.test(text) ? text : `(a name of ${text.length} characters)`
}

export function loadConfig(root: string, explicit: string | undefined, knownRuleIds: ReadonlySet<string>): { config: AuditConfig; file?: string } {
  const file = findConfigFile(root, explicit)
  if (!file) return { config: defaultConfig() }
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new UsageError(`config: cannot read ${file}: ${(e as Error).message}`)
  }
  const name = relative(root, file) || file
  return { config: parseConfig(text, name, knownRuleIds), file }
}

export function parseConfig(text: string, name: string, registered: ReadonlySet<string>): AuditConfig {
  // Alias expansion is capped: a config file must not be able to blow up memory (billion laughs).
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    // The parser's own message, without the excerpt of the file it would quote (never echo a config).
    const e = doc.errors[0]
    const before = text.slice(0, e.pos[0])
    const line = before.split('\n').length
    const at = ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`
    throw new UsageError(`${name}: invalid YAML${at}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')}; the config must be a YAML mapping (see the README's Configuration section)`)
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 50 })
  } catch (e) {
    throw new UsageError(`${name}: invalid YAML: ${(e as Error).message}`)
  }
  return configFromData(data, name, registered)
}

/** The settings in `data` (the parsed YAML): validated against CONFIG_SCHEMA, then normalised. */
export function configFromData(data: unknown, name: string, registered: ReadonlySet<string>): AuditConfig {
  const config = defaultConfig()
  if (data === null || data === undefined) return config // an empty file
  const error = validateSchema(data)
  if (error) throw new UsageError(schemaErrorMessage(name, error))
  // From here on `data` has the schema's shape; what follows only normalises, plus the checks a
  // JSON Schema cannot express (marked "semantic").
  const raw = data as RawConfig
  if (raw.factors) config.factors = parseFactorList(raw.factors.map(String).join(','), `${name}: 'factors'`)
  if (raw.rules) config.rules = normaliseRules(raw.rules, `${name}: 'rules'`, new Set([...registered, SUPPRESSION_WITHOUT_REASON]))
  if (raw.include) config.include = [...raw.include]
  if (raw.exclude) config.exclude = [...raw.exclude]
  if (typeof raw['fail-on'] === 'string') config.failOn = raw['fail-on']
  else if (raw['fail-on']) {
    const { default: failOn, ...byFactor } = raw['fail-on']
    if (failOn) config.failOn = failOn
    config.failOnByFactor = byFactor
  }
  if (raw['max-file-size'] !== undefined) config.maxFileSize = parseSize(raw['max-file-size'], `${name}: 'max-file-size'`)
  return config
}

/** What a config that passed CONFIG_SCHEMA looks like. */
interface RawConfig {
  factors?: (string | number)[]
  rules?: Record<string, RuleSetting | false>
  include?: string[]
  exclude?: string[]
  'fail-on'?: FailOn | ({ default?: FailOn } & Partial<Record<Factor, FailOn>>)
  'max-file-size'?: number | string
}

function normaliseRules(rules: Record<string, RuleSetting | false>, where: string, known: ReadonlySet<string>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(rules)) {
    const ruleId = id.toUpperCase()
    // Semantic: the registry of rule ids is not in the schema (it only fixes their shape, TF + 4 digits).
    if (!known.has(ruleId)) {
      throw new UsageError(`${where}: unknown rule id '${safeName(id)}'; see --list-rules for the ids (known: ${[...known].sort().slice(0, 12).join(', ')}${known.size > 12 ? ', ...' : ''})`)
    }
    out[ruleId] = setting === false ? 'off' : setting
  }
  return out
}

/** One line naming the file, the key path, what was found and what is accepted. */
export function schemaErrorMessage(name: string, e: SchemaError): string {
  const key = e.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? safeName(p) : `.${safeName(p)}`)).join('')
  const at = key ? `${name}: '${key}'` : name
  switch (e.kind) {
    case 'value':
      return `${at}${key ? '' : ':'} must ${e.negated ? 'not ' : ''}be ${e.expected}, found ${describe(e.found)}`
    case 'unknown-key':
      return `${at}: unknown key '${safeName(e.key)}'; accepted keys: ${e.accepted.join(', ')}`
    case 'key':
      return `${at}: key '${safeName(e.key)}' must be ${e.expected}`
    case 'duplicate':
      return `${at}: item ${e.index + 1} repeats ${describe(e.found)}; list each value once`
  }
}

export function failOnValue(value: unknown, where: string): FailOn {
  const s = String(value).toLowerCase()
  if (typeof value !== 'string' || !(FAIL_ON_VALUES as readonly string[]).includes(s)) {
    throw new UsageError(`${where} must be one of ${FAIL_ON_VALUES.join(', ')}, found ${describe(value)}`)
  }
  return s as FailOn
}

/** Bytes in a size the schema accepted (an integer, or a number with an optional B/KB/MB/GB unit). */
export function parseSize(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value
  const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(value) : null
  if (!m) throw new Error(`${where}: ${describe(value)} passed the schema but is not a size (schema and parseSize disagree)`)
  const unit = m[2].toLowerCase()
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1
  const bytes = Math.round(Number(m[1]) * mult)
  // Semantic: "0KB" or "0.1" fits the schema's pattern but is less than one byte.
  if (bytes < 1) throw new UsageError(`${where} must be at least 1 byte, found ${describe(value)}`)
  return bytes
}

/** What a wrong value is: a short word is quoted (a typo in 'fail-on' is worth seeing); anything else only described. */
function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  if (typeof v !== 'string') return `${typeof v} ${String(v).slice(0, 24)}`
  return /^[\w.-]{1,24}$/.test(v) ? `string ${JSON.stringify(v)}` : `a string of ${v.length} characters (not quoted)`
}
