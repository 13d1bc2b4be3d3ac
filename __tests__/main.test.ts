// The action's run() in-process, with the test rule and a fake GitHub API, as the runner calls it:
// INPUT_* variables, a pull_request event file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
// (The committed-bundle tests in __tests__/dist/ cover the same paths with the real rule set.)
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../src/main.js'
import { DEFAULT_RETRY } from '../src/github/octokit.js'
import { fakeRule } from './helpers/fake-rule.js'
import { FakeGitHub, pullRequestEvent, type FakeGitHubOptions } from './helpers/fake-github.js'
import { parseOutputs } from './helpers/run-action.js'
import { makeTree } from './helpers/tree.js'
import { tempDir } from './helpers/temp.js'

const token = (i: number): string => `Tk${String(i).padStart(4, '0')}abcdefghijkl`
const BIG_APP = { 'src/app.js': Array.from({ length: 120 }, (_, i) => `const HARDCODED_TOKEN = "${token(i)}"`).join('\n') + '\n', 'README.md': '# shop\n' }

// @actions/core caches the summary path on first use, so one runner folder serves every test.
const runner = tempDir('tfa-main-')
const summaryFile = join(runner, 'summary.md')
const outputFile = join(runner, 'output')
const eventFile = join(runner, 'event.json')
const saved = { ...process.env }
let server: FakeGitHub | undefined

beforeAll(() => {
  process.env.GITHUB_STEP_SUMMARY = summaryFile
})
afterAll(() => {
  process.env = saved
})
afterEach(async () => {
  await server?.stop()
  server = undefined
})

async function action(workspace: string, inputs: Record<string, string>, options: { event?: object; github?: FakeGitHubOptions; reuse?: FakeGitHub } = {}) {
  writeFileSync(summaryFile, '')
  writeFileSync(outputFile, '')
  writeFileSync(eventFile, JSON.stringify(options.event ?? pullRequestEvent()))
  if (!options.reuse) {
    await server?.stop()
    server = new FakeGitHub(options.github)
    await server.start()
  }
  const api = options.reuse ?? server!
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k]
  Object.assign(process.env, {
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '42',
    RUNNER_TEMP: runner,
    'INPUT_GITHUB-TOKEN': 'ghs_test'
  })
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v
  let stdout = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  })
  try {
    await run(process.env, { rules: [fakeRule], retry: { ...DEFAULT_RETRY, sleep: async () => undefined } })
  } finally {
    spy.mockRestore()
  }
  const exitCode = process.exitCode
  process.exitCode = 0
  return { stdout, exitCode, summary: readFileSync(summaryFile, 'utf8'), outputs: parseOutputs(readFileSync(outputFile, 'utf8')), api }
}

describe('action run()', () => {
  it('caps annotations at 10 per severity, says where the rest are, and batches the check run 50 per request', async () => {
    const r = await action(makeTree(BIG_APP), { 'check-run': 'true' })
    expect(r.stdout.match(/^::error /gm)).toHaveLength(10)
    expect(r.stdout).toContain('110 more annotations were not shown inline')
    expect(r.summary).toContain('110 more annotations were not shown inline')
    expect(r.summary).toContain('the check run "Twelve-Factor Audit"')
    const writes = r.api.writes()
    expect(writes.map((w) => w.method)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(writes.map((w) => w.body.output.annotations.length)).toEqual([50, 50, 20])
    expect(writes[0].body).toMatchObject({ name: 'Twelve-Factor Audit', conclusion: 'failure', head_sha: 'feedfacefeedfacefeedfacefeedfacefeedface' })
    expect(writes[0].body.output.summary.length).toBeLessThanOrEqual(65535)
    expect(r.outputs['check-run-ids']).toMatch(/^\d+$/)
    expect(r.exitCode).toBe(1)
    expect(r.stdout).not.toContain(token(0)) // redacted everywhere
    expect(JSON.stringify(writes)).not.toContain(token(0))
  })

  it('per-factor: one check run per applicable factor with its own conclusion', async () => {
    const r = await action(makeTree(BIG_APP), { 'check-run': 'per-factor' })
    const creates = r.api.writes().filter((w) => w.method === 'POST')
    expect(creates.map((w) => w.body.name)).toEqual(['Twelve-Factor / III Config'])
    expect(creates[0].body.conclusion).toBe('failure')
  })

  it('comments once and updates the same comment on the next run, reporting progress', async () => {
    const first = await action(makeTree(BIG_APP), { comment: 'true' })
    expect(first.outputs['comment-url']).toMatch(/^https:\/\/github\.com\/acme\/shop\/pull\/7#issuecomment-\d+$/)
    const api = first.api
    expect(api.comments).toHaveLength(1)
    expect(api.comments[0].body).toContain('<!-- twelve-factor-audit -->')
    expect(api.comments[0].body).toContain('First: prevent secret exposure and data loss')
    expect(api.comments[0].body).toContain('https://github.com/acme/shop/blob/feedfacefeedfacefeedfacefeedfacefeedface/src/app.js#L1')

    const second = await action(makeTree({ 'src/app.js': 'const port = process.env.PORT\n' }), { comment: 'true' }, { reuse: api })
    expect(api.comments).toHaveLength(1)
    expect(api.writes().map((w) => w.method)).toEqual(['POST', 'PATCH'])
    expect(api.comments[0].body).toContain('No open findings')
    expect(api.comments[0].body).toMatch(/Since the last run: score 0 → 100, errors 120 → 0/)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    expect(second.exitCode).toBe(0)
  })

  it('on-failure does not post on a passing run', async () => {
    const r = await action(makeTree({ 'a.js': '' }), { comment: 'on-failure' })
    expect(r.api.writes()).toEqual([])
    expect(r.outputs['comment-url']).toBe('')
  })

  it('a read-only token (403) is one warning with the permissions block; report, outputs and exit code unchanged', async () => {
    const r = await action(makeTree(BIG_APP), { 'check-run': 'true', comment: 'true' }, { github: { denyWrites: 403 } })
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning::twelve-factor-audit could not'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('permissions:%0A  contents: read%0A  checks: write%0A  pull-requests: write')
    expect(r.exitCode).toBe(1)
    expect(r.summary).toContain('## Twelve-Factor App audit')
    expect(r.outputs).toMatchObject({ errors: '120', 'comment-url': '', 'check-run-ids': '' })
  })

  it('only-changed gates on the PR files only; the counts still cover every finding', async () => {
    const r = await action(makeTree(BIG_APP), { 'only-changed': 'true' }, { github: { prFiles: [{ filename: 'README.md', status: 'modified' }] } })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.errors).toBe('120')
    expect(r.summary).toContain('Gating on findings in the 1 files this pull request adds or modifies (from the pull request files API)')
    const changed = await action(makeTree(BIG_APP), { 'only-changed': 'true' }, { github: { prFiles: [{ filename: 'src/app.js', status: 'added' }] } })
    expect(changed.exitCode).toBe(1)
  })

  it('only-changed falls back to git diff against the PR base when the files API is denied', async () => {
    const root = makeTree(BIG_APP, { git: true })
    const base = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    writeFileSync(join(root, 'src/new.js'), 'const ok = process.env.TOKEN\n')
    const r = await action(root, { 'only-changed': 'true' }, { github: { denyAll: 403 }, event: pullRequestEvent({ baseSha: base }) })
    expect(r.exitCode).toBe(0) // the 120 findings are in a file the PR did not touch
    expect(r.summary).toContain('(from git diff against the pull request base)')
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning::'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("list the pull request's files (HTTP 403")
    expect(warnings[0]).toContain('pull-requests: read')
  })

  it('baseline: known findings are baselined (output), not annotated, not gating; sarif-file is written', async () => {
    const root = makeTree(BIG_APP)
    const first = await action(root, { 'sarif-file': 'out/../results.sarif' })
    const findings = JSON.parse(readFileSync(first.outputs['findings-file'], 'utf8')).findings
    writeFileSync(join(root, 'baseline.json'), JSON.stringify({ version: 1, tool: 'twelve-factor-audit', createdAt: '', findings }))
    const r = await action(root, { baseline: 'baseline.json', 'sarif-file': 'results.sarif' })
    expect(r.outputs.baselined).toBe('120')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).not.toMatch(/^::error /m)
    expect(r.summary).toContain('120 baselined findings')
    expect(r.outputs['sarif-file']).toBe(join(root, 'results.sarif'))
    expect(JSON.parse(readFileSync(join(root, 'results.sarif'), 'utf8')).runs[0].results).toHaveLength(120)
  })

  it('a bad reporting input fails the step naming the input and the accepted values', async () => {
    const r = await action(makeTree({ 'a.js': '' }), { 'check-run': 'yes' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain("::error::input 'check-run' must be one of false, true, per-factor")
  })
})
