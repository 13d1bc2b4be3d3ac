// Loads and validates `.twelve-factor.yml`. Every error names the key, what was found and the
// accepted values; nothing is guessed.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import { SUPPRESSION_WITHOUT_REASON } from '../engine/check-file.js'
import { UsageError } from '../engine/errors.js'
import { parseFactorList } from '../engine/factors.js'
import { FACTORS, type Factor } from '../engine/types.js'
import { CONFIG_KEYS, FAIL_ON_VALUES, RULE_SETTINGS, defaultConfig, type AuditConfig, type FailOn, type RuleSetting } from './schema.js'

export const DEFAULT_CONFIG_FILES = ['.twelve-factor.yml', '.twelve-factor.yaml']

/** The config file to use: the explicit one (must exist) or the first default one at the root. */
export function findConfigFile(root: string, explicit?: string): string | undefined {
  if (explicit) {
    const path = isAbsolute(explicit) ? explicit : resolve(root, explicit)
    if (!existsSync(path)) throw new UsageError(`config: file not found: ${explicit}`)
    if (!statSync(path).isFile()) throw new UsageError(`config: not a file: ${explicit}`)
    return path
  }
  return DEFAULT_CONFIG_FILES.map((f) => join(root, f)).find((f) => existsSync(f))
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
  // Engine-level rules (a suppression without a reason) can be configured like any other.
  const knownRuleIds = new Set([...registered, SUPPRESSION_WITHOUT_REASON])
  // Alias expansion is capped: a config file must not be able to blow up memory (billion laughs).
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length > 0) throw new UsageError(`${name}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`)
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 50 })
  } catch (e) {
    throw new UsageError(`${name}: invalid YAML: ${(e as Error).message}`)
  }
  const config = defaultConfig()
  if (data === null || data === undefined) return config
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`${name}: must be a mapping of settings (keys: ${CONFIG_KEYS.map((k) => k.key).join(', ')}), found ${describe(data)}`)
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const where = `${name}: '${key}'`
    if (!CONFIG_KEYS.some((k) => k.key === key)) {
      throw new UsageError(`${name}: unknown key '${key}'; accepted keys: ${CONFIG_KEYS.map((k) => k.key).join(', ')}`)
    }
    switch (key) {
      case 'factors':
        config.factors = parseFactors(value, where)
        break
      case 'rules':
        config.rules = parseRules(value, where, knownRuleIds)
        break
      case 'include':
      case 'exclude':
        config[key] = parseGlobs(value, where)
        break
      case 'fail-on':
        Object.assign(config, parseFailOn(value, where))
        break
      case 'max-file-size':
        config.maxFileSize = parseSize(value, where)
        break
      default:
        throw new Error(`config key '${key}' is in CONFIG_KEYS but the loader does not read it`)
    }
  }
  return config
}

function parseFactors(value: unknown, where: string): Factor[] {
  if (typeof value === 'string') return parseFactorList(value, where)
  if (!Array.isArray(value)) throw new UsageError(`${where} must be a list of factors (${FACTORS.join(', ')}), found ${describe(value)}`)
  return parseFactorList(value.map(String).join(','), where)
}

function parseRules(value: unknown, where: string, known: ReadonlySet<string>): Record<string, RuleSetting> {
  if (!isMapping(value)) throw new UsageError(`${where} must map rule ids to one of ${RULE_SETTINGS.join(', ')}, found ${describe(value)}`)
  const out: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(value)) {
    const ruleId = id.toUpperCase()
    if (!known.has(ruleId)) {
      throw new UsageError(`${where}: unknown rule id '${id}'; see --list-rules for the ids (known: ${[...known].sort().slice(0, 12).join(', ')}${known.size > 12 ? ', ...' : ''})`)
    }
    const s = setting === false ? 'off' : String(setting).toLowerCase()
    if (!(RULE_SETTINGS as readonly string[]).includes(s)) {
      throw new UsageError(`${where}.${id} must be one of ${RULE_SETTINGS.join(', ')}, found ${describe(setting)}`)
    }
    out[ruleId] = s as RuleSetting
  }
  return out
}

function parseGlobs(value: unknown, where: string): string[] {
  if (typeof value === 'string') return value.split('\n').map((s) => s.trim()).filter(Boolean)
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new UsageError(`${where} must be a list of glob strings, found ${describe(value)}`)
  }
  for (const g of value as string[]) {
    const bare = g.replace(/^!/, '')
    if (isAbsolute(bare) || bare.split('/').includes('..')) {
      throw new UsageError(`${where}: '${g}' points outside the audited folder; use a path relative to it`)
    }
  }
  return value as string[]
}

function parseFailOn(value: unknown, where: string): Pick<AuditConfig, 'failOn' | 'failOnByFactor'> {
  if (typeof value === 'string') return { failOn: failOnValue(value, where), failOnByFactor: {} }
  if (!isMapping(value)) throw new UsageError(`${where} must be one of ${FAIL_ON_VALUES.join(', ')} or a map of factor to level, found ${describe(value)}`)
  const out: Pick<AuditConfig, 'failOn' | 'failOnByFactor'> = { failOn: 'error', failOnByFactor: {} }
  for (const [k, v] of Object.entries(value)) {
    if (k === 'default') out.failOn = failOnValue(v, `${where}.default`)
    else {
      const [factor] = parseFactorList(k, `${where}: key '${k}'`)
      out.failOnByFactor[factor] = failOnValue(v, `${where}.${k}`)
    }
  }
  return out
}

export function failOnValue(value: unknown, where: string): FailOn {
  const s = String(value).toLowerCase()
  if (typeof value !== 'string' || !(FAIL_ON_VALUES as readonly string[]).includes(s)) {
    throw new UsageError(`${where} must be one of ${FAIL_ON_VALUES.join(', ')}, found ${describe(value)}`)
  }
  return s as FailOn
}

export function parseSize(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value
  const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value) : null
  if (!m) throw new UsageError(`${where} must be a size in bytes or like 512KB, 2MB, found ${describe(value)}`)
  const unit = (m[2] ?? 'b').toLowerCase()[0]
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1
  return Math.round(Number(m[1]) * mult)
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  return `${typeof v} ${JSON.stringify(v)}`
}
