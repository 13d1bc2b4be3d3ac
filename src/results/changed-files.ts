// Changed-files mode: on a pull request, gate only on findings in files the PR adds or modifies.
// The counts, score and reports still cover every finding; only the gate narrows.
import type { AuditConfig } from '../config/schema.js'
import type { AuditResult } from '../audit.js'
import { gate, type Gate } from './factor-results.js'

export interface ChangedScope {
  /** Posix paths relative to the audit root. */
  files: ReadonlySet<string>
  /** Where the list came from, for the summary ("the PR files API", "git diff origin/main..."). */
  source: string
}

/** The gate over findings in changed files only; the reason says so. */
export function gateChangedOnly(result: AuditResult, scope: ChangedScope, config: Pick<AuditConfig, 'failOn' | 'failOnByFactor'>): Gate {
  const g = gate(result.findings.filter((f) => scope.files.has(f.file)), config)
  return g.failed ? { ...g, reason: `${g.reason} (changed files only)` } : g
}

/**
 * Maps repository-relative paths (what git and the PR files API return) onto the audit root.
 * `prefix` is the audit root relative to the repository root ('' when they are the same).
 */
export function toAuditPaths(repoPaths: readonly string[], prefix: string): Set<string> {
  const p = prefix.replace(/\/+$/, '')
  const out = new Set<string>()
  for (const path of repoPaths) {
    if (!p) out.add(path)
    else if (path.startsWith(`${p}/`)) out.add(path.slice(p.length + 1))
  }
  return out
}
