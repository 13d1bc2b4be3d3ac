// The corpus as `npm run corpus` reads it (formats: corpus/README.md) and the figures it makes.
import type { Factor, Severity } from '../../src/engine/types.js'
import type { PrecisionCounts } from '../../src/engine/precision.js'

export const CORPUS_LANGUAGES = ['node', 'python', 'ruby', 'java', 'go'] as const

export interface RepoRow {
  name: string
  repo: string
  commit: string
  languages: string[]
  files: number
  description: string
}

export interface Label {
  factor: Factor
  file: string
  line: number
  evidence: string
  why: string
  also_accept?: Factor[]
}

export interface RepoLevel {
  factor: Factor
  expect: 'violation' | 'ok'
  why: string
}

export interface LabelFile {
  repo: string
  commit: string
  must_find: Label[]
  must_not_find: Label[]
  repo_level: RepoLevel[]
}

export type Verdict = 'tp' | 'fp' | 'debatable' | '?'

export interface TriageRow {
  rule: string
  file: string
  line: number
  verdict: Verdict
  reason: string
}

/** The fields of a JSON-report finding the corpus uses. */
export interface CorpusFinding {
  ruleId: string
  factor: Factor
  severity: Severity
  file: string
  line: number
  message: string
}

export interface Match {
  label: Label
  finding: CorpusFinding
}

/** Precision counts of errors and of warnings. */
export interface SeverityCounts {
  error: PrecisionCounts
  warning: PrecisionCounts
}

export interface RepoFigures {
  name: string
  mustFind: Label[]
  /** must_find labels found by a finding of any severity. */
  found: Match[]
  /** must_find labels found by an error or a warning. */
  foundErrorsWarnings: Match[]
  missed: Label[]
  mustNotFind: Label[]
  /** Errors and warnings on a must_not_find label. */
  falseAlarms: Match[]
  /** Every finding with the verdict its triage row gives (errors and warnings only). */
  judged: { finding: CorpusFinding; verdict: Exclude<Verdict, '?'> }[]
  /** Errors and warnings without a triage row. */
  untriaged: CorpusFinding[]
  /** Triage rows no error or warning of this run matches (the rule moved or stopped reporting). */
  stale: TriageRow[]
}
