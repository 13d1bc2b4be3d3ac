// Output injection: crafted file names and matched text must not emit workflow commands, break the
// summary's Markdown/HTML or mention anyone.
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'

const KEY = 'AKIA' + 'Z7Q2XW4PLM8KD3RT'
const LEAK = `const awsKey = "${KEY}"\n`

describe('output injection', () => {
  const names = ['src/x\n::error::pwned.js', 'src/%0A::warning::pwned2.js', 'src/<img src=x onerror=alert(1)>.js', 'src/@octocat | *bold* [link](http://e.vil).js', 'src/a,b:c.js']
  const ws = makeTree(Object.fromEntries(names.map((n) => [n, LEAK])))
  const run = runAction(ws, { factors: 'III' })

  it('a crafted file name cannot emit a workflow command', () => {
    const commandLines = run.stdout.split('\n').filter((l) => l.startsWith('::'))
    expect(commandLines.some((l) => /^::(error|warning)::pwned/.test(l))).toBe(false)
    expect(run.stdout).not.toMatch(/^::warning::pwned2/m)
    // Each finding is one annotation line whose properties are escaped (%0A, %3A, %2C).
    const annotations = commandLines.filter((l) => l.startsWith('::error title=TF0301'))
    expect(annotations).toHaveLength(names.length)
    expect(run.stdout).toContain('file=src/x%0A%3A%3Aerror%3A%3Apwned.js')
    expect(run.stdout).toContain('file=src/a%2Cb%3Ac.js')
  })

  it('the summary escapes HTML, Markdown and mentions', () => {
    expect(run.summary).not.toContain('<img src=x')
    // Inside <code>, Markdown punctuation is written as entities too (GitHub parses Markdown there).
    expect(run.summary).toContain('&lt;img src=x onerror=alert&#40;1&#41;&gt;')
    const text = run.summary.replace(/href="[^"]*"/g, '') // links to the file are URL-encoded attributes
    expect(text).not.toMatch(/@octocat/)
    expect(text).toContain('@\u200boctocat')
    expect(text).not.toContain('](http://e.vil)')
    for (const [, url] of run.summary.matchAll(/href="([^"]*)"/g)) expect(url).not.toMatch(/[<>\s]/)
    expect(run.summary).not.toContain(KEY)
  })
})
