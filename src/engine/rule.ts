// The rule model. One rule per file under src/rules/<factor>/, ESLint-style: `meta` beside the
// detection. A rule never reads the disk or the environment; it is handed a SourceFile (or, for
// repository-level rules, the RepoContext) and reports what it sees.
import type { RulePrecision } from './precision.js'
import type { Factor, FileKind, FileRole, Language, Report, Severity } from './types.js'
import type { App } from './apps.js'
import type { SourceFile } from './source-file.js'
import type { DeployModel } from '../model/deploy-model.js'

export interface RuleMeta {
  /** Short and stable: TF + two-digit factor number + two-digit sequence (TF0301 = III, rule 1). */
  id: string
  /** kebab-case name, for humans and SARIF. */
  name: string
  factor: Factor
  severity: Severity
  /** One line: what it detects. */
  summary: string
  /** Why it breaks the factor, in the 12factor.net reasoning. */
  why: string
  /** The generic fix; a report may carry a more specific one. */
  remediation: string
  /** Languages the rule understands, for docs and --list-rules; omit for config-file rules. */
  languages?: Language[]
  /**
   * Rules that report the same token under another factor: when one of them reports the same line
   * of the same file at least as severely, this rule's finding is dropped (one problem, one finding).
   */
  deferTo?: string[]
  /** Measured on the corpus; attached by the registry from src/rules/precision.ts, never set in a rule file. */
  precision?: RulePrecision
}

export interface FileSelector {
  kinds?: FileKind[]
  languages?: Language[]
  /** Default ['app', 'dev']: tests, docs and examples are not the deployed app. */
  roles?: FileRole[]
  /** Matched against the posix path relative to the root. */
  path?: RegExp
}

export type ReportFn = (report: Report) => void

/** Facts rules leave for repository-level rules (ports bound, runtime versions seen...). */
export class Facts {
  private readonly store = new Map<string, unknown[]>()
  add<T>(key: string, value: T): void {
    const list = this.store.get(key)
    if (list) list.push(value)
    else this.store.set(key, [value])
  }
  get<T>(key: string): T[] {
    return (this.store.get(key) ?? []) as T[]
  }
}

export interface FileInfo {
  path: string
  kind: FileKind
  language: Language
  role: FileRole
  size: number
}

export interface RepoContext {
  root: string
  /** Every file the audit considered (after excludes), text not retained. */
  files: readonly FileInfo[]
  facts: Facts
  /**
   * A file's SourceFile, for the small structural files the engine keeps after the pass
   * (manifests, Dockerfiles, compose, Kubernetes, workflows, Procfiles, dotenv, markdown excluded).
   */
  get(path: string): SourceFile | undefined
  git: { isRepo: boolean; shallow: boolean }
  /**
   * Git mode only: default-excluded folders (node_modules, dist, .venv...) with files tracked in the
   * index, one entry per folder. Absent or empty when the audit walked the disk.
   */
  trackedExcluded?: readonly { dir: string; example: string; count: number }[]
  /** Apps detected from manifests (monorepos hold several). */
  apps: readonly App[]
  /** The innermost app containing a path. */
  appOf(path: string): App | undefined
  /** The deploy model: which files ship, to which processes, in which environment. */
  deploy: DeployModel
}

export interface FileContext {
  facts: Facts
  /** The app this file belongs to, when one was detected. */
  app?: App
  apps: readonly App[]
  /** The deploy model: which files ship, to which processes, in which environment (also per line). */
  deploy: DeployModel
}

export interface Rule {
  meta: RuleMeta
  /** Which files `check` is offered. Required with `check`. */
  files?: FileSelector
  /**
   * Cheap prefilter, gitleaks-style: `check` runs only if the file's lower-cased text contains at
   * least one of these (lower-case) strings. Omit only when the rule must see every selected file.
   */
  keywords?: string[]
  check?(file: SourceFile, report: ReportFn, ctx: FileContext): void
  /**
   * Set when `checkRepo` reports on lines of files the engine does not keep (source code): the
   * engine re-reads those files so the finding gets its snippet and honours suppression comments.
   * Such a rule must pass `secret` for any credential on the line, as a file rule would.
   */
  rereadReportedFiles?: boolean
  /** Runs once after every file was offered to `check`. */
  checkRepo?(repo: RepoContext, report: (r: Report & { file: string }) => void): void
}
