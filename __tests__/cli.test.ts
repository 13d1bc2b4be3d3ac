import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, type CliIo } from '../src/cli/main.js'
import { fakeRepoRule, fakeRule } from './helpers/fake-rule.js'
import { makeTree } from './helpers/tree.js'

const SECRET = 'Zq8vK2mP9xL4tR7w'
const APP = {
  'src/app.js': `const HARDCODED_TOKEN = "${SECRET}"\n`,
  'src/ok.js': 'const port = process.env.PORT || 3000\n',
  'test/app.test.js': `const HARDCODED_TOKEN = "${SECRET}"\n`
}

function cli(args: string[], cwd: string, extra: Partial<CliIo> = {}) {
  let stdout = ''
  let stderr = ''
  const code = runCli(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTty: false,
    cwd,
    env: {},
    rules: [fakeRule, fakeRepoRule],
    ...extra
  })
  return { code, stdout, stderr }
}

describe('cli', () => {
  it('exits 1 over the threshold and prints findings grouped by factor', () => {
    const root = makeTree(APP)
    const r = cli(['.'], root)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('III Config (fail: 1 error')
    expect(r.stdout).toContain('src/app.js:1:7')
    expect(r.stdout).toContain('[TF0399]')
    expect(r.stdout).not.toContain(SECRET)
    expect(r.stdout).not.toContain('test/app.test.js') // a test fixture is not the app
    expect(r.stdout).not.toContain('\u001b[') // no colour when not a TTY
  })

  it('colours only on a TTY and honours NO_COLOR', () => {
    const root = makeTree(APP)
    expect(cli([root], '/', { isTty: true }).stdout).toContain('\u001b[31m')
    expect(cli([root], '/', { isTty: true, env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[')
  })

  it('exits 0 under the threshold', () => {
    const root = makeTree(APP)
    expect(cli([root, '--fail-on', 'none'], '/').code).toBe(0)
    expect(cli([root, '--factors', 'I,II'], '/').code).toBe(0)
  })

  it('prints the JSON contract', () => {
    const root = makeTree(APP)
    const r = cli([root, '--format', 'json'], '/')
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['version', 'root', 'score', 'factors', 'findings', 'suppressed', 'stats']))
    expect(report.factors).toHaveLength(12)
    expect(report.findings).toHaveLength(2)
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['TF0198', 'TF0399'])
    expect(report.factors.find((f: { factor: string }) => f.factor === 'III')).toMatchObject({ status: 'fail', errors: 1, rulesRun: 1 })
    expect(report.factors.find((f: { factor: string }) => f.factor === 'I')).toMatchObject({ status: 'pass', notices: 1 })
    expect(report.factors.find((f: { factor: string }) => f.factor === 'XI').status).toBe('not-applicable')
    expect(report.stats).toEqual({ files: 3, bytes: expect.any(Number), skipped: 0, skippedByReason: {}, durationMs: expect.any(Number), workers: 0 })
    expect(r.stdout).not.toContain(SECRET)
  })

  it('writes markdown to --output and still exits by the threshold', () => {
    const root = makeTree(APP)
    const r = cli([root, '--format', 'markdown', '--output', join(root, 'report.md')], '/')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('Twelve-factor audit failed: 1 finding at or above')
    const md = readFileSync(join(root, 'report.md'), 'utf8')
    expect(md).toContain('| ❌ | [III Config](https://12factor.net/config) | fail | 1 | 0 | 0 |')
  })

  it('reads .twelve-factor.yml: rule severity override and excludes', () => {
    const root = makeTree({ ...APP, '.twelve-factor.yml': 'rules:\n  TF0399: warning\n' })
    expect(cli([root], '/').code).toBe(0)
    const excluded = makeTree({ ...APP, '.twelve-factor.yml': 'exclude: [src/app.js]\n' })
    expect(cli([excluded], '/').stdout).not.toContain('src/app.js')
  })

  const usage: [string[], RegExp][] = [
    [['--format', 'xml'], /--format must be one of text, json, markdown, sarif, got 'xml'/],
    [['--fail-on', 'high'], /--fail-on must be one of error, warning, notice, none/],
    [['--factors', 'III,XIV'], /--factors: 'XIV' is not a factor/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['a', 'b'], /expected at most one PATH/],
    [['does-not-exist'], /PATH is not a folder/],
    [['--config', 'nope.yml'], /config: file not found/]
  ]
  for (const [args, message] of usage) {
    it(`exits 2 on ${args.join(' ')}`, () => {
      const r = cli(args, makeTree(APP))
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stdout).toBe('')
    })
  }

  it('exits 2 on a bad config file, naming the key', () => {
    const r = cli(['.'], makeTree({ ...APP, '.twelve-factor.yml': 'rules:\n  TF0399: loud\n' }))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("'rules.TF0399' must be one of off, error, warning, notice")
  })

  it('--help and --version', () => {
    expect(cli(['--help'], '/').stdout).toContain('Usage: twelve-factor-audit')
    expect(cli(['--version'], '/').stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('engine-level rule TF0001', () => {
  it('can be turned off in the config like any rule', () => {
    const files = { 'src/app.js': `// twelve-factor-ignore TF0399\nconst HARDCODED_TOKEN = "${SECRET}"\n` }
    const on = JSON.parse(cli(['.', '--format', 'json'], makeTree(files)).stdout)
    expect(on.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('TF0001')
    const off = JSON.parse(cli(['.', '--format', 'json'], makeTree({ ...files, '.twelve-factor.yml': 'rules:\n  TF0001: off\n' })).stdout)
    expect(off.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('TF0001')
    expect(off.suppressed).toHaveLength(1)
  })
})
