// A gate that audits no file or no rule passes on nothing (score 100, exit 0). Selecting nothing is
// a configuration error: exit 2 from the CLI, a failed step from the action, naming the input.
import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction, runCliBundle } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'

const APP = {
  'server.js': "const app = require('express')()\napp.listen(process.env.PORT)\n",
  'package.json': '{ "name": "shop", "dependencies": { "express": "4.19.2" } }\n'
}

describe('the CLI bundle refuses an audit that selects nothing', () => {
  const root = makeTree(APP, { git: true })
  const cli = (...args: string[]): ReturnType<typeof runCliBundle> => runCliBundle([root, '--format', 'json', ...args], root)

  it.each([
    ['an unclosed bracket', '[', /'include' selected no file: '\['/],
    ['a regular expression', '.*\\.js$', /not regular expressions/],
    ['a path that is not there', 'src/**/*.py', /'src\/\*\*\/\*\.py' matched nothing/]
  ])('--include with %s: exit 2, naming the pattern', (_name, pattern, message) => {
    const r = cli('--include', pattern)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })

  it('a leading / anchors at the audited folder: /server.js audits server.js', () => {
    const r = cli('--include', '/server.js', '--fail-on', 'none')
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as { stats: { files: number } }).stats.files).toBe(1)
  })

  it('a pattern that matches nothing beside one that matches is a warning naming it', () => {
    const r = cli('--include', 'server.js', '--include', 'lib/**', '--fail-on', 'none')
    expect(r.status).toBe(0)
    expect(r.stderr).toContain("include pattern 'lib/**' matched no file")
  })

  it('an exclude that removes every file: exit 2', () => {
    const r = cli('--exclude', '**')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/left no file to audit/)
  })

  it('--factors that names no factor: exit 2', () => {
    const r = cli('--factors', ',')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--factors: names no factor/)
  })

  it('a config with factors: [] or every rule off: exit 2, naming the setting', () => {
    const empty = join(root, 'empty-factors.yml')
    writeFileSync(empty, 'factors: []\n')
    const r = cli('--config', empty)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/'factors': names no factor/)
    const off = join(root, 'vii-off.yml')
    writeFileSync(off, 'factors: [VII]\nrules:\n  TF0701: off\n  TF0702: off\n  TF0703: off\n')
    const r2 = cli('--config', off)
    expect(r2.status).toBe(2)
    expect(r2.stderr).toMatch(/no rule to run: every rule of factors VII is turned off/)
  })
})

describe('the action bundle fails the step when nothing is selected', () => {
  it.each([
    ['factors: ","', { factors: ',' }, /input 'factors': names no factor/],
    ['include: "["', { include: '[' }, /'include' selected no file: '\['/]
  ])('%s', (_name, inputs, message) => {
    const ws = makeTree(APP, { git: true })
    const r = runAction(ws, inputs)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(message)
    expect(r.outputs.score).toBeUndefined()
  })
})
