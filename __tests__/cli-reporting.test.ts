import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../src/cli/main.js'
import { fakeRule } from './helpers/fake-rule.js'
import { makeTree } from './helpers/tree.js'

const T1 = 'const HARDCODED_TOKEN = "Zq8vK2mP9xL4tR7w"'
const T2 = 'const HARDCODED_TOKEN = "Yx7uJ1lO8wK3sQ6v"'

function cli(args: string[], cwd: string) {
  let stdout = ''
  let stderr = ''
  const code = runCli(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false, cwd, env: {}, rules: [fakeRule] })
  return { code, stdout, stderr }
}

const git = (cwd: string, ...args: string[]): void => {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, stdio: 'ignore' })
}

describe('cli: sarif, baseline, changed-since', () => {
  it('--format sarif prints SARIF 2.1.0 with repo-relative paths from a subfolder', () => {
    const root = makeTree({ 'api/src/a.js': `${T1}\n` }, { git: true })
    const r = cli(['api', '--format', 'sarif'], root)
    expect(r.code).toBe(1)
    const log = JSON.parse(r.stdout)
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('api/src/a.js')
  })

  it('--write-baseline records findings (and passes), --baseline then gates only on new ones', () => {
    const root = makeTree({ 'src/a.js': `${T1}\n` })
    const written = cli(['.', '--write-baseline', 'tfa-baseline.json'], root)
    expect(written.code).toBe(0)
    expect(written.stderr).toContain('wrote 1 findings to tfa-baseline.json')
    expect(JSON.parse(readFileSync(join(root, 'tfa-baseline.json'), 'utf8')).findings[0].ruleId).toBe('TF0399')

    writeFileSync(join(root, 'src/a.js'), `// moved down\n\n${T1}\n`)
    const same = cli(['.', '--baseline', 'tfa-baseline.json', '--format', 'json'], root)
    expect(same.code).toBe(0)
    expect(JSON.parse(same.stdout).findings[0]).toMatchObject({ line: 3, baselined: true })

    writeFileSync(join(root, 'src/b.js'), `${T2}\n`)
    const added = cli(['.', '--baseline', 'tfa-baseline.json'], root)
    expect(added.code).toBe(1)
    expect(added.stdout).toContain('src/b.js:1:7')
    expect(added.stdout).toContain('(baselined)')
    expect(added.stdout).toContain('1 finding baselined (shown, not counted, not gating)')
  })

  it('--baseline with a missing or bad file exits 2 naming the flag', () => {
    const root = makeTree({ 'src/a.js': `${T1}\n`, 'bad.json': '[]' })
    expect(cli(['.', '--baseline', 'nope.json'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('--baseline: cannot read nope.json') })
    expect(cli(['.', '--baseline', 'bad.json'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('--baseline: not a twelve-factor-audit baseline') })
  })

  it('--changed-since gates only on files changed since the merge base (committed, uncommitted or untracked)', () => {
    const root = makeTree({ 'src/old.js': `${T1}\n` }, { git: true })
    git(root, 'branch', '-M', 'main')
    git(root, 'checkout', '-q', '-b', 'feature')
    expect(cli(['.', '--changed-since', 'main'], root).code).toBe(0) // the old finding is not in the diff
    expect(cli(['.'], root).code).toBe(1)

    writeFileSync(join(root, 'src/new.js'), `${T2}\n`) // untracked
    const r = cli(['.', '--changed-since', 'main'], root)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('(changed files only)')
    git(root, 'add', '-A')
    git(root, 'commit', '-q', '-m', 'new')
    expect(cli(['.', '--changed-since', 'main'], root).code).toBe(1)
  })

  it('--changed-since with an unknown ref exits 2 with a hint', () => {
    const root = makeTree({ 'a.js': '' }, { git: true })
    const r = cli(['.', '--changed-since', 'nope'], root)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--changed-since: cannot find the merge base of 'nope' and HEAD")
  })
})
