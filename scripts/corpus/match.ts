// Findings against labels and triage rows: the figures of one repository. Pure, so the unit test
// can drive it with a synthetic corpus.
import type { CorpusFinding, Label, LabelFile, Match, RepoFigures, TriageRow, Verdict } from './types.js'

/** Labels name a line by reading the code; a finding may point at the statement's first line. */
export const LINE_TOLERANCE = 2

const isErrorOrWarning = (f: CorpusFinding): boolean => f.severity === 'error' || f.severity === 'warning'

function accepts(label: Label, finding: CorpusFinding): boolean {
  if (label.file !== finding.file || Math.abs(label.line - finding.line) > LINE_TOLERANCE) return false
  return label.factor === finding.factor || (label.also_accept ?? []).includes(finding.factor)
}

/** One finding per label and one label per finding, greedily by nearest line (ties: file order). */
export function matchLabels(labels: readonly Label[], findings: readonly CorpusFinding[]): Match[] {
  const pairs: { l: number; f: number; d: number }[] = []
  labels.forEach((label, l) =>
    findings.forEach((finding, f) => {
      if (accepts(label, finding)) pairs.push({ l, f, d: Math.abs(label.line - finding.line) })
    })
  )
  pairs.sort((a, b) => a.d - b.d || a.l - b.l || a.f - b.f)
  const usedLabels = new Set<number>()
  const usedFindings = new Set<number>()
  const matched: { l: number; match: Match }[] = []
  for (const p of pairs) {
    if (usedLabels.has(p.l) || usedFindings.has(p.f)) continue
    usedLabels.add(p.l)
    usedFindings.add(p.f)
    matched.push({ l: p.l, match: { label: labels[p.l], finding: findings[p.f] } })
  }
  return matched.sort((a, b) => a.l - b.l).map((m) => m.match)
}

const key = (rule: string, file: string, line: number): string => `${rule}\t${file}\t${line}`

/**
 * A triage row judges every error or warning of its rule on its file and line (two tokens of one
 * rule on one line are one judgement). Rows with verdict `?` are not judged yet.
 */
export function judge(findings: readonly CorpusFinding[], rows: readonly TriageRow[]): Pick<RepoFigures, 'judged' | 'untriaged' | 'stale'> {
  const verdicts = new Map<string, Exclude<Verdict, '?'>>()
  for (const r of rows) {
    const k = key(r.rule, r.file, r.line)
    if (r.verdict !== '?' && !verdicts.has(k)) verdicts.set(k, r.verdict)
  }
  const judged: RepoFigures['judged'] = []
  const untriaged: CorpusFinding[] = []
  const seen = new Set<string>()
  for (const finding of findings.filter(isErrorOrWarning)) {
    const k = key(finding.ruleId, finding.file, finding.line)
    seen.add(k)
    const verdict = verdicts.get(k)
    if (verdict) judged.push({ finding, verdict })
    else untriaged.push(finding)
  }
  const stale = rows.filter((r) => r.verdict !== '?' && !seen.has(key(r.rule, r.file, r.line)))
  return { judged, untriaged, stale }
}

export function repoFigures(name: string, labels: LabelFile | undefined, rows: readonly TriageRow[], findings: readonly CorpusFinding[]): RepoFigures {
  const mustFind = labels?.must_find ?? []
  const mustNotFind = labels?.must_not_find ?? []
  const errorsWarnings = findings.filter(isErrorOrWarning)
  const found = matchLabels(mustFind, findings)
  const hit = new Set(found.map((m) => m.label))
  return {
    name,
    mustFind,
    found,
    foundErrorsWarnings: matchLabels(mustFind, errorsWarnings),
    missed: mustFind.filter((l) => !hit.has(l)),
    mustNotFind,
    falseAlarms: matchLabels(mustNotFind, errorsWarnings),
    ...judge(findings, rows)
  }
}
