// README.md and docs/rules/ stay true to the code: generated sections match action.yml, the rule
// registry, the config key table and corpus/accuracy.json; every rule has a docs page, every page
// a rule, and each page the precision line of its rule.
// Regenerate with: UPDATE_README=1 npm test -- readme
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { SUPPRESSION_WITHOUT_REASON } from '../src/engine/check-file.js'
import { RULES } from '../src/rules/registry.js'
import { accuracySection, configKeys, inputsTable, replaceSection, rulesByFactor, withPrecisionLine } from '../scripts/readme-sections.js'

describe('README.md', () => {
  const current = readFileSync('README.md', 'utf8')
  let expected = current
  expected = replaceSection(expected, 'inputs', inputsTable())
  expected = replaceSection(expected, 'rules', rulesByFactor(RULES))
  expected = replaceSection(expected, 'config', configKeys())
  expected = replaceSection(expected, 'accuracy', accuracySection())
  if (process.env.UPDATE_README) writeFileSync('README.md', expected)

  it('inputs/outputs, rules per factor, config keys and accuracy are generated from their sources', () => {
    expect(current).toBe(expected)
  })

  it('opens with the two commands a newcomer needs', () => {
    const head = current.slice(0, current.indexOf('## Minimal workflow'))
    expect(head).toContain('node dist/cli/index.js PATH')
    expect(head).toContain('npm ci && npm test')
  })
})

describe('docs/rules', () => {
  const pages = readdirSync('docs/rules').filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort()
  const ids = [...RULES.map((r) => r.meta.id), SUPPRESSION_WITHOUT_REASON].sort()

  it('has a page for every rule and a rule for every page', () => {
    expect(pages).toEqual(ids)
  })

  for (const rule of RULES) {
    it(`${rule.meta.id} page names the rule, its factor and how to suppress it, and has its precision line`, () => {
      const path = `docs/rules/${rule.meta.id}.md`
      const page = readFileSync(path, 'utf8')
      const expected = withPrecisionLine(page, rule.meta.precision!)
      if (process.env.UPDATE_README) writeFileSync(path, expected)
      expect(page).toBe(expected)
      expect(page.split('\n')[0]).toBe(`# ${rule.meta.id} ${rule.meta.name}`)
      expect(page).toContain(rule.meta.factor)
      expect(page).toContain(`twelve-factor-ignore ${rule.meta.id}`)
    })
  }
})
