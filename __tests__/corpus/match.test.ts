// The measuring side of the corpus on a tiny synthetic corpus: no checkouts, no network.
import { describe, expect, it } from '@jest/globals'
import type { Factor, Severity } from '../../src/engine/types.js'
import { byFactor, byRule, total, totalLine } from '../../scripts/corpus/figures.js'
import { summary } from '../../scripts/corpus/format.js'
import { matchLabels, repoFigures } from '../../scripts/corpus/match.js'
import type { CorpusFinding, Label, LabelFile, TriageRow } from '../../scripts/corpus/types.js'
import { accuracy, precisionModule, ruleCountsOf, untriagedTsv } from '../../scripts/corpus/write.js'

const label = (factor: Factor, file: string, line: number, also_accept?: Factor[]): Label => ({ factor, file, line, evidence: 'x', why: 'because', ...(also_accept ? { also_accept } : {}) })
const finding = (ruleId: string, factor: Factor, severity: Severity, file: string, line: number): CorpusFinding => ({ ruleId, factor, severity, file, line, message: `${ruleId} says so` })
const row = (rule: string, file: string, line: number, verdict: TriageRow['verdict']): TriageRow => ({ rule, file, line, verdict, reason: 'read it' })
const labels = (must_find: Label[], must_not_find: Label[] = []): LabelFile => ({ repo: 'o/r', commit: 'a'.repeat(40), must_find, must_not_find, repo_level: [] })

describe('matchLabels', () => {
  it('same file, line within 2, the label factor or also_accept', () => {
    const l = [label('III', 'a.py', 10, ['IV'])]
    expect(matchLabels(l, [finding('TF0301', 'III', 'error', 'a.py', 12)])).toHaveLength(1)
    expect(matchLabels(l, [finding('TF0301', 'III', 'error', 'a.py', 13)])).toHaveLength(0)
    expect(matchLabels(l, [finding('TF0301', 'III', 'error', 'b.py', 10)])).toHaveLength(0)
    expect(matchLabels(l, [finding('TF0401', 'IV', 'error', 'a.py', 8)])).toHaveLength(1)
    expect(matchLabels(l, [finding('TF1101', 'XI', 'error', 'a.py', 10)])).toHaveLength(0)
  })

  it('one to one, nearest line first: two labels near one finding count once', () => {
    const l = [label('III', 'a.py', 10), label('III', 'a.py', 11)]
    const one = matchLabels(l, [finding('TF0301', 'III', 'error', 'a.py', 11)])
    expect(one.map((m) => m.label.line)).toEqual([11])
    const two = matchLabels(l, [finding('TF0301', 'III', 'error', 'a.py', 12), finding('TF0302', 'III', 'warning', 'a.py', 9)])
    expect(two.map((m) => [m.label.line, m.finding.line])).toEqual([
      [10, 9],
      [11, 12]
    ])
  })
})

describe('repoFigures and the totals', () => {
  const mustFind = [label('III', 'settings.py', 5), label('III', 'settings.py', 20, ['IV']), label('XI', 'log.py', 3), label('VII', 'server.js', 1)]
  const mustNotFind = [label('III', 'settings_dev.py', 4), label('VII', 'dev.yml', 2)]
  const findings = [
    finding('TF0301', 'III', 'error', 'settings.py', 6), // finds label 1, tp
    finding('TF0301', 'III', 'error', 'settings.py', 6), // same rule and line: judged by the same row
    finding('TF0401', 'IV', 'notice', 'settings.py', 21), // finds label 2 (also_accept), notice: not in E+W recall nor precision
    finding('TF1101', 'XI', 'warning', 'log.py', 3), // finds label 3, debatable
    finding('TF0306', 'III', 'warning', 'settings_dev.py', 4), // must_not_find hit, fp
    finding('TF0701', 'VII', 'notice', 'dev.yml', 2), // must_not_find, but a notice: no false alarm
    finding('TF0902', 'IX', 'warning', 'main.py', 40) // no triage row: untriaged
  ]
  const triage = [row('TF0301', 'settings.py', 6, 'tp'), row('TF1101', 'log.py', 3, 'debatable'), row('TF0306', 'settings_dev.py', 4, 'fp'), row('TF0902', 'main.py', 40, '?'), row('TF0303', 'gone.py', 1, 'fp')]
  const f = repoFigures('app', labels(mustFind, mustNotFind), triage, findings)

  it('recall any severity and errors + warnings only; the missed label', () => {
    expect(f.found.map((m) => m.label.line)).toEqual([5, 20, 3])
    expect(f.foundErrorsWarnings.map((m) => m.label.line)).toEqual([5, 3])
    expect(f.missed.map((l) => l.file)).toEqual(['server.js'])
  })

  it('must_not_find hits by errors and warnings are false alarms', () => {
    expect(f.falseAlarms.map((m) => `${m.finding.ruleId} ${m.label.file}`)).toEqual(['TF0306 settings_dev.py'])
  })

  it('triage: verdicts per rule, file and line; debatable apart; `?` and missing rows untriaged; stale rows listed', () => {
    expect(f.judged.map((j) => `${j.finding.ruleId}:${j.verdict}`)).toEqual(['TF0301:tp', 'TF0301:tp', 'TF1101:debatable', 'TF0306:fp'])
    expect(f.untriaged.map((u) => u.ruleId)).toEqual(['TF0902'])
    expect(f.stale.map((s) => s.rule)).toEqual(['TF0303'])
  })

  it('sums into TOTAL, per factor and per rule', () => {
    const empty = repoFigures('empty', undefined, [], [])
    const t = total([f, empty])
    expect(t).toMatchObject({ mustFind: 4, found: 3, foundErrorsWarnings: 2, mustNotFind: 2, falseAlarms: 1, untriaged: 1 })
    expect(t.counts).toEqual({ error: { tp: 2, fp: 0, debatable: 0 }, warning: { tp: 0, fp: 1, debatable: 1 } })
    expect(totalLine(t)).toBe('TOTAL recall 3/4, error precision 1.00 (2/2), warning precision 0.00 (0/1), untriaged 1')
    const iii = byFactor([f]).find((x) => x.factor === 'III')!
    expect(iii).toMatchObject({ mustFind: 2, found: 2, foundErrorsWarnings: 1, mustNotFind: 1, falseAlarms: 1 })
    expect(byRule([f]).find((r) => r.rule === 'TF0301')).toMatchObject({ found: 1, counts: { error: { tp: 2, fp: 0, debatable: 0 } } })
  })

  it('prints tables and ends with the TOTAL line; n/a when nothing was judged', () => {
    const text = summary([{ figures: f, ms: 1200, files: 9 }], false)
    expect(text.trimEnd().split('\n').at(-1)).toBe(totalLine(total([f])))
    expect(text).toContain('app: false alarm TF0306 warning on must_not_find III settings_dev.py:4')
    expect(totalLine(total([repoFigures('e', undefined, [], [])]))).toBe('TOTAL recall 0/0, error precision n/a (0/0), warning precision n/a (0/0), untriaged 0')
  })

  it('writes untriaged rows to judge, per-rule counts, accuracy.json figures', () => {
    const runs = [{ figures: f, ms: 1, files: 9 }]
    expect(untriagedTsv(runs)).toBe('name\trule\tfile\tline\tverdict\treason\napp\tTF0902\tmain.py\t40\t?\twarning: TF0902 says so\n')
    const counts = ruleCountsOf(runs)
    expect(counts).toEqual({ TF0301: { tp: 2, fp: 0, debatable: 0 }, TF0306: { tp: 0, fp: 1, debatable: 0 }, TF1101: { tp: 0, fp: 0, debatable: 1 } })
    expect(precisionModule(counts, '2026-01-02')).toContain("export const PRECISION_DATE = '2026-01-02'")
    const a = accuracy([{ name: 'app', repo: 'o/r', commit: 'a'.repeat(40), languages: ['python', 'node'], files: 3000, description: 'd' }], runs, '2026-01-02')
    expect(a).toMatchObject({ repositories: 1, languages: { node: 1, python: 1 }, sizes: { small: 0, medium: 0, large: 1 }, totalLine: totalLine(total([f])) })
  })
})
