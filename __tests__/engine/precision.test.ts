import { describe, expect, it } from '@jest/globals'
import { describePrecision, precisionOf } from '../../src/engine/precision.js'
import { PRECISION } from '../../src/rules/precision.js'
import { RULES } from '../../src/rules/registry.js'

describe('precisionOf', () => {
  it('high from 0.95, medium from 0.8, low below; debatable is not in the ratio', () => {
    expect(precisionOf({ tp: 19, fp: 1, debatable: 0 })).toEqual({ level: 'high', value: 0.95, tp: 19, fp: 1, debatable: 0 })
    expect(precisionOf({ tp: 18, fp: 2, debatable: 7 }).level).toBe('medium')
    expect(precisionOf({ tp: 4, fp: 1, debatable: 0 })).toMatchObject({ level: 'medium', value: 0.8 })
    expect(precisionOf({ tp: 15, fp: 4, debatable: 0 }).level).toBe('low')
    expect(precisionOf({ tp: 0, fp: 5, debatable: 0 })).toMatchObject({ level: 'low', value: 0 })
  })

  it('is unmeasured under 5 triaged errors and warnings (debatable ones count), or with none judged tp or fp', () => {
    expect(precisionOf({ tp: 4, fp: 0, debatable: 0 })).toEqual({ level: 'unmeasured', tp: 4, fp: 0, debatable: 0 })
    expect(precisionOf({ tp: 3, fp: 0, debatable: 2 }).level).toBe('high')
    expect(precisionOf({ tp: 0, fp: 0, debatable: 6 }).level).toBe('unmeasured')
    expect(precisionOf().level).toBe('unmeasured')
  })

  it('describes itself with the counts, and says when it is too few to measure', () => {
    expect(describePrecision(precisionOf({ tp: 17, fp: 3, debatable: 1 }))).toBe('medium (0.85 in the corpus: 17 tp, 3 fp, 1 debatable)')
    expect(describePrecision(precisionOf({ tp: 1, fp: 1, debatable: 0 }))).toMatch(/^unmeasured \(too few corpus findings to measure, 5 triaged .*1 tp, 1 fp, 0 debatable\)$/)
  })
})

describe('the registry', () => {
  it("attaches each rule's precision from src/rules/precision.ts", () => {
    for (const rule of RULES) expect(rule.meta.precision).toEqual(precisionOf(PRECISION[rule.meta.id]))
  })

  it('precision.ts names only registered rules', () => {
    const ids = new Set(RULES.map((r) => r.meta.id))
    expect(Object.keys(PRECISION).filter((id) => !ids.has(id))).toEqual([])
  })
})
