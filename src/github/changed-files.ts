// Changed-files mode in the action: the PR files API first (works on shallow checkouts), then
// `git diff` against the PR's base when the API is not allowed and history is there.
import * as core from '@actions/core'
import { changedSince } from '../engine/git-diff.js'
import { toAuditPaths, type ChangedScope } from '../results/changed-files.js'
import type { EventInfo } from './event.js'
import type { Octokit } from './octokit.js'
import { listPullRequestFiles } from './pr-files.js'
import type { ApiProblem } from './permissions.js'

export async function changedScope(
  octokit: Octokit | undefined,
  event: EventInfo,
  root: string,
  prefix: string,
  problems: ApiProblem[]
): Promise<ChangedScope | undefined> {
  const pr = event.pullRequest
  if (!pr) {
    core.warning(`twelve-factor-audit: input 'only-changed' applies to pull_request events; this is '${event.name}', so every finding gates.`)
    return undefined
  }
  if (octokit) {
    try {
      const files = await listPullRequestFiles(octokit, event.owner, event.repo, pr.number)
      return { files: toAuditPaths(files, prefix), source: 'the pull request files API' }
    } catch (e) {
      problems.push({ feature: 'only-changed', error: e })
    }
  }
  if (pr.baseSha) {
    try {
      // changedSince returns paths relative to `root` already.
      return { files: new Set(changedSince(root, pr.baseSha)), source: 'git diff against the pull request base' }
    } catch (e) {
      core.warning(`twelve-factor-audit: cannot diff against the base commit (${(e as Error).message}); every finding gates.`)
    }
  }
  return undefined
}
