// The three litmus tests of 12factor.net and the four validations of a finished remediation, as
// data. Each check names the factor it reads and, where a factor mixes concerns, the rule ids that
// count. Rule authors extend the id lists below when they add rules; nothing else needs to change.
import type { Factor, FactorResult, Finding } from '../engine/types.js'

/** Factor III rules whose findings are credentials (a leak if the code were published). */
export const CREDENTIAL_RULE_IDS: string[] = ['TF0301', 'TF0302', 'TF0303', 'TF0304', 'TF0305', 'TF0306', 'TF0308', 'TF0309', 'TF0310']

/**
 * Factor X rules about backing services differing between dev and prod: TF1001 backing-service
 * drift (SQLite in dev, Postgres in prod), TF1004 environment-branch service swap. Runtime-version
 * drift and dev servers in production are parity problems too, but not of backing services.
 */
export const PARITY_BACKING_SERVICE_RULE_IDS: string[] = ['TF1001', 'TF1004']

export type CheckAnswer = 'yes' | 'no' | 'pass' | 'fail' | 'not checked'

export interface CheckSpec {
  id: string
  factor: Factor
  /** The question or validation, as shown. */
  text: string
  /** Rule ids that count; absent or empty = every rule of the factor. Notices never count. */
  ruleIds?: () => readonly string[]
  /** The answer when matching findings exist, and when none do. */
  whenFound: CheckAnswer
  whenClean: CheckAnswer
}

export const LITMUS_TESTS: readonly CheckSpec[] = [
  { id: 'config', factor: 'III', text: 'Config: would open-sourcing the code right now expose any credentials?', ruleIds: () => CREDENTIAL_RULE_IDS, whenFound: 'yes', whenClean: 'no' },
  { id: 'processes', factor: 'VI', text: 'Processes: can any process be killed and restarted without losing data?', whenFound: 'no', whenClean: 'yes' },
  {
    id: 'parity',
    factor: 'X',
    text: 'Parity: do dev and prod use the same kinds of backing services?',
    ruleIds: () => PARITY_BACKING_SERVICE_RULE_IDS,
    whenFound: 'no',
    whenClean: 'yes'
  }
]

export const VALIDATIONS: readonly CheckSpec[] = [
  { id: 'config-not-in-code', factor: 'III', text: 'Config is not in code', whenFound: 'fail', whenClean: 'pass' },
  { id: 'no-local-state', factor: 'VI', text: 'No local state is assumed to persist across restarts', whenFound: 'fail', whenClean: 'pass' },
  { id: 'build-release-run', factor: 'V', text: 'The pipeline has distinct build → release → run stages', whenFound: 'fail', whenClean: 'pass' },
  { id: 'logs-to-stdout', factor: 'XI', text: 'Logs flow to stdout as an event stream', whenFound: 'fail', whenClean: 'pass' }
]

export interface CheckOutcome {
  spec: CheckSpec
  answer: CheckAnswer
  /** The findings that decided a negative answer (most severe first), empty otherwise. */
  evidence: Finding[]
  /** Why the answer is what it is, in one short sentence (no untrusted text). */
  basis: string
}

/**
 * Baselined findings count here: a baseline accepts debt for gating, it does not make the code
 * safe to publish. A factor that was not audited, or met no file, is "not checked", never a pass.
 */
export function evaluate(spec: CheckSpec, factors: readonly FactorResult[], findings: readonly Finding[]): CheckOutcome {
  const fr = factors.find((f) => f.factor === spec.factor)
  const ids = spec.ruleIds?.() ?? []
  const evidence = findings.filter((f) => f.factor === spec.factor && f.severity !== 'notice' && (ids.length === 0 || ids.includes(f.ruleId)))
  if (evidence.length > 0) return { spec, answer: spec.whenFound, evidence, basis: `${evidence.length} finding${evidence.length === 1 ? '' : 's'} in factor ${spec.factor}` }
  if (!fr || fr.status === 'not-applicable' || fr.rulesRun === 0) {
    return { spec, answer: 'not checked', evidence: [], basis: `factor ${spec.factor} was not audited or no file applied` }
  }
  const what = ids.length > 0 ? `no ${ids.join('/')} finding` : 'no error or warning'
  return { spec, answer: spec.whenClean, evidence: [], basis: `${what} from ${fr.rulesRun} factor ${spec.factor} rule${fr.rulesRun === 1 ? '' : 's'} run` }
}

export function evaluateAll(specs: readonly CheckSpec[], factors: readonly FactorResult[], findings: readonly Finding[]): CheckOutcome[] {
  return specs.map((s) => evaluate(s, factors, findings))
}
