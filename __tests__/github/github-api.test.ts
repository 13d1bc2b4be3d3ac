// The GitHub layer against a fake API on 127.0.0.1, through the real Octokit from @actions/github.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createCheckRun } from '../../src/github/check-runs.js'
import { findComment, tokenAuthor, upsertComment } from '../../src/github/comments.js'
import { createOctokit, DEFAULT_LIMITS, DEFAULT_RETRY, isTimeout, readApiLimits, retryDelay, type RetryOptions } from '../../src/github/octokit.js'
import { isPermissionError, isRateLimit, permissionsBlock, permissionWarning } from '../../src/github/permissions.js'
import { incompleteReason, listPullRequestFiles } from '../../src/github/pr-files.js'
import { FakeGitHub, type FakeGitHubOptions } from '../helpers/fake-github.js'

const MARKER = '<!-- twelve-factor-audit -->'
const ref = { owner: 'acme', repo: 'shop', issue_number: 7 }
const waits: number[] = []
const fastRetry: RetryOptions = { ...DEFAULT_RETRY, sleep: async (ms) => void waits.push(ms) }
let server: FakeGitHub | undefined

async function start(options: FakeGitHubOptions = {}) {
  server = new FakeGitHub(options)
  const url = await server.start()
  return { server, octokit: await createOctokit('t0ken', url, fastRetry) }
}

afterEach(async () => {
  await server?.stop()
  server = undefined
  waits.length = 0
})

describe('sticky comment', () => {
  it('creates once, then updates the same comment in place', async () => {
    const { server, octokit } = await start()
    const first = await upsertComment(octokit, ref, MARKER, `${MARKER}\none`)
    const second = await upsertComment(octokit, ref, MARKER, `${MARKER}\ntwo`)
    expect(second.id).toBe(first.id)
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0].body).toContain('two')
    expect(server.writes().map((r) => r.method)).toEqual(['POST', 'PATCH'])
    expect(first.html_url).toMatch(/#issuecomment-\d+$/)
  })

  it('ignores the marker in a comment written by a person (no hijacking) and pages through many comments', async () => {
    const { server, octokit } = await start()
    for (let i = 0; i < 130; i++) server.comments.push({ id: i + 1, body: i === 5 ? `${MARKER} by hand` : 'lgtm', user: { login: 'dev', type: 'User' }, html_url: '' })
    expect(await findComment(octokit, ref, MARKER)).toBeUndefined()
    server.comments.push({ id: 500, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: 'u' })
    expect((await findComment(octokit, ref, MARKER))?.id).toBe(500)
    expect(server.requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(4) // 2 pages, twice
  })

  it('a comment deleted between the list and the update is created anew', async () => {
    const { server, octokit } = await start({
      // Someone deletes the comment right before the action's update reaches the API.
      respond: (req, _n, fake) => {
        if (req.method === 'PATCH') fake.comments.splice(0, fake.comments.length)
        return undefined
      }
    })
    server.comments.push({ id: 500, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: 'u' })
    const existing = await findComment(octokit, ref, MARKER)
    const written = await upsertComment(octokit, ref, MARKER, `${MARKER}\nnew`, existing)
    expect(server.writes().map((w) => w.method)).toEqual(['PATCH', 'POST'])
    expect(server.comments.map((c) => [c.id, c.body])).toEqual([[written.id, `${MARKER}\nnew`]])
    expect(written.id).not.toBe(500)
  })

  it('a 403 on the update is not mistaken for a deleted comment', async () => {
    const { server, octokit } = await start({ denyWrites: 403 })
    server.comments.push({ id: 500, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: 'u' })
    await expect(upsertComment(octokit, ref, MARKER, 'x')).rejects.toMatchObject({ status: 403 })
    expect(server.writes().map((w) => w.method)).toEqual(['PATCH'])
  })

  it('two runs racing end with one comment: the newer deletes itself and updates the oldest', async () => {
    const { server, octokit } = await start()
    await Promise.all([upsertComment(octokit, ref, MARKER, `${MARKER}\na`), upsertComment(octokit, ref, MARKER, `${MARKER}\nb`)])
    expect(server.comments).toHaveLength(1)
  })
})

describe('check runs', () => {
  it('sends the first 50 annotations with the create request and the rest in updates of at most 50', async () => {
    const { server, octokit } = await start()
    const annotations = Array.from({ length: 120 }, (_, i) => ({ path: 'a.js', start_line: i + 1, end_line: i + 1, annotation_level: 'warning' as const, title: 't', message: 'm' }))
    const id = await createCheckRun(octokit, { owner: 'acme', repo: 'shop' }, 'abc', { name: 'Twelve-Factor Audit', conclusion: 'failure', title: 't', summary: 's', annotations })
    const writes = server.writes()
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST /repos/acme/shop/check-runs', `PATCH /repos/acme/shop/check-runs/${id}`, `PATCH /repos/acme/shop/check-runs/${id}`])
    expect(writes.map((w) => w.body.output.annotations.length)).toEqual([50, 50, 20])
    expect(writes[0].body).toMatchObject({ head_sha: 'abc', status: 'completed', conclusion: 'failure', name: 'Twelve-Factor Audit' })
    expect(server.checkRuns.get(id)!.annotations).toHaveLength(120)
  })
})

describe('PR files', () => {
  it('pages through the files and drops removed ones', async () => {
    const prFiles = Array.from({ length: 150 }, (_, i) => ({ filename: `f${i}.js`, status: i === 3 ? 'removed' : 'modified' }))
    const { octokit } = await start({ prFiles })
    const { files, listed } = await listPullRequestFiles(octokit, 'acme', 'shop', 7)
    expect(files).toHaveLength(149)
    expect(files).not.toContain('f3.js')
    expect(listed).toBe(150) // removed files count towards pull_request.changed_files
  })
})

describe('retries and permissions', () => {
  it('retries 5xx a bounded number of times with backoff', async () => {
    const { octokit } = await start({ failFirst: 2 })
    await expect(findComment(octokit, ref, MARKER)).resolves.toBeUndefined()
    expect(waits).toEqual([1000, 2000])
  })

  it('gives up after the bound', async () => {
    const { server, octokit } = await start({ failFirst: 100 })
    await expect(findComment(octokit, ref, MARKER)).rejects.toMatchObject({ status: 502 })
    expect(server.requests).toHaveLength(1 + DEFAULT_RETRY.retries)
  })

  it('bounds all the waits of a client together', async () => {
    server = new FakeGitHub({ failFirst: 100 })
    const octokit = await createOctokit('t0ken', await server.start(), { ...fastRetry, maxTotalWaitMs: 2500 })
    await expect(findComment(octokit, ref, MARKER)).rejects.toMatchObject({ status: 502 })
    expect(waits).toEqual([1000]) // the next backoff (2000) would pass the 2500 ms budget
    await expect(findComment(octokit, ref, MARKER)).rejects.toMatchObject({ status: 502 })
    expect(waits).toEqual([1000, 1000]) // what is left of the budget still allows a first retry
    expect(server.requests).toHaveLength(4)
  })

  it('a rate-limited 403 is a rate limit, not a permission error', () => {
    const err = (status: number, headers: Record<string, string> = {}, message = 'Forbidden') => Object.assign(new Error(message), { status, response: { headers } })
    expect(isPermissionError(err(403, {}, 'Resource not accessible by integration'))).toBe(true)
    expect(isPermissionError(err(404))).toBe(true)
    for (const limited of [err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' }), err(403, { 'retry-after': '30' }),
      err(403, {}, 'You have exceeded a secondary rate limit'), err(429)]) {
      expect(isRateLimit(limited)).toBe(true)
      expect(isPermissionError(limited)).toBe(false)
    }
  })

  it('honours retry-after within a bound, never retries a plain 403 or 4xx', () => {
    const err = (status: number, headers: Record<string, string> = {}) => ({ status, response: { headers } })
    expect(retryDelay(err(503, { 'retry-after': '3' }), 1, DEFAULT_RETRY)).toBe(3000)
    expect(retryDelay(err(429, { 'retry-after': '3600' }), 1, DEFAULT_RETRY)).toBeUndefined()
    expect(retryDelay(err(403, { 'retry-after': '2' }), 1, DEFAULT_RETRY)).toBe(2000)
    expect(retryDelay(err(403), 1, DEFAULT_RETRY)).toBeUndefined()
    expect(retryDelay(err(422), 1, DEFAULT_RETRY)).toBeUndefined()
  })

  it('a 403 is a permission error with the exact permissions block', async () => {
    const { octokit } = await start({ denyWrites: 403 })
    const e = await upsertComment(octokit, ref, MARKER, 'x').catch((x: unknown) => x)
    expect(isPermissionError(e)).toBe(true)
    expect(permissionsBlock(['check-run', 'comment'])).toBe('permissions:\n  contents: read\n  checks: write\n  pull-requests: write')
    const w = permissionWarning([{ feature: 'comment', error: e }, { feature: 'check-run', error: e }], ['check-run', 'comment'], false)
    expect(w).toContain('could not write the pull-request comment (HTTP 403: Resource not accessible by integration); create the check run (HTTP 403')
    expect(w).toContain('permissions:\n  contents: read\n  checks: write\n  pull-requests: write')
    expect(permissionWarning([{ feature: 'comment', error: e }], ['comment'], true)).toContain('comes from a fork')
  })
})

describe('timeouts and the run\'s API budget', () => {
  const limits = { requestTimeoutMs: 200, budgetMs: 5000 }

  it('a request that gets no answer fails after its timeout, without a retry', async () => {
    server = new FakeGitHub({ respond: () => ({ hang: true }) })
    const octokit = await createOctokit('t0ken', await server.start(), fastRetry, limits)
    const t0 = Date.now()
    const e = await findComment(octokit, ref, MARKER).catch((x: unknown) => x)
    expect(Date.now() - t0).toBeLessThan(2000)
    expect(isTimeout(e)).toBe(true)
    expect((e as Error).message).toBe('GET /repos/acme/shop/issues/7/comments: no complete answer within 0.2 s')
    expect(server.requests).toHaveLength(1)
  })

  it('a budget shorter than the timeout cuts the request short; once spent, requests fail at once without being sent', async () => {
    server = new FakeGitHub({ respond: () => ({ hang: true }) })
    const octokit = await createOctokit('t0ken', await server.start(), fastRetry, { requestTimeoutMs: 5000, budgetMs: 400 })
    const late = await findComment(octokit, ref, MARKER).catch((x: unknown) => x)
    expect(isTimeout(late)).toBe(true)
    expect((late as Error).message).toBe("GET /repos/acme/shop/issues/7/comments: the run's GitHub API time (0.4 s) ran out while waiting")
    const e = await findComment(octokit, ref, MARKER).catch((x: unknown) => x)
    expect(isTimeout(e)).toBe(true)
    expect((e as Error).message).toBe("GET /repos/acme/shop/issues/7/comments was not sent: the run's GitHub API time (0.4 s) is spent")
    expect(server.requests).toHaveLength(1)
  })

  it('retry waits count against the budget', async () => {
    server = new FakeGitHub({ failFirst: 100 })
    const octokit = await createOctokit('t0ken', await server.start(), fastRetry, { requestTimeoutMs: 1000, budgetMs: 2500 })
    await expect(findComment(octokit, ref, MARKER)).rejects.toMatchObject({ status: 502 })
    expect(waits).toEqual([1000]) // the next backoff (2000) would pass the budget
  })

  it('an answer that is not JSON is an error naming the endpoint, not quoting the body, not retried', async () => {
    server = new FakeGitHub({ respond: () => ({ status: 200, raw: '<html>portal</html>' }) })
    const url = await server.start()
    const octokit = await createOctokit('t0ken', url, fastRetry)
    const e = (await findComment(octokit, ref, MARKER).catch((x: unknown) => x)) as Error
    expect(e.message).toBe(`GET /repos/acme/shop/issues/7/comments answered HTTP 200 with a body that is not JSON; GITHUB_API_URL (${url}) must be the GitHub REST API, not a proxy's or a login page`)
    expect(server.requests).toHaveLength(1)
  })

  it('an error answer that is not JSON keeps its status for retries and permissions, not its body', async () => {
    server = new FakeGitHub({ respond: () => ({ status: 404, raw: '<html>Not here</html>' }) })
    const octokit = await createOctokit('t0ken', await server.start(), fastRetry)
    const e = (await findComment(octokit, ref, MARKER).catch((x: unknown) => x)) as Error & { status: number }
    expect(e.status).toBe(404)
    expect(e.message).not.toContain('<html>')
    expect(e.message).toContain('answered HTTP 404 with a body that is not JSON')
  })

  it('limits come from the environment; a bad value is a warning and the default', () => {
    const warned: string[] = []
    expect(readApiLimits({ TWELVE_FACTOR_AUDIT_API_TIMEOUT_MS: '1500' }, (m) => warned.push(m))).toEqual({ ...DEFAULT_LIMITS, requestTimeoutMs: 1500 })
    expect(readApiLimits({ TWELVE_FACTOR_AUDIT_API_BUDGET_MS: '0' }, (m) => warned.push(m))).toEqual(DEFAULT_LIMITS)
    expect(warned).toEqual(['TWELVE_FACTOR_AUDIT_API_BUDGET_MS must be a whole number of milliseconds greater than 0; using the default 90000.'])
    expect(DEFAULT_LIMITS).toEqual({ requestTimeoutMs: 20_000, budgetMs: 90_000 })
  })
})

describe('whose comment is ours', () => {
  it('a personal access token: the account GET /user names, not a person who pasted the marker, not another bot', async () => {
    const { server, octokit } = await start({ user: { login: 'Release-Bot', type: 'User' } })
    server.comments.push({ id: 1, body: `${MARKER} pasted`, user: { login: 'mallory', type: 'User' }, html_url: 'u1' })
    server.comments.push({ id: 2, body: `${MARKER} old`, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: 'u2' })
    server.comments.push({ id: 3, body: `${MARKER} ours`, user: { login: 'release-bot', type: 'User' }, html_url: 'u3' })
    const author = await tokenAuthor(octokit)
    expect(author).toEqual({ login: 'Release-Bot' })
    expect((await findComment(octokit, ref, MARKER, author))?.id).toBe(3)
  })

  it('GITHUB_TOKEN (403 on /user): bot accounts', async () => {
    const { octokit } = await start()
    expect(await tokenAuthor(octokit)).toBe('bots')
  })

  it('a /user that fails otherwise is an error, not a guess that would post a duplicate', async () => {
    const { octokit } = await start({ respond: (req) => (req.path === '/user' ? { status: 429, headers: { 'retry-after': '3600' } } : undefined) })
    await expect(tokenAuthor(octokit)).rejects.toMatchObject({ status: 429 })
  })
})

describe('is the PR file list complete?', () => {
  it('fewer than changed_files, or the 3,000 limit reached, is incomplete', () => {
    expect(incompleteReason(120, 120)).toBeUndefined()
    expect(incompleteReason(120, undefined)).toBeUndefined()
    expect(incompleteReason(2, 5)).toBe('the pull request files API listed 2 of the 5 files this pull request changes (it lists at most 3,000)')
    expect(incompleteReason(3000, 3000)).toBe('the pull request files API listed 3,000 files, its limit, so the list may be incomplete')
    expect(incompleteReason(3000, undefined)).toBe('the pull request files API listed 3,000 files, its limit, so the list may be incomplete')
  })
})
