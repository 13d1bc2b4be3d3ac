// Per-rule precision measured on the corpus (corpus/README.md), the way CodeQL tags each query:
// counts of triaged errors and warnings from src/rules/precision.ts, turned into a level.

export type PrecisionLevel = 'high' | 'medium' | 'low' | 'unmeasured'

export interface PrecisionCounts {
  tp: number
  fp: number
  debatable: number
}

export interface RulePrecision extends PrecisionCounts {
  level: PrecisionLevel
  /** tp / (tp + fp); absent when unmeasured. */
  value?: number
}

/** Fewer triaged errors and warnings than this and a ratio says more about luck than the rule. */
export const MIN_TRIAGED = 5
export const HIGH = 0.95
export const MEDIUM = 0.8

export function precisionOf(counts: PrecisionCounts = { tp: 0, fp: 0, debatable: 0 }): RulePrecision {
  const { tp, fp, debatable } = counts
  const judged = tp + fp
  if (tp + fp + debatable < MIN_TRIAGED || judged === 0) return { level: 'unmeasured', tp, fp, debatable }
  const value = tp / judged
  const level = value >= HIGH ? 'high' : value >= MEDIUM ? 'medium' : 'low'
  return { level, value, tp, fp, debatable }
}

/** One phrase for --list-rules, docs pages and --explain: the level with its evidence. */
export function describePrecision(p: RulePrecision): string {
  const counts = `${p.tp} tp, ${p.fp} fp, ${p.debatable} debatable`
  if (p.level === 'unmeasured') return `unmeasured (too few corpus findings to measure, ${MIN_TRIAGED} triaged errors and warnings needed: ${counts})`
  return `${p.level} (${p.value!.toFixed(2)} in the corpus: ${counts})`
}
