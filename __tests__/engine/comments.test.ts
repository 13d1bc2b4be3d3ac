import { describe, expect, it } from '@jest/globals'
import { blankComments } from '../../src/engine/comments.js'

describe('blankComments keeps offsets and blanks only comments', () => {
  const cases: [string, Parameters<typeof blankComments>[1], Parameters<typeof blankComments>[2], string][] = [
    ['a // b\nc', 'c', 'javascript', 'a     \nc'],
    ['a /* b\nc */ d', 'c', 'typescript', 'a     \n     d'],
    ['x = "http://h" // c', 'c', 'javascript', 'x = "http://h"     '],
    ["s = '#x' # c", 'hash', 'python', "s = '#x'    "],
    ['"""doc # no"""\n# c', 'hash', 'python', '"""doc # no"""\n   '],
    ['=begin\nx\n=end\ny', 'hash', 'ruby', '      \n \n    \ny'],
    ['key: a#b # c', 'hash', 'none', 'key: a#b    '],
    ['url: "x # y" # c', 'hash', 'none', 'url: "x # y"    '],
    ['<a/><!-- b --><c/>', 'xml', 'none', '<a/>          <c/>'],
    ['`a // b` // c', 'c', 'go', '`a // b`     ']
  ]
  for (const [input, style, lang, expected] of cases) {
    it(JSON.stringify(input), () => {
      const out = blankComments(input, style, lang)
      expect(out).toBe(expected)
      expect(out.length).toBe(input.length)
    })
  }
})
