import { describe, expect, it } from '@jest/globals'
import { COMMENT_LIMIT, COMMENT_MARKER, countsOf, formatComment, parseCounts } from '../../src/report/comment.js'
import { finding, makeResult } from '../helpers/result.js'

describe('PR comment', () => {
  it('starts with the hidden marker and puts secret exposure and data loss first, then build/release, then the rest', () => {
    const r = makeResult([finding('XI', 'error'), finding('II', 'warning'), finding('VI', 'warning'), finding('V', 'notice'), finding('III', 'notice')])
    const body = formatComment(r)
    expect(body.startsWith(COMMENT_MARKER)).toBe(true)
    const order = ['**[III Config]', '**[VI Processes]', '**[V Build, release, run]', '**[II Dependencies]', '**[XI Logs]'].map((h) => body.indexOf(h))
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(body.indexOf('First: prevent secret exposure and data loss')).toBeLessThan(body.indexOf('Then: make builds and releases reproducible'))
  })

  it('names file and line, shows the offending line and the concrete change, numbered steps', () => {
    const r = makeResult([finding('III', 'error', { file: 'src/config.js', line: 4, snippet: "const key = 'AKIA****'", remediation: 'Read it from process.env.AWS_ACCESS_KEY_ID.' })])
    const body = formatComment(r, { link: (f, l) => `https://github.com/acme/shop/blob/abc/${f}#L${l}` })
    expect(body).toContain('1. 🔴 [<code>src/config.js:4</code>](https://github.com/acme/shop/blob/abc/src/config.js#L4)')
    // Markdown punctuation inside <code> is written as entities (GitHub parses Markdown there).
    expect(body).toContain("   - Now: <code>const key = &#39;AKIA&#42;&#42;&#42;&#42;&#39;</code>")
    expect(body).toContain('   - Change: Read it from process.env.AWS\\_ACCESS\\_KEY\\_ID.')
  })

  it('states order dependencies between factors that both have findings', () => {
    const body = formatComment(makeResult([finding('III', 'error'), finding('IV', 'warning'), finding('VI', 'error'), finding('IX', 'warning')]))
    expect(body).toContain('Fix III Config before IV Backing services')
    expect(body).toContain('Fix VI Processes before IX Disposability')
    expect(body).not.toContain('before VIII Concurrency') // VIII has no findings
  })

  it('escapes untrusted text and cannot mention anyone', () => {
    const body = formatComment(makeResult([finding('III', 'error', { message: '@everyone <img src=x onerror=alert(1)> ](javascript:x)', file: 'a`b.js' })]))
    expect(body).not.toContain('<img')
    expect(body).not.toMatch(/@everyone/)
    expect(body).toContain('@\u200beveryone')
  })

  it('when clean says so, and what improved since the last run (counts round-trip through the hidden marker)', () => {
    const before = formatComment(makeResult([finding('III', 'error'), finding('III', 'error'), finding('VI', 'warning')]))
    const previous = parseCounts(before)
    expect(previous).toMatchObject({ errors: 2, warnings: 1, notices: 0, byFactor: { III: 2, VI: 1 } })
    const after = formatComment(makeResult([]), { previous })
    expect(after).toContain('No open findings')
    expect(after).toMatch(/Since the last run: score \d+ → 100, errors 2 → 0, warnings 1 → 0, notices 0 \(III 2 fewer, VI 1 fewer\)\./)
    expect(after).not.toContain('Remediation plan')
  })

  it('ignores a tampered counts marker', () => {
    expect(parseCounts(`${COMMENT_MARKER}\n<!-- twelve-factor-audit:counts {"score":"x"} -->`)).toBeUndefined()
    expect(parseCounts('<!-- twelve-factor-audit:counts not json -->')).toBeUndefined()
    expect(parseCounts('nothing')).toBeUndefined()
  })

  it('baselined findings are not in the plan and not in the counts', () => {
    const r = makeResult([finding('III', 'error', { baselined: true })])
    expect(countsOf(r).errors).toBe(0)
    expect(formatComment(r)).toContain('1 baselined')
  })

  it('stays under 65536 characters with a note, keeping the counts marker', () => {
    const many = Array.from({ length: 12 * 10 }, (_, i) => finding((['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const)[i % 12], 'error', { message: 'm'.repeat(290), remediation: 'r'.repeat(490), snippet: 's'.repeat(199) }))
    const body = formatComment(makeResult(many), { fullReport: 'Full report: the job summary.' })
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toContain('The plan is cut short to fit a comment.')
    expect(parseCounts(body)?.errors).toBe(120)
  })
})
