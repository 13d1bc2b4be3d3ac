// Sections of README.md generated from the sources of truth (action.yml, the rule registry,
// the config key table). __tests__/readme.test.ts fails when README.md drifts from them;
// `UPDATE_README=1 npm test -- readme` rewrites the sections.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { CONFIG_KEYS } from '../src/config/schema.js'
import { FACTOR_INFO } from '../src/engine/factors.js'
import type { Rule } from '../src/engine/rule.js'

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
