// The text `npm run corpus` prints: a table per repository, per rule and per factor, then TOTAL.
import { precisionOf } from '../../src/engine/precision.js'
import { byFactor, byRule, ratio, ruleCounts, total, totalLine, type Tally } from './figures.js'
import type { Label, Match, RepoFigures, TriageRow } from './types.js'

export interface RepoRun {
  figures: RepoFigures
  ms: number
  files: number
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  return [header, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}

const debatable = (t: Tally): string => `${t.counts.error.debatable}/${t.counts.warning.debatable}`
const precisionCells = (t: Tally): string[] => [ratio(t.counts.error), ratio(t.counts.warning), debatable(t)]
const PRECISION_HEADER = ['ERROR PRECISION', 'WARNING PRECISION', 'DEBATABLE E/W']

export function repoTable(runs: readonly RepoRun[]): string {
  const rows = runs.map(({ figures, ms, files }) => {
    const t = total([figures])
    return [figures.name, String(files), `${(ms / 1000).toFixed(1)}s`, `${t.found}/${t.mustFind}`, `${t.foundErrorsWarnings}/${t.mustFind}`, ...precisionCells(t), `${t.falseAlarms}/${t.mustNotFind}`, String(t.untriaged)]
  })
  return table(['REPOSITORY', 'FILES', 'TIME', 'RECALL', 'RECALL E+W', ...PRECISION_HEADER, 'NOT_FIND HITS', 'UNTRIAGED'], rows)
}

const where = (l: Label): string => `${l.factor} ${l.file}:${l.line} ${JSON.stringify(l.evidence)}`
const alarm = (m: Match): string => `${m.finding.ruleId} ${m.finding.severity} on must_not_find ${where(m.label)}: ${m.label.why}`
const stale = (r: TriageRow): string => `${r.rule} ${r.file}:${r.line} (${r.verdict})`

/** Lines under the tables: what went wrong where, so a reader can go and look. */
export function repoDetails(runs: readonly RepoRun[], verbose: boolean): string[] {
  const out: string[] = []
  for (const { figures: f } of runs) {
    for (const m of f.falseAlarms) out.push(`${f.name}: false alarm ${alarm(m)}`)
    if (verbose) for (const l of f.missed) out.push(`${f.name}: missed ${where(l)}: ${l.why}`)
    if (f.stale.length) out.push(`${f.name}: ${f.stale.length} triage row(s) match no error or warning of this run: ${f.stale.slice(0, 5).map(stale).join(', ')}${f.stale.length > 5 ? ', …' : ''}`)
  }
  return out
}

export function ruleTable(runs: readonly RepoRun[]): string {
  const rows = byRule(runs.map((r) => r.figures)).map((t) => [t.rule, t.factor, String(t.found), ...precisionCells(t), precisionOf(ruleCounts(t)).level, String(t.falseAlarms), String(t.untriaged)])
  return table(['RULE', 'FACTOR', 'FOUND', ...PRECISION_HEADER, 'LEVEL', 'NOT_FIND HITS', 'UNTRIAGED'], rows)
}

export function factorTable(runs: readonly RepoRun[]): string {
  const rows = byFactor(runs.map((r) => r.figures)).map((t) => [t.factor, `${t.found}/${t.mustFind}`, `${t.foundErrorsWarnings}/${t.mustFind}`, ...precisionCells(t), `${t.falseAlarms}/${t.mustNotFind}`, String(t.untriaged)])
  return table(['FACTOR', 'RECALL', 'RECALL E+W', ...PRECISION_HEADER, 'NOT_FIND HITS', 'UNTRIAGED'], rows)
}

/** The summary; its last line is the TOTAL line. */
export function summary(runs: readonly RepoRun[], verbose: boolean): string {
  const t = total(runs.map((r) => r.figures))
  const notes = [
    `recall counting errors and warnings only ${t.foundErrorsWarnings}/${t.mustFind}; debatable errors ${t.counts.error.debatable}, warnings ${t.counts.warning.debatable} (not in precision); must_not_find hit by an error or warning ${t.falseAlarms}/${t.mustNotFind}`
  ]
  const sections = [repoTable(runs), repoDetails(runs, verbose).join('\n'), ruleTable(runs), factorTable(runs), notes.join('\n'), totalLine(t)]
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`
}
