// A missing permission (or a fork PR's read-only token) must cost one clear warning, never the
// report: these helpers recognise the error and say exactly what to add to the workflow.

export type Feature = 'check-run' | 'comment' | 'only-changed'

const NEEDS: Record<Feature, [string, string]> = {
  'check-run': ['checks', 'write'],
  comment: ['pull-requests', 'write'],
  'only-changed': ['pull-requests', 'read']
}

/**
 * 403 "Resource not accessible by integration", and 404 which GitHub returns for hidden resources.
 * A 403 that is a rate limit (x-ratelimit-remaining: 0, retry-after, or saying so) is not: adding
 * permissions would not help.
 */
export function isPermissionError(e: unknown): boolean {
  const status = (e as { status?: number }).status
  return status === 404 || (status === 403 && !isRateLimit(e))
}

export function isRateLimit(e: unknown): boolean {
  const err = e as { status?: number; message?: string; response?: { headers?: Record<string, string | number | undefined> } }
  const headers = err.response?.headers ?? {}
  if (err.status === 429) return true
  return err.status === 403 && (String(headers['x-ratelimit-remaining']) === '0' || headers['retry-after'] !== undefined || /rate limit/i.test(err.message ?? ''))
}

/** The exact `permissions:` block for the features in use (contents: read is always needed). */
export function permissionsBlock(features: readonly Feature[]): string {
  const perms = new Map<string, string>([['contents', 'read']])
  for (const f of features) {
    const [scope, level] = NEEDS[f]
    if (perms.get(scope) !== 'write') perms.set(scope, level)
  }
  return ['permissions:', ...[...perms].map(([k, v]) => `  ${k}: ${v}`)].join('\n')
}

/** What each feature publishes or reads, for "… skipped" messages. */
export const FEATURE_NAMES: Record<Feature, string> = {
  'check-run': 'the check run',
  comment: 'the pull-request comment',
  'only-changed': 'the pull request files API'
}

const WHAT: Record<Feature, string> = {
  'check-run': 'create the check run',
  comment: 'write the pull-request comment',
  'only-changed': "list the pull request's files"
}

export interface ApiProblem {
  feature: Feature
  error: unknown
}

/**
 * One warning for every permission failure of the run together: what could not be done, why, and
 * the exact `permissions:` block covering every feature in use.
 */
export function permissionWarning(problems: readonly ApiProblem[], features: readonly Feature[], fork: boolean): string {
  const what = problems.map((p) => `${WHAT[p.feature]} (HTTP ${(p.error as { status?: number }).status ?? '?'}: ${(p.error as Error).message})`).join('; ')
  const why = fork
    ? 'This pull request comes from a fork, whose GITHUB_TOKEN is read-only whatever the workflow asks for; the job summary, annotations and outputs still have the full report. For pull requests from this repository the job needs:'
    : 'The job summary, annotations and outputs still have the full report. Add this to the workflow (or the job) to enable them:'
  return `twelve-factor-audit could not ${what}. ${why}\n${permissionsBlock(features)}`
}
