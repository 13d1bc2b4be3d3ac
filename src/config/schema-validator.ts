// A small JSON Schema (draft-07) validator for the keywords schema/twelve-factor.schema.json uses —
// no more. compileSchema() throws on any keyword it does not know, so the schema cannot start using
// a keyword that would be silently ignored here. The first error comes back as data (path, what
// was found, what is accepted) so the caller writes the message; `title` is the short phrase for
// "what is accepted" ("a list of glob strings"), otherwise one is derived from enum/type/oneOf.

export type JsonSchema = boolean | { readonly [keyword: string]: unknown }

export type SchemaError =
  /** The value at `path` is not `expected` (or, when `negated`, is `expected`). */
  | { kind: 'value'; path: readonly (string | number)[]; found: unknown; expected: string; negated?: boolean }
  /** The mapping at `path` has a key that `additionalProperties: false` forbids. */
  | { kind: 'unknown-key'; path: readonly (string | number)[]; key: string; accepted: readonly string[] }
  /** A key of the mapping at `path` fails `propertyNames`. */
  | { kind: 'key'; path: readonly (string | number)[]; key: string; expected: string }
  /** The list at `path` repeats the item at `index` (`uniqueItems`). */
  | { kind: 'duplicate'; path: readonly (string | number)[]; index: number; found: unknown }

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default'])
const ASSERTIONS = new Set(['type', 'enum', 'properties', 'additionalProperties', 'items', 'uniqueItems', 'propertyNames', 'pattern', 'not', 'oneOf', 'minimum'])
const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'null', 'array', 'object'])

type Validate = (value: unknown, path: readonly (string | number)[]) => SchemaError | undefined

/** Checks every keyword of `schema` (recursively) and returns its validator; throws on a keyword or keyword value it does not support. */
export function compileSchema(schema: JsonSchema): (value: unknown) => SchemaError | undefined {
  const validate = compile(schema, '#')
  return (value) => validate(value, [])
}

function compile(schema: JsonSchema, at: string): Validate {
  if (schema === true) return () => undefined
  if (schema === false) return (value, path) => ({ kind: 'value', path, found: value, expected: 'nothing (no value is accepted here)' })
  if (!isObject(schema)) throw new Error(`JSON Schema at ${at}: a schema must be an object or a boolean`)
  for (const k of Object.keys(schema)) {
    if (!ANNOTATIONS.has(k) && !ASSERTIONS.has(k)) throw new Error(`JSON Schema at ${at}: keyword '${k}' is not supported by schema-validator.ts`)
  }
  const s = schema as Record<string, unknown>
  const phrase = describeSchema(s)
  const checks: Validate[] = []

  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type]
    if (types.length === 0 || !types.every((t) => typeof t === 'string' && TYPES.has(t))) throw new Error(`JSON Schema at ${at}: bad 'type'`)
    checks.push((v, path) => (types.some((t) => hasType(v, t as string)) ? undefined : { kind: 'value', path, found: v, expected: phrase }))
  }
  if (s.enum !== undefined) {
    const values = s.enum
    if (!Array.isArray(values) || values.length === 0) throw new Error(`JSON Schema at ${at}: 'enum' must be a non-empty list`)
    checks.push((v, path) => (values.some((e) => deepEqual(e, v)) ? undefined : { kind: 'value', path, found: v, expected: phrase }))
  }
  if (s.pattern !== undefined) {
    if (typeof s.pattern !== 'string') throw new Error(`JSON Schema at ${at}: 'pattern' must be a string`)
    const re = new RegExp(s.pattern, 'u')
    checks.push((v, path) => (typeof v !== 'string' || re.test(v) ? undefined : { kind: 'value', path, found: v, expected: phrase }))
  }
  if (s.minimum !== undefined) {
    const min = s.minimum
    if (typeof min !== 'number') throw new Error(`JSON Schema at ${at}: 'minimum' must be a number`)
    checks.push((v, path) => (typeof v !== 'number' || v >= min ? undefined : { kind: 'value', path, found: v, expected: phrase }))
  }
  if (s.not !== undefined) {
    const inner = compile(s.not as JsonSchema, `${at}/not`)
    const innerPhrase = isObject(s.not) ? describeSchema(s.not as Record<string, unknown>) : 'anything'
    checks.push((v, path) => (inner(v, path) ? undefined : { kind: 'value', path, found: v, expected: innerPhrase, negated: true }))
  }
  if (s.oneOf !== undefined) {
    if (!Array.isArray(s.oneOf) || s.oneOf.length === 0) throw new Error(`JSON Schema at ${at}: 'oneOf' must be a non-empty list`)
    const branches = s.oneOf.map((b, i) => ({ schema: b as JsonSchema, validate: compile(b as JsonSchema, `${at}/oneOf/${i}`) }))
    const titled = typeof s.title === 'string'
    checks.push((v, path) => {
      const errors = branches.map((b) => b.validate(v, path))
      const matches = errors.filter((e) => e === undefined).length
      if (matches === 1) return undefined
      if (matches === 0) {
        // When the value's type picks one branch, that branch's own error is the useful one.
        const candidates = branches.map((b, i) => ({ b, e: errors[i] })).filter(({ b }) => typeMatches(b.schema, v))
        if (candidates.length === 1) {
          const e = candidates[0].e!
          if (!titled || e.path.length > path.length || e.kind !== 'value') return e
        }
      }
      return { kind: 'value', path, found: v, expected: phrase }
    })
  }
  if (s.properties !== undefined) {
    if (!isObject(s.properties)) throw new Error(`JSON Schema at ${at}: 'properties' must be a mapping`)
    const props = new Map(Object.entries(s.properties).map(([k, p]) => [k, compile(p as JsonSchema, `${at}/properties/${k}`)]))
    checks.push((v, path) => {
      if (!isObject(v)) return undefined
      for (const [k, val] of Object.entries(v)) {
        const e = props.get(k)?.(val, [...path, k])
        if (e) return e
      }
      return undefined
    })
  }
  if (s.propertyNames !== undefined) {
    const names = compile(s.propertyNames as JsonSchema, `${at}/propertyNames`)
    checks.push((v, path) => {
      if (!isObject(v)) return undefined
      for (const k of Object.keys(v)) {
        const e = names(k, [...path, k])
        if (e) return { kind: 'key', path, key: k, expected: e.kind === 'value' ? e.expected : 'a valid key' }
      }
      return undefined
    })
  }
  if (s.additionalProperties !== undefined) {
    const known = isObject(s.properties) ? Object.keys(s.properties) : []
    const extra = s.additionalProperties
    if (extra === false) {
      checks.push((v, path) => {
        if (!isObject(v)) return undefined
        const key = Object.keys(v).find((k) => !known.includes(k))
        return key === undefined ? undefined : { kind: 'unknown-key', path, key, accepted: known }
      })
    } else {
      const validate = compile(extra as JsonSchema, `${at}/additionalProperties`)
      checks.push((v, path) => {
        if (!isObject(v)) return undefined
        for (const [k, val] of Object.entries(v)) {
          if (known.includes(k)) continue
          const e = validate(val, [...path, k])
          if (e) return e
        }
        return undefined
      })
    }
  }
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) throw new Error(`JSON Schema at ${at}: tuple 'items' is not supported by schema-validator.ts`)
    const validate = compile(s.items as JsonSchema, `${at}/items`)
    checks.push((v, path) => {
      if (!Array.isArray(v)) return undefined
      for (let i = 0; i < v.length; i++) {
        const e = validate(v[i], [...path, i])
        if (e) return e
      }
      return undefined
    })
  }
  if (s.uniqueItems !== undefined) {
    if (typeof s.uniqueItems !== 'boolean') throw new Error(`JSON Schema at ${at}: 'uniqueItems' must be true or false`)
    if (s.uniqueItems) {
      checks.push((v, path) => {
        if (!Array.isArray(v)) return undefined
        for (let i = 1; i < v.length; i++) {
          if (v.slice(0, i).some((w) => deepEqual(w, v[i]))) return { kind: 'duplicate', path, index: i, found: v[i] }
        }
        return undefined
      })
    }
  }
  for (const k of ['title', 'description', '$schema', '$id'] as const) {
    if (s[k] !== undefined && typeof s[k] !== 'string') throw new Error(`JSON Schema at ${at}: '${k}' must be a string`)
  }

  return (value, path) => {
    for (const check of checks) {
      const e = check(value, path)
      if (e) return e
    }
    return undefined
  }
}

/** What a schema accepts, as a phrase for "must be ...": its title, else derived from enum, oneOf or type. */
export function describeSchema(s: Record<string, unknown>): string {
  if (typeof s.title === 'string') return s.title
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`
  if (Array.isArray(s.oneOf)) return s.oneOf.map((b) => (isObject(b) ? describeSchema(b as Record<string, unknown>) : String(b))).join(' or ')
  const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((t): t is string => typeof t === 'string')
  if (types.length === 0) return typeof s.pattern === 'string' ? `a string matching /${s.pattern}/` : 'a valid value'
  return types
    .map((t) => {
      switch (t) {
        case 'string':
          return typeof s.pattern === 'string' ? `a string matching /${s.pattern}/` : 'a string'
        case 'integer':
        case 'number':
          return `${t === 'integer' ? 'an integer' : 'a number'}${typeof s.minimum === 'number' ? ` of at least ${s.minimum}` : ''}`
        case 'array':
          return 'a list'
        case 'object':
          return isObject(s.properties) && s.additionalProperties === false ? `a mapping with keys ${Object.keys(s.properties).join(', ')}` : 'a mapping'
        case 'boolean':
          return 'true or false'
        default:
          return 'nothing'
      }
    })
    .join(' or ')
}

function typeMatches(schema: JsonSchema, v: unknown): boolean {
  if (!isObject(schema) || schema.type === undefined) return true
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  return types.some((t) => hasType(v, t as string))
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string'
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v)
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'boolean':
      return typeof v === 'boolean'
    case 'null':
      return v === null
    case 'array':
      return Array.isArray(v)
    default:
      return isObject(v)
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
  }
  return false
}
