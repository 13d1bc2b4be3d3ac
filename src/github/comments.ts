// The sticky pull-request comment: exactly one per PR, found by a hidden marker and updated in
// place. Only comments written by the token's own account count (GET /user), so a person pasting
// the marker cannot hijack it and a personal access token finds the comment it wrote last run.
// GITHUB_TOKEN and GitHub App tokens cannot read /user (403): for them, comments by bot accounts
// count, which is who those tokens write as (github-actions[bot], <app>[bot]).
import { isRateLimit } from './permissions.js'
import type { Octokit } from './octokit.js'

export interface IssueRef {
  owner: string
  repo: string
  issue_number: number
}

export interface StickyComment {
  id: number
  body: string
  html_url: string
}

interface ListedComment {
  id: number
  body?: string | null
  html_url: string
  user?: { type?: string; login?: string } | null
}

/** Whose comments are ours: one account (the token's own user), or any bot account. */
export type Author = { login: string } | 'bots'

const isBot = (user: ListedComment['user']): boolean => user?.type === 'Bot' || Boolean(user?.login?.endsWith('[bot]'))

const ours = (c: ListedComment, marker: string, author: Author): boolean =>
  Boolean(c.body?.includes(marker)) && (author === 'bots' ? isBot(c.user) : c.user?.login?.toLowerCase() === author.login.toLowerCase())

/**
 * The account the token writes as. GET /user answers for personal access tokens (classic and
 * fine-grained); GITHUB_TOKEN and App installation tokens get 403 (or 404), and write as bots.
 * Any other failure (5xx, a rate limit, a timeout) is thrown: guessing would post a duplicate.
 */
export async function tokenAuthor(octokit: Octokit): Promise<Author> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return typeof data.login === 'string' && data.login ? { login: data.login } : 'bots'
  } catch (e) {
    const status = (e as { status?: number }).status
    if ((status === 401 || status === 403 || status === 404) && !isRateLimit(e)) return 'bots'
    throw e
  }
}

/** Every comment of ours on the PR, oldest first. */
export async function listOurComments(octokit: Octokit, ref: IssueRef, marker: string, author: Author = 'bots'): Promise<StickyComment[]> {
  const all = (await octokit.paginate(octokit.rest.issues.listComments, { ...ref, per_page: 100 })) as ListedComment[]
  return all.filter((c) => ours(c, marker, author)).sort((a, b) => a.id - b.id).map((c) => ({ id: c.id, body: c.body ?? '', html_url: c.html_url }))
}

export async function findComment(octokit: Octokit, ref: IssueRef, marker: string, author: Author = 'bots'): Promise<StickyComment | undefined> {
  return (await listOurComments(octokit, ref, marker, author))[0]
}

/**
 * Updates `existing` or creates the comment (also when `existing` was deleted meanwhile). Two runs racing can both decide to create, so the
 * list is read again right before creating, and again after: if more than one of ours exists, the
 * oldest wins, the newer one (ours) is deleted and the oldest is updated instead.
 */
export async function upsertComment(
  octokit: Octokit,
  ref: IssueRef,
  marker: string,
  body: string,
  existing?: StickyComment,
  author: Author = 'bots'
): Promise<StickyComment> {
  const target = existing ?? (await findComment(octokit, ref, marker, author))
  if (target) {
    try {
      return await update(octokit, ref, target.id, body)
    } catch (e) {
      // Deleted between the list and the update (by a person, or a racing run's cleanup): the PR
      // was readable a moment ago, so this 404 is the comment, not a permission. Create it anew.
      if ((e as { status?: number }).status !== 404) throw e
    }
  }
  const { data: created } = await octokit.rest.issues.createComment({ ...ref, body })
  const after = await listOurComments(octokit, ref, marker, author)
  const oldest = after[0]
  if (oldest && oldest.id !== created.id && after.some((c) => c.id === created.id)) {
    await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: created.id })
    return update(octokit, ref, oldest.id, body)
  }
  return { id: created.id, body, html_url: created.html_url }
}

async function update(octokit: Octokit, ref: IssueRef, id: number, body: string): Promise<StickyComment> {
  const { data } = await octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: id, body })
  return { id: data.id, body, html_url: data.html_url }
}
