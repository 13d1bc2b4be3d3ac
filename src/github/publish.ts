// Check runs and the PR comment. Each is optional and none may cost the report: any API error
// becomes one warning (with the exact permissions block when it is a permission error).
import * as core from '@actions/core'
import type { AuditResult } from '../audit.js'
import type { Factor } from '../engine/types.js'
import type { ReportingInputs } from '../config/reporting-inputs.js'
import { perFactorCheckRuns, singleCheckRun } from '../report/check-run.js'
import { COMMENT_MARKER, formatComment, parseCounts } from '../report/comment.js'
import { createCheckRun } from './check-runs.js'
import { findComment, tokenAuthor, upsertComment } from './comments.js'
import type { EventInfo } from './event.js'
import { isTimeout, LIMIT_VARIABLES, type Octokit } from './octokit.js'
import { FEATURE_NAMES, isPermissionError, isRateLimit, permissionWarning, type ApiProblem, type Feature } from './permissions.js'

export interface PublishContext {
  /** API failures collected during the run; reported once at the end (reportProblems). */
  problems: ApiProblem[]
  octokit: Octokit
  event: EventInfo
  inputs: ReportingInputs
  /** Features in use, for the permissions block. */
  features: Feature[]
  repoPath: (file: string) => string
  link?: (file: string, line: number) => string | undefined
  runUrl?: string
}

/**
 * One warning for all permission failures, one for all timeouts (a slow or dead API), one per
 * other failure. Never throws.
 */
export function reportProblems(problems: readonly ApiProblem[], features: readonly Feature[], event: EventInfo): void {
  const denied = problems.filter((p) => isPermissionError(p.error))
  if (denied.length > 0) core.warning(permissionWarning(denied, features, Boolean(event.pullRequest?.fork)))
  const slow = problems.filter((p) => isTimeout(p.error))
  if (slow.length > 0) {
    const skipped = [...new Set(slow.map((p) => FEATURE_NAMES[p.feature]))].join(', ')
    const first = slow.find((p) => !(p.error as { notSent?: boolean }).notSent) ?? slow[0]
    core.warning(
      `twelve-factor-audit: the GitHub API did not answer in time (${(first.error as Error).message}), so these were skipped: ${skipped}. ` +
        'The job summary, annotations, outputs and the JSON report are complete and the exit code is the audit\'s. ' +
        `Re-run the job once the API answers again (https://www.githubstatus.com); on a slow GitHub Enterprise Server, raise ${LIMIT_VARIABLES.requestTimeoutMs} and ${LIMIT_VARIABLES.budgetMs} (milliseconds).`
    )
  }
  for (const p of problems.filter((x) => !isPermissionError(x.error) && !isTimeout(x.error))) {
    const why = isRateLimit(p.error) ? ' (rate-limited by the GitHub API, gave up rather than wait longer)' : ''
    core.warning(`twelve-factor-audit: ${p.feature} failed${why}; the rest of the report is unaffected: ${(p.error as Error).message}`)
  }
}

/** Returns the ids of the check runs created (possibly fewer than planned if one failed). */
export async function publishCheckRuns(
  ctx: PublishContext,
  result: AuditResult,
  summary: string,
  summaryFor: (factor: Factor) => string
): Promise<number[]> {
  const sha = ctx.event.pullRequest?.headSha ?? ctx.event.sha
  const plans = ctx.inputs.checkRun === 'per-factor' ? perFactorCheckRuns(result, summaryFor, ctx.repoPath) : [singleCheckRun(result, summary, ctx.repoPath)]
  const ids: number[] = []
  try {
    for (const plan of plans) ids.push(await createCheckRun(ctx.octokit, { owner: ctx.event.owner, repo: ctx.event.repo }, sha, plan, ctx.runUrl))
  } catch (e) {
    ctx.problems.push({ feature: 'check-run', error: e })
  }
  return ids
}

/** Writes or updates the sticky comment; returns its URL, or '' when none was written. */
export async function publishComment(ctx: PublishContext, result: AuditResult): Promise<string> {
  const pr = ctx.event.pullRequest
  if (!pr) {
    core.info(`twelve-factor-audit: input 'comment' applies to pull_request events only; this is '${ctx.event.name}'.`)
    return ''
  }
  const ref = { owner: ctx.event.owner, repo: ctx.event.repo, issue_number: pr.number }
  try {
    const author = await tokenAuthor(ctx.octokit)
    const existing = await findComment(ctx.octokit, ref, COMMENT_MARKER, author)
    // on-failure: post only over the threshold, but keep an existing comment true once fixed.
    if (ctx.inputs.comment === 'on-failure' && !result.gate.failed && !existing) return ''
    const body = formatComment(result, {
      link: ctx.link,
      previous: existing ? parseCounts(existing.body) : undefined,
      fullReport: ctx.runUrl ? `Full report: the job summary of [this run](${ctx.runUrl}).` : undefined
    })
    const written = await upsertComment(ctx.octokit, ref, COMMENT_MARKER, body, existing, author)
    return written.html_url
  } catch (e) {
    ctx.problems.push({ feature: 'comment', error: e })
    return ''
  }
}
