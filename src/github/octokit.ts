// The one Octokit the action uses. @actions/github v9's getOctokit bundles only the REST endpoint
// methods and pagination plugins: no retry, no throttling and no timeout. So this file adds them:
// - every request has a timeout (from sending to the last byte of the answer): a hung API cannot
//   hold a request for Node's 300 s header timeout;
// - all the API time of a run (requests, retries and the waits between them) has a budget: once it
//   is spent, requests fail at once without touching the network, so publishing is skipped;
// - 5xx, resets and 429 (and 403 secondary rate limits that send retry-after) are retried a few
//   times, waiting retry-after when the server sends one and it is within a bound, else a short
//   backoff; a timed-out request is not retried (the API is hung, a retry would hang too);
// - an answer that is not JSON (a proxy's or captive portal's HTML page) is an error naming the
//   endpoint, never "Cannot use 'in' operator…" from deep inside pagination, and never quoted.
// @actions/github (Octokit and its plugins) is imported only when a run talks to the API: most runs
// do not, and loading it cost a measurable share of the action's cold start.
import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number
  /** Longest wait honoured from retry-after; a longer one fails now rather than stall the job. */
  maxWaitMs: number
  /** Backoff before retry n (1-based) when the server sends no retry-after. */
  backoffMs: (attempt: number) => number
  /** All waits of one client together (a run): past it, requests fail at once instead of waiting. */
  maxTotalWaitMs: number
  sleep: (ms: number) => Promise<void>
}

export const DEFAULT_RETRY: RetryOptions = {
  retries: 3,
  maxWaitMs: 60_000,
  backoffMs: (n) => 1000 * 2 ** (n - 1),
  maxTotalWaitMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

export interface ApiLimits {
  /** Longest one request may take, from sending it to the last byte of the answer. */
  requestTimeoutMs: number
  /** All the API time of one client (a run): requests, retries and waits. Past it, requests fail at once. */
  budgetMs: number
}

export const DEFAULT_LIMITS: ApiLimits = { requestTimeoutMs: 20_000, budgetMs: 90_000 }

/** Environment variables that override DEFAULT_LIMITS (a slow GitHub Enterprise Server; tests). */
export const LIMIT_VARIABLES = { requestTimeoutMs: 'TWELVE_FACTOR_AUDIT_API_TIMEOUT_MS', budgetMs: 'TWELVE_FACTOR_AUDIT_API_BUDGET_MS' } as const

/** The limits, with DEFAULT_LIMITS for unset variables; `warn` hears about values that are not a positive whole number. */
export function readApiLimits(env: NodeJS.ProcessEnv, warn: (message: string) => void): ApiLimits {
  const limits = { ...DEFAULT_LIMITS }
  for (const key of Object.keys(LIMIT_VARIABLES) as (keyof ApiLimits)[]) {
    const name = LIMIT_VARIABLES[key]
    const raw = env[name]?.trim()
    if (!raw) continue
    if (/^\d+$/.test(raw) && Number(raw) > 0) limits[key] = Number(raw)
    else warn(`${name} must be a whole number of milliseconds greater than 0; using the default ${DEFAULT_LIMITS[key]}.`)
  }
  return limits
}

/** Why a request failed without an HTTP status: the GitHub API did not answer in time. */
export class ApiTimeoutError extends Error {
  readonly name = 'ApiTimeoutError'
  /** True when the run's budget was already spent and the request was not sent at all. */
  constructor(message: string, readonly notSent: boolean) {
    super(message)
  }
}

/** True for errors that mean the API was too slow (a timeout, or the run's budget spent). */
export function isTimeout(e: unknown): e is ApiTimeoutError {
  return e instanceof Error && e.name === 'ApiTimeoutError'
}

interface HttpErrorLike {
  status?: number
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
}

/** How long to wait before retrying, or undefined when the error is not worth retrying. */
export function retryDelay(error: unknown, attempt: number, options: RetryOptions): number | undefined {
  const e = error as HttpErrorLike
  const status = e.status ?? 0
  const headers = e.response?.headers ?? {}
  const retryAfter = headers['retry-after'] !== undefined ? Number(headers['retry-after']) : undefined
  const rateLimited = status === 429 || (status === 403 && (retryAfter !== undefined || String(headers['x-ratelimit-remaining']) === '0'))
  if (!(status >= 500 || rateLimited)) return undefined
  if (retryAfter !== undefined && Number.isFinite(retryAfter)) {
    const ms = retryAfter * 1000
    return ms <= options.maxWaitMs ? ms : undefined
  }
  if (rateLimited && String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']) * 1000 - Date.now()
    return Number.isFinite(reset) && reset <= options.maxWaitMs ? Math.max(reset, 0) : undefined
  }
  return options.backoffMs(attempt)
}

/** "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": the route, or the path of a next-page URL. */
function endpointName(options: { method?: string; url?: string }): string {
  const url = options.url ?? ''
  let path = url
  try {
    if (/^https?:/i.test(url)) path = new URL(url).pathname
  } catch {
    // keep the raw url
  }
  return `${(options.method ?? 'GET').toUpperCase()} ${path.split('?')[0]}`
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`

function notJson(endpoint: string, status: number, baseUrl: string | undefined): string {
  return `${endpoint} answered HTTP ${status} with a body that is not JSON; GITHUB_API_URL (${baseUrl ?? 'https://api.github.com'}) must be the GitHub REST API, not a proxy's or a login page`
}

/** A 2xx answer the action reads must be a JSON object or array (204 and 205 have no body). */
function isJsonBody(status: number, data: unknown): boolean {
  return status === 204 || status === 205 || (typeof data === 'object' && data !== null && !(data instanceof ArrayBuffer))
}

export async function createOctokit(token: string, baseUrl: string | undefined, retry: RetryOptions = DEFAULT_RETRY, limits: ApiLimits = DEFAULT_LIMITS): Promise<Octokit> {
  // @actions/github builds its `context` at import time and JSON.parse()s GITHUB_EVENT_PATH there,
  // throwing on a malformed file. The action reads the event itself (event.ts), so the library
  // does not get to see it.
  const eventPath = process.env.GITHUB_EVENT_PATH
  delete process.env.GITHUB_EVENT_PATH
  let mod: typeof import('@actions/github')
  try {
    mod = await import('@actions/github')
  } finally {
    if (eventPath !== undefined) process.env.GITHUB_EVENT_PATH = eventPath
  }
  const octokit = mod.getOctokit(token, baseUrl ? { baseUrl } : {})
  let waited = 0
  let spent = 0
  octokit.hook.wrap('request', async (request, options) => {
    const endpoint = endpointName(options)
    for (let attempt = 1; ; attempt++) {
      const left = limits.budgetMs - spent
      if (left <= 0) throw new ApiTimeoutError(`${endpoint} was not sent: the run's GitHub API time (${seconds(limits.budgetMs)}) is spent`, true)
      const timeout = Math.min(limits.requestTimeoutMs, left)
      const controller = new AbortController()
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeout)
      const t0 = Date.now()
      let error: unknown
      try {
        // In place: before-after-hook hands every layer (the token's auth hook too) the same
        // options object, whatever an outer layer passes on.
        options.request = { ...options.request, signal: controller.signal }
        const response = await request(options)
        if (!isJsonBody(response.status, response.data)) {
          throw Object.assign(new Error(notJson(endpoint, response.status, baseUrl)), { status: response.status, notJson: true })
        }
        return response
      } catch (e) {
        error = e
      } finally {
        clearTimeout(timer)
        spent += Date.now() - t0
      }
      if (timedOut) {
        const why = timeout < limits.requestTimeoutMs ? `the run's GitHub API time (${seconds(limits.budgetMs)}) ran out while waiting` : `no complete answer within ${seconds(timeout)}`
        throw new ApiTimeoutError(`${endpoint}: ${why}`, false)
      }
      const e = error as HttpErrorLike & Error & { notJson?: boolean }
      // An error answer that is not JSON (a proxy's 502 page): its text would be the message.
      if (!e.notJson && e.status !== undefined && e.status >= 400 && typeof e.response?.data === 'string' && e.response.data !== '') e.message = notJson(endpoint, e.status, baseUrl)
      if (e.notJson) throw e
      const wait = attempt <= retry.retries ? retryDelay(e, attempt, retry) : undefined
      if (wait === undefined || waited + wait > retry.maxTotalWaitMs || spent + wait >= limits.budgetMs) throw e
      waited += wait
      spent += wait
      await retry.sleep(wait)
    }
  })
  return octokit
}
