import { describe, expect, it } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { discover, isBinaryName, PathFilter } from '../../src/engine/discovery.js'
import { makeTree } from '../helpers/tree.js'

const TREE = {
  '.gitignore': 'secret-build/\n*.log\n',
  'src/app.js': 'x',
  'src/app.log': 'x',
  'secret-build/out.js': 'x',
  'node_modules/dep/index.js': 'x',
  'packages/a/node_modules/b/index.js': 'x',
  'vendor/lib.rb': 'x',
  'docs/readme.md': 'x',
  'lib/nested/.gitignore': 'local.txt\n',
  'lib/nested/local.txt': 'x',
  'lib/nested/kept.txt': 'x'
}
const EXPECTED = ['.gitignore', 'docs/readme.md', 'lib/nested/.gitignore', 'lib/nested/kept.txt', 'src/app.js']

describe('discovery', () => {
  it('walks without git, honouring nested .gitignore files and default excludes', () => {
    const root = makeTree(TREE)
    const d = discover({ root, include: [], exclude: [], useGit: false })
    expect(d.source).toBe('walk')
    expect(d.files).toEqual(EXPECTED)
    expect(d.git.isRepo).toBe(false)
  })

  it('never walks into excluded or ignored folders', () => {
    const root = makeTree(TREE)
    const d = discover({ root, include: [], exclude: [], useGit: false })
    // root, src, docs, lib, lib/nested, packages, packages/a: node_modules, vendor, secret-build unvisited
    expect(d.dirsVisited).toBe(7)
    const pruned = discover({ root, include: [], exclude: ['packages', 'docs/**'], useGit: false })
    expect(pruned.dirsVisited).toBe(4) // root, src, lib, lib/nested
    expect(pruned.files).not.toContain('docs/readme.md')
  })

  it('asks git in a checkout: tracked and untracked-not-ignored files', () => {
    const root = makeTree(TREE, { git: true })
    const d = discover({ root, include: [], exclude: [] })
    expect(d.source).toBe('git')
    expect(d.git.isRepo).toBe(true)
    expect(d.files).toEqual(EXPECTED)
  })

  it('applies include and exclude globs in the @actions/glob dialect', () => {
    const root = makeTree(TREE)
    expect(discover({ root, include: ['src/**'], exclude: [], useGit: false }).files).toEqual(['src/app.js'])
    expect(discover({ root, include: ['**/*.txt', '!lib/nested/kept.txt'], exclude: [], useGit: false }).files).toEqual([])
    expect(discover({ root, include: [], exclude: ['lib'], useGit: false }).files).toEqual(['.gitignore', 'docs/readme.md', 'src/app.js'])
  })

  it('does not follow symlinks (loops, links out of the workspace)', () => {
    const root = makeTree({ 'a/file.js': 'x' })
    symlinkSync(root, join(root, 'a/loop'))
    symlinkSync('/etc', join(root, 'outside'))
    expect(discover({ root, include: [], exclude: [], useGit: false }).files).toEqual(['a/file.js'])
  })

  it('recognises binaries and bundles by name', () => {
    expect(isBinaryName('img/logo.PNG')).toBe(true)
    expect(isBinaryName('public/app.min.js')).toBe(true)
    expect(isBinaryName('src/app.js')).toBe(false)
  })

  it('a folder pattern covers its contents', () => {
    const f = new PathFilter([], ['generated'])
    expect(f.accepts('generated/x/y.js')).toBe(false)
    expect(f.accepts('src/generated.js')).toBe(true)
  })
})
