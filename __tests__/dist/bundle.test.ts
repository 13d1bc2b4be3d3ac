// Smoke tests of the committed bundles: ncc can exit 0 and still ship a broken ESM bundle.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ACTION, CLI, runAction, runCliBundle } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'

describe('committed dist/', () => {
  it('has no webpackMissingModule stubs', () => {
    expect(readFileSync(ACTION, 'utf8')).not.toContain('webpackMissingModule')
    expect(readFileSync(CLI, 'utf8')).not.toContain('webpackMissingModule')
  })

  it('the CLI bundle runs: --version, and an audit of an empty folder passes', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
    expect(runCliBundle(['--version'], '/').stdout.trim()).toBe(pkg.version)
    const r = runCliBundle(['.', '--format', 'json'], makeTree({ 'README.md': '# hi\n' }))
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).factors).toHaveLength(12)
  })

  it('the action bundle fails the step with a clear message on a bad input', () => {
    const r = runAction(makeTree({ 'a.js': '' }), { 'fail-on': 'sometimes' })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain("::error::input 'fail-on' must be one of error, warning, notice, none, found string \"sometimes\"")
  })

  it('the action bundle audits an empty repository and sets every output', () => {
    const r = runAction(makeTree({ 'README.md': '# hi\n' }), {})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(Object.keys(r.outputs).sort()).toEqual(['baselined', 'check-run-ids', 'comment-url', 'errors', 'failed-factors', 'findings-file', 'notices', 'sarif-file', 'score', 'warnings'])
    expect(r.outputs.score).toBe('100')
    expect(r.summary).toContain('## Twelve-Factor App audit')
  })
})
