// The one Octokit the action uses. @actions/github v9's getOctokit bundles only the REST endpoint
// methods and pagination plugins: no retry and no throttling. So a small bounded retry lives here:
// 5xx and 429 (and 403 secondary rate limits that send retry-after) are retried a few times,
// waiting retry-after when the server sends one and it is within a bound, else a short backoff; all
// the waits of a run together are bounded too, so a rate-limited API cannot stall the job.
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

interface HttpErrorLike {
  status?: number
  response?: { headers?: Record<string, string | number | undefined> }
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

export async function createOctokit(token: string, baseUrl: string | undefined, retry: RetryOptions = DEFAULT_RETRY): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, baseUrl ? { baseUrl } : {})
  let waited = 0
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options)
      } catch (e) {
        const wait = attempt <= retry.retries ? retryDelay(e, attempt, retry) : undefined
        if (wait === undefined || waited + wait > retry.maxTotalWaitMs) throw e
        waited += wait
        await retry.sleep(wait)
      }
    }
  })
  return octokit
}
