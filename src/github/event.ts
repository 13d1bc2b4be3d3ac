// What the action needs from the triggering event, read from GITHUB_EVENT_PATH directly (the
// @actions/github context is built once at import time and throws on a malformed file; reading
// here keeps runs independent and lets a bad file cost a warning, never the run).
import { readFileSync } from 'node:fs'

export interface PullRequestInfo {
  number: number
  headSha: string
  baseSha?: string
  /** Head repository differs from the base: the token is read-only. */
  fork: boolean
  /** pull_request.changed_files: how many files the PR changes (the PR files API lists at most 3,000). */
  changedFiles?: number
}

export interface EventInfo {
  name: string
  owner: string
  repo: string
  sha: string
  pullRequest?: PullRequestInfo
  /**
   * Why the event file cannot be used, when that matters: it is malformed, or this is a pull
   * request event whose file is missing or holds no pull request. Never quotes the file.
   */
  problem?: string
}

interface PullRequestPayload {
  pull_request?: {
    number?: number
    changed_files?: number
    head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null }
    base?: { sha?: string; repo?: { full_name?: string } }
  }
}

export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']

export function readEvent(env: NodeJS.ProcessEnv): EventInfo {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const name = env.GITHUB_EVENT_NAME ?? ''
  const info: EventInfo = { name, owner, repo, sha: env.GITHUB_SHA ?? '' }
  const isPr = PULL_REQUEST_EVENTS.includes(name)
  const path = env.GITHUB_EVENT_PATH
  if (!path) {
    if (isPr) info.problem = `GITHUB_EVENT_PATH is unset, so the ${name} event's pull request is unknown`
    return info
  }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    // A missing file matters only to pull request events (a push needs nothing from it).
    if (isPr || code !== 'ENOENT') info.problem = `the event file GITHUB_EVENT_PATH (${path}) ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`}`
    return info
  }
  let payload: PullRequestPayload
  try {
    payload = JSON.parse(text) as PullRequestPayload
  } catch {
    // The parser's message quotes the file: say only what is wrong.
    info.problem = `the event file GITHUB_EVENT_PATH (${path}) is not valid JSON`
    return info
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    info.problem = `the event file GITHUB_EVENT_PATH (${path}) is not a JSON object`
    return info
  }
  const pr = payload.pull_request
  if (isPr && pr && typeof pr.number === 'number') {
    const head = pr.head?.repo?.full_name
    const base = pr.base?.repo?.full_name
    info.pullRequest = {
      number: pr.number,
      headSha: typeof pr.head?.sha === 'string' && pr.head.sha ? pr.head.sha : info.sha,
      ...(typeof pr.base?.sha === 'string' && pr.base.sha ? { baseSha: pr.base.sha } : {}),
      // Compare names: head.repo.fork is also true for a same-repository PR in a forked project.
      fork: pr.head?.repo === null || (head !== undefined && base !== undefined && head !== base),
      ...(typeof pr.changed_files === 'number' && Number.isInteger(pr.changed_files) && pr.changed_files >= 0 ? { changedFiles: pr.changed_files } : {})
    }
  } else if (isPr) {
    info.problem = `the event file GITHUB_EVENT_PATH (${path}) holds no pull_request.number for this ${name} event`
  }
  return info
}
