// Hostile and broken repositories: the audit never crashes, never follows a link out of the
// workspace, keeps line numbers right, and lists what it could not read instead of losing it.
import { describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { makeTree } from '../helpers/tree.js'

const KEY = 'AKIA' + 'Z7Q2XW4PLM8KD3RT'
const LEAK = `const awsKey = "${KEY}"\n`
// Factor III only: the planted key is what these tests look for; other factors' findings are noise here.
const audit = (root: string, useGit = false) => runAudit({ root, config: { ...defaultConfig(), factors: ['III'] }, useGit })
const lines = (root: string) => audit(root).findings.filter((f) => f.ruleId === 'TF0301').map((f) => `${f.file}:${f.line}`)

describe('bad inputs', () => {
  it('binary content behind a text extension and NUL bytes are skipped as binary', () => {
    const root = makeTree({ 'src/a.js': Buffer.from([0x63, 0x6f, 0x00, 0x01, 0xff, 0xfe, 0x41]), 'src/b.js': LEAK })
    const r = audit(root)
    expect(r.skippedFiles).toEqual([{ file: 'src/a.js', reason: 'binary' }])
    expect(r.findings.map((f) => f.file)).toEqual(['src/b.js'])
  })

  it('reads UTF-16 (with BOM) and survives invalid UTF-8', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`// x\n${LEAK}`, 'utf16le')])
    const invalid = Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0x0a]), Buffer.from(LEAK)])
    expect(lines(makeTree({ 'src/u16.js': utf16, 'src/bad.js': invalid }))).toEqual(['src/bad.js:2', 'src/u16.js:2'])
  })

  it('keeps line numbers right with CRLF and CR-only endings', () => {
    const root = makeTree({ 'src/crlf.js': `a\r\nb\r\n${LEAK}`, 'src/cr.js': `a\rb\rc\r${LEAK}` })
    expect(lines(root)).toEqual(['src/cr.js:4', 'src/crlf.js:3'])
  })

  it('a 50 MB file and a 5 MB single-line minified file are skipped without reading, and listed', () => {
    const root = makeTree({ 'src/huge.sql': Buffer.alloc(50 * 1024 * 1024, 'a'), 'src/app.js': `${'x'.repeat(5 * 1024 * 1024)}\n`, 'src/ok.js': LEAK })
    const r = audit(root)
    expect(r.skippedFiles.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: 'src/app.js', reason: 'too-large' },
      { file: 'src/huge.sql', reason: 'too-large' }
    ])
    expect(r.findings.map((f) => f.file)).toEqual(['src/ok.js'])
    expect(r.stats.bytes).toBeLessThan(1024 * 1024) // neither big file was read
  })

  it('a 1 MB single line within the size limit is audited in bounded time', () => {
    const root = makeTree({ 'src/min.js': `var a=1;${'b+=1;'.repeat(200_000)}const awsKey="${KEY}";\n` })
    const t0 = Date.now()
    audit(root)
    expect(Date.now() - t0).toBeLessThan(20_000) // generous: a hang or exponential regex would blow far past it
  })

  it('directories 200 levels deep are walked', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `d${i}`).join('/')
    expect(lines(makeTree({ [`${deep}/a.js`]: LEAK }))).toEqual([`${deep}/a.js:1`])
  })

  it('never follows symlinks: loops and links out of the workspace', () => {
    const outside = makeTree({ 'secret.js': LEAK })
    const root = makeTree({ 'src/a.js': 'const x = 1\n' })
    symlinkSync(root, join(root, 'src/loop'))
    symlinkSync(outside, join(root, 'outside-dir'))
    symlinkSync(join(outside, 'secret.js'), join(root, 'src/linked.js'))
    expect(audit(root).findings).toEqual([])
    // In a git checkout too (git lists a tracked symlink as a file).
    const repo = makeTree({ 'src/a.js': 'const x = 1\n' })
    symlinkSync(join(outside, 'secret.js'), join(repo, 'src/linked.js'))
    expect(audit(repo, true).findings).toEqual([])
  })

  it('unreadable files are listed as skipped, the audit goes on', () => {
    const root = makeTree({ 'src/locked.js': LEAK, 'src/open.js': LEAK })
    chmodSync(join(root, 'src/locked.js'), 0o000)
    const r = audit(root)
    // root can read anything; as another user the file is skipped. Either way: no crash, the rest audited.
    expect(r.findings.some((f) => f.file === 'src/open.js')).toBe(true)
    if (process.getuid?.() !== 0) expect(r.skippedFiles).toContainEqual({ file: 'src/locked.js', reason: 'unreadable' })
    chmodSync(join(root, 'src/locked.js'), 0o644)
  })

  it('file names with spaces, unicode, newlines, %, comma and colon are audited and reported verbatim', () => {
    const names = ['src/with space.js', 'src/ünï©ødé.js', 'src/new\nline.js', 'src/100%.js', 'src/a,b.js', 'src/c:d.js']
    const root = makeTree(Object.fromEntries(names.map((n) => [n, LEAK])))
    expect(audit(root).findings.map((f) => f.file).sort()).toEqual([...names].sort())
    expect(audit(makeTree(Object.fromEntries(names.map((n) => [n, LEAK]))), true).findings).toHaveLength(names.length)
  })

  it('malformed YAML, JSON, TOML and Dockerfiles never crash the audit', () => {
    const root = makeTree({
      'k8s/deploy.yaml': 'apiVersion: v1\nkind: [unclosed\n  - : :\n',
      'docker-compose.yml': 'services:\n  web:\n    image: "unterminated\n',
      '.github/workflows/ci.yml': 'on: [push\njobs: {',
      'package.json': '{ "name": "x", "scripts": { "start": }',
      'pyproject.toml': '[tool.poetry\nname = ',
      'Dockerfile': 'FROM\nRUN \\\n',
      'config/app.json': '{"a": [1, 2,',
      'src/ok.js': LEAK
    })
    const r = audit(root)
    expect(r.findings.filter((f) => f.ruleId === 'TF0301')).toHaveLength(1)
  })

  it('a YAML alias bomb in a manifest stays cheap', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)
    const root = makeTree({ 'k8s/bomb.yaml': `apiVersion: v1\nkind: ConfigMap\ndata:\n${bomb.map((l) => `  ${l}`).join('\n')}\n`, 'docker-compose.yml': `${bomb.join('\n')}\n` })
    const t0 = Date.now()
    audit(root)
    expect(Date.now() - t0).toBeLessThan(10_000)
  })

  it('200k tiny files', () => {
    const root = makeTree({})
    for (let d = 0; d < 200; d++) {
      mkdirSync(join(root, `pkg${d}`))
      for (let f = 0; f < 1000; f++) writeFileSync(join(root, `pkg${d}/f${f}.txt`), 'x')
    }
    writeFileSync(join(root, 'app.js'), LEAK)
    const r = audit(root)
    expect(r.stats.files).toBe(200_001)
    expect(r.findings.map((f) => f.file)).toEqual(['app.js'])
  }, 120_000)
})
