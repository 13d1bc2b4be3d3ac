import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { runCli } from '../src/cli/main.js'
import type { Rule } from '../src/engine/rule.js'
import { precisionOf } from '../src/engine/precision.js'
import { RULES } from '../src/rules/registry.js'
import { fakeRule } from './helpers/fake-rule.js'
import { runCliBundle } from './helpers/run-action.js'

function cli(args: string[], rules?: readonly Rule[]) {
  let stdout = ''
  let stderr = ''
  const code = runCli(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false, cwd: '/', env: {}, rules })
  return { code, stdout, stderr }
}

const measured = (rule: Rule, tp: number, fp: number, debatable = 0): Rule => ({ ...rule, meta: { ...rule.meta, precision: precisionOf({ tp, fp, debatable }) } })

describe('--list-rules and --explain', () => {
  it('lists every registered rule with id, factor, severity, precision, languages and one line', () => {
    const r = cli(['--list-rules'])
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(RULES.length + 1)
    const tf0301 = lines.find((l) => l.startsWith('TF0301'))!
    expect(tf0301).toMatch(/^TF0301 +III +error +(high|medium|low|unmeasured) +hardcoded-credential +javascript,typescript,\S* +Provider tokens/)
    expect(lines[0]).toMatch(/^ID +FACTOR +SEVERITY +PRECISION +NAME +LANGUAGES +DETECTS$/)
    const json = JSON.parse(cli(['--list-rules', '--format', 'json']).stdout)
    expect(json.map((j: { id: string }) => j.id)).toEqual(RULES.map((x) => x.meta.id))
    expect(cli(['--list-rules', '--format', 'sarif']).code).toBe(2)
  })

  it('shows each rule\'s corpus precision: the level in text, level and counts in JSON, unmeasured said so', () => {
    const [a, b] = RULES
    const rules = [measured(a, 18, 2, 3), { ...b, meta: { ...b.meta, precision: precisionOf({ tp: 1, fp: 0, debatable: 0 }) } }]
    const text = cli(['--list-rules'], rules).stdout.split('\n')
    expect(text[1]).toMatch(new RegExp(`^${a.meta.id} +${a.meta.factor} +${a.meta.severity} +medium +${a.meta.name} `))
    expect(text[2]).toMatch(new RegExp(`^${b.meta.id} +${b.meta.factor} +${b.meta.severity} +unmeasured +${b.meta.name} `))
    const json = JSON.parse(cli(['--list-rules', '--format', 'json'], rules).stdout)
    expect(json[0].precision).toEqual({ level: 'medium', value: 0.9, tp: 18, fp: 2, debatable: 3 })
    expect(json[1].precision).toEqual({ level: 'unmeasured', tp: 1, fp: 0, debatable: 0 })
  })

  it('every registered rule\'s docs page carries its precision line (so --explain shows it)', () => {
    for (const rule of RULES) {
      const page = cli(['--explain', rule.meta.id]).stdout
      expect(page).toMatch(new RegExp(`\\*\\*Precision:\\*\\* ${rule.meta.precision!.level} `))
    }
  })

  it('a rule without a docs page is explained from its metadata, precision included', () => {
    const page = cli(['--explain', fakeRule.meta.id], [measured(fakeRule, 5, 0)]).stdout
    expect(page).toContain('Precision: high (1.00 in the corpus: 5 tp, 0 fp, 0 debatable)')
  })

  it('prints the docs page of a rule, and exits 2 on an unknown id', () => {
    const r = cli(['--explain', 'tf0302'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(readFileSync('docs/rules/TF0302.md', 'utf8'))
    const bad = cli(['--explain', 'TF9999'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("unknown rule id 'TF9999'")
  })

  it('the committed CLI bundle finds the docs pages too', () => {
    const r = runCliBundle(['--explain', 'TF0301'], '/')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(readFileSync('docs/rules/TF0301.md', 'utf8'))
  })
})
