import { describe, expect, it } from '@jest/globals'
import { ANNOTATIONS_PER_LEVEL, capAnnotations, hiddenAnnotationsNote, toAnnotations } from '../../src/report/annotations.js'
import { finding, makeResult } from '../helpers/result.js'

describe('annotations', () => {
  it('keeps at most 10 per severity, most severe first then by factor, and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 12 }, () => finding('XI', 'notice')),
      ...Array.from({ length: 15 }, () => finding('VII', 'error')),
      ...Array.from({ length: 3 }, () => finding('III', 'error')),
      ...Array.from({ length: 4 }, () => finding('II', 'warning'))
    ]
    const capped = capAnnotations(toAnnotations(makeResult(findings)))
    expect(capped.shown.map((a) => a.level)).toEqual([...Array(10).fill('error'), ...Array(4).fill('warning'), ...Array(10).fill('notice')])
    // III before VII: factor priority within a severity.
    expect(capped.shown.slice(0, 3).every((a) => a.properties.title.includes('III Config'))).toBe(true)
    expect(capped.hidden).toBe(8 + 2)
    expect(ANNOTATIONS_PER_LEVEL * 3).toBeLessThanOrEqual(50) // the per-job limit
  })

  it('does not annotate baselined findings', () => {
    const r = makeResult([finding('III', 'error', { baselined: true }), finding('III', 'error')])
    expect(toAnnotations(r)).toHaveLength(1)
  })

  it('says how many were hidden and where all of them are', () => {
    expect(hiddenAnnotationsNote(0, ['x'])).toBe('')
    const note = hiddenAnnotationsNote(7, ['the job summary', 'the JSON report'])
    expect(note).toContain('7 more annotations were not shown')
    expect(note).toContain('the job summary, the JSON report')
  })
})
