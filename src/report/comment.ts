// The pull-request comment: a prioritized remediation plan, updated in place on every run. The
// hidden marker finds it again; a second hidden marker carries this run's counts so the next run
// can say what improved. Everything from the repository is escaped.
import type { AuditResult } from '../audit.js'
import { factorInfo } from '../engine/factors.js'
import { FACTORS, type Factor, type Finding } from '../engine/types.js'
import { DEPENDENCIES, PRIORITY_GROUPS } from '../results/remediation-order.js'
import { code, escapeMarkdown } from './escape.js'
import { SEVERITY_ICON, truncate } from './markdown.js'

export const COMMENT_MARKER = '<!-- twelve-factor-audit -->'
const COUNTS_PREFIX = '<!-- twelve-factor-audit:counts '
/** GitHub rejects issue comments over 65536 characters. */
export const COMMENT_LIMIT = 65536
/** Steps shown per factor before "and N more". */
const STEPS_PER_FACTOR = 10

export interface CommentCounts {
  score: number
  errors: number
  warnings: number
  notices: number
  byFactor: Partial<Record<Factor, number>>
}

export interface CommentOptions {
  link?: (file: string, line: number) => string | undefined
  /** Counts from the comment the previous run left, when there is one. */
  previous?: CommentCounts
  /** Where the full report is (a link to the run or the summary); trusted text. */
  fullReport?: string
}

export function countsOf(result: AuditResult): CommentCounts {
  const live = result.findings.filter((f) => !f.baselined)
  const byFactor: Partial<Record<Factor, number>> = {}
  for (const f of live) byFactor[f.factor] = (byFactor[f.factor] ?? 0) + 1
  const n = (s: Finding['severity']): number => live.filter((f) => f.severity === s).length
  return { score: result.score, errors: n('error'), warnings: n('warning'), notices: n('notice'), byFactor }
}

/** Reads the counts marker back from a previous comment; anything malformed reads as absent. */
export function parseCounts(body: string): CommentCounts | undefined {
  const start = body.indexOf(COUNTS_PREFIX)
  if (start < 0) return undefined
  const end = body.indexOf(' -->', start)
  if (end < 0) return undefined
  try {
    const data = JSON.parse(body.slice(start + COUNTS_PREFIX.length, end)) as Record<string, unknown>
    const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined)
    const score = num(data.score)
    const errors = num(data.errors)
    const warnings = num(data.warnings)
    const notices = num(data.notices)
    if (score === undefined || errors === undefined || warnings === undefined || notices === undefined) return undefined
    const byFactor: Partial<Record<Factor, number>> = {}
    const raw = (data.byFactor ?? {}) as Record<string, unknown>
    for (const f of FACTORS) if (num(raw[f]) !== undefined) byFactor[f] = num(raw[f])
    return { score, errors, warnings, notices, byFactor }
  } catch {
    return undefined
  }
}

export function formatComment(result: AuditResult, options: CommentOptions = {}): string {
  const counts = countsOf(result)
  const tail = [`${COUNTS_PREFIX}${JSON.stringify(counts)} -->`]
  const head = [COMMENT_MARKER, '## Twelve-Factor App audit', '']
  const live = result.findings.filter((f) => !f.baselined)
  const baselined = result.findings.length - live.length

  head.push(`**Score ${result.score}/100** · ${counts.errors} errors, ${counts.warnings} warnings, ${counts.notices} notices${baselined ? ` · ${baselined} baselined` : ''}`)
  head.push('', result.gate.failed ? `❌ ${escapeMarkdown(result.gate.reason)}` : '✅ Passes the configured threshold.', '')
  const progress = improvement(options.previous, counts)
  if (progress) head.push(progress, '')

  if (live.length === 0) {
    head.push('No open findings: nothing to fix in this pull request. 🎉', '')
    return finish(head, [], tail, options)
  }

  const body: string[] = ['### Remediation plan', '']
  const present = new Set(live.map((f) => f.factor))
  const deps = DEPENDENCIES.filter((d) => present.has(d.factor) && present.has(d.after))
  if (deps.length > 0) {
    body.push('**Order matters:**', ...deps.map((d) => `- Fix ${d.after} ${factorInfo(d.after).name} before ${d.factor} ${factorInfo(d.factor).name}: ${d.why}.`), '')
  }
  let step = 1
  for (const group of PRIORITY_GROUPS) {
    const factors = group.factors.filter((f) => present.has(f))
    if (factors.length === 0) continue
    body.push(`#### ${group.title}`, '')
    for (const factor of factors) {
      const info = factorInfo(factor)
      const mine = live.filter((f) => f.factor === factor)
      body.push(`**[${factor} ${info.name}](${info.url})** (${mine.length})`, '')
      for (const f of mine.slice(0, STEPS_PER_FACTOR)) body.push(...stepLines(step++, f, options))
      if (mine.length > STEPS_PER_FACTOR) body.push(`- …and ${mine.length - STEPS_PER_FACTOR} more ${factor} findings in the full report.`)
      body.push('')
    }
  }
  return finish(head, body, tail, options)
}

function stepLines(n: number, f: Finding, options: CommentOptions): string[] {
  const where = `${f.file}:${f.line}`
  const url = options.link?.(f.file, f.line)
  const location = url ? `[${code(where)}](${url.replace(/[()\s]/g, encodeURIComponent)})` : code(where)
  const lines = [`${n}. ${SEVERITY_ICON[f.severity]} ${location} ${escapeMarkdown(truncate(f.message, 300))} <sub>${f.ruleId}</sub>`]
  if (f.snippet) lines.push(`   - Now: ${code(truncate(f.snippet, 200))}`)
  lines.push(`   - Change: ${escapeMarkdown(truncate(f.remediation, 500))}`)
  return lines
}

function improvement(prev: CommentCounts | undefined, now: CommentCounts): string {
  if (!prev) return ''
  const fixed = FACTORS.filter((f) => (prev.byFactor[f] ?? 0) > (now.byFactor[f] ?? 0))
    .map((f) => `${f} ${(prev.byFactor[f] ?? 0) - (now.byFactor[f] ?? 0)} fewer`)
  const delta = (a: number, b: number): string => (b === a ? `${b}` : `${a} → ${b}`)
  const line = `Since the last run: score ${delta(prev.score, now.score)}, errors ${delta(prev.errors, now.errors)}, warnings ${delta(prev.warnings, now.warnings)}, notices ${delta(prev.notices, now.notices)}`
  return `${line}${fixed.length ? ` (${fixed.join(', ')})` : ''}.`
}

/** Joins the parts, dropping plan lines from the end until the body fits GitHub's limit. */
function finish(head: string[], body: string[], tail: string[], options: CommentOptions): string {
  const note = `\n> The plan is cut short to fit a comment. ${options.fullReport ?? 'The job summary'} has every finding.\n`
  const footer = options.fullReport ? [`<sub>${options.fullReport}</sub>`, ''] : []
  const fixed = head.join('\n').length + tail.join('\n').length + footer.join('\n').length + note.length + 8
  let lines = body
  let size = fixed + lines.join('\n').length
  let cut = false
  while (size > COMMENT_LIMIT && lines.length > 0) {
    const drop = Math.max(1, Math.ceil(lines.length / 10))
    lines = lines.slice(0, lines.length - drop)
    size = fixed + lines.join('\n').length
    cut = true
  }
  return [...head, ...lines, ...(cut ? [note] : []), ...footer, ...tail].join('\n') + '\n'
}
