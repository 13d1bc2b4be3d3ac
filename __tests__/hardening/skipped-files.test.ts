// Files that are not audited are counted by reason and said once in the log, never skipped in
// silence: Git LFS pointers, files of a sparse checkout (in the index, not in the work tree),
// initialised submodules. UTF-16 text without a byte-order mark is read, not taken for binary.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { decode } from '../../src/engine/read.js'
import { runCliBundle } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'

const KEY = 'AKIA' + 'Z7Q2XW4PLM8KD3RT'
const git = (cwd: string, ...args: string[]): void => {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, stdio: 'ignore' })
}

describe('decode', () => {
  it('reads UTF-16 without a byte-order mark, little- and big-endian', () => {
    const text = 'const key = "x"\n'
    expect(decode(Buffer.from(text, 'utf16le'))).toEqual({ text, bytes: text.length * 2 })
    expect(decode(Buffer.from(text, 'utf16le').swap16())).toEqual({ text, bytes: text.length * 2 })
  })
  it('still calls a NUL-laden binary binary, and names a Git LFS pointer', () => {
    expect(decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]))).toMatchObject({ skipped: 'binary' })
    expect(decode(Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n'))).toMatchObject({ skipped: 'lfs-pointer' })
  })
})

describe('the CLI bundle says what it did not audit', () => {
  const root = makeTree({
    'src/server.js': "require('http').createServer().listen(process.env.PORT)\n",
    'data/fixtures.json': 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
    'sparse/settings.js': 'module.exports = {}\n',
    'win/config.js': Buffer.from(`module.exports = { accessKeyId: '${KEY}' }\n`, 'utf16le')
  }, { git: true })
  // An initialised submodule: git lists it as one path, a folder.
  const sub = join(root, 'vendored-lib')
  mkdirSync(sub)
  writeFileSync(join(sub, 'index.js'), 'module.exports = 1\n')
  git(sub, 'init', '-q')
  git(sub, 'add', '-A')
  git(sub, 'commit', '-q', '-m', 'x')
  git(root, 'add', 'vendored-lib')
  git(root, 'commit', '-q', '-m', 'sub')
  // Sparse checkout: in the index, not in the work tree.
  rmSync(join(root, 'sparse/settings.js'))
  git(root, 'update-index', '--skip-worktree', 'sparse/settings.js')

  const r = runCliBundle([root, '--format', 'json', '--fail-on', 'none'], root)
  const report = JSON.parse(r.stdout) as { stats: { skippedByReason: Record<string, number> }; skippedFiles: { file: string; reason: string }[]; findings: { ruleId: string; file: string }[] }

  it('counts each reason in the stats and lists the files', () => {
    expect(report.stats.skippedByReason).toEqual({ 'lfs-pointer': 1, 'not-checked-out': 1, submodule: 1 })
    expect(report.skippedFiles).toEqual(expect.arrayContaining([
      { file: 'data/fixtures.json', reason: 'lfs-pointer' },
      { file: 'sparse/settings.js', reason: 'not-checked-out' },
      { file: 'vendored-lib', reason: 'submodule' }
    ]))
  })

  it('says it once on stderr, with why', () => {
    const lines = r.stderr.split('\n').filter((l) => l.includes('not audited'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/1 × Git LFS pointers .*git lfs pull/)
    expect(lines[0]).toMatch(/sparse checkout/)
    expect(lines[0]).toMatch(/submodules/)
  })

  it('audits the UTF-16 file without a BOM (its key is found)', () => {
    expect(report.findings.some((f) => f.ruleId === 'TF0301' && f.file === 'win/config.js')).toBe(true)
  })
})
