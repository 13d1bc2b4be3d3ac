import { describe, expect, it } from '@jest/globals'
import { compileSchema, type JsonSchema } from '../../src/config/schema-validator.js'
import { configJsonSchema } from '../../src/config/json-schema.js'

const check = (schema: JsonSchema, value: unknown) => compileSchema(schema)(value)

describe('schema-validator', () => {
  it('refuses a keyword it does not implement, at any depth, naming it', () => {
    expect(() => compileSchema({ type: 'string', maxLength: 3 })).toThrow("JSON Schema at #: keyword 'maxLength' is not supported")
    expect(() => compileSchema({ properties: { a: { anyOf: [true] } } })).toThrow("JSON Schema at #/properties/a: keyword 'anyOf' is not supported")
    expect(() => compileSchema({ items: { oneOf: [{ type: 'string' }, { format: 'uri' }] } })).toThrow("#/items/oneOf/1: keyword 'format'")
    expect(() => compileSchema({ not: { $ref: '#' } })).toThrow("keyword '$ref'")
    expect(() => compileSchema({ items: [{ type: 'string' }] })).toThrow("tuple 'items'")
    expect(() => compileSchema({ type: 'text' })).toThrow("bad 'type'")
  })

  it('compiles the config schema, so every keyword it uses is implemented', () => {
    expect(() => compileSchema(configJsonSchema())).not.toThrow()
  })

  it('implements the keywords', () => {
    expect(check({ type: 'integer' }, 2)).toBeUndefined()
    expect(check({ type: 'integer' }, 2.5)).toMatchObject({ kind: 'value', expected: 'an integer' })
    expect(check({ type: ['string', 'null'] }, null)).toBeUndefined()
    expect(check({ enum: ['a', false] }, false)).toBeUndefined()
    expect(check({ enum: ['a', false] }, 'b')).toMatchObject({ expected: 'one of a, false', found: 'b' })
    expect(check({ type: 'string', pattern: '^a' }, 'ba')).toMatchObject({ expected: 'a string matching /^a/' })
    expect(check({ pattern: '^a' }, 3)).toBeUndefined()
    expect(check({ type: 'integer', minimum: 1 }, 0)).toMatchObject({ expected: 'an integer of at least 1' })
    expect(check({ not: { title: 'x', enum: ['x'] } }, 'x')).toMatchObject({ negated: true, expected: 'x' })
    expect(check({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, { b: 1 })).toEqual({
      kind: 'unknown-key',
      path: [],
      key: 'b',
      accepted: ['a']
    })
    expect(check({ additionalProperties: { type: 'string' } }, { b: 1 })).toMatchObject({ path: ['b'], expected: 'a string' })
    expect(check({ propertyNames: { title: 'short', pattern: '^.$' } }, { ab: 1 })).toEqual({ kind: 'key', path: [], key: 'ab', expected: 'short' })
    expect(check({ items: { type: 'string' } }, ['a', 1])).toMatchObject({ path: [1], found: 1 })
    expect(check({ uniqueItems: true }, [{ a: [1] }, { a: [1] }])).toMatchObject({ kind: 'duplicate', index: 1 })
    expect(check({ uniqueItems: true }, [{ a: [1] }, { a: [2] }])).toBeUndefined()
    expect(check(false, 1)).toMatchObject({ kind: 'value' })
  })

  it('oneOf: exactly one branch; a type-picked branch reports its own error', () => {
    const s = { oneOf: [{ type: 'string', enum: ['a'] }, { type: 'object', properties: { k: { enum: ['a'] } }, additionalProperties: false }] }
    expect(check(s, 'a')).toBeUndefined()
    expect(check(s, 'b')).toMatchObject({ path: [], expected: 'one of a' })
    expect(check(s, { k: 'b' })).toMatchObject({ path: ['k'], expected: 'one of a' })
    expect(check(s, 3)).toMatchObject({ path: [], expected: 'one of a or a mapping with keys k' })
    expect(check({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toMatchObject({ kind: 'value' })
    // A titled oneOf speaks for itself unless the error is deeper.
    expect(check({ title: 'T', oneOf: [{ type: 'string', pattern: '^a$' }, { type: 'integer' }] }, 'b')).toMatchObject({ expected: 'T' })
  })

  it('is not fooled by keys named like Object.prototype members', () => {
    const s = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }
    expect(check(s, JSON.parse('{"__proto__": 1}'))).toMatchObject({ kind: 'unknown-key', key: '__proto__' })
    expect(check(s, { constructor: 1 })).toMatchObject({ kind: 'unknown-key', key: 'constructor' })
  })
})
