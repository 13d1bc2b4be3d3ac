import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { formatText } from '../../src/report/text.js'
import { makeTree } from '../helpers/tree.js'

describe('text report verdict', () => {
  const root = makeTree({ 'package.json': '{"name":"a","dependencies":{"express":"4.19.2"}}\n', 'src/db.js': "const url = 'postgres://db.prod.internal:5432/app'\n" })
  const verdict = (failOn: 'error' | 'none'): string => {
    const text = formatText(runAudit({ root, config: { ...defaultConfig(), failOn }, useGit: false }), { color: false })
    return text.trim().split('\n').find((l) => /^(PASS|FAIL)/.test(l)) ?? ''
  }

  it('says FAIL when a finding reaches fail-on', () => {
    expect(verdict('error')).toMatch(/^FAIL score/)
  })

  it('says the errors stay below the threshold when fail-on lets them pass', () => {
    expect(verdict('none')).toMatch(/^PASS \(below the fail-on threshold\) score .* 1 error/)
  })

  it('says a plain PASS on a clean tree', () => {
    const clean = makeTree({ 'README.md': '# nothing\n' })
    const text = formatText(runAudit({ root: clean, config: defaultConfig(), useGit: false }), { color: false })
    expect(text).toMatch(/^PASS score/m)
  })
})
