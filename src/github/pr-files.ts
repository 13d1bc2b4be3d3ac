// Files a pull request adds or modifies (GET /repos/{owner}/{repo}/pulls/{n}/files, paginated).
// Removed files cannot hold findings; renamed ones are listed under their new name.
// The endpoint lists at most 3,000 files: a longer pull request comes back cut short, silently.
import type { Octokit } from './octokit.js'

/** The most files GET /pulls/{n}/files lists, whatever the pull request holds. */
export const PR_FILES_API_LIMIT = 3000

export interface PullRequestFiles {
  /** Files added, modified, renamed or copied. */
  files: string[]
  /** Every entry the API listed, removed files included: compare with pull_request.changed_files. */
  listed: number
}

export async function listPullRequestFiles(octokit: Octokit, owner: string, repo: string, pullNumber: number): Promise<PullRequestFiles> {
  const all = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 })
  return { files: all.filter((f) => f.status !== 'removed').map((f) => f.filename), listed: all.length }
}

/**
 * Why the listed files may not be all the pull request's files, or undefined when they are:
 * fewer than the event's `changed_files`, or the API's limit reached.
 */
export function incompleteReason(listed: number, changedFiles: number | undefined): string | undefined {
  const n = (x: number): string => x.toLocaleString('en-US')
  if (changedFiles !== undefined && listed < changedFiles) {
    return `the pull request files API listed ${n(listed)} of the ${n(changedFiles)} files this pull request changes (it lists at most ${n(PR_FILES_API_LIMIT)})`
  }
  if (listed >= PR_FILES_API_LIMIT) return `the pull request files API listed ${n(listed)} files, its limit, so the list may be incomplete`
  return undefined
}
