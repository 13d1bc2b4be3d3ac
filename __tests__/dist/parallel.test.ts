// The worker pool through the committed CLI bundle, as users run it: the same tree audited on one
// thread and on two workers must give the same report, byte for byte apart from timing.
import { describe, expect, it } from '@jest/globals'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { runAction, runCliBundle } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp.js'

// Every sample app (all four rule groups, five languages, repository rules that merge facts).
const root = tempDir('tfa-parallel-')
cpSync(join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'apps'), root, { recursive: true })

const audit = (jobs: string): { stats: Record<string, number>; [k: string]: unknown } => {
  const r = runCliBundle([root, '--format', 'json', '--fail-on', 'none', '--jobs', jobs], root)
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return JSON.parse(r.stdout)
}

describe('dist/cli/index.js --jobs', () => {
  it('the main thread plus two workers give the same report as one thread', () => {
    const one = audit('1')
    const two = audit('3')
    expect(one.stats.workers).toBe(0)
    expect(two.stats.workers).toBe(2)
    for (const r of [one, two]) {
      delete (r.stats as Record<string, unknown>).durationMs
      delete (r.stats as Record<string, unknown>).workers
    }
    expect((one.findings as unknown[]).length).toBeGreaterThan(50)
    expect(two).toEqual(one)
  })

  it('the action bundle serves workers too: input jobs 3 gives the same summary, outputs and report as jobs 1', () => {
    const one = runAction(root, { jobs: '1', 'fail-on': 'none' })
    const three = runAction(root, { jobs: '3', 'fail-on': 'none' })
    expect(three.status).toBe(0)
    const report = (r: typeof one) => JSON.parse(readFileSync(r.outputs['findings-file'], 'utf8'))
    expect(report(one).stats.workers).toBe(0)
    expect(report(three).stats.workers).toBe(2)
    const timeless = (r: typeof one) => {
      const json = report(r)
      delete json.stats.durationMs
      delete json.stats.workers
      return json
    }
    expect(timeless(three)).toEqual(timeless(one))
    const untimed = (summary: string) => summary.replace(/ read in [\d.]+s/, '')
    expect(untimed(three.summary)).toBe(untimed(one.summary))
    expect({ ...three.outputs, 'findings-file': '' }).toEqual({ ...one.outputs, 'findings-file': '' })
  })

  it("rejects a bad jobs value in the action too, naming the input", () => {
    const r = runAction(root, { jobs: '0' })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain("::error::input 'jobs' must be a whole number from 1 to 64, got '0'")
  })

  it('rejects a bad --jobs value, naming the accepted range', () => {
    const r = runCliBundle([root, '--jobs', 'many'], root)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("--jobs must be a whole number from 1 to 64, got 'many'")
  })
})
