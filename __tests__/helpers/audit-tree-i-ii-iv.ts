// Runs rules over a throwaway tree through runAudit, for repository-level rules (Factors I, II, IV).
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import type { Rule } from '../../src/engine/rule.js'
import { makeTree } from './tree.js'

export function auditTree(files: Record<string, string>, rules: Rule[], options: { git?: boolean } = {}) {
  const root = makeTree(files, options)
  return runAudit({ root, config: defaultConfig(), rules, useGit: options.git ?? false })
}

/** `RULE file:line severity` per finding, sorted as the audit sorts them. */
export function brief(files: Record<string, string>, rules: Rule[], options: { git?: boolean } = {}): string[] {
  return auditTree(files, rules, options).findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`)
}
