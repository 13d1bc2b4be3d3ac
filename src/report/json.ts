// The JSON report: a public contract (documented in README.md under "JSON report").
import type { AuditResult } from '../audit.js'

export function toJsonReport(result: AuditResult): object {
  return {
    version: result.version,
    root: result.root,
    score: result.score,
    factors: result.factors,
    findings: result.findings,
    suppressed: result.suppressed,
    apps: result.apps,
    stats: result.stats,
    skippedFiles: result.skippedFiles,
    gate: result.gate
  }
}

export function formatJson(result: AuditResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`
}
