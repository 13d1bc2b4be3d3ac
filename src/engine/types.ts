// The audit's vocabulary. Everything below the entry points speaks these types; nothing here
// knows about GitHub.

export const FACTORS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const
export type Factor = (typeof FACTORS)[number]

export const SEVERITIES = ['error', 'warning', 'notice'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Programming language of a source file (config files have language 'none'). */
export type Language = 'javascript' | 'typescript' | 'python' | 'ruby' | 'java' | 'go' | 'php' | 'kotlin' | 'shell' | 'none'

/**
 * What a file is, decided from its name and path once, in engine/classify.ts.
 * Rules select files by kind (and language) so each file meets only the rules that can fire.
 */
export type FileKind =
  | 'source' // program code (see language)
  | 'dockerfile'
  | 'compose' // docker-compose*.yml, compose*.yaml
  | 'kubernetes' // YAML under k8s/, manifests/, helm charts, kustomize; or with apiVersion+kind
  | 'workflow' // .github/workflows/*.yml
  | 'dotenv' // .env, .env.production, .env.example (see role)
  | 'procfile'
  | 'yaml' // other YAML config
  | 'json'
  | 'properties' // Java .properties
  | 'toml'
  | 'ini' // .ini, .cfg, .conf
  | 'xml' // pom.xml, logback.xml, ...
  | 'markdown'
  | 'manifest' // dependency manifests and lockfiles: package.json, requirements.txt, Gemfile, go.mod, ...
  | 'other'

/**
 * Why a file exists, which decides how loud a finding may be: a password in a test fixture or a
 * README snippet is not a leak of production config.
 */
export type FileRole = 'app' | 'test' | 'docs' | 'example' | 'dev' | 'build'
// 'build': committed build output a deployed process runs (dist/main.js behind `start:prod`). Only
// credential rules (Factor III) read it: a key compiled into a bundle leaks all the same, while every
// other finding there would repeat the one on its source.

/** A finding as a rule reports it; the engine fills in the rest (rule id, factor, fingerprint...). */
export interface Report {
  line: number // 1-based
  column?: number // 1-based
  endLine?: number
  endColumn?: number
  /** Names the offending token. Never contains a secret: pass the secret in `secret` instead. */
  message: string
  /** Overrides the rule's generic remediation when a more specific fix is known. */
  remediation?: string
  /** Overrides the rule's severity for this one finding (e.g. a notice for an env fallback). */
  severity?: Severity
  /**
   * A credential the finding is about. The engine replaces every occurrence of it in the message,
   * remediation and snippet with its redacted form, so no reporter can leak it.
   */
  secret?: string
  /** Override the file (repository-level rules point at the most relevant file). */
  file?: string
}

export interface Finding {
  ruleId: string
  factor: Factor
  severity: Severity
  file: string // posix, relative to the audit root
  line: number
  column?: number
  endLine?: number
  endColumn?: number
  message: string
  remediation: string
  /** The offending line, trimmed and redacted, for reporters that show context. */
  snippet?: string
  /** Stable across unrelated edits: rule + file + normalized line content + occurrence. */
  fingerprint: string
  /** Set by the results layer when a baseline lists the finding. */
  baselined?: boolean
}

export interface Suppression {
  ruleId: string
  file: string
  line: number // the line of the suppressed finding
  reason: string
  fingerprint: string
}

export type FactorStatus = 'pass' | 'warn' | 'fail' | 'not-applicable'

export interface FactorResult {
  factor: Factor
  name: string
  status: FactorStatus
  errors: number
  warnings: number
  notices: number
  /** Rules of this factor that met at least one file (or ran over the repository). */
  rulesRun: number
}
