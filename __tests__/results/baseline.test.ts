import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { applyBaseline, formatBaseline, makeBaseline, parseBaseline } from '../../src/results/baseline.js'
import { gateChangedOnly, toAuditPaths } from '../../src/results/changed-files.js'
import { fakeRule } from '../helpers/fake-rule.js'
import { makeTree } from '../helpers/tree.js'

const T1 = 'const HARDCODED_TOKEN = "Zq8vK2mP9xL4tR7w"'
const T2 = 'const HARDCODED_TOKEN = "Yx7uJ1lO8wK3sQ6v"'
const audit = (files: Record<string, string>) => runAudit({ root: makeTree(files), config: defaultConfig(), rules: [fakeRule], useGit: false })

describe('baseline', () => {
  const today = audit({ 'src/a.js': `${T1}\n`, 'src/b.js': `${T2}\n` })
  const baseline = parseBaseline(formatBaseline(makeBaseline(today.findings)), 'b.json')

  it('records fingerprint, rule, file, line and message, and no secret', () => {
    expect(baseline.findings).toHaveLength(2)
    expect(baseline.findings[0]).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), ruleId: 'TF0399', file: 'src/a.js', line: 1, message: expect.any(String) })
    expect(formatBaseline(baseline)).not.toContain('Zq8vK2mP9xL4tR7w')
  })

  it('marks known findings baselined: shown, not counted, not gating', () => {
    const r = audit({ 'src/a.js': `${T1}\n`, 'src/b.js': `${T2}\n` })
    expect(r.gate.failed).toBe(true)
    expect(applyBaseline(r, baseline, defaultConfig())).toBe(2)
    expect(r.findings.every((f) => f.baselined)).toBe(true)
    expect(r.gate.failed).toBe(false)
    expect(r.factors.find((f) => f.factor === 'III')).toMatchObject({ errors: 0, status: 'pass' })
    expect(r.score).toBe(100)
  })

  it('moving code or adding lines above keeps a finding baselined; changing the offending line makes it new', () => {
    const r = audit({ 'src/a.js': `// new header\nimport x from 'y'\n\n${T1}\n`, 'src/b.js': `${T2.replace('Yx7u', 'Ab1c')}\n` })
    expect(applyBaseline(r, baseline, defaultConfig())).toBe(1)
    expect(r.findings.find((f) => f.file === 'src/a.js')).toMatchObject({ line: 4, baselined: true })
    expect(r.findings.find((f) => f.file === 'src/b.js')!.baselined).toBeUndefined()
    expect(r.gate).toMatchObject({ failed: true, failedFactors: ['III'] })
  })

  it('rejects files that are not baselines, naming the source', () => {
    expect(() => parseBaseline('{', 'x.json')).toThrow(/x\.json: not JSON/)
    expect(() => parseBaseline('{"findings": 3}', 'x.json')).toThrow(/x\.json: not a twelve-factor-audit baseline/)
    expect(() => parseBaseline('{"version": 9, "findings": []}', 'x.json')).toThrow(/version 9 is not supported/)
    expect(() => parseBaseline('{"version": 1, "findings": [{}]}', 'x.json')).toThrow(/findings\[0\]\.fingerprint/)
  })
})

describe('changed-files gate', () => {
  it('gates only on findings in changed files; counts stay whole', () => {
    const r = audit({ 'src/a.js': `${T1}\n`, 'src/b.js': `${T2}\n` })
    const g = gateChangedOnly(r, { files: new Set(['src/b.js']), source: 'test' }, defaultConfig())
    expect(g.failed).toBe(true)
    expect(g.reason).toMatch(/1 finding at or above 'error' in III Config \(changed files only\)/)
    expect(gateChangedOnly(r, { files: new Set(['README.md']), source: 'test' }, defaultConfig()).failed).toBe(false)
    expect(r.factors.find((f) => f.factor === 'III')!.errors).toBe(2)
  })

  it('maps repository paths onto the audit root', () => {
    expect([...toAuditPaths(['api/src/a.js', 'web/x.js', 'api/b.js'], 'api')]).toEqual(['src/a.js', 'b.js'])
    expect([...toAuditPaths(['a.js'], '')]).toEqual(['a.js'])
  })
})
