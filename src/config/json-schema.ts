// The JSON Schema of `.twelve-factor.yml`, generated from CONFIG_KEYS. It is the one validation of
// the file: the loader runs it through schema-validator.ts, and the published copy
// (schema/twelve-factor.schema.json) is checked by a test to be this very object, so editors and
// the loader cannot drift. `title` is the short "what is accepted" phrase error messages use.
import { FACTORS } from '../engine/types.js'
import { CONFIG_KEYS, FAIL_ON_VALUES, RULE_SETTINGS, type KeySpec } from './schema.js'

/** `III` → `[Ii][Ii][Ii]`: a case-insensitive literal (JSON Schema patterns have no flags). */
const anyCase = (s: string): string => [...s].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toUpperCase()}${c.toLowerCase()}]`)).join('')

const FACTOR = {
  title: 'a factor: I..XII or 1..12',
  oneOf: [
    { type: 'string', pattern: `^(?:${FACTORS.map(anyCase).join('|')}|[1-9]|1[0-2])$` },
    { type: 'integer', enum: FACTORS.map((_, i) => i + 1) }
  ]
}
const FAIL_ON = { enum: [...FAIL_ON_VALUES] }
// Absolute (/x, \x, C:x) or with a `..` segment, after an optional leading `!`.
const OUTSIDE = '^!?(?:[/\\\\]|[A-Za-z]:|(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))'

function propertySchema(spec: KeySpec): Record<string, unknown> {
  const base = { description: `${spec.description} Default: ${spec.default}.` }
  switch (spec.type) {
    case 'factor-list':
      return { ...base, title: 'a list of factors (I..XII or 1..12)', type: 'array', items: FACTOR, uniqueItems: true }
    case 'rule-map':
      return {
        ...base,
        title: `a mapping of rule id (like TF0301) to one of ${RULE_SETTINGS.join(', ')}`,
        type: 'object',
        propertyNames: { title: 'a rule id: TF and four digits, like TF0301', pattern: '^[Tt][Ff][0-9]{4}$' },
        additionalProperties: { enum: [...RULE_SETTINGS, false] }
      }
    case 'glob-list':
      return {
        ...base,
        title: 'a list of glob strings',
        type: 'array',
        items: {
          title: 'a glob string relative to the audited folder',
          type: 'string',
          not: { title: 'a path outside the audited folder (absolute, or with a .. segment)', pattern: OUTSIDE }
        }
      }
    case 'fail-on-map':
      return {
        ...base,
        oneOf: [
          { type: 'string', ...FAIL_ON },
          { type: 'object', properties: Object.fromEntries([['default', FAIL_ON], ...FACTORS.map((f) => [f, FAIL_ON])]), additionalProperties: false }
        ]
      }
    case 'size':
      return {
        ...base,
        title: 'a size: a number of bytes (at least 1) or a number with a unit B, KB, MB or GB, such as 512KB or 2MB',
        oneOf: [
          { type: 'integer', minimum: 1 },
          { type: 'string', pattern: '^\\s*\\d+(?:\\.\\d+)?\\s*[KkMmGg]?[Bb]?\\s*$' }
        ]
      }
    case 'enum':
      return { ...base, enum: [...(spec.values ?? [])] }
  }
}

export function configJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/twelve-factor-audit/twelve-factor-audit/blob/main/schema/twelve-factor.schema.json',
    description: 'Configuration of twelve-factor-audit (.twelve-factor.yml).',
    type: 'object',
    properties: Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, propertySchema(k)])),
    additionalProperties: false
  }
}
