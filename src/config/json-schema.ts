// The JSON Schema of `.twelve-factor.yml`, generated from CONFIG_KEYS — the table the loader
// validates against — so the published schema (schema/twelve-factor.schema.json, checked by a
// test) and the loader cannot drift.
import { FACTORS } from '../engine/types.js'
import { CONFIG_KEYS, FAIL_ON_VALUES, RULE_SETTINGS, type KeySpec } from './schema.js'

const FACTOR = { type: 'string', enum: [...FACTORS] }

function propertySchema(spec: KeySpec): Record<string, unknown> {
  const base = { description: `${spec.description} Default: ${spec.default}.` }
  switch (spec.type) {
    case 'factor-list':
      return { ...base, type: 'array', items: FACTOR, uniqueItems: true }
    case 'rule-map':
      return { ...base, type: 'object', propertyNames: { pattern: '^[Tt][Ff][0-9]{4}$' }, additionalProperties: { enum: [...RULE_SETTINGS, false] } }
    case 'glob-list':
      return { ...base, type: 'array', items: { type: 'string', not: { pattern: '^!?(/|.*(^|/)\\.\\.(/|$))' } } }
    case 'fail-on-map':
      return {
        ...base,
        oneOf: [
          { type: 'string', enum: [...FAIL_ON_VALUES] },
          {
            type: 'object',
            properties: Object.fromEntries([['default', { enum: [...FAIL_ON_VALUES] }], ...FACTORS.map((f) => [f, { enum: [...FAIL_ON_VALUES] }])]),
            additionalProperties: false
          }
        ]
      }
    case 'size':
      return { ...base, oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([bBkKmMgG][bB]?)?\\s*$' }] }
    case 'enum':
      return { ...base, enum: [...(spec.values ?? [])] }
  }
}

export function configJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/twelve-factor-audit/twelve-factor-audit/blob/main/schema/twelve-factor.schema.json',
    title: '.twelve-factor.yml',
    description: 'Configuration of twelve-factor-audit (Twelve-Factor App audit).',
    type: 'object',
    properties: Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, propertySchema(k)])),
    additionalProperties: false
  }
}
