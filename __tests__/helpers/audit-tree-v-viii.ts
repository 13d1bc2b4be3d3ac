// Runs rules over a throwaway tree through runAudit and returns `RULE file:line severity message`.
import { rmSync } from 'node:fs'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import type { Rule } from '../../src/engine/rule.js'
import type { Finding } from '../../src/engine/types.js'
import { makeTree } from './tree.js'

export function auditTreeV8(files: Record<string, string>, rules: readonly Rule[]): Finding[] {
  const root = makeTree(files)
  try {
    return runAudit({ root, config: defaultConfig(), rules, useGit: false }).findings
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

export const briefV8 = (f: Finding): string => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`
