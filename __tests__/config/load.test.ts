import { describe, expect, it } from '@jest/globals'
import { parseConfig, loadConfig } from '../../src/config/load.js'
import { makeTree } from '../helpers/tree.js'

const KNOWN = new Set(['TF0301', 'TF0302'])
const parse = (text: string) => parseConfig(text, '.twelve-factor.yml', KNOWN)

describe('config', () => {
  it('reads every key', () => {
    const c = parse(`factors: [III, iv, 7]\nrules:\n  TF0301: warning\n  tf0302: off\ninclude: [src/**]\nexclude:\n  - legacy/**\nfail-on: warning\nmax-file-size: 2MB\n`)
    expect(c.factors).toEqual(['III', 'IV', 'VII'])
    expect(c.rules).toEqual({ TF0301: 'warning', TF0302: 'off' })
    expect(c.include).toEqual(['src/**'])
    expect(c.exclude).toEqual(['legacy/**'])
    expect(c.failOn).toBe('warning')
    expect(c.maxFileSize).toBe(2 * 1024 * 1024)
  })

  it('accepts per-factor fail-on', () => {
    const c = parse('fail-on:\n  default: error\n  III: warning\n')
    expect(c.failOn).toBe('error')
    expect(c.failOnByFactor).toEqual({ III: 'warning' })
  })

  it('an empty file is the defaults', () => {
    expect(parse('').failOn).toBe('error')
    expect(parse('# nothing\n').rules).toEqual({})
  })

  const errors: [string, string, RegExp][] = [
    ['not a mapping', '- a\n- b\n', /must be a mapping with keys factors, rules, include, exclude, fail-on, max-file-size, found a list/],
    ['a scalar', 'hello', /must be a mapping/],
    ['unknown key', 'fail_on: error\n', /unknown key 'fail_on'; accepted keys: factors, rules, include, exclude, fail-on, max-file-size/],
    ['wrong type', 'include: 3\n', /'include' must be a list of glob strings, found number 3/],
    ['unknown rule id', 'rules:\n  TF9999: off\n', /'rules': unknown rule id 'TF9999'/],
    ['bad rule setting', 'rules:\n  TF0301: loud\n', /'rules.TF0301' must be one of off, error, warning, notice, false, found string "loud"/],
    ['bad factor', 'factors: [III, XIII]\n', /'factors\[1\]' must be a factor: I..XII or 1..12, found string "XIII"/],
    ['bad fail-on', 'fail-on: warn\n', /'fail-on' must be one of error, warning, notice, none, found string "warn"/],
    ['bad size', 'max-file-size: huge\n', /'max-file-size' must be a size/],
    ['path outside', 'exclude: [../other]\n', /'exclude\[0\]' must not be a path outside the audited folder/],
    ['absolute path', 'include: [/etc/passwd]\n', /'include\[0\]' must not be a path outside the audited folder/],
    ['invalid yaml', 'rules: [\n', /invalid YAML/],
    ['duplicate key', 'fail-on: error\nfail-on: none\n', /invalid YAML/],
    ['alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n', /invalid YAML|Excessive alias count/]
  ]
  for (const [name, text, message] of errors) {
    it(`rejects ${name} with a message naming the key`, () => {
      expect(() => parse(text)).toThrow(message)
    })
  }

  it('finds .twelve-factor.yml at the root, and insists on an explicit --config existing', () => {
    const root = makeTree({ '.twelve-factor.yml': 'fail-on: none\n' })
    expect(loadConfig(root, undefined, KNOWN).config.failOn).toBe('none')
    expect(() => loadConfig(root, 'missing.yml', KNOWN)).toThrow('config: file not found: missing.yml')
    expect(loadConfig(makeTree({ 'a.js': '' }), undefined, KNOWN).file).toBeUndefined()
  })
})
