import { describe, expect, it } from '@jest/globals'
import { code, escapeMarkdown } from '../../src/report/escape.js'

describe('escape', () => {
  it('escapes HTML and Markdown without breaking entities', () => {
    expect(escapeMarkdown("the deploy's <b>key</b> | *x* [a](b) #1")).toBe('the deploy&#39;s &lt;b&gt;key&lt;/b&gt; \\| \\*x\\* \\[a\\]\\(b\\) \\#\u200b1')
  })

  it('breaks mentions and newlines', () => {
    expect(escapeMarkdown('@team\nnext')).toBe('@\u200bteam next')
  })

  it('code() cannot be broken out of, even in a table cell', () => {
    expect(code('a|b</code><script>')).toBe('<code>a&#124;b&lt;/code&gt;&lt;script&gt;</code>')
  })
})
