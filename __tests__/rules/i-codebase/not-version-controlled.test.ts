import { describe, expect, it } from '@jest/globals'
import { notVersionControlled } from '../../../src/rules/i-codebase/not-version-controlled.js'
import { auditTree, brief } from '../../helpers/audit-tree-i-ii-iv.js'

describe('TF0101 not-version-controlled', () => {
  it('notes a folder that is not a git checkout, at the root manifest', () => {
    const r = auditTree({ 'src/index.js': 'x\n', 'package.json': '{}' }, [notVersionControlled])
    expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`)).toEqual(['TF0101 package.json:1 notice'])
    expect(r.findings[0].message).toMatch(/not a git checkout/)
  })
  it('is silent in a git checkout (shallow clones included); an empty folder is a configuration error, not a finding', () => {
    expect(brief({ 'src/index.js': 'x\n' }, [notVersionControlled], { git: true })).toEqual([])
    expect(() => brief({}, [notVersionControlled])).toThrow(/no file to audit/)
  })
})
