// Builds an AuditResult from hand-written findings, computed by the real results layer, so report
// tests can cover any factor without rules for it.
import type { AuditResult } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { FACTORS, type Factor, type Finding, type Severity } from '../../src/engine/types.js'
import { buildFactorResults, compareFindings, gate, score } from '../../src/results/factor-results.js'

let seq = 0

export function finding(factor: Factor, severity: Severity, extra: Partial<Finding> = {}): Finding {
  seq++
  const n = String(FACTORS.indexOf(factor) + 1).padStart(2, '0')
  return {
    ruleId: `TF${n}99`,
    factor,
    severity,
    file: `src/f${seq}.js`,
    line: seq,
    column: 1,
    message: `problem ${seq}`,
    remediation: `fix ${seq} properly`,
    snippet: `line ${seq}`,
    fingerprint: `fp${seq}`.padEnd(32, '0'),
    ...extra
  }
}

/** `rulesRun` per factor defaults to 1 for every factor (all audited, all applicable). */
export function makeResult(findings: Finding[], options: { rulesRun?: Partial<Record<Factor, number>>; config?: ReturnType<typeof defaultConfig> } = {}): AuditResult {
  const config = options.config ?? defaultConfig()
  const rulesRun = new Map<Factor, number>(FACTORS.map((f) => [f, options.rulesRun?.[f] ?? 1]))
  const sorted = [...findings].sort(compareFindings)
  const factors = buildFactorResults(sorted, rulesRun, new Set(FACTORS))
  const result: AuditResult = {
    version: '0.1.0',
    root: '/repo',
    score: score(factors),
    factors,
    findings: sorted,
    suppressed: [],
    stats: { files: 10, bytes: 1000, skipped: 0, skippedByReason: {}, durationMs: 5, workers: 0 },
    skippedFiles: [],
    gate: gate(sorted, config),
    apps: [],
    warnings: []
  }
  return result
}
