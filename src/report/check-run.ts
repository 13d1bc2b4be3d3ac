// Check runs as data: the payloads the action sends to the Checks API. Pure, so batching, levels
// and the size limits are testable without GitHub.
import type { AuditResult } from '../audit.js'
import { factorInfo } from '../engine/factors.js'
import type { Factor, Finding, Severity } from '../engine/types.js'

export const CHECK_RUN_NAME = 'Twelve-Factor Audit'
/** The Checks API takes at most 50 annotations per request; further ones go in update requests. */
export const ANNOTATIONS_PER_REQUEST = 50
/** output.summary and output.text are each limited to 65535 characters. */
export const OUTPUT_LIMIT = 65535
/**
 * Annotations per check run: 1000 = 20 requests. GITHUB_TOKEN may make 1000 requests per hour per
 * repository, so 20,000 findings must not become 400 requests; the rest are in the summary/JSON.
 */
export const MAX_CHECK_ANNOTATIONS = 1000

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  title: string
  message: string
}

export interface CheckRunPlan {
  name: string
  conclusion: 'success' | 'failure'
  title: string
  summary: string
  annotations: CheckAnnotation[]
}

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', notice: 'notice' }

export function toCheckAnnotation(f: Finding, repoPath: (file: string) => string): CheckAnnotation {
  const sameLine = !f.endLine || f.endLine === f.line
  return {
    path: repoPath(f.file),
    start_line: f.line,
    end_line: f.endLine && f.endLine >= f.line ? f.endLine : f.line,
    // The API accepts columns only when start and end lines match.
    ...(sameLine && f.column ? { start_column: f.column } : {}),
    ...(sameLine && f.column && f.endColumn && f.endColumn >= f.column ? { end_column: f.endColumn } : {}),
    annotation_level: LEVEL[f.severity],
    title: `${f.ruleId} · ${f.factor} ${factorInfo(f.factor).name}`,
    message: truncateChars(`${f.message}\nFix: ${f.remediation}`, 4000)
  }
}

/** `true`: one check run with every (non-baselined) finding. */
export function singleCheckRun(result: AuditResult, summary: string, repoPath: (file: string) => string): CheckRunPlan {
  const live = result.findings.filter((f) => !f.baselined)
  return {
    name: CHECK_RUN_NAME,
    conclusion: result.gate.failed ? 'failure' : 'success',
    title: result.gate.failed ? truncateChars(result.gate.reason, 1000) : `Score ${result.score}/100: passed`,
    ...capped(live, summary, repoPath)
  }
}

/** `per-factor`: one check run per factor that applies, each with its own conclusion. */
export function perFactorCheckRuns(result: AuditResult, summaryFor: (factor: Factor) => string, repoPath: (file: string) => string): CheckRunPlan[] {
  return result.factors
    .filter((fr) => fr.status !== 'not-applicable')
    .map((fr) => {
      const info = factorInfo(fr.factor)
      const live = result.findings.filter((f) => f.factor === fr.factor && !f.baselined)
      const failed = result.gate.failedFactors.includes(fr.factor)
      return {
        name: `Twelve-Factor / ${fr.factor} ${info.name}`,
        conclusion: failed ? 'failure' : 'success',
        title: `${fr.status}: ${fr.errors} errors, ${fr.warnings} warnings, ${fr.notices} notices`,
        ...capped(live, summaryFor(fr.factor), repoPath)
      } satisfies CheckRunPlan
    })
}

function capped(live: readonly Finding[], summary: string, repoPath: (file: string) => string): Pick<CheckRunPlan, 'summary' | 'annotations'> {
  const left = live.length - MAX_CHECK_ANNOTATIONS
  const note = left > 0 ? `> ${left} findings beyond the first ${MAX_CHECK_ANNOTATIONS} are not annotated here (API rate limits); the job summary and the JSON report list all of them.\n\n` : ''
  return {
    summary: truncateChars(`${note}${summary}`, OUTPUT_LIMIT),
    annotations: live.slice(0, MAX_CHECK_ANNOTATIONS).map((f) => toCheckAnnotation(f, repoPath))
  }
}

export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function truncateChars(s: string, max: number): string {
  if (s.length <= max) return s
  const note = '\n\n… truncated to fit the Checks API limit.'
  return `${s.slice(0, max - note.length)}${note}`
}
