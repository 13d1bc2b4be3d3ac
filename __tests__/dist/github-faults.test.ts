// The committed bundle against a faulty GitHub API: 5xx, missing permissions, a comment deleted
// under its feet, rate limits within and beyond the wait bound, and no API at all. Whatever the API
// does, the audit result, the job summary, the outputs and the exit code are those of a run that
// does not talk to the API; only the comment/check-run outputs and one warning per problem differ.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fakeGitHubPerTest, pullRequestEvent, SHOP_APP } from '../helpers/fake-github.js'
import { runActionAsync, type ActionRun } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'
import { tempDir } from '../helpers/temp.js'

const TOKEN = { 'github-token': 'ghs_fake' }
const BOTH = { ...TOKEN, 'check-run': 'true', comment: 'true' }
const BOT = { login: 'github-actions[bot]', type: 'Bot' }

const start = fakeGitHubPerTest()

function prEnv(apiUrl: string): Record<string, string> {
  const dir = tempDir('tfa-event-')
  writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent()))
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_API_URL: apiUrl, GITHUB_RUN_ID: '42' }
}

const warnings = (r: ActionRun): string[] => r.stdout.split('\n').filter((l) => l.startsWith('::warning::twelve-factor-audit'))
const annotations = (r: ActionRun): string[] => r.stdout.split('\n').filter((l) => /^::(error|warning|notice) title=/.test(l))
function report(r: ActionRun): unknown {
  const json = JSON.parse(readFileSync(r.outputs['findings-file'], 'utf8'))
  delete json.stats.durationMs
  return json
}

/** The summary's footer gives the audit's duration, which no two runs share. */
const timeless = (summary: string): string => summary.replace(/ read in \d+(\.\d+)?s</g, ' read in …s<')

const ws = makeTree(SHOP_APP)
let plain: ActionRun

/** Same result as the run without API features: exit code, summary, outputs, annotations, JSON report. */
function expectSameReport(r: ActionRun): void {
  expect(r.status).toBe(plain.status)
  expect(timeless(r.summary)).toBe(timeless(plain.summary))
  for (const k of ['score', 'errors', 'warnings', 'notices', 'failed-factors', 'sarif-file', 'baselined']) expect([k, r.outputs[k]]).toEqual([k, plain.outputs[k]])
  expect(annotations(r)).toEqual(annotations(plain))
  expect(report(r)).toEqual(report(plain))
  expect(r.stderr).toBe('')
}

beforeAll(async () => {
  const api = await start()
  plain = await runActionAsync(ws, {}, prEnv(api.url))
  expect(api.requests).toEqual([]) // no API feature asked for, no request
  await api.stop()
  expect(plain.status).toBe(1) // the AWS key fails the step: exit codes are compared on a failing run
  expect(Number(plain.outputs.errors)).toBeGreaterThan(0)
}, 60_000)

describe('bundle against a faulty GitHub API', () => {
  it('500 and 502 are retried, then the comment and check run are written, without a warning', async () => {
    const api = await start({ respond: (_req, n) => (n === 1 ? { status: 500 } : n === 2 ? { status: 502 } : undefined) })
    const r = await runActionAsync(ws, BOTH, prEnv(api.url))
    expectSameReport(r)
    expect(warnings(r)).toEqual([])
    expect(api.requests[0]).toEqual(api.requests[2]) // the same request, retried
    expect(api.checkRuns.size).toBe(1)
    expect(api.comments).toHaveLength(1)
    expect(r.outputs['check-run-ids']).toBe(String([...api.checkRuns.keys()][0]))
    expect(r.outputs['comment-url']).toBe(api.comments[0].html_url)
  }, 60_000)

  it('403 everywhere (a read-only token) is one warning with the permissions block', async () => {
    const api = await start({ denyAll: 403 })
    const r = await runActionAsync(ws, BOTH, prEnv(api.url))
    expectSameReport(r)
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toContain('could not create the check run (HTTP 403')
    expect(warnings(r)[0]).toContain('write the pull-request comment (HTTP 403')
    expect(warnings(r)[0]).toContain('permissions:%0A  contents: read%0A  checks: write%0A  pull-requests: write')
    expect(r.outputs['comment-url']).toBe('')
    expect(r.outputs['check-run-ids']).toBe('')
    // check run, GET /user (403 as for any GITHUB_TOKEN: comments by bots are ours), comments: a plain 403 is not retried
    expect(api.requests.map((q) => `${q.method} ${q.path.split('?')[0]}`)).toEqual(['POST /repos/acme/shop/check-runs', 'GET /user', 'GET /repos/acme/shop/issues/7/comments'])
  }, 60_000)

  it('a comment deleted between the list and the update is created anew', async () => {
    const api = await start({
      respond: (req, _n, fake) => {
        if (req.method === 'PATCH' && req.path.includes('/issues/comments/')) fake.comments.splice(0, fake.comments.length)
        return undefined
      }
    })
    api.comments.push({ id: 1, body: '<!-- twelve-factor-audit -->\nold', user: BOT, html_url: 'https://github.com/acme/shop/pull/7#issuecomment-1' })
    const r = await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api.url))
    expectSameReport(r)
    expect(warnings(r)).toEqual([])
    expect(api.writes().map((w) => `${w.method} ${w.path}`)).toEqual(['PATCH /repos/acme/shop/issues/comments/1', 'POST /repos/acme/shop/issues/7/comments'])
    expect(api.comments).toHaveLength(1)
    expect(api.comments[0].id).not.toBe(1)
    expect(api.comments[0].body).toContain('## Twelve-Factor App audit')
    expect(r.outputs['comment-url']).toBe(api.comments[0].html_url)
  }, 60_000)

  it('429 with retry-after: 1 waits that second, then succeeds', async () => {
    const api = await start({ respond: (_req, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too many requests' } } : undefined) })
    const t0 = Date.now()
    const r = await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api.url))
    expectSameReport(r)
    expect(warnings(r)).toEqual([])
    expect(api.comments).toHaveLength(1)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000)
  }, 60_000)

  it('403 with x-ratelimit-remaining: 0 waits until x-ratelimit-reset, then succeeds', async () => {
    let limitedAt = 0
    const api = await start({
      respond: (_req, n) => {
        if (n !== 1) return undefined
        limitedAt = Date.now()
        const reset = Math.ceil(Date.now() / 1000) + 1
        return { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: { message: 'API rate limit exceeded for installation ID 1.' } }
      }
    })
    const r = await runActionAsync(ws, { ...TOKEN, 'check-run': 'true' }, prEnv(api.url))
    expectSameReport(r)
    expect(warnings(r)).toEqual([])
    expect(api.checkRuns.size).toBe(1)
    expect(api.requests).toHaveLength(2)
    expect(api.requests[1].body).toEqual(api.requests[0].body)
    expect(Date.now() - limitedAt).toBeGreaterThanOrEqual(900)
  }, 60_000)

  it('a rate limit that does not lift gives up after the bounded retries, with one warning that is not about permissions', async () => {
    const api = await start({ respond: () => ({ status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too many requests' } }) })
    const t0 = Date.now()
    const r = await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api.url))
    expectSameReport(r)
    expect(api.requests).toHaveLength(4) // the first attempt and 3 retries, a second apart
    expect(Date.now() - t0).toBeGreaterThanOrEqual(3000)
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toMatch(/^::warning::twelve-factor-audit: comment failed \(rate-limited by the GitHub API[^)]*\); the rest of the report is unaffected: Too many requests/)
    expect(r.stdout).not.toContain('permissions:')
    expect(r.outputs['comment-url']).toBe('')
  }, 60_000)

  it('a rate limit resetting beyond the wait bound fails at once, one warning per feature', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    const api = await start({ respond: () => ({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: { message: 'API rate limit exceeded' } }) })
    const t0 = Date.now()
    const r = await runActionAsync(ws, BOTH, prEnv(api.url))
    expectSameReport(r)
    expect(api.requests).toHaveLength(2) // one per feature, no retry
    expect(Date.now() - t0).toBeLessThan(15_000) // no hour-long wait (nor a minute-long one)
    expect(warnings(r).map((w) => /twelve-factor-audit: ([\w-]+) failed/.exec(w)?.[1])).toEqual(['check-run', 'comment'])
    expect(warnings(r).every((w) => w.includes('rate-limited by the GitHub API') && w.includes('API rate limit exceeded'))).toBe(true)
    expect(r.stdout).not.toContain('permissions:')
  }, 60_000)

  it('no API at all (connection refused) is a warning, after bounded retries', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer()
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port
        s.close(() => resolve(p))
      })
    })
    const r = await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(`http://127.0.0.1:${port}`))
    expectSameReport(r)
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toMatch(/^::warning::twelve-factor-audit: comment failed; the rest of the report is unaffected: .*(ECONNREFUSED|fetch failed)/)
    expect(r.outputs['comment-url']).toBe('')
  }, 60_000)
})
