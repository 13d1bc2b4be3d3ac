// schemeBefore reads a URL's scheme backwards from `://` (TF0302 finds `://user:pw@host` first). It
// must agree with the forward pattern it replaced: \b([a-z][a-z0-9+.-]{1,30}):// (case-insensitive).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { schemeBefore } from '../../../src/rules/iii-config/credential-in-url.js'

const FORWARD = /\b([a-z][a-z0-9+.-]{1,30})$/i

describe('schemeBefore', () => {
  const cases: [string, string | undefined][] = [
    ['url = "postgres', 'postgres'],
    ['postgresql+asyncpg', 'postgresql+asyncpg'],
    ['jdbc:mysql', 'mysql'],
    ['x', undefined], // one letter is no scheme
    ['_redis', undefined], // not at a word boundary
    ['9redis', undefined],
    [`${'a'.repeat(40)}`, undefined],
    [`${'a'.repeat(40)}.redis`, 'redis']
  ]
  it.each(cases)('%j -> %j', (before, scheme) => {
    expect(schemeBefore(`${before}://`, before.length)).toBe(scheme)
  })

  it('agrees with the forward pattern on generated text', () => {
    const chars = fc.constantFrom('a', 'Z', 'q', '0', '+', '.', '-', '_', ' ', ':', '"')
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (parts) => {
        const before = parts.join('')
        const forward = FORWARD.exec(before)
        expect(schemeBefore(`${before}://`, before.length)).toBe(forward ? forward[1] : undefined)
      }),
      { numRuns: 3000 }
    )
  })
})
