// Two rules on the same token are one problem: the most severe finding stays, and a rule that is
// off or outside the audited factors never hides the other one.
import { describe, expect, it } from '@jest/globals'
import { oneFindingPerToken, runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import type { Finding } from '../../src/engine/types.js'
import { makeTree } from '../helpers/tree.js'

const finding = (ruleId: string, severity: Finding['severity'], line: number, column?: number): Finding => ({
  ruleId, factor: 'III', severity, file: 'a.js', line, ...(column !== undefined ? { column } : {}), message: ruleId, remediation: '', snippet: '', fingerprint: ruleId
})

describe('oneFindingPerToken', () => {
  it('keeps the most severe finding per file, line and column; ties go to the lower rule id', () => {
    const out = oneFindingPerToken([finding('TF0311', 'warning', 2, 30), finding('TF0401', 'error', 2, 30), finding('TF0303', 'warning', 5, 3), finding('TF0301', 'warning', 5, 3)])
    expect(out.map((f) => f.ruleId).sort()).toEqual(['TF0301', 'TF0401'])
  })

  it('leaves findings on other columns and findings without a column alone', () => {
    const out = oneFindingPerToken([finding('TF0311', 'warning', 2, 30), finding('TF0401', 'error', 2, 31), finding('TF0201', 'warning', 1), finding('TF0202', 'warning', 1)])
    expect(out).toHaveLength(4)
  })

  const tree = () =>
    makeTree({
      'package.json': '{ "name": "svc", "dependencies": { "pg": "8" } }\n',
      'config/database.js': "module.exports = {\n  production: { db: { host: 'db.prod.internal', port: 5432 } },\n  development: { db: { host: 'localhost', port: 5432 } }\n}\n"
    })
  const at = (findings: Finding[]) => findings.filter((f) => f.file === 'config/database.js').map((f) => `${f.ruleId} ${f.line}:${f.column}`)

  it('a production host in a per-environment block: one finding (IV, error), not one per factor', () => {
    expect(at(runAudit({ root: tree(), config: defaultConfig(), useGit: false }).findings)).toEqual(['TF0401 2:30'])
  })

  it('the III finding stands when IV is not audited or its rule is off', () => {
    const onlyIII = { ...defaultConfig(), factors: ['III' as const] }
    expect(at(runAudit({ root: tree(), config: onlyIII, useGit: false }).findings)).toEqual(['TF0311 2:30'])
    const off = { ...defaultConfig(), rules: { TF0401: 'off' as const } }
    expect(at(runAudit({ root: tree(), config: off, useGit: false }).findings)).toEqual(['TF0311 2:30'])
  })
})
