// Changed-files mode in the action: the PR files API first (works on shallow checkouts), then
// `git diff` against the PR's base when the API is not allowed and history is there. When neither
// gives the whole list (not a pull request, the API's 3,000-file limit, no history), every finding
// gates and the reason goes to the log and the job summary: a gate must not narrow on a guess.
import * as core from '@actions/core'
import { changedSince } from '../engine/git-diff.js'
import { toAuditPaths, type ChangedScope } from '../results/changed-files.js'
import type { EventInfo } from './event.js'
import type { Octokit } from './octokit.js'
import { incompleteReason, listPullRequestFiles } from './pr-files.js'
import type { ApiProblem } from './permissions.js'

/** The changed files, or why every finding gates instead (already warned about, or reported with `problems`). */
export type ChangedScopeResult = ChangedScope | { wholeAudit: string }

export async function changedScope(
  octokit: Octokit | undefined,
  event: EventInfo,
  root: string,
  prefix: string,
  problems: ApiProblem[],
  /** Why there is no `octokit` (no token, GITHUB_REPOSITORY unset, ...), for the summary. */
  noClient = 'there is no token for the pull request files API'
): Promise<ChangedScopeResult> {
  const pr = event.pullRequest
  if (!pr) {
    const why = event.problem ?? `input 'only-changed' applies to pull_request events; this is '${event.name}'`
    // A broken event file was already reported (main.ts), with every feature it costs.
    if (!event.problem) core.warning(`twelve-factor-audit: ${why}, so every finding gates.`)
    return { wholeAudit: why }
  }
  let apiFailed = false
  if (octokit) {
    try {
      const listed = await listPullRequestFiles(octokit, event.owner, event.repo, pr.number)
      const incomplete = incompleteReason(listed.listed, pr.changedFiles)
      if (incomplete) {
        core.warning(`twelve-factor-audit: input 'only-changed': ${incomplete}, so every finding gates. A pull request this large is gated as a whole; split it to gate on its changes only.`)
        return { wholeAudit: incomplete }
      }
      return { files: toAuditPaths(listed.files, prefix), source: 'the pull request files API' }
    } catch (e) {
      problems.push({ feature: 'only-changed', error: e })
      apiFailed = true
    }
  }
  const noApi = apiFailed ? 'the pull request files API failed (see the warnings)' : noClient
  if (pr.baseSha) {
    try {
      // changedSince returns paths relative to `root` already.
      return { files: new Set(changedSince(root, pr.baseSha)), source: 'git diff against the pull request base' }
    } catch (e) {
      core.warning(`twelve-factor-audit: cannot diff against the base commit (${(e as Error).message}); every finding gates.`)
      return { wholeAudit: `${noApi} and git cannot diff against the base commit` }
    }
  }
  return { wholeAudit: `${noApi} and the event names no base commit to diff against` }
}
