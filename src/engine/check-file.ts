// Offers one SourceFile to the rules selected for it: keyword prefilter, then the rule's check,
// then redaction, suppression comments and fingerprints. Pure: no disk, no environment.
import { LineFingerprints, lineFingerprint, normalizeLine } from './fingerprint.js'
import { hasKeyword, KeywordScanner } from './keywords.js'
import { maskCredentials, maskLine, redactAll } from './redact.js'
import type { FileContext, Rule } from './rule.js'
import type { SourceFile } from './source-file.js'
import type { Finding, Report, Suppression } from './types.js'

export const SUPPRESSION_MARKER = 'twelve-factor-ignore'
/** Findings one rule may make in one file. */
export const MAX_REPORTS_PER_RULE = 1000
/** Engine-level rule: a suppression comment without a `-- reason`. */
export const SUPPRESSION_WITHOUT_REASON = 'TF0001'

export interface FileOutcome {
  findings: Finding[]
  suppressed: Suppression[]
  /** Ids of the rules the file was offered to (selected by kind/language/role, before keywords). */
  offered: string[]
}

/**
 * One shared array per distinct list of offered rule ids: a 50,000-file tree has a few dozen
 * distinct lists, and a copy per file (or per record a worker sent) held tens of MB until the end.
 */
const OFFERED_LISTS = new Map<string, string[]>()
export function internOffered(ids: string[]): string[] {
  const key = ids.join(',')
  let shared = OFFERED_LISTS.get(key)
  if (!shared) {
    if (OFFERED_LISTS.size >= 10000) OFFERED_LISTS.clear() // bounded, whatever the rule set
    shared = ids
    OFFERED_LISTS.set(key, shared)
  }
  return shared
}

/** Does `rule` want to see this file's text? (Without a combined scan: one scanner for this rule.) */
export function passesKeywords(rule: Rule, file: SourceFile): boolean {
  if (!rule.keywords || rule.keywords.length === 0) return true
  return new KeywordScanner([rule]).scan(file.text).size > 0
}

/**
 * Offers the file to each rule. `found` is the result of one combined keyword scan (see
 * KeywordScanner); without it each rule's keywords are looked up one by one. The credentials the
 * rules reported are pushed onto `secretsOut` (never into the outcome), so findings made later on
 * the same file (repository rules) can be redacted of them too.
 */
export function checkFile(rules: readonly Rule[], file: SourceFile, ctx: FileContext, found?: ReadonlySet<string>, secretsOut?: string[]): FileOutcome {
  const raw: { rule: Rule; report: Report }[] = []
  const offered: string[] = []
  for (const rule of rules) {
    if (!rule.check) continue
    offered.push(rule.meta.id)
    if (!(found ? hasKeyword(rule, found) : passesKeywords(rule, file))) continue
    let reports = 0
    // Bounded work per file: a crafted file of a thousand key headers made a thousand findings, each
    // hashing and masking a 300 KB line. The first MAX_REPORTS_PER_RULE make the point.
    rule.check(file, (report) => void (reports++ < MAX_REPORTS_PER_RULE && raw.push({ rule, report })), ctx)
  }
  if (raw.length === 0) return { findings: [], suppressed: [], offered: internOffered(offered) }
  if (secretsOut) for (const { report } of raw) if (report.secret) secretsOut.push(report.secret)
  return { ...finalizeReports(raw, file), offered: internOffered(offered) }
}

/**
 * Turns raw reports into Findings: redaction, suppressions, fingerprints, stable order.
 * Every finding is redacted of every credential reported in the file (plus `knownSecrets`): a line
 * can hold two credentials, or a credential and something another rule reports, and each finding's
 * snippet is the whole line.
 */
export function finalizeReports(
  raw: { rule: Rule; report: Report }[],
  file: SourceFile,
  knownSecrets: readonly string[] = []
): Omit<FileOutcome, 'offered'> {
  raw.sort((a, b) => a.report.line - b.report.line || (a.report.column ?? 0) - (b.report.column ?? 0))
  const suppressions = file.lower.includes(SUPPRESSION_MARKER) ? parseSuppressions(file) : new Map<number, SuppressionComment[]>()
  const findings: Finding[] = []
  const suppressed: Suppression[] = []
  const occurrences = new Map<string, number>()
  const seen = new Set<string>()
  // The highest severity each rule reports per line, for rules that defer to another rule's finding there.
  const RANK = { notice: 0, warning: 1, error: 2 } as const
  const idsAt = new Map<string, number>()
  for (const { rule, report } of raw) {
    const key = `${rule.meta.id}:${report.file ?? ''}:${report.line}`
    idsAt.set(key, Math.max(idsAt.get(key) ?? 0, RANK[report.severity ?? rule.meta.severity]))
  }
  // Longest first, so a credential containing another is replaced whole.
  const secrets = [...new Set([...knownSecrets, ...raw.flatMap(({ report }) => (report.secret ? [report.secret] : []))])].sort((a, b) => b.length - a.length)
  // Per line, once: a line several findings share is normalised and masked once.
  const normalised = new Map<number, string>()
  const masked = new Map<number, string>()
  const fingerprints = new LineFingerprints()
  const snippetOf = (n: number): string => {
    if (!masked.has(n)) masked.set(n, truncate(maskLine(file, n, secrets).trim(), 200))
    return masked.get(n)!
  }
  for (const { rule, report } of raw) {
    // deferred only to a finding at least as severe: a notice elsewhere does not hide a warning
    if (rule.meta.deferTo?.some((id) => (idsAt.get(`${id}:${report.file ?? ''}:${report.line}`) ?? -1) >= RANK[report.severity ?? rule.meta.severity])) continue
    const lineText = file.line(report.line)
    if (!normalised.has(report.line)) normalised.set(report.line, normalizeLine(lineText))
    const occKey = `${rule.meta.id}\0${normalised.get(report.line)}`
    const occurrence = occurrences.get(occKey) ?? 0
    occurrences.set(occKey, occurrence + 1)
    const finding: Finding = {
      ruleId: rule.meta.id,
      factor: rule.meta.factor,
      severity: report.severity ?? rule.meta.severity,
      file: report.file ?? file.path,
      line: report.line,
      ...(report.column !== undefined ? { column: report.column } : {}),
      ...(report.endLine !== undefined ? { endLine: report.endLine } : {}),
      ...(report.endColumn !== undefined ? { endColumn: report.endColumn } : {}),
      message: maskCredentials(redactAll(report.message, secrets), true),
      // Fixes quote the line they rewrite (CMD ["GITHUB_TOKEN=…", …]): masked like the snippet.
      remediation: maskCredentials(redactAll(report.remediation ?? rule.meta.remediation, secrets), true),
      // Masked before truncating: a secret cut in half by the truncation would not be found.
      snippet: snippetOf(report.line),
      // A one-way hash of the real line: changing the secret on that line must make it a new finding.
      fingerprint: fingerprints.of(rule.meta.id, report.file ?? file.path, report.line, normalised.get(report.line)!, occurrence)
    }
    // One finding per rule and position: two patterns matching the same token are one problem.
    const dedupe = `${finding.ruleId}:${finding.line}:${finding.column ?? 0}`
    if (seen.has(dedupe)) continue
    seen.add(dedupe)
    const match = findSuppression(suppressions, rule.meta.id, report.line)
    if (!match) {
      findings.push(finding)
      continue
    }
    suppressed.push({ ruleId: finding.ruleId, file: finding.file, line: finding.line, reason: match.reason, fingerprint: finding.fingerprint })
    if (!match.reason && !match.reported) {
      match.reported = true
      findings.push({
        ruleId: SUPPRESSION_WITHOUT_REASON,
        factor: rule.meta.factor,
        severity: 'notice',
        file: file.path,
        line: match.line,
        message: `Suppression of ${rule.meta.id} gives no reason`,
        remediation: `Say why the finding does not apply: '${SUPPRESSION_MARKER} ${rule.meta.id} -- <reason>'.`,
        // The suppressed line itself may hold the credential.
        snippet: snippetOf(match.line),
        fingerprint: lineFingerprint(SUPPRESSION_WITHOUT_REASON, file.path, file.line(match.line), 0)
      })
    }
  }
  return { findings, suppressed }
}

interface SuppressionComment {
  line: number
  ruleIds: Set<string>
  reason: string
  reported: boolean
}

/** Suppression comments by line: `twelve-factor-ignore TF0301[,TF0302] -- reason`. */
export function parseSuppressions(file: SourceFile): Map<number, SuppressionComment[]> {
  const byLine = new Map<number, SuppressionComment[]>()
  const lines = file.lines
  const codeLines = file.commentStyle === 'none' ? undefined : file.code.split(/\r\n|\r|\n/)
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]
    const at = text.toLowerCase().indexOf(SUPPRESSION_MARKER)
    if (at === -1) continue
    // Only inside a comment: the blanked code has spaces where the marker stands.
    if (codeLines && codeLines[i]?.slice(at, at + SUPPRESSION_MARKER.length).trim() !== '') continue
    const rest = text.slice(at + SUPPRESSION_MARKER.length)
    const m = /^[\s:]+([A-Za-z0-9_,\s-]*?)(?:\s+--\s*(.*?))?\s*(?:-->|\*\/)?\s*$/.exec(rest)
    if (!m) continue
    const ids = m[1].split(/[\s,]+/).filter((s) => /^TF\d{4}$/i.test(s)).map((s) => s.toUpperCase())
    if (ids.length === 0) continue
    byLine.set(i + 1, [...(byLine.get(i + 1) ?? []), { line: i + 1, ruleIds: new Set(ids), reason: (m[2] ?? '').trim(), reported: false }])
  }
  return byLine
}

function findSuppression(map: Map<number, SuppressionComment[]>, ruleId: string, line: number): SuppressionComment | undefined {
  for (const l of [line, line - 1]) {
    for (const s of map.get(l) ?? []) if (s.ruleIds.has(ruleId)) return s
  }
  return undefined
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`
}
