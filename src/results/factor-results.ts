// Per-factor status, the score and the gate. Reporters only display these; they never decide.
import type { AuditConfig, FailOn } from '../config/schema.js'
import { FACTOR_INFO } from '../engine/factors.js'
import type { Factor, FactorResult, Finding, Severity } from '../engine/types.js'

const RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 }
const THRESHOLD: Record<FailOn, number> = { error: 3, warning: 2, notice: 1, none: Infinity }

export function severityRank(s: Severity): number {
  return RANK[s]
}

/** Findings that count: baselined ones are shown but neither score nor gate. */
export const counts = (f: Finding): boolean => !f.baselined

export function buildFactorResults(findings: readonly Finding[], rulesRun: ReadonlyMap<Factor, number>, enabled: ReadonlySet<Factor>): FactorResult[] {
  return FACTOR_INFO.map(({ factor, name }) => {
    const mine = findings.filter((f) => f.factor === factor && counts(f))
    const errors = mine.filter((f) => f.severity === 'error').length
    const warnings = mine.filter((f) => f.severity === 'warning').length
    const notices = mine.filter((f) => f.severity === 'notice').length
    const run = enabled.has(factor) ? (rulesRun.get(factor) ?? 0) : 0
    const status = run === 0 && mine.length === 0 ? 'not-applicable' : errors > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass'
    return { factor, name, status, errors, warnings, notices, rulesRun: run }
  })
}

/** 0..100: the mean over applicable factors of pass = 1, warn = 0.5, fail = 0. */
export function score(factors: readonly FactorResult[]): number {
  const applicable = factors.filter((f) => f.status !== 'not-applicable')
  if (applicable.length === 0) return 100
  const points = applicable.reduce((sum, f) => sum + (f.status === 'pass' ? 1 : f.status === 'warn' ? 0.5 : 0), 0)
  return Math.round((100 * points) / applicable.length)
}

export interface Gate {
  failed: boolean
  failedFactors: Factor[]
  /** One line for the step's failure message / the CLI's stderr. */
  reason: string
}

/** Which factors cross their threshold (config `fail-on`, per factor where set). */
export function gate(findings: readonly Finding[], config: Pick<AuditConfig, 'failOn' | 'failOnByFactor'>): Gate {
  const failedFactors: Factor[] = []
  const byFactor = new Map<Factor, number>()
  for (const f of findings) {
    if (!counts(f)) continue
    const threshold = THRESHOLD[config.failOnByFactor[f.factor] ?? config.failOn]
    if (RANK[f.severity] >= threshold) byFactor.set(f.factor, (byFactor.get(f.factor) ?? 0) + 1)
  }
  for (const { factor } of FACTOR_INFO) if (byFactor.has(factor)) failedFactors.push(factor)
  if (failedFactors.length === 0) return { failed: false, failedFactors, reason: '' }
  const total = [...byFactor.values()].reduce((a, b) => a + b, 0)
  const names = failedFactors.map((f) => `${f} ${FACTOR_INFO.find((i) => i.factor === f)!.name}`).join(', ')
  const level = describeThreshold(config)
  return {
    failed: true,
    failedFactors,
    reason: `Twelve-factor audit failed: ${total} finding${total === 1 ? '' : 's'} at or above ${level} in ${names}`
  }
}

function describeThreshold(config: Pick<AuditConfig, 'failOn' | 'failOnByFactor'>): string {
  return Object.keys(config.failOnByFactor).length > 0 ? 'the fail-on threshold' : `'${config.failOn}'`
}

/** Most severe first, then factor order, then file and line: the order every reporter shows. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[b.severity] - RANK[a.severity] ||
    FACTOR_INFO.findIndex((i) => i.factor === a.factor) - FACTOR_INFO.findIndex((i) => i.factor === b.factor) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    (a.column ?? 0) - (b.column ?? 0)
  )
}
