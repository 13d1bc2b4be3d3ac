// The Markdown report: the job summary in the action, `--format markdown` in the CLI, and (with a
// smaller budget) the check run's output. Everything from the repository is escaped.
import type { AuditResult } from '../audit.js'
import { FACTOR_INFO } from '../engine/factors.js'
import type { FactorStatus, Finding } from '../engine/types.js'
import { evaluateAll, LITMUS_TESTS, VALIDATIONS, type CheckOutcome } from '../results/litmus.js'
import { code, escapeMarkdown } from './escape.js'
import { MANUAL_CHECKS } from './manual-checks.js'

/** GitHub caps a step summary at 1 MiB; leave room for other steps' content. */
export const SUMMARY_BUDGET = 900 * 1024

export const STATUS_ICON: Record<FactorStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', 'not-applicable': '➖' }
export const SEVERITY_ICON = { error: '🔴', warning: '🟠', notice: '🔵' } as const

export interface MarkdownOptions {
  /** Link for a finding's location (the file at the audited commit); plain text when absent. */
  link?: (file: string, line: number) => string | undefined
  /** Size limit in UTF-8 bytes (what GitHub counts); finding rows beyond it are left out with a note. */
  budget?: number
  /** Extra lines under the verdict, already Markdown-safe (built from trusted text and escaped values). */
  notes?: readonly string[]
  /** Where the full list lives when rows are left out (named in the truncation note). */
  fullReport?: string
}

export function formatMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const budget = options.budget ?? SUMMARY_BUDGET
  const head = [...overview(result, options), ...checks(result)]
  const body: string[] = []
  let size = bytes(head.join('\n')) + 400 // room for the truncation note
  let omitted = 0
  if (result.findings.length > 0) body.push('### Findings', '')
  for (const info of FACTOR_INFO) {
    const mine = result.findings.filter((f) => f.factor === info.factor)
    if (mine.length === 0) continue
    const open = mine.some((f) => f.severity === 'error' && !f.baselined) ? ' open' : ''
    const section = [`<details${open}><summary><b>${info.factor} ${escapeMarkdown(info.name)}</b> (${mine.length})</summary>`, '',
      '| | Location | Finding | Rule |', '|---|---|---|---|']
    const checklist = ['', '**Confirm by hand** (static analysis cannot see these):', '', ...MANUAL_CHECKS[info.factor].map((c) => `- [ ] ${c}`), '', '</details>', '']
    const frame = bytes(section.join('\n')) + bytes(checklist.join('\n'))
    size += frame
    let rows = 0
    for (const f of mine) {
      const row = findingRow(f, options)
      const rowBytes = bytes(row) + 1
      if (size + rowBytes > budget) break
      section.push(row)
      size += rowBytes
      rows++
    }
    omitted += mine.length - rows
    if (rows > 0) body.push(...section, ...checklist)
    else size -= frame
  }
  if (omitted > 0) {
    const where = options.fullReport ?? 'the JSON report (`--format json`)'
    body.push(`> ${omitted} more finding${omitted === 1 ? ' is' : 's are'} not shown: this report would exceed its size limit. ${where} lists all of them.`)
  }
  return `${[...head, ...body].join('\n')}\n`
}

function overview(result: AuditResult, options: MarkdownOptions): string[] {
  const out: string[] = []
  const verdict = result.gate.failed ? `❌ ${escapeMarkdown(result.gate.reason)}` : '✅ Passed the configured threshold'
  out.push('## Twelve-Factor App audit', '', `**Score ${result.score}/100** · ${verdict}`, '')
  const baselined = result.findings.filter((f) => f.baselined).length
  const notes = [...(options.notes ?? [])]
  if (baselined > 0) notes.push(`${baselined} baselined finding${baselined === 1 ? '' : 's'} (listed below, not counted, not gating).`)
  if (notes.length > 0) out.push(...notes.map((n) => `> ${n}`), '')
  out.push('| | Factor | Status | Errors | Warnings | Notices | Most important finding |', '|---|---|---|---:|---:|---:|---|')
  for (const f of result.factors) {
    const info = FACTOR_INFO.find((i) => i.factor === f.factor)!
    const top = result.findings.find((x) => x.factor === f.factor && !x.baselined)
    out.push(`| ${STATUS_ICON[f.status]} | [${f.factor} ${escapeMarkdown(info.name)}](${info.url}) | ${f.status} | ${f.errors} | ${f.warnings} | ${f.notices} | ${top ? topFinding(top) : ''} |`)
  }
  out.push('')
  const s = result.stats
  out.push(`<sub>${s.files} files, ${(s.bytes / 1024 / 1024).toFixed(1)} MB read in ${(s.durationMs / 1000).toFixed(2)}s` +
    `${s.skipped ? ` · ${s.skipped} skipped` : ''}${result.suppressed.length ? ` · ${result.suppressed.length} suppressed by comments` : ''}</sub>`, '')
  return out
}

function topFinding(f: Finding): string {
  return `${SEVERITY_ICON[f.severity]} ${escapeMarkdown(truncate(f.message, 120))} (${code(`${truncate(f.file, 80)}:${f.line}`)})`
}

function checks(result: AuditResult): string[] {
  const litmus = evaluateAll(LITMUS_TESTS, result.factors, result.findings)
  const validations = evaluateAll(VALIDATIONS, result.factors, result.findings)
  return [
    '### Litmus tests', '', '| Question | Answer | Evidence |', '|---|---|---|', ...litmus.map(checkRow), '',
    '### Remediation validations', '', '| Validation | Result | Evidence |', '|---|---|---|', ...validations.map(checkRow), ''
  ]
}

function checkRow(o: CheckOutcome): string {
  // Good is the clean answer, which is "no" for the Config question and "yes" for the others.
  const icon = o.answer === 'not checked' ? '➖' : o.answer === o.spec.whenClean ? '✅' : '❌'
  return `| ${o.spec.text} | ${icon} ${o.answer} | ${evidence(o)} |`
}

/** Rule ids and locations of up to five deciding findings, then the count of the rest. */
export function evidence(o: CheckOutcome): string {
  if (o.evidence.length === 0) return o.basis
  const shown = o.evidence.slice(0, 5).map((f) => `${f.ruleId} ${code(`${truncate(f.file, 80)}:${f.line}`)}${f.baselined ? ' (baselined)' : ''}`)
  const more = o.evidence.length - shown.length
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
}

function findingRow(f: Finding, options: MarkdownOptions): string {
  const where = `${f.file}:${f.line}`
  const url = options.link?.(f.file, f.line)
  const location = url ? `<a href="${escapeAttr(encodeURI(url))}">${code(where)}</a>` : code(where)
  const base = f.baselined ? ' _(baselined)_' : ''
  return `| ${SEVERITY_ICON[f.severity]} | ${location} | ${escapeMarkdown(f.message)}${base}<br>**Fix:** ${escapeMarkdown(f.remediation)} | ${f.ruleId} |`
}

function escapeAttr(s: string): string {
  return s.replace(/"/g, '%22').replace(/</g, '%3C').replace(/>/g, '%3E')
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`
}
