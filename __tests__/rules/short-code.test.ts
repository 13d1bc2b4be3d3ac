// shortCode blanks lines over 4000 characters (minified bundles, data blobs) and keeps every offset
// and line break, whatever the line endings.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { MAX_LINE, shortCode } from '../../src/rules/shared/ix-xii-boot.js'
import { makeFile } from '../helpers/rule-tester.js'

const reference = (code: string): string => code.replace(/[^\r\n]{4001,}/g, (l) => ' '.repeat(l.length))

describe('shortCode', () => {
  it('blanks only the long lines, with \\n, \\r\\n and \\r endings', () => {
    const long = 'x'.repeat(MAX_LINE + 1)
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['const a = 1', long, 'app.listen(3000)', long, ''].join(eol)
      const out = shortCode(makeFile('src/app.js', text))
      expect(out).toHaveLength(text.length)
      expect(out).toBe(reference(text))
      expect(out.split(eol)[2]).toBe('app.listen(3000)')
    }
  })

  it('agrees with the regex it replaced on random texts', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'x'.repeat(1500), 'y'.repeat(MAX_LINE))
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('')
        expect(shortCode(makeFile('src/app.js', text))).toBe(reference(text))
      }),
      { numRuns: 300 }
    )
  })
})
