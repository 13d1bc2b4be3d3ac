// SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer). One run, one tool.driver with the
// metadata of every rule that reported, results with repository-relative locations and the
// engine's fingerprint (stable when unrelated lines move) as partialFingerprints.
import type { AuditResult } from '../audit.js'
import { SUPPRESSION_WITHOUT_REASON } from '../engine/check-file.js'
import { factorInfo } from '../engine/factors.js'
import type { RuleMeta } from '../engine/rule.js'
import type { Finding, Severity } from '../engine/types.js'
import { VERSION } from '../version.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
export const INFORMATION_URI = 'https://github.com/twelve-factor-audit/twelve-factor-audit'
export const ruleHelpUri = (id: string): string => `${INFORMATION_URI}/blob/main/docs/rules/${id}.md`

/** Code scanning rejects a run with more than 25,000 results; findings are most severe first. */
export const MAX_SARIF_RESULTS = 25_000

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' }

/** Engine-level rules that are not in the registry but can report. */
const ENGINE_RULES: Record<string, Omit<RuleMeta, 'factor'>> = {
  [SUPPRESSION_WITHOUT_REASON]: {
    id: SUPPRESSION_WITHOUT_REASON,
    name: 'suppression-without-reason',
    severity: 'notice',
    summary: 'A twelve-factor-ignore comment gives no reason.',
    why: 'A suppression without a reason cannot be reviewed later: nobody knows whether it still applies.',
    remediation: "Add the reason after two dashes: 'twelve-factor-ignore TF0301 -- <why it does not apply>'."
  }
}

export interface SarifOptions {
  /** The audit root relative to the repository root ('' when the same), prefixed to every uri. */
  prefix?: string
}

export function toSarif(result: AuditResult, rules: readonly RuleMeta[], options: SarifOptions = {}): object {
  const prefix = options.prefix ? `${options.prefix.replace(/\/+$/, '')}/` : ''
  const byId = new Map(rules.map((r) => [r.id, r]))
  const findings = result.findings.slice(0, MAX_SARIF_RESULTS)
  const ids = [...new Set(findings.map((f) => f.ruleId))]
  const metas = ids.map((id) => metaFor(id, byId, findings))
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'twelve-factor-audit',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: metas.map(sarifRule)
          }
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results: findings.map((f) => sarifResult(f, ids.indexOf(f.ruleId), prefix))
      }
    ]
  }
}

export function formatSarif(result: AuditResult, rules: readonly RuleMeta[], options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(result, rules, options), null, 2)}\n`
}

function metaFor(id: string, byId: Map<string, RuleMeta>, findings: readonly Finding[]): RuleMeta {
  const known = byId.get(id)
  if (known) return known
  const factor = findings.find((f) => f.ruleId === id)!.factor
  const engine = ENGINE_RULES[id]
  if (engine) return { ...engine, factor }
  return { id, name: id.toLowerCase(), factor, severity: 'warning', summary: `Rule ${id}.`, why: `Rule ${id}.`, remediation: 'See the rule documentation.' }
}

/** Code scanning caps descriptions at 1024 characters. */
const cap = (s: string, n = 1024): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`)

function sarifRule(m: RuleMeta): object {
  const info = factorInfo(m.factor)
  const factorLine = `Factor ${m.factor} ${info.name} (${info.url})`
  return {
    id: m.id,
    name: m.name,
    shortDescription: { text: cap(m.summary) },
    fullDescription: { text: cap(`${m.summary} ${m.why}`) },
    help: {
      text: `${m.why}\n\nFix: ${m.remediation}\n\n${factorLine}`,
      markdown: `${m.why}\n\n**Fix:** ${m.remediation}\n\n[Factor ${m.factor} ${info.name}](${info.url})`
    },
    helpUri: ruleHelpUri(m.id),
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: { tags: ['twelve-factor', `factor-${m.factor}`, info.name.toLowerCase()], ...precisionProperty(m) }
  }
}

/** CodeQL's `precision` tag, from the corpus; left out while a rule is unmeasured (no guess). */
function precisionProperty(m: RuleMeta): { precision?: string } {
  const level = m.precision?.level
  return level && level !== 'unmeasured' ? { precision: level } : {}
}

function sarifResult(f: Finding, ruleIndex: number, prefix: string): object {
  const region: Record<string, number> = { startLine: f.line }
  if (f.column) region.startColumn = f.column
  if (f.endLine && f.endLine >= f.line) region.endLine = f.endLine
  if (f.endColumn && (!f.endLine || f.endLine === f.line) && f.column && f.endColumn > f.column) region.endColumn = f.endColumn
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message} Fix: ${f.remediation}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(`${prefix}${f.file}`), uriBaseId: '%SRCROOT%' }, region } }],
    partialFingerprints: { 'twelveFactorFingerprint/v1': f.fingerprint },
    ...(f.baselined ? { baselineState: 'unchanged' } : {}),
    properties: { factor: f.factor }
  }
}

/** A relative URI reference: each path segment percent-encoded, slashes kept. */
function encodeUriPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}
