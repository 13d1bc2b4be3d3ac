// Per-repository figures summed per rule, per factor and in total, and how they read as text.
import type { PrecisionCounts } from '../../src/engine/precision.js'
import { FACTORS, type Factor } from '../../src/engine/types.js'
import type { CorpusFinding, Label, Match, RepoFigures, SeverityCounts } from './types.js'

export interface Tally {
  mustFind: number
  found: number
  foundErrorsWarnings: number
  mustNotFind: number
  falseAlarms: number
  counts: SeverityCounts
  untriaged: number
}

export interface RuleTally extends Tally {
  rule: string
  factor: Factor
}

/** Which labels (mustFind, mustNotFind), findings (precision, untriaged) and matches (found, false alarms) count. */
type Keep = { label: (l: Label) => boolean; finding: (f: CorpusFinding) => boolean; match: (m: Match) => boolean }

const zero = (): PrecisionCounts => ({ tp: 0, fp: 0, debatable: 0 })
const emptyTally = (): Tally => ({ mustFind: 0, found: 0, foundErrorsWarnings: 0, mustNotFind: 0, falseAlarms: 0, counts: { error: zero(), warning: zero() }, untriaged: 0 })
const all = (): boolean => true

export function sumCounts(a: PrecisionCounts, b: PrecisionCounts): PrecisionCounts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, debatable: a.debatable + b.debatable }
}

/** Sums the repositories' labels and findings that `keep` selects (a factor's, a rule's, all). */
function tally(repos: readonly RepoFigures[], keep: Keep): Tally {
  const t = emptyTally()
  for (const r of repos) {
    t.mustFind += r.mustFind.filter(keep.label).length
    t.mustNotFind += r.mustNotFind.filter(keep.label).length
    t.found += r.found.filter(keep.match).length
    t.foundErrorsWarnings += r.foundErrorsWarnings.filter(keep.match).length
    t.falseAlarms += r.falseAlarms.filter(keep.match).length
    t.untriaged += r.untriaged.filter(keep.finding).length
    for (const { finding, verdict } of r.judged) {
      if (keep.finding(finding)) t.counts[finding.severity as keyof SeverityCounts][verdict]++
    }
  }
  return t
}

export const total = (repos: readonly RepoFigures[]): Tally => tally(repos, { label: all, finding: all, match: all })

/** Recall and false alarms count under the label's factor (also_accept may find it); precision under the finding's. */
export function byFactor(repos: readonly RepoFigures[]): (Tally & { factor: Factor })[] {
  return FACTORS.map((factor) => ({ factor, ...tally(repos, { label: (l) => l.factor === factor, finding: (f) => f.factor === factor, match: (m) => m.label.factor === factor }) }))
}

/** A rule's found labels are the labels its findings matched; its mustFind is not its own, so 0. */
export function byRule(repos: readonly RepoFigures[]): RuleTally[] {
  const rules = new Map<string, Factor>()
  for (const r of repos) {
    const findings = [...r.judged.map((j) => j.finding), ...r.untriaged, ...r.found.map((m) => m.finding), ...r.falseAlarms.map((m) => m.finding)]
    for (const f of findings) rules.set(f.ruleId, f.factor)
  }
  return [...rules]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, factor]) => ({ rule, factor, ...tally(repos, { label: all, finding: (f) => f.ruleId === rule, match: (m) => m.finding.ruleId === rule }), mustFind: 0, mustNotFind: 0 }))
}

/** Both severities together: what a rule's precision level is computed from. */
export const ruleCounts = (t: Tally): PrecisionCounts => sumCounts(t.counts.error, t.counts.warning)

/** `0.42 (5/12)`, or `n/a (0/0)` when nothing was judged. */
export function ratio(c: PrecisionCounts): string {
  const n = c.tp + c.fp
  return `${n === 0 ? 'n/a' : (c.tp / n).toFixed(2)} (${c.tp}/${n})`
}

export function totalLine(t: Tally): string {
  return `TOTAL recall ${t.found}/${t.mustFind}, error precision ${ratio(t.counts.error)}, warning precision ${ratio(t.counts.warning)}, untriaged ${t.untriaged}`
}
