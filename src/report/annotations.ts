// Annotations as data: the action hands each to @actions/core (which escapes workflow-command
// syntax in the message and properties). Pure, so ordering and titles are testable.
import type { AuditResult } from '../audit.js'
import { factorInfo } from '../engine/factors.js'
import type { Severity } from '../engine/types.js'

export interface Annotation {
  level: Severity
  message: string
  properties: { title: string; file: string; startLine: number; endLine?: number; startColumn?: number; endColumn?: number }
}

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
