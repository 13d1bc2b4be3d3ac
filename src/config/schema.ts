// The one description of `.twelve-factor.yml`: the JSON Schema (json-schema.ts) is generated from
// it, the loader validates with that schema, and the README table is written from it, so none of
// them can drift.
import { FACTORS, SEVERITIES } from '../engine/types.js'

export const FAIL_ON_VALUES = ['error', 'warning', 'notice', 'none'] as const
export type FailOn = (typeof FAIL_ON_VALUES)[number]

export const RULE_SETTINGS = ['off', ...SEVERITIES] as const
export type RuleSetting = (typeof RULE_SETTINGS)[number]

export interface KeySpec {
  key: string
  type: 'factor-list' | 'rule-map' | 'glob-list' | 'enum' | 'size' | 'fail-on-map'
  values?: readonly string[]
  default: string
  description: string
}

export const CONFIG_KEYS: readonly KeySpec[] = [
  {
    key: 'factors',
    type: 'factor-list',
    values: FACTORS,
    default: 'all twelve',
    description: 'Factors to audit, as roman numerals (I..XII) or numbers (1..12). Factors left out are reported as not applicable.'
  },
  {
    key: 'rules',
    type: 'rule-map',
    values: RULE_SETTINGS,
    default: '{}',
    description: 'Per-rule setting by rule id: off, or a severity (error, warning, notice) that replaces the rule default.'
  },
  {
    key: 'include',
    type: 'glob-list',
    default: '[] (every file)',
    description: 'Globs (the @actions/glob dialect) of files to audit; when set, other files are ignored. A glob starting with ! excludes.'
  },
  {
    key: 'exclude',
    type: 'glob-list',
    default: '[]',
    description: 'Globs of files or folders to skip, on top of .gitignore and the default excludes (node_modules, vendor, build output...).'
  },
  {
    key: 'fail-on',
    type: 'fail-on-map',
    values: FAIL_ON_VALUES,
    default: 'error',
    description:
      'Lowest severity that fails the audit (error, warning, notice, none). A map sets it per factor: {default: error, III: warning}.'
  },
  {
    key: 'max-file-size',
    type: 'size',
    default: '1MB',
    description: 'Files larger than this are skipped and listed as skipped: a number of bytes or a size such as 512KB or 2MB.'
  }
]

export interface AuditConfig {
  factors?: (typeof FACTORS)[number][]
  rules: Record<string, RuleSetting>
  include: string[]
  exclude: string[]
  failOn: FailOn
  /** Per-factor thresholds that replace failOn for that factor. */
  failOnByFactor: Partial<Record<(typeof FACTORS)[number], FailOn>>
  maxFileSize: number
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024

export function defaultConfig(): AuditConfig {
  return { rules: {}, include: [], exclude: [], failOn: 'error', failOnByFactor: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE }
}
