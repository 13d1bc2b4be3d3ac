// --list-apps: the apps of a (mono)repository, for a workflow that fans out one audit job per app
// with a matrix. JSON prints [{path, language, framework}]; text prints one app per line as
// `path<TAB>language<TAB>framework` (so `cut -f1` gives the paths).
import { runAudit } from '../audit.js'
import type { AuditConfig } from '../config/schema.js'
import { printable } from '../report/escape.js'

export interface ListedApp {
  path: string
  language: string
  framework: string | null
}

export function listApps(root: string, config: AuditConfig): ListedApp[] {
  // No rules: discovery and app detection only (manifests are the only files read for it).
  return runAudit({ root, config, rules: [] }).apps.map((a) => ({ path: a.path, language: a.language, framework: a.framework ?? null }))
}

export function formatApps(apps: readonly ListedApp[], format: string): string {
  if (format === 'json') return `${JSON.stringify(apps)}\n`
  // Folder names come from the repository: no control character reaches the terminal or the log.
  return apps.map((a) => `${printable(a.path)}\t${a.language}\t${a.framework ?? '-'}\n`).join('')
}
