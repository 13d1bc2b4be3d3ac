// The sticky pull-request comment: exactly one per PR, found by a hidden marker and updated in
// place. Only comments written by a bot count, so a person pasting the marker cannot hijack it.
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

const ours = (c: ListedComment, marker: string): boolean => Boolean(c.body?.includes(marker)) && (c.user?.type === 'Bot' || Boolean(c.user?.login?.endsWith('[bot]')))

/** Every comment of ours on the PR, oldest first. */
export async function listOurComments(octokit: Octokit, ref: IssueRef, marker: string): Promise<StickyComment[]> {
  const all = (await octokit.paginate(octokit.rest.issues.listComments, { ...ref, per_page: 100 })) as ListedComment[]
  return all.filter((c) => ours(c, marker)).sort((a, b) => a.id - b.id).map((c) => ({ id: c.id, body: c.body ?? '', html_url: c.html_url }))
}

export async function findComment(octokit: Octokit, ref: IssueRef, marker: string): Promise<StickyComment | undefined> {
  return (await listOurComments(octokit, ref, marker))[0]
}

/**
 * Updates `existing` or creates the comment (also when `existing` was deleted meanwhile). Two runs racing can both decide to create, so the
 * list is read again right before creating, and again after: if more than one of ours exists, the
 * oldest wins, the newer one (ours) is deleted and the oldest is updated instead.
 */
export async function upsertComment(octokit: Octokit, ref: IssueRef, marker: string, body: string, existing?: StickyComment): Promise<StickyComment> {
  const target = existing ?? (await findComment(octokit, ref, marker))
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
  const after = await listOurComments(octokit, ref, marker)
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
