// The loader validates with the JSON Schema: each invalid config fails with a message that names
// the key path and the accepted values; nothing but a UsageError ever comes out.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { stringify } from 'yaml'
import { configFromData, parseConfig } from '../../src/config/load.js'
import { UsageError } from '../../src/engine/errors.js'
import { RULES } from '../../src/rules/registry.js'

const KNOWN = new Set(['TF0301', 'TF0302'])
const NAME = '.twelve-factor.yml'
const parse = (text: string) => parseConfig(text, NAME, KNOWN)
const LEVELS = 'error, warning, notice, none'

describe('config validation', () => {
  const valid: [string, string, object][] = [
    ['factors by numeral, any case, and number', 'factors: [III, iv, "7", 12]', { factors: ['III', 'IV', 'VII', 'XII'] }],
    ['rules, lower-case id, false for off', 'rules: {tf0301: notice, TF0302: false}', { rules: { TF0301: 'notice', TF0302: 'off' } }],
    ['globs with ! and dots inside names', 'include: [src/**, "!src/**/*.test.ts", a..b/c, .github/**]', { include: ['src/**', '!src/**/*.test.ts', 'a..b/c', '.github/**'] }],
    ['fail-on map', 'fail-on: {default: warning, XII: none}', { failOn: 'warning', failOnByFactor: { XII: 'none' } }],
    ['fail-on map without default', 'fail-on: {III: notice}', { failOn: 'error', failOnByFactor: { III: 'notice' } }],
    ['size as bytes', 'max-file-size: 4096', { maxFileSize: 4096 }],
    ['size with units', 'max-file-size: " 1.5 kb "', { maxFileSize: 1536 }],
    ['size in GB', 'max-file-size: 1G', { maxFileSize: 1024 ** 3 }],
    ['size in plain B', 'max-file-size: 10b', { maxFileSize: 10 }],
    ['empty lists and maps', 'include: []\nrules: {}\nexclude: []', { include: [], rules: {}, exclude: [] }],
    ['a null document', '~', { failOn: 'error' }]
  ]
  for (const [name, text, expected] of valid) {
    it(`accepts ${name}`, () => {
      expect(parse(text)).toMatchObject(expected)
    })
  }

  // [name, yaml, key path as it appears in the message, accepted values that must appear]
  const invalid: [string, string, string, string][] = [
    ['a list at the root', '[a]', `${NAME}: must be`, 'a mapping with keys factors, rules, include, exclude, fail-on, max-file-size'],
    ['an unknown key', 'exclude: []\nfactor: [I]', `${NAME}: unknown key 'factor'`, 'accepted keys: factors, rules, include, exclude, fail-on, max-file-size'],
    ['factors as a string', 'factors: III', `'factors'`, 'a list of factors (I..XII or 1..12)'],
    ['factor 13', 'factors: [13]', `'factors[0]'`, 'a factor: I..XII or 1..12'],
    ['factor 0 as a string', 'factors: [I, "0"]', `'factors[1]'`, 'a factor: I..XII or 1..12'],
    ['a factor that is a list', 'factors: [[I]]', `'factors[0]'`, 'a factor: I..XII or 1..12'],
    ['a repeated factor', 'factors: [I, II, I]', `'factors': item 3 repeats string "I"`, 'list each value once'],
    ['rules as a list', 'rules: [TF0301]', `'rules'`, 'a mapping of rule id (like TF0301) to one of off, error, warning, notice'],
    ['a rule id of the wrong shape', 'rules: {TF301: off}', `'rules': key 'TF301'`, 'a rule id: TF and four digits, like TF0301'],
    ['an upper-case rule setting', 'rules: {TF0301: WARNING}', `'rules.TF0301'`, 'one of off, error, warning, notice, false'],
    ['a rule set to true', 'rules: {TF0301: true}', `'rules.TF0301'`, 'one of off, error, warning, notice, false'],
    ['an unknown rule id (semantic)', 'rules: {TF9999: off}', `'rules': unknown rule id 'TF9999'`, 'known: TF0001, TF0301, TF0302'],
    ['include as a string', 'include: src/**', `'include'`, 'a list of glob strings'],
    ['a glob that is a number', 'include: [3]', `'include[0]'`, 'a glob string relative to the audited folder'],
    ['a negated glob outside', 'exclude: ["!../x"]', `'exclude[0]'`, 'must not be a path outside the audited folder (absolute, or with a .. segment)'],
    ['a glob ending in ..', 'exclude: [a/..]', `'exclude[0]'`, 'must not be a path outside the audited folder'],
    ['a Windows absolute glob', 'exclude: ["C:/x"]', `'exclude[0]'`, 'must not be a path outside the audited folder'],
    ['a backslash parent glob', 'exclude: ["a\\\\..\\\\b"]', `'exclude[0]'`, 'must not be a path outside the audited folder'],
    ['fail-on as a number', 'fail-on: 1', `'fail-on'`, `one of ${LEVELS} or a mapping with keys default, I, II, III`],
    ['fail-on in capitals', 'fail-on: Warning', `'fail-on'`, `one of ${LEVELS}`],
    ['a fail-on level per factor', 'fail-on: {III: warn}', `'fail-on.III'`, `one of ${LEVELS}`],
    ['a fail-on default', 'fail-on: {default: 0}', `'fail-on.default'`, `one of ${LEVELS}`],
    ['a fail-on key that is no factor', 'fail-on: {XIII: error}', `'fail-on': unknown key 'XIII'`, 'accepted keys: default, I, II, III, IV, V, VI, VII, VIII, IX, X, XI, XII'],
    ['a zero size', 'max-file-size: 0', `'max-file-size'`, 'a size: a number of bytes (at least 1) or a number with a unit B, KB, MB or GB'],
    ['a fractional size', 'max-file-size: 1.5', `'max-file-size'`, 'such as 512KB or 2MB'],
    ['a size unit BB', 'max-file-size: 1BB', `'max-file-size'`, 'such as 512KB or 2MB'],
    ['a size of 0KB (semantic)', 'max-file-size: 0KB', `'max-file-size'`, 'at least 1 byte'],
    ['a size as a list', 'max-file-size: [1]', `'max-file-size'`, 'a number of bytes']
  ]
  for (const [name, text, where, accepted] of invalid) {
    it(`rejects ${name}, naming ${where} and the accepted values`, () => {
      let error: unknown
      try {
        parse(text)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(UsageError)
      const message = (error as Error).message
      expect(message.startsWith(NAME)).toBe(true)
      expect(message).toContain(where)
      expect(message).toContain(accepted)
    })
  }

  it("accepts the README's documented example, which points editors at the schema", () => {
    const readme = readFileSync('README.md', 'utf8')
    const example = /## Configuration: `.twelve-factor.yml`\n+```yaml\n([^]*?)```/.exec(readme)?.[1] ?? ''
    expect(example).toMatch(/^# yaml-language-server: \$schema=\S+\/schema\/twelve-factor\.schema\.json\n/)
    expect(parseConfig(example, NAME, new Set(RULES.map((r) => r.meta.id)))).toMatchObject({ rules: { TF0303: 'warning', TF0311: 'off' }, exclude: ['legacy/**'] })
  })

  it('never throws anything but a UsageError, whatever the JSON-like value', () => {
    const key = fc.constantFrom('factors', 'rules', 'include', 'exclude', 'fail-on', 'max-file-size', 'default', 'III', 'TF0301', 'tf0302', '__proto__', 'constructor')
    const leaf = fc.oneof(
      fc.constantFrom('III', 'iv', '7', 'XIII', 'error', 'warning', 'off', 'none', '2MB', '0KB', '1.5', '../x', '!/x', 'src/**', 'TF0301', false, true, 0, 1, -1, 1.5, 12, 13, null),
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.double()
    )
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 }))
    }))
    const config = fc.oneof(value, fc.dictionary(key, value, { maxKeys: 6 }), fc.jsonValue())
    fc.assert(
      fc.property(config, (data) => {
        for (const run of [() => configFromData(data, NAME, KNOWN), () => parse(stringify(data))]) {
          try {
            run()
          } catch (e) {
            if (!(e instanceof UsageError)) throw e
            expect(e.message.startsWith(NAME)).toBe(true)
          }
        }
      }),
      { numRuns: 1000 }
    )
  })
})
