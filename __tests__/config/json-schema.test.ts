import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { configJsonSchema } from '../../src/config/json-schema.js'
import { CONFIG_SCHEMA } from '../../src/config/load.js'
import { CONFIG_KEYS } from '../../src/config/schema.js'

const FILE = 'schema/twelve-factor.schema.json'

describe('schema/twelve-factor.schema.json', () => {
  it('is exactly what the loader validates (regenerate with UPDATE_SCHEMA=1 npm test -- json-schema)', () => {
    const expected = `${JSON.stringify(configJsonSchema(), null, 2)}\n`
    if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, expected)
    expect(readFileSync(FILE, 'utf8')).toBe(expected)
  })

  it('is the very object the loader validates with', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(CONFIG_SCHEMA)
  })

  it('documents every key the loader accepts', () => {
    const schema = JSON.parse(readFileSync(FILE, 'utf8'))
    expect(Object.keys(schema.properties)).toEqual(CONFIG_KEYS.map((k) => k.key))
    expect(schema.additionalProperties).toBe(false)
  })
})
