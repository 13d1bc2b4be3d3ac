// The committed bundle against a hostile or broken GitHub edge (issue 14): an API that hangs,
// resets or answers something that is not JSON; a personal access token; a pull request past the
// files API's 3,000-file limit; a malformed or missing event file; GITHUB_REPOSITORY unset; a
// SARIF path in a missing folder; two steps of one job sharing RUNNER_TEMP. Whatever happens at the
// edge, the job summary, annotations, outputs and JSON report are written (before any publishing),
// the exit code is the gate's, and each problem is one warning naming its cause and its fix.
// Timeouts are shortened through TWELVE_FACTOR_AUDIT_API_TIMEOUT_MS / _BUDGET_MS.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AWS_KEY, fakeGitHubPerTest, pullRequestEvent, SHOP_APP, type FakeGitHub } from '../helpers/fake-github.js'
import { runActionAsync, type ActionRun } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'
import { tempDir } from '../helpers/temp.js'

const TOKEN = { 'github-token': 'ghs_fake' }
const BOTH = { ...TOKEN, 'check-run': 'true', comment: 'true' }
const MARKER = '<!-- twelve-factor-audit -->'
const COMMENTS_LIST = /^GET \/repos\/acme\/shop\/issues\/7\/comments/

const start = fakeGitHubPerTest()

function eventFile(content: string): string {
  const dir = tempDir('tfa-event-')
  writeFileSync(join(dir, 'event.json'), content)
  return join(dir, 'event.json')
}

function prEnv(api: FakeGitHub | string, event: object | string = pullRequestEvent(), limits = { timeout: 1000, budget: 10_000 }): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile(typeof event === 'string' ? event : JSON.stringify(event)),
    GITHUB_API_URL: typeof api === 'string' ? api : api.url,
    GITHUB_RUN_ID: '42',
    TWELVE_FACTOR_AUDIT_API_TIMEOUT_MS: String(limits.timeout),
    TWELVE_FACTOR_AUDIT_API_BUDGET_MS: String(limits.budget)
  }
}

const warnings = (r: ActionRun): string[] => r.stdout.split('\n').filter((l) => l.startsWith('::warning::twelve-factor-audit'))
const annotations = (r: ActionRun): string[] => r.stdout.split('\n').filter((l) => /^::(error|warning|notice) title=/.test(l))
/** The footer's duration differs in every run; links name the PR head, or GITHUB_SHA when the event file is unusable. */
const timeless = (summary: string): string => summary.replace(/ read in \d+(\.\d+)?s</g, ' read in …s<').replace(/\/blob\/[0-9a-f]{40}\//g, '/blob/<sha>/')
/** Summary text without Markdown escapes. */
const unescaped = (summary: string): string => summary.replace(/\\(?=[\\`*_{}[\]()#+\-.!|<>~])/g, '')
const call = (q: { method: string; path: string }): string => `${q.method} ${q.path}`
function report(file: string): unknown {
  const json = JSON.parse(readFileSync(file, 'utf8'))
  delete json.stats.durationMs
  return json
}

const ws = makeTree(SHOP_APP)
let plain: ActionRun

/** The run without API features: exit code, summary, outputs, annotations and JSON report must not change. */
function expectSameReport(r: ActionRun): void {
  expect(r.stdout).not.toContain('crashed')
  expect(r.stderr).toBe('')
  expect(r.status).toBe(plain.status)
  expect(timeless(r.summary)).toBe(timeless(plain.summary))
  for (const k of ['score', 'errors', 'warnings', 'notices', 'failed-factors', 'sarif-file', 'baselined']) expect([k, r.outputs[k]]).toEqual([k, plain.outputs[k]])
  expect(annotations(r)).toEqual(annotations(plain))
  expect(report(r.outputs['findings-file'])).toEqual(report(plain.outputs['findings-file']))
}

beforeAll(async () => {
  const api = await start()
  plain = await runActionAsync(ws, {}, prEnv(api))
  expect(api.requests).toEqual([])
  await api.stop()
  expect(plain.status).toBe(1) // the AWS key fails the step: every exit code below is compared on a failing run
}, 60_000)

describe('a hung or broken GitHub API costs only the publishing (item 3)', () => {
  it('the report is complete before the first request leaves; a comments endpoint that never answers costs one request timeout', async () => {
    const runner = tempDir('tfa-runner-')
    let atFirstRequest: { summary: string; outputs: string; findingsFile: boolean } | undefined
    const api = await start({
      respond: (req, n) => {
        if (n === 1) {
          const outputs = readFileSync(join(runner, 'output'), 'utf8')
          const findings = /^findings-file<<(\S+)\n(.*)\n\1$/m.exec(outputs)?.[2]
          atFirstRequest = { summary: readFileSync(join(runner, 'summary.md'), 'utf8'), outputs, findingsFile: Boolean(findings && existsSync(findings)) }
        }
        return COMMENTS_LIST.test(call(req)) ? { hang: true } : undefined
      }
    })
    const t0 = Date.now()
    const r = await runActionAsync(ws, BOTH, prEnv(api, pullRequestEvent(), { timeout: 500, budget: 10_000 }), { temp: runner })
    expect(Date.now() - t0).toBeLessThan(15_000) // not Node's 300 s header timeout, 4 times
    expectSameReport(r)
    // Written before publishing: a job cancelled while the API hangs still has its report.
    expect(atFirstRequest?.summary).toContain('## Twelve-Factor App audit')
    expect(atFirstRequest?.outputs).toMatch(/^score<</m)
    expect(atFirstRequest?.outputs).toMatch(/^failed-factors<</m)
    expect(atFirstRequest?.findingsFile).toBe(true)
    expect(atFirstRequest?.outputs).not.toMatch(/^comment-url<</m) // known only after publishing
    // The check run went out first and is linked; the comment timed out once, without a retry.
    expect(api.checkRuns.size).toBe(1)
    expect(r.outputs['check-run-ids']).toBe(String([...api.checkRuns.keys()][0]))
    expect(api.requests.filter((q) => COMMENTS_LIST.test(call(q)))).toHaveLength(1)
    expect(r.outputs['comment-url']).toBe('')
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toContain('the GitHub API did not answer in time (GET /repos/acme/shop/issues/7/comments: no complete answer within 0.5 s), so these were skipped: the pull-request comment.')
    expect(warnings(r)[0]).toContain('TWELVE_FACTOR_AUDIT_API_TIMEOUT_MS')
    expect(r.stdout).not.toContain('permissions:')
  }, 60_000)

  it('a dead API (every request hangs) is bounded by the run\'s API budget, then publishing is skipped with one warning', async () => {
    const api = await start({ respond: () => ({ hang: true }) })
    const t0 = Date.now()
    const r = await runActionAsync(ws, { ...BOTH, 'only-changed': 'true' }, prEnv(api, pullRequestEvent(), { timeout: 500, budget: 700 }))
    expect(Date.now() - t0).toBeLessThan(15_000)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(plain.status)
    expect(r.outputs.score).toBe(plain.outputs.score)
    expect(report(r.outputs['findings-file'])).toEqual(report(plain.outputs['findings-file']))
    // The PR files (500 ms), then at most the check run (with what is left of the 700 ms); the comment is never sent.
    expect(api.requests.map(call)[0]).toBe('GET /repos/acme/shop/pulls/7/files?per_page=100')
    expect(api.requests.map(call).slice(1)).toEqual(api.requests.length > 1 ? ['POST /repos/acme/shop/check-runs'] : [])
    const slow = warnings(r).filter((w) => w.includes('did not answer in time'))
    expect(slow).toHaveLength(1)
    expect(slow[0]).toContain('so these were skipped: the pull request files API, the check run, the pull-request comment.')
    expect(unescaped(r.summary)).toContain('Input `only-changed`: every finding gates, because the pull request files API failed (see the warnings)')
    expect(r.outputs['comment-url']).toBe('')
    expect(r.outputs['check-run-ids']).toBe('')
  }, 60_000)

  it('a connection reset is retried, then the comment is written', async () => {
    const api = await start({ respond: (req, _n, fake) => (COMMENTS_LIST.test(call(req)) && fake.requests.filter((q) => COMMENTS_LIST.test(call(q))).length === 1 ? { reset: true } : undefined) })
    const r = await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api))
    expectSameReport(r)
    expect(warnings(r)).toEqual([])
    expect(api.comments).toHaveLength(1)
    expect(r.outputs['comment-url']).toBe(api.comments[0].html_url)
  }, 60_000)

  it('an answer that is not JSON names the endpoint, never "Cannot use \'in\' operator", never quotes the answer (item 13)', async () => {
    const api = await start({ respond: (req) => (COMMENTS_LIST.test(call(req)) ? { status: 200, raw: '<html>Sign in to Proxy-Corp SECRET-PAGE</html>' } : undefined) })
    const r = await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api))
    expectSameReport(r)
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toContain('comment failed; the rest of the report is unaffected: GET /repos/acme/shop/issues/7/comments answered HTTP 200 with a body that is not JSON; GITHUB_API_URL')
    expect(r.stdout).not.toContain("Cannot use 'in' operator")
    expect(r.stdout).not.toContain('SECRET-PAGE')
    expect(api.requests.filter((q) => COMMENTS_LIST.test(call(q)))).toHaveLength(1) // not retried
    expect(api.writes()).toEqual([])
  }, 60_000)

  it('a check run answered 201 with a body that is not JSON is a warning, not a silent "undefined" id (item 13)', async () => {
    const api = await start({ respond: (req) => (call(req) === 'POST /repos/acme/shop/check-runs' ? { status: 201, raw: '{"id": 12' } : undefined) })
    const r = await runActionAsync(ws, { ...TOKEN, 'check-run': 'true' }, prEnv(api))
    expectSameReport(r)
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toContain('check-run failed; the rest of the report is unaffected: POST /repos/{owner}/{repo}/check-runs answered HTTP 201 with a body that is not JSON')
    expect(r.outputs['check-run-ids']).toBe('')
  }, 60_000)
})

describe('the sticky comment with a personal access token (item 7)', () => {
  it('three runs leave one comment, updated in place; a person\'s comment holding the marker is not ours', async () => {
    const api = await start({ user: { login: 'release-bot', type: 'User' } })
    api.comments.push({ id: 1, body: `${MARKER}\nI pasted this`, user: { login: 'mallory', type: 'User' }, html_url: 'https://github.com/acme/shop/pull/7#issuecomment-1' })
    const runs: ActionRun[] = []
    for (let i = 0; i < 3; i++) runs.push(await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api)))
    for (const r of runs) expectSameReport(r)
    expect(runs.flatMap(warnings)).toEqual([])
    const ours = api.comments.filter((c) => c.user.login === 'release-bot')
    expect(ours).toHaveLength(1)
    expect(api.writes().map((w) => w.method)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(api.writes().every((w) => !w.path.endsWith('/comments/1'))).toBe(true)
    expect(api.comments.find((c) => c.id === 1)?.body).toBe(`${MARKER}\nI pasted this`)
    expect(new Set(runs.map((r) => r.outputs['comment-url']))).toEqual(new Set([ours[0].html_url]))
    expect(api.requests.filter((q) => call(q) === 'GET /user')).toHaveLength(3)
  }, 60_000)
})

describe('only-changed with an incomplete file list gates on the whole audit (item 9)', () => {
  it('a pull request padded past the files API\'s 3,000-file limit cannot hide a finding', async () => {
    // src/config.js (the AWS key) is file 3,201 of 3,500: the API never lists it.
    const prFiles = Array.from({ length: 3500 }, (_, i) => ({ filename: i === 3200 ? 'src/config.js' : `pad/p${i}.txt`, status: 'added' }))
    const api = await start({ prFiles })
    const r = await runActionAsync(ws, { ...TOKEN, 'only-changed': 'true' }, prEnv(api, pullRequestEvent({ changedFiles: 3500 })))
    expect(api.requests.filter((q) => q.path.startsWith('/repos/acme/shop/pulls/7/files'))).toHaveLength(30)
    expect(r.status).toBe(1) // the gate covers every finding
    expect(r.outputs['failed-factors']).toBe(plain.outputs['failed-factors'])
    const why = 'the pull request files API listed 3,000 of the 3,500 files this pull request changes (it lists at most 3,000)'
    expect(unescaped(r.summary)).toContain(`Input \`only-changed\`: every finding gates, because ${why}.`)
    expect(r.summary).not.toContain('Gating on findings in the')
    expect(warnings(r)).toEqual([expect.stringContaining(`input 'only-changed': ${why}, so every finding gates.`)])
  }, 60_000)

  it('fewer files listed than the event\'s changed_files: every finding gates', async () => {
    const api = await start({ prFiles: [{ filename: 'README.md', status: 'modified' }] })
    const r = await runActionAsync(ws, { ...TOKEN, 'only-changed': 'true' }, prEnv(api, pullRequestEvent({ changedFiles: 4 })))
    expect(r.status).toBe(1)
    expect(unescaped(r.summary)).toContain('every finding gates, because the pull request files API listed 1 of the 4 files this pull request changes')
  }, 60_000)

  it('a complete list still narrows the gate', async () => {
    const api = await start({ prFiles: [{ filename: 'README.md', status: 'modified' }] })
    const r = await runActionAsync(ws, { ...TOKEN, 'only-changed': 'true' }, prEnv(api, pullRequestEvent({ changedFiles: 1 })))
    expect(r.status).toBe(0)
    expect(r.summary).toContain('Gating on findings in the 1 files this pull request adds or modifies')
  }, 60_000)
})

describe('a broken event file or environment never crashes the action (items 10, 13)', () => {
  it('a malformed GITHUB_EVENT_PATH with check runs and the comment on: one warning, no request, the full report', async () => {
    const api = await start()
    const r = await runActionAsync(ws, BOTH, prEnv(api, '{"pull_request": {"number": 7, "title": "EVENT-CONTENT'))
    expectSameReport(r)
    expect(api.requests).toEqual([])
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toMatch(/cannot use the triggering event: the event file GITHUB_EVENT_PATH \(\S+event\.json\) is not valid JSON, so the check run and the pull-request comment are skipped;/)
    expect(warnings(r)[0]).toContain('check that no step before this one changes GITHUB_EVENT_PATH or the file')
    expect(r.stdout).not.toContain('SyntaxError')
    expect(r.stdout).not.toContain('EVENT-CONTENT')
    expect(r.outputs['comment-url']).toBe('')
    expect(r.outputs['check-run-ids']).toBe('')
  }, 60_000)

  it('a pull_request event whose file is missing says so (not "this is \'pull_request\'")', async () => {
    const api = await start()
    const env = { ...prEnv(api), GITHUB_EVENT_PATH: join(tempDir('tfa-event-'), 'gone.json') }
    const r = await runActionAsync(ws, { ...TOKEN, comment: 'true', 'only-changed': 'true' }, env)
    expect(r.status).toBe(plain.status)
    expect(r.stdout).not.toContain("this is 'pull_request'")
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toMatch(/cannot use the triggering event: the event file GITHUB_EVENT_PATH \(\S+gone\.json\) does not exist, so the pull-request comment and the pull request files API are skipped and every finding gates;/)
    expect(unescaped(r.summary)).toMatch(/Input `only-changed`: every finding gates, because the event file GITHUB_EVENT_PATH \(\S+gone\.json\) does not exist\./)
    expect(api.requests).toEqual([])
  }, 60_000)

  it('GITHUB_REPOSITORY unset is named as such, not reported as a missing permission after a 404', async () => {
    const api = await start()
    const r = await runActionAsync(ws, BOTH, { ...prEnv(api), GITHUB_REPOSITORY: '' })
    expect(r.status).toBe(plain.status)
    expect(api.requests).toEqual([])
    expect(r.stdout).not.toContain('permissions:')
    expect(warnings(r)).toEqual([expect.stringContaining('twelve-factor-audit: GITHUB_REPOSITORY is unset, so the check run and the pull-request comment are skipped;')])
    expect(warnings(r)[0]).toContain('set GITHUB_REPOSITORY=owner/repo')
  }, 60_000)
})

describe('files the action writes (items 11, 13)', () => {
  it('a sarif-file in a folder that does not exist yet: the folder is created', async () => {
    const root = makeTree(SHOP_APP)
    const r = await runActionAsync(root, { 'sarif-file': 'reports/audit/tfa.sarif' }, {})
    expect(r.outputs['sarif-file']).toBe(join(root, 'reports/audit/tfa.sarif'))
    expect(JSON.parse(readFileSync(join(root, 'reports/audit/tfa.sarif'), 'utf8')).version).toBe('2.1.0')
    expect(r.status).toBe(plain.status)
  }, 60_000)

  it('a sarif-file that cannot be written is a warning: summary, outputs and JSON report still written, exit code the gate\'s', async () => {
    const root = makeTree(SHOP_APP)
    const r = await runActionAsync(root, { 'sarif-file': 'package.json/tfa.sarif' }, {})
    expect(r.status).toBe(plain.status)
    expect(r.summary).toContain('## Twelve-Factor App audit')
    expect(r.outputs.score).toBe(plain.outputs.score)
    expect(r.outputs['sarif-file']).toBe('')
    expect(existsSync(r.outputs['findings-file'])).toBe(true)
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toMatch(/input 'sarif-file': cannot write \S+package\.json\/tfa\.sarif \((EEXIST|ENOTDIR)\); no SARIF file was written/)
    expect(r.stdout).not.toContain('"name": "shop"') // nothing of the file in the way is quoted
    const failures = (x: ActionRun): string[] => x.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    expect(failures(r)).toEqual(failures(plain)) // the gate's failure, not the SARIF's
  }, 60_000)

  it('two steps of one job sharing RUNNER_TEMP write two findings files', async () => {
    const shared = tempDir('tfa-runner-temp-')
    const other = makeTree({ 'src/server.js': 'require("http").createServer().listen(process.env.PORT)\n' })
    const a = await runActionAsync(ws, {}, { RUNNER_TEMP: shared, GITHUB_ACTION: 'audit-api' })
    const b = await runActionAsync(other, {}, { RUNNER_TEMP: shared, GITHUB_ACTION: 'audit-web' })
    const again = await runActionAsync(other, {}, { RUNNER_TEMP: shared, GITHUB_ACTION: 'audit-web' })
    const files = [a, b, again].map((r) => r.outputs['findings-file'])
    expect(new Set(files).size).toBe(3)
    for (const f of files) expect(f.startsWith(join(shared, 'twelve-factor-audit-'))).toBe(true)
    expect(files[0]).toMatch(/twelve-factor-audit-audit-api-[0-9a-f]+\.json$/)
    expect(report(files[0])).toEqual(report(plain.outputs['findings-file']))
    expect(JSON.stringify(report(files[1]))).not.toContain('src/config.js')
    expect(readFileSync(files[0], 'utf8')).not.toContain(AWS_KEY)
  }, 60_000)
})
