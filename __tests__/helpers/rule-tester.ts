// ESLint-style rule tables: each `invalid` case must produce exactly the listed findings, each
// `valid` case (the lookalikes) must produce none. Files are classified exactly as the engine
// classifies them, so a test fixture path really is treated as a test fixture.
import { expect, it } from '@jest/globals'
import { checkFile } from '../../src/engine/check-file.js'
import { classifyKind, classifyLanguage, classifyRole } from '../../src/engine/classify.js'
import { Facts, type Rule } from '../../src/engine/rule.js'
import { selects } from '../../src/engine/select.js'
import { SourceFile } from '../../src/engine/source-file.js'
import type { Finding, Severity } from '../../src/engine/types.js'
import { DeployModel } from '../../src/model/deploy-model.js'

export function makeFile(path: string, text: string): SourceFile {
  const kind = classifyKind(path)
  return new SourceFile(path, text, kind, classifyLanguage(path), classifyRole(path, kind))
}

/** Runs one rule on one file as the engine would (selector, keywords, suppression, redaction). */
export function runRule(rule: Rule, path: string, text: string, facts = new Facts()): Finding[] {
  const file = makeFile(path, text)
  if (!selects(rule.files, file)) return []
  return checkFile([rule], file, { facts, apps: [], deploy: DeployModel.empty() }).findings
}

export interface ValidCase {
  name?: string
  path: string
  code: string
}
export interface InvalidCase extends ValidCase {
  errors: { line: number; column?: number; severity?: Severity; message?: string | RegExp }[]
}

export function ruleTable(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const c of cases.valid) {
    it(`valid: ${c.name ?? c.path}`, () => {
      expect(runRule(rule, c.path, c.code).map(brief)).toEqual([])
    })
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.name ?? c.path}`, () => {
      const found = runRule(rule, c.path, c.code)
      expect(found.map((f) => f.line)).toEqual(c.errors.map((e) => e.line))
      c.errors.forEach((e, i) => {
        const f = found[i]
        expect(f.ruleId).toBe(rule.meta.id)
        expect(f.factor).toBe(rule.meta.factor)
        if (e.column !== undefined) expect(f.column).toBe(e.column)
        expect(f.severity).toBe(e.severity ?? rule.meta.severity)
        if (e.message !== undefined) expect(f.message).toMatch(e.message)
        expect(f.remediation.length).toBeGreaterThan(10)
      })
    })
  }
}

const brief = (f: Finding): string => `${f.ruleId} ${f.file}:${f.line} ${f.message}`
