// What the action needs from the triggering event, read from GITHUB_EVENT_PATH directly (the
// @actions/github context is built once at import time; reading here keeps runs independent).
import { existsSync, readFileSync } from 'node:fs'

export interface PullRequestInfo {
  number: number
  headSha: string
  baseSha?: string
  /** Head repository differs from the base: the token is read-only. */
  fork: boolean
}

export interface EventInfo {
  name: string
  owner: string
  repo: string
  sha: string
  pullRequest?: PullRequestInfo
}

interface PullRequestPayload {
  pull_request?: {
    number?: number
    head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null }
    base?: { sha?: string; repo?: { full_name?: string } }
  }
}

export function readEvent(env: NodeJS.ProcessEnv): EventInfo {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const name = env.GITHUB_EVENT_NAME ?? ''
  const info: EventInfo = { name, owner, repo, sha: env.GITHUB_SHA ?? '' }
  const path = env.GITHUB_EVENT_PATH
  if (!path || !existsSync(path)) return info
  let payload: PullRequestPayload
  try {
    payload = JSON.parse(readFileSync(path, 'utf8')) as PullRequestPayload
  } catch {
    return info
  }
  const pr = payload.pull_request
  if ((name === 'pull_request' || name === 'pull_request_target') && pr && typeof pr.number === 'number') {
    const head = pr.head?.repo?.full_name
    const base = pr.base?.repo?.full_name
    info.pullRequest = {
      number: pr.number,
      headSha: pr.head?.sha ?? info.sha,
      ...(pr.base?.sha ? { baseSha: pr.base.sha } : {}),
      // Compare names: head.repo.fork is also true for a same-repository PR in a forked project.
      fork: pr.head?.repo === null || (head !== undefined && base !== undefined && head !== base)
    }
  }
  return info
}
