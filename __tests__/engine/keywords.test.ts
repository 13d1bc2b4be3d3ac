// Guards the speed work by counting, never by timing: rules only see files holding one of their
// keywords, and the combined scan finds exactly what per-keyword `includes` would.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { hasKeyword, KeywordScanner, WORD_START } from '../../src/engine/keywords.js'
import type { Rule } from '../../src/engine/rule.js'
import { fakeRule } from '../helpers/fake-rule.js'
import { makeTree } from '../helpers/tree.js'

const ruleWith = (keywords: string[]): Rule => ({ ...fakeRule, keywords })

describe('combined keyword scan', () => {
  it('agrees with one includes() per keyword, overlapping and prefix keywords included', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'p', 's', 'w', 'A', 'S', 'W', '_', ' ', 'é', '€', '\n')
    // Some keywords must start a word (WORD_START): the reference is a regex lookbehind.
    const word = fc.tuple(fc.boolean(), fc.array(alphabet, { minLength: 1, maxLength: 5 })).map(([start, cs]) => `${start ? WORD_START : ''}${cs.join('').toLowerCase()}`)
    const occurs = (text: string, k: string): boolean =>
      k.startsWith(WORD_START) ? new RegExp(`(?<![a-z0-9_])${k.slice(2).replace(/[^a-z0-9]/g, '\\$&')}`).test(text) : text.includes(k)
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.array(alphabet, { maxLength: 60 }), (sets, chars) => {
        const text = chars.join('')
        const rules = sets.map(ruleWith)
        // The scan folds ASCII case itself: it is handed the text as read.
        const found = new KeywordScanner(rules).scan(text)
        for (const r of rules) expect(hasKeyword(r, found)).toBe(r.keywords!.some((k) => occurs(text.toLowerCase(), k)))
      }),
      { numRuns: 500 }
    )
  })

  it.each([
    ['upper-case text', ['secret_key'], 'SECRET_KEY = 1', ['secret_key']],
    ['overlapping keywords', ['abcd', 'cde', 'bc'], 'xabcde', ['abcd', 'bc', 'cde']],
    ['a keyword inside another', ['localhost', 'host'], 'LocalHost:80', ['host', 'localhost']],
    ['punctuation and digits', ['jdbc:h2:file', '127.0.0.1'], 'url=jdbc:h2:FILE:/x 127.0.0.1', ['127.0.0.1', 'jdbc:h2:file']],
    ['two-byte text', ['port'], 'café € PORT', ['port']],
    ['no keyword', ['redis'], 'nothing here', []],
    ['a near miss', ['redis'], 'redi s', []],
    ['a word start', ['\\bport'], 'process.env.PORT', ['\\bport']],
    ['not a word start', ['\\bport'], 'import x; export y; report(); SERVER_PORT', []],
    ['a later occurrence starts a word', ['\\bport'], 'import\nconst port = 1', ['\\bport']],
    ['at the very start', ['\\bdict()'], 'dict() or to_dict()', ['\\bdict()']],
    ['only inside words', ['\\bdict()'], 'x.to_dict() + as_dict()', []]
  ])('%s', (_name, keywords, text, expected) => {
    expect([...new KeywordScanner([ruleWith(keywords)]).scan(text)].sort()).toEqual(expected)
  })

  it('a file without any of a rule keywords never reaches its check, and unread kinds are never opened', () => {
    let calls = 0
    const counting: Rule = { ...fakeRule, check: (file, report, ctx) => { calls++; fakeRule.check!(file, report, ctx) } }
    const files: Record<string, string> = { 'src/hit.js': 'const HARDCODED_TOKEN = "Zq8vK2mP9xL4tR7w"\n' }
    for (let i = 0; i < 50; i++) files[`src/miss${i}.js`] = 'const nothing = 1\n'
    files['notes/big.txt'] = 'HARDCODED_TOKEN '.repeat(10)
    const result = runAudit({ root: makeTree(files), config: defaultConfig(), rules: [counting], useGit: false })
    expect(calls).toBe(1)
    expect(result.findings).toHaveLength(1)
    // The .txt file is a kind no rule selects: counted, never read.
    expect(result.stats.bytes).toBe(Buffer.byteLength(Object.entries(files).filter(([p]) => p.endsWith('.js')).map(([, t]) => t).join('')))
  })
})
