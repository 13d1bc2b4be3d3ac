// What a person reads in a terminal: findings grouped by factor, file:line:col, colour on a TTY.
import type { AuditResult } from '../audit.js'
import { FACTOR_INFO } from '../engine/factors.js'
import type { Severity } from '../engine/types.js'
import { printable } from './escape.js'

const COLOURS = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1 } as const
type Colour = keyof typeof COLOURS

export function formatText(result: AuditResult, options: { color: boolean }): string {
  const paint = (c: Colour, s: string): string => (options.color ? `\u001b[${COLOURS[c]}m${s}\u001b[0m` : s)
  const sev: Record<Severity, string> = { error: paint('red', 'error  '), warning: paint('yellow', 'warning'), notice: paint('cyan', 'notice ') }
  const out: string[] = []
  for (const info of FACTOR_INFO) {
    const mine = result.findings.filter((f) => f.factor === info.factor)
    if (mine.length === 0) continue
    const fr = result.factors.find((f) => f.factor === info.factor)!
    out.push(paint('bold', `${info.factor} ${info.name}`) + paint('dim', ` (${fr.status}: ${plural(fr.errors, 'error')}, ${plural(fr.warnings, 'warning')}, ${plural(fr.notices, 'notice')})`))
    for (const f of mine) {
      const where = `${f.file}:${f.line}${f.column ? `:${f.column}` : ''}`
      const tag = f.baselined ? paint('dim', ' (baselined)') : ''
      out.push(`  ${clean(where)}  ${sev[f.severity]}  ${clean(f.message)}  ${paint('dim', `[${f.ruleId}]`)}${tag}`)
      // Multi-line remediations (code snippets) keep their lines, each cleaned of control characters.
      f.remediation.split(/\r\n|\r|\n/).forEach((l, i) => out.push(paint('dim', `${i === 0 ? '      fix: ' : '           '}${clean(l)}`)))
    }
    out.push('')
  }
  if (result.suppressed.length > 0) out.push(paint('dim', `${plural(result.suppressed.length, 'finding')} suppressed by comments`))
  const baselined = result.findings.filter((f) => f.baselined).length
  if (baselined > 0) out.push(paint('dim', `${plural(baselined, 'finding')} baselined (shown, not counted, not gating)`))
  for (const s of result.skippedFiles.slice(0, 20)) out.push(paint('dim', `skipped ${clean(s.file)}: ${s.reason}`))
  if (result.skippedFiles.length > 20) out.push(paint('dim', `skipped ${result.skippedFiles.length - 20} more files`))
  const e = result.factors.reduce((n, f) => n + f.errors, 0)
  const w = result.factors.reduce((n, f) => n + f.warnings, 0)
  const n = result.factors.reduce((n, f) => n + f.notices, 0)
  // PASS beside errors reads like a contradiction: say that the findings stay below the threshold.
  const verdict = result.gate.failed ? paint('red', 'FAIL') : paint('green', e + w > 0 ? 'PASS (below the fail-on threshold)' : 'PASS')
  out.push(
    `${verdict} score ${result.score}/100 · ${plural(e, 'error')}, ${plural(w, 'warning')}, ${plural(n, 'notice')} · ` +
      `${plural(result.stats.files, 'file')} in ${(result.stats.durationMs / 1000).toFixed(2)}s`
  )
  if (result.gate.failed) out.push(result.gate.reason)
  return `${out.join('\n')}\n`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Control characters (escape sequences, CR) from file names or messages must not drive the terminal. */
const clean = printable
