// The Markdown report: the job summary in the action, `--format markdown` in the CLI.
import type { AuditResult } from '../audit.js'
import { FACTOR_INFO } from '../engine/factors.js'
import type { FactorStatus, Finding } from '../engine/types.js'
import { code, escapeMarkdown } from './escape.js'

/** GitHub caps a step summary at 1 MiB; leave room for other steps' content. */
export const SUMMARY_BUDGET = 900 * 1024

export const STATUS_ICON: Record<FactorStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', 'not-applicable': '➖' }
const SEVERITY_ICON = { error: '🔴', warning: '🟠', notice: '🔵' } as const

export interface MarkdownOptions {
  /** Link for a finding's location (the file at the audited commit); plain text when absent. */
  link?: (file: string, line: number) => string | undefined
  budget?: number
}

export function formatMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const budget = options.budget ?? SUMMARY_BUDGET
  const head: string[] = []
  const verdict = result.gate.failed ? `❌ ${escapeMarkdown(result.gate.reason)}` : '✅ Passed the configured threshold'
  head.push('## Twelve-Factor App audit', '', `**Score ${result.score}/100** · ${verdict}`, '')
  head.push('| | Factor | Status | Errors | Warnings | Notices |', '|---|---|---|---:|---:|---:|')
  for (const f of result.factors) {
    const info = FACTOR_INFO.find((i) => i.factor === f.factor)!
    head.push(`| ${STATUS_ICON[f.status]} | [${f.factor} ${escapeMarkdown(info.name)}](${info.url}) | ${f.status} | ${f.errors} | ${f.warnings} | ${f.notices} |`)
  }
  head.push('')
  const s = result.stats
  head.push(`<sub>${s.files} files, ${(s.bytes / 1024 / 1024).toFixed(1)} MB read in ${(s.durationMs / 1000).toFixed(2)}s` +
    `${s.skipped ? ` · ${s.skipped} skipped` : ''}${result.suppressed.length ? ` · ${result.suppressed.length} suppressed by comments` : ''}</sub>`, '')

  const body: string[] = []
  let size = head.join('\n').length
  let omitted = 0
  if (result.findings.length > 0) body.push('### Findings', '')
  for (const info of FACTOR_INFO) {
    const mine = result.findings.filter((f) => f.factor === info.factor)
    if (mine.length === 0) continue
    const open = mine.some((f) => f.severity === 'error') ? ' open' : ''
    const section = [`<details${open}><summary><b>${info.factor} ${escapeMarkdown(info.name)}</b> (${mine.length})</summary>`, '',
      '| | Location | Finding | Rule |', '|---|---|---|---|']
    let rows = 0
    for (const f of mine) {
      const row = findingRow(f, options)
      if (size + row.length + 200 > budget) {
        omitted += mine.length - rows
        break
      }
      section.push(row)
      size += row.length + 1
      rows++
    }
    section.push('', '</details>', '')
    if (rows > 0) body.push(...section)
  }
  if (omitted > 0) {
    body.push(`> ${omitted} more findings are not shown: the summary would exceed GitHub's size limit. The JSON report (output \`findings-file\`) lists all of them.`)
  }
  return `${[...head, ...body].join('\n')}\n`
}

function findingRow(f: Finding, options: MarkdownOptions): string {
  const where = `${f.file}:${f.line}`
  const url = options.link?.(f.file, f.line)
  const location = url ? `<a href="${encodeURI(url)}">${code(where)}</a>` : code(where)
  const base = f.baselined ? ' _(baselined)_' : ''
  return `| ${SEVERITY_ICON[f.severity]} | ${location} | ${escapeMarkdown(f.message)}${base}<br>**Fix:** ${escapeMarkdown(f.remediation)} | ${f.ruleId} |`
}
