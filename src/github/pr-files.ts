// Files a pull request adds or modifies (GET /repos/{owner}/{repo}/pulls/{n}/files, paginated).
// Removed files cannot hold findings; renamed ones are listed under their new name.
import type { Octokit } from './octokit.js'

export async function listPullRequestFiles(octokit: Octokit, owner: string, repo: string, pullNumber: number): Promise<string[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 })
  return files.filter((f) => f.status !== 'removed').map((f) => f.filename)
}
