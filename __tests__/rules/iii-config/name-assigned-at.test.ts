// nameAssignedAt reads an assignment's name backwards from its operator (TF0303 finds `= "literal"`
// first, which is ten times cheaper than starting a regex at every identifier). It must agree with
// the forward pattern it replaced: name ("name" or name or obj.name or ['name']) \s* op.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { nameAssignedAt } from '../../../src/rules/iii-config/secret-assignment.js'

/** The forward regex TF0303 used before, anchored to end at the operator. */
const FORWARD = /(?:["']([\w.-]{1,80})["']\]?|(?<![\w$\\])([A-Za-z_$][\w$.]{0,80}))\s*$/

const at = (code: string): ReturnType<typeof nameAssignedAt> => nameAssignedAt(code, code.length)

describe('nameAssignedAt', () => {
  const cases: [string, string | undefined][] = [
    ['password ', 'password'],
    ['const dbPassword', 'dbPassword'],
    ['config.db.password\n  ', 'config.db.password'],
    ["settings['api_key']", 'api_key'],
    ['{"client_secret"', 'client_secret'],
    ['$token', '$token'],
    ['self.token', 'self.token'],
    ['x.9abc', 'x.9abc'],
    ['9abc', undefined], // not an identifier
    ['\\npassword', undefined], // an escape, not a name
    ['a == ', undefined],
    ['f(', undefined],
    ['"unclosed', 'unclosed'], // a quote before a bare name is only a boundary
    ['', undefined],
    [`${'a'.repeat(90)}`, undefined], // longer than any name the pattern accepts
    [`x.${'a'.repeat(80)}`, `${'a'.repeat(80)}`] // a start after a dot within the limit
  ]
  it.each(cases)('%j -> %j', (code, name) => {
    expect(at(code)?.name).toBe(name)
  })

  it('agrees with the forward pattern on generated text', () => {
    const chars = fc.constantFrom('a', 'Z', '_', '$', '.', '-', '9', '"', "'", ']', '[', ' ', '\n', '\\', '(', '=')
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 100 }), (parts) => {
        const code = parts.join('')
        const forward = FORWARD.exec(code)
        expect(at(code)?.name).toBe(forward ? (forward[1] ?? forward[2]) : undefined)
      }),
      { numRuns: 3000 }
    )
  })
})
