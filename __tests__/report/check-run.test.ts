import { describe, expect, it } from '@jest/globals'
import { batches, CHECK_RUN_NAME, MAX_CHECK_ANNOTATIONS, OUTPUT_LIMIT, perFactorCheckRuns, singleCheckRun } from '../../src/report/check-run.js'
import { finding, makeResult } from '../helpers/result.js'

const repoPath = (f: string): string => `app/${f}`

describe('check run payloads', () => {
  it('one check run with every non-baselined finding, levels mapped, conclusion from the gate, summary capped', () => {
    const r = makeResult([finding('III', 'error', { column: 5, endColumn: 9 }), finding('XI', 'notice', { line: 3, endLine: 5, column: 2 }), finding('VI', 'warning', { baselined: true })])
    const plan = singleCheckRun(r, 'x'.repeat(70_000), repoPath)
    expect(plan.name).toBe(CHECK_RUN_NAME)
    expect(plan.conclusion).toBe('failure')
    expect(plan.summary.length).toBeLessThanOrEqual(OUTPUT_LIMIT)
    expect(plan.annotations).toHaveLength(2)
    expect(plan.annotations[0]).toMatchObject({ annotation_level: 'failure', start_column: 5, end_column: 9 })
    expect(plan.annotations[0].path).toMatch(/^app\/src\//)
    // Columns only when start and end lines match.
    expect(plan.annotations[1]).toMatchObject({ annotation_level: 'notice', start_line: 3, end_line: 5 })
    expect(plan.annotations[1]).not.toHaveProperty('start_column')
  })

  it('success when under the threshold', () => {
    expect(singleCheckRun(makeResult([finding('III', 'warning')]), '', repoPath).conclusion).toBe('success')
  })

  it('per factor: one run per applicable factor, each with its own conclusion and findings', () => {
    const r = makeResult([finding('III', 'error'), finding('VI', 'warning')], { rulesRun: { XII: 0 } })
    const plans = perFactorCheckRuns(r, (f) => `summary ${f}`, repoPath)
    expect(plans).toHaveLength(11) // XII not applicable
    const iii = plans.find((p) => p.name === 'Twelve-Factor / III Config')!
    expect(iii).toMatchObject({ conclusion: 'failure', summary: 'summary III' })
    expect(iii.annotations).toHaveLength(1)
    expect(plans.find((p) => p.name === 'Twelve-Factor / VI Processes')!.conclusion).toBe('success')
  })

  it('caps annotations per check run (rate limits) and says so in the summary', () => {
    const plan = singleCheckRun(makeResult(Array.from({ length: MAX_CHECK_ANNOTATIONS + 7 }, () => finding('XI', 'notice'))), 'S', repoPath)
    expect(plan.annotations).toHaveLength(MAX_CHECK_ANNOTATIONS)
    expect(plan.summary).toMatch(/^> 7 findings beyond the first 1000 are not annotated here/)
  })

  it('batches of at most 50', () => {
    expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20])
    expect(batches([])).toEqual([])
  })
})
