import { describe, expect, it } from '@jest/globals'
import { checkFile, parseSuppressions } from '../../src/engine/check-file.js'
import { Facts, type Rule } from '../../src/engine/rule.js'
import { fakeRule } from '../helpers/fake-rule.js'
import { makeFile } from '../helpers/rule-tester.js'
import { DeployModel } from '../../src/model/deploy-model.js'

const SECRET = 'Zq8vK2mP9xL4tR7w'
const run = (path: string, text: string) => checkFile([fakeRule], makeFile(path, text), { facts: new Facts(), apps: [], deploy: DeployModel.empty() })

describe('checkFile', () => {
  it('reports line and column and never the secret', () => {
    const out = run('src/a.js', `const a = 1\nconst HARDCODED_TOKEN = "${SECRET}"\n`)
    expect(out.findings).toHaveLength(1)
    const f = out.findings[0]
    expect([f.line, f.column, f.ruleId, f.factor, f.severity]).toEqual([2, 7, 'TF0399', 'III', 'error'])
    expect(JSON.stringify(out)).not.toContain(SECRET)
    expect(f.message).toBe('token Zq8v**** in code')
    expect(f.snippet).toContain('Zq8v****')
  })

  it('skips the rule when no keyword occurs (prefilter)', () => {
    let calls = 0
    const counting = { ...fakeRule, check: () => void calls++ }
    checkFile([counting], makeFile('src/a.js', 'const nothing = 1'), { facts: new Facts(), apps: [], deploy: DeployModel.empty() })
    expect(calls).toBe(0)
    checkFile([counting], makeFile('src/a.js', 'HARDCODED_TOKEN'), { facts: new Facts(), apps: [], deploy: DeployModel.empty() })
    expect(calls).toBe(1)
  })

  it('ignores commented-out code', () => {
    expect(run('src/a.js', `// const HARDCODED_TOKEN = "${SECRET}"\n/* HARDCODED_TOKEN = "${SECRET}" */`).findings).toEqual([])
    expect(run('src/a.py', `# HARDCODED_TOKEN = "${SECRET}"\nx = "# not a comment"`).findings).toEqual([])
  })

  it('keeps line numbers right with CRLF and CR-only line endings', () => {
    expect(run('src/a.js', `a\r\nb\r\nHARDCODED_TOKEN = "${SECRET}"`).findings[0].line).toBe(3)
    expect(run('src/a.js', `a\rb\rc\rHARDCODED_TOKEN = "${SECRET}"`).findings[0].line).toBe(4)
  })

  it('honours suppression comments on the line or the line above, with a reason', () => {
    const out = run('src/a.js', [
      `HARDCODED_TOKEN = "${SECRET}" // twelve-factor-ignore TF0399 -- rotated test key`,
      '// twelve-factor-ignore TF0399 -- local only',
      `HARDCODED_TOKEN = "${SECRET}x"`,
      `HARDCODED_TOKEN = "${SECRET}y"`
    ].join('\n'))
    expect(out.findings.map((f) => f.line)).toEqual([4])
    expect(out.suppressed.map((s) => [s.line, s.reason])).toEqual([[1, 'rotated test key'], [3, 'local only']])
  })

  it('a suppression without a reason still suppresses but is itself a notice', () => {
    const out = run('src/a.py', `# twelve-factor-ignore TF0399\nHARDCODED_TOKEN = "${SECRET}"`)
    expect(out.suppressed).toHaveLength(1)
    expect(out.findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['TF0001', 'notice', 1]])
  })

  it('a marker inside a string is not a suppression', () => {
    const out = run('src/a.js', `const s = "twelve-factor-ignore TF0399 -- nope"\nHARDCODED_TOKEN = "${SECRET}"`)
    expect(out.findings).toHaveLength(1)
    expect(parseSuppressions(makeFile('src/a.js', 'x = "twelve-factor-ignore TF0399"')).size).toBe(0)
  })

  it('fingerprints survive lines moving and change when the line changes', () => {
    const line = `HARDCODED_TOKEN = "${SECRET}"`
    const a = run('src/a.js', line).findings[0].fingerprint
    const b = run('src/a.js', `\n\n// added\n${line}`).findings[0].fingerprint
    const c = run('src/a.js', `HARDCODED_TOKEN = "${SECRET}2"`).findings[0].fingerprint
    expect(a).toBe(b)
    expect(c).not.toBe(a)
    const twice = run('src/a.js', `${line}\n${line}`).findings
    expect(new Set(twice.map((f) => f.fingerprint)).size).toBe(2)
  })

  it('every finding on a line is redacted of every credential reported on it, by any rule', () => {
    const other = 'Wm3nB8qT5vC1xZ6k'
    // A second rule reporting something else on the same line, without a secret of its own.
    const noisy: Rule = { ...fakeRule, meta: { ...fakeRule.meta, id: 'TF0398' }, keywords: ['hardcoded_token'],
      check(file, report) {
        file.lines.forEach((l, i) => void (l.includes('HARDCODED_TOKEN') && report({ line: i + 1, message: 'a line with a token on it' })))
      } }
    const secrets: string[] = []
    const text = `x = { a: HARDCODED_TOKEN = "${SECRET}", b: HARDCODED_TOKEN = "${other}" }\n`
    const out = checkFile([fakeRule, noisy], makeFile('src/a.js', text), { facts: new Facts(), apps: [], deploy: DeployModel.empty() }, undefined, secrets)
    expect(out.findings.map((f) => f.ruleId).sort()).toEqual(['TF0398', 'TF0399', 'TF0399'])
    const json = JSON.stringify(out)
    expect(json).not.toContain(SECRET)
    expect(json).not.toContain(other)
    for (const f of out.findings) expect(f.snippet).toBe('x = { a: HARDCODED_TOKEN = "Zq8v****", b: HARDCODED_TOKEN = "Wm3n****" }')
    expect(secrets.sort()).toEqual([SECRET, other].sort())
  })

  it('a reason-less suppression on the credential\'s own line does not print it (TF0001 snippet)', () => {
    const out = run('src/a.js', `HARDCODED_TOKEN = "${SECRET}" // twelve-factor-ignore TF0399\n`)
    expect(out.findings.map((f) => f.ruleId)).toEqual(['TF0001'])
    expect(out.findings[0].snippet).toBe('HARDCODED_TOKEN = "Zq8v****" // twelve-factor-ignore TF0399')
  })

  it('a rule that defers to another drops its finding on a line the other reports, and keeps the rest', () => {
    const lines: Rule = {
      meta: { ...fakeRule.meta, id: 'TF0397', name: 'defers', factor: 'XII', severity: 'warning', deferTo: ['TF0399'] },
      files: { kinds: ['source'] },
      check(file, report) {
        for (let l = 1; l <= file.lines.length; l++) if (file.line(l).includes('HOST')) report({ line: l, message: 'hardcoded host' })
      }
    }
    const text = `a = { HOST: 1, x: HARDCODED_TOKEN = "${SECRET}" }\nb = { HOST: 2 }\n`
    const both = checkFile([fakeRule, lines], makeFile('src/a.js', text), { facts: new Facts(), apps: [], deploy: DeployModel.empty() })
    expect(both.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['TF0399:1', 'TF0397:2'])
    // only to a finding at least as severe: an error does not defer to a warning
    const severe: Rule = { ...lines, meta: { ...lines.meta, severity: 'error', deferTo: ['TF0396'] } }
    const mild: Rule = { ...fakeRule, meta: { ...fakeRule.meta, id: 'TF0396', severity: 'warning' } }
    const kept = checkFile([mild, severe], makeFile('src/a.js', text), { facts: new Facts(), apps: [], deploy: DeployModel.empty() })
    expect(kept.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['TF0397:1', 'TF0396:1', 'TF0397:2'])
    // without the rule it defers to (--factors XII), it reports every line
    const alone = checkFile([lines], makeFile('src/a.js', text), { facts: new Facts(), apps: [], deploy: DeployModel.empty() })
    expect(alone.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['TF0397:1', 'TF0397:2'])
  })
})
