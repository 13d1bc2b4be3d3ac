// Sections of README.md generated from the sources of truth (action.yml, the rule registry,
// the config key table, corpus/accuracy.json), and the docs pages' precision line.
// __tests__/readme.test.ts fails when README.md or a page drifts from them;
// `UPDATE_README=1 npm test -- readme` rewrites them (`npm run corpus -- --write` does too).
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { CONFIG_KEYS } from '../src/config/schema.js'
import { FACTOR_INFO } from '../src/engine/factors.js'
import { describePrecision, type RulePrecision } from '../src/engine/precision.js'
import type { Rule } from '../src/engine/rule.js'
import type { Accuracy } from './corpus/write.js'

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim()

export function inputsTable(actionYmlPath = 'action.yml'): string {
  const action = parse(readFileSync(actionYmlPath, 'utf8')) as ActionYml
  const rows = Object.entries(action.inputs).map(([name, i]) => `| \`${name}\` | ${i.default === undefined || i.default === '' ? '' : `\`${cell(String(i.default))}\``} | ${cell(i.description)} |`)
  const outs = Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
  return ['| input | default | description |', '|---|---|---|', ...rows, '', '| output | description |', '|---|---|', ...outs].join('\n')
}

export function rulesByFactor(rules: readonly Rule[]): string {
  const out: string[] = []
  for (const f of FACTOR_INFO) {
    const mine = rules.filter((r) => r.meta.factor === f.factor)
    if (mine.length === 0) continue
    out.push(`**[${f.factor} ${f.name}](${f.url})**`, '', '| rule | severity | languages | detects |', '|---|---|---|---|')
    for (const r of mine) {
      out.push(`| [${r.meta.id}](docs/rules/${r.meta.id}.md) ${r.meta.name} | ${r.meta.severity} | ${(r.meta.languages ?? []).join(', ') || 'config files'} | ${cell(r.meta.summary)} |`)
    }
    out.push('')
  }
  return out.join('\n').trimEnd()
}

export function configKeys(): string {
  return ['| key | default | meaning |', '|---|---|---|', ...CONFIG_KEYS.map((k) => `| \`${k.key}\` | ${cell(k.default)} | ${cell(k.description)} |`)].join('\n')
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const i = readme.indexOf(start)
  const j = readme.indexOf(end)
  if (i === -1 || j === -1) throw new Error(`README.md has no ${start} ... ${end} section`)
  return `${readme.slice(0, i + start.length)}\n${body}\n${readme.slice(j)}`
}

const share = (tp: number, fp: number): string => (tp + fp === 0 ? '–' : `${(tp / (tp + fp)).toFixed(2)} (${tp}/${tp + fp})`)
const part = (n: number, of: number): string => (of === 0 ? '–' : `${n}/${of}`)

/** The Accuracy section: what the corpus is, today's TOTAL line and a table per factor. */
export function accuracySection(accuracyPath = 'corpus/accuracy.json'): string {
  const a = JSON.parse(readFileSync(accuracyPath, 'utf8')) as Accuracy
  const languages = Object.entries(a.languages).map(([l, n]) => `${l} ${n}`).join(', ') || 'none yet'
  const rows = a.factors.map((f) => `| ${f.factor} | ${part(f.found, f.mustFind)} | ${part(f.foundErrorsWarnings, f.mustFind)} | ${share(f.error.tp, f.error.fp)} | ${share(f.warning.tp, f.warning.fp)} | ${f.error.debatable + f.warning.debatable} | ${part(f.falseAlarms, f.mustNotFind)} |`)
  return [
    `Measured on ${a.date} on **${a.repositories} public repositories** pinned at a commit (languages: ${languages}; sizes: ${a.sizes.small} under 300 files, ${a.sizes.medium} of 300 to 2,999, ${a.sizes.large} of 3,000 or more), labelled blind and every error and warning triaged by reading the code ([corpus/](corpus/README.md)). Regenerate with \`npm run corpus -- --root DIR --write\`.`,
    '',
    '```',
    a.totalLine,
    '```',
    '',
    'Recall counts a labelled violation found by a finding of any severity (E+W: by an error or a warning); precision is tp / (tp + fp), debatable findings apart; a must_not_find hit is an error or warning on a labelled lookalike.',
    '',
    '| factor | recall | recall E+W | error precision | warning precision | debatable | must_not_find hits |',
    '|---|---|---|---|---|---|---|',
    ...rows
  ].join('\n')
}

const PRECISION_LINE = /^(- )?\*\*Precision:\*\* /

/** A docs page with its generated precision line after the severity (replaced if present). */
export function withPrecisionLine(page: string, precision: RulePrecision): string {
  const lines = withoutPrecisionLine(page.split('\n'))
  const at = lines.findIndex((l) => l.includes('**Severity:**'))
  if (at === -1) return page
  const text = `**Precision:** ${describePrecision(precision)}, generated by \`npm run corpus -- --write\``
  // a bullet list goes on; after a paragraph, a paragraph of its own
  lines.splice(at + 1, 0, ...(lines[at].startsWith('- ') ? [`- ${text}`] : ['', text]))
  return lines.join('\n')
}

function withoutPrecisionLine(lines: string[]): string[] {
  const i = lines.findIndex((l) => PRECISION_LINE.test(l))
  if (i === -1) return lines
  const paragraph = !lines[i].startsWith('- ') && lines[i - 1] === ''
  return [...lines.slice(0, paragraph ? i - 1 : i), ...lines.slice(i + 1)]
}
