// Annotations as data: the action hands each to @actions/core (which escapes workflow-command
// syntax in the message and properties). Pure, so ordering, titles and the cap are testable.
import type { AuditResult } from '../audit.js'
import { factorInfo } from '../engine/factors.js'
import type { Severity } from '../engine/types.js'

export interface Annotation {
  level: Severity
  message: string
  properties: { title: string; file: string; startLine: number; endLine?: number; startColumn?: number; endColumn?: number }
}

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (the runner keeps
 * an issue only while its count is < 10, actions/runner ExecutionContext._maxIssueCount) and at
 * most 50 per job; the rest are dropped silently. So one step emits at most 10 of each kind
 * (30 < 50) and says where the others are.
 */
export const ANNOTATIONS_PER_LEVEL = 10

export function toAnnotations(result: AuditResult): Annotation[] {
  // result.findings is already sorted most severe first, then by factor.
  return result.findings
    .filter((f) => !f.baselined)
    .map((f) => ({
      level: f.severity,
      message: `${f.message}\nFix: ${f.remediation}`,
      properties: {
        title: `${f.ruleId} · ${f.factor} ${factorInfo(f.factor).name}`,
        file: f.file,
        startLine: f.line,
        ...(f.endLine && f.endLine !== f.line ? { endLine: f.endLine } : {}),
        ...(f.column && (!f.endLine || f.endLine === f.line) ? { startColumn: f.column } : {}),
        ...(f.endColumn && (!f.endLine || f.endLine === f.line) ? { endColumn: f.endColumn } : {})
      }
    }))
}

export interface CappedAnnotations {
  shown: Annotation[]
  /** Annotations not emitted because of the per-step limit. */
  hidden: number
}

/** Keeps the first `perLevel` of each level, in order (most severe first, then factor priority). */
export function capAnnotations(all: readonly Annotation[], perLevel = ANNOTATIONS_PER_LEVEL): CappedAnnotations {
  const seen: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  const shown: Annotation[] = []
  for (const a of all) if (seen[a.level]++ < perLevel) shown.push(a)
  return { shown, hidden: all.length - shown.length }
}

/** One sentence for the log and the summary: how many were not shown and where all of them are. */
export function hiddenAnnotationsNote(hidden: number, where: readonly string[]): string {
  if (hidden === 0) return ''
  return `${hidden} more annotation${hidden === 1 ? ' was' : 's were'} not shown inline (GitHub shows at most ${ANNOTATIONS_PER_LEVEL} per severity per step); every finding is listed in ${where.join(', ')}.`
}
