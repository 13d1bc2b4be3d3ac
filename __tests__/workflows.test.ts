// The project's own workflows parse, pin their actions, declare permissions, and the self-audit
// really uses this checkout's action. (actionlint is not installable here; this is the fallback.)
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'

const DIR = '.github/workflows'
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f))

describe('.github/workflows', () => {
  it('has test, check-dist and self-audit', () => {
    expect(files.sort()).toEqual(['check-dist.yml', 'self-audit.yml', 'test.yml'])
  })
  for (const file of files) {
    it(`${file} is a valid workflow`, () => {
      const wf = parse(readFileSync(`${DIR}/${file}`, 'utf8'))
      expect(wf.on).toBeDefined()
      expect(wf.permissions).toEqual({ contents: 'read' })
      for (const [id, job] of Object.entries<{ 'runs-on': string; steps: Record<string, unknown>[] }>(wf.jobs)) {
        expect(job['runs-on']).toBe('ubuntu-latest')
        expect(job.steps.length).toBeGreaterThan(0)
        for (const step of job.steps) {
          expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true)
          if (typeof step.uses === 'string' && !step.uses.startsWith('./')) expect(step.uses).toMatch(/^[\w-]+\/[\w./-]+@v\d+$/)
        }
        expect(id).toMatch(/^[a-z-]+$/)
      }
    })
  }
  it('the self-audit runs this checkout (uses: ./) with inputs that action.yml declares', () => {
    const wf = parse(readFileSync(`${DIR}/self-audit.yml`, 'utf8'))
    const action = parse(readFileSync('action.yml', 'utf8'))
    const steps = Object.values<{ steps: { uses?: string; with?: Record<string, unknown> }[] }>(wf.jobs).flatMap((j) => j.steps)
    const own = steps.filter((s) => s.uses === './')
    expect(own.length).toBeGreaterThanOrEqual(2)
    for (const s of own) for (const input of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs)).toContain(input)
  })
})
