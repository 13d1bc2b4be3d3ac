// --list-rules and --explain: the rule catalogue from the registry, and a rule's docs page.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UsageError } from '../engine/errors.js'
import { factorInfo } from '../engine/factors.js'
import { describePrecision, precisionOf } from '../engine/precision.js'
import type { Rule } from '../engine/rule.js'

export function listRules(rules: readonly Rule[], format: 'text' | 'json'): string {
  const rows = rules.map((r) => ({
    id: r.meta.id,
    name: r.meta.name,
    factor: r.meta.factor,
    severity: r.meta.severity,
    precision: r.meta.precision ?? precisionOf(),
    languages: r.meta.languages ?? [],
    summary: r.meta.summary
  }))
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`
  const widths = [6, 6, 8, 10, 34, 30]
  const row = (cells: string[]): string => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join('  ').trimEnd()
  const lines = rows.map((r) => row([r.id, r.factor, r.severity, r.precision.level, r.name, r.languages.filter((l) => l !== 'none').join(',') || 'config files', r.summary]))
  return `${[row(['ID', 'FACTOR', 'SEVERITY', 'PRECISION', 'NAME', 'LANGUAGES', 'DETECTS']), ...lines].join('\n')}\n`
}

/** The rule's docs page (docs/rules/ID.md beside the package), or a page made from its metadata. */
export function explainRule(rules: readonly Rule[], id: string): string {
  const rule = rules.find((r) => r.meta.id === id.toUpperCase())
  if (!rule) throw new UsageError(`--explain: unknown rule id '${id}'; --list-rules shows them`)
  for (const candidate of docsDirs()) {
    const page = join(candidate, `${rule.meta.id}.md`)
    if (existsSync(page)) return readFileSync(page, 'utf8')
  }
  const m = rule.meta
  const f = factorInfo(m.factor)
  const precision = describePrecision(m.precision ?? precisionOf())
  return `# ${m.id} ${m.name}\n\nFactor: ${m.factor} ${f.name} (${f.url}) · Severity: ${m.severity}\n\nPrecision: ${precision}\n\n${m.summary}\n\nWhy: ${m.why}\n\nFix: ${m.remediation}\n`
}

/** docs/rules relative to the running code: src/cli/ in development, dist/cli/ when bundled. */
function docsDirs(): string[] {
  let here: string
  try {
    here = dirname(fileURLToPath(import.meta.url))
  } catch {
    return []
  }
  const parts = ['..', '..', 'docs', 'rules']
  return [join(here, ...parts), join(here, ...parts.slice(1))]
}
