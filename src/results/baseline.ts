// Baselines: today's findings recorded once, so a team can adopt the audit on an old codebase and
// gate only on new debt. Matching is by the engine's fingerprint (rule + file + offending line's
// content + occurrence): code moving up or down keeps a finding baselined, editing the line does not.
import type { AuditConfig } from '../config/schema.js'
import { UsageError } from '../engine/errors.js'
import type { Factor, Finding } from '../engine/types.js'
import { buildFactorResults, gate, score } from './factor-results.js'
import type { AuditResult } from '../audit.js'

export const BASELINE_VERSION = 1

export interface BaselineEntry {
  fingerprint: string
  ruleId: string
  file: string
  line: number
  message: string
}

export interface Baseline {
  version: number
  tool: 'twelve-factor-audit'
  createdAt: string
  findings: BaselineEntry[]
}

export function makeBaseline(findings: readonly Finding[], now = new Date()): Baseline {
  return {
    version: BASELINE_VERSION,
    tool: 'twelve-factor-audit',
    createdAt: now.toISOString(),
    findings: findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file, line: f.line, message: f.message }))
  }
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`
}

/** Parses and validates a baseline file; `source` names it in errors. */
export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new UsageError(`${source}: not JSON: ${(e as Error).message}`)
  }
  const b = data as Partial<Baseline>
  if (!b || typeof b !== 'object' || !Array.isArray(b.findings)) {
    throw new UsageError(`${source}: not a twelve-factor-audit baseline (expected an object with a 'findings' array; write one with --write-baseline)`)
  }
  if (b.version !== BASELINE_VERSION) throw new UsageError(`${source}: baseline version ${String(b.version)} is not supported (expected ${BASELINE_VERSION})`)
  b.findings.forEach((e, i) => {
    if (!e || typeof e.fingerprint !== 'string') throw new UsageError(`${source}: findings[${i}].fingerprint must be a string`)
  })
  return b as Baseline
}

/**
 * Marks findings listed in the baseline as `baselined` and recomputes the per-factor counts, score
 * and gate, which ignore baselined findings. Returns how many findings were baselined.
 */
export function applyBaseline(result: AuditResult, baseline: Baseline, config: Pick<AuditConfig, 'failOn' | 'failOnByFactor'>): number {
  const known = new Set(baseline.findings.map((e) => e.fingerprint))
  let n = 0
  for (const f of result.findings) {
    if (known.has(f.fingerprint)) {
      f.baselined = true
      n++
    }
  }
  recount(result, config)
  return n
}

/** Recomputes factors, score and gate from the (possibly re-marked) findings. */
export function recount(result: AuditResult, config: Pick<AuditConfig, 'failOn' | 'failOnByFactor'>): void {
  const rulesRun = new Map<Factor, number>(result.factors.map((f) => [f.factor, f.rulesRun]))
  const enabled = new Set<Factor>(result.factors.map((f) => f.factor))
  result.factors = buildFactorResults(result.findings, rulesRun, enabled)
  result.score = score(result.factors)
  result.gate = gate(result.findings, config)
}
