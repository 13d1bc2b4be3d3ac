import { describe, expect, it } from '@jest/globals'
import { formatMarkdown } from '../../src/report/markdown.js'
import { MANUAL_CHECKS } from '../../src/report/manual-checks.js'
import { FACTORS } from '../../src/engine/types.js'
import { finding, makeResult } from '../helpers/result.js'

describe('job summary', () => {
  it('has one row per factor with icon, linked name, counts and the most important finding (escaped)', () => {
    const r = makeResult([finding('III', 'warning', { message: 'minor' }), finding('III', 'error', { message: 'key <script>alert(1)</script> @admin', file: 'src/config.js', line: 4 })])
    const md = formatMarkdown(r)
    const row = md.split('\n').find((l) => l.includes('[III Config](https://12factor.net/config)'))!
    expect(row).toMatch(/^\| ❌ \| \[III Config\]\(https:\/\/12factor\.net\/config\) \| fail \| 1 \| 1 \| 0 \| 🔴 key &lt;script&gt;alert\\\(1\\\)&lt;\/script&gt; @\u200badmin \(<code>src\/config\.js:4<\/code>\) \|$/)
    expect(md.split('\n').filter((l) => /^\| (✅|⚠️|❌|➖) \| \[/.test(l))).toHaveLength(12)
    expect(md).not.toContain('<script>')
  })

  it('answers the three litmus tests and four validations with evidence, "not checked" when not audited', () => {
    const r = makeResult([finding('III', 'error', { ruleId: 'TF0301', file: 'src/config.js', line: 4 })], { rulesRun: { XI: 0 } })
    const md = formatMarkdown(r)
    expect(md).toContain('### Litmus tests')
    expect(md).toMatch(/\| Config: would open-sourcing the code right now expose any credentials\? \| ❌ yes \| TF0301 <code>src\/config\.js:4<\/code> \|/)
    expect(md).toMatch(/\| Processes: can any process be killed and restarted without losing data\? \| ✅ yes \|/)
    expect(md).toContain('### Remediation validations')
    expect(md).toMatch(/\| Config is not in code \| ❌ fail \| TF0301/)
    expect(md).toMatch(/\| Logs flow to stdout as an event stream \| ➖ not checked \|/)
    expect(md).toMatch(/\| The pipeline has distinct build → release → run stages \| ✅ pass \|/)
  })

  it('groups findings per factor in <details> ending with the by-hand checklist, linking each location', () => {
    const r = makeResult([finding('VI', 'error', { file: 'src/a b.js', line: 9 })])
    const md = formatMarkdown(r, { link: (file, line) => `https://github.com/acme/shop/blob/abc/${file}#L${line}` })
    expect(md).toContain('<details open><summary><b>VI Processes</b> (1)</summary>')
    expect(md).toContain('<a href="https://github.com/acme/shop/blob/abc/src/a%20b.js#L9"><code>src/a b.js:9</code></a>')
    const section = md.slice(md.indexOf('<details open>'), md.indexOf('</details>'))
    for (const item of MANUAL_CHECKS.VI) expect(section).toContain(`- [ ] ${item}`)
  })

  it('has a by-hand checklist for every factor', () => {
    for (const f of FACTORS) expect(MANUAL_CHECKS[f].length).toBeGreaterThanOrEqual(2)
  })

  it('stays under its budget by leaving finding rows out, with a note saying where they are', () => {
    const many = Array.from({ length: 3000 }, () => finding('III', 'error', { message: 'x'.repeat(200) }))
    const md = formatMarkdown(makeResult(many), { budget: 100_000, fullReport: 'The JSON report' })
    expect(md.length).toBeLessThanOrEqual(100_000)
    expect(md).toMatch(/> \d+ more findings are not shown: .* The JSON report lists all of them\./)
    expect(md).toContain('</details>') // the section that got rows is closed properly
  })

  it('the default budget keeps a huge report under the 1 MiB step-summary limit, counting UTF-8 bytes', () => {
    const many = Array.from({ length: 8000 }, () => finding('IV', 'warning', { message: '設定'.repeat(150) }))
    expect(Buffer.byteLength(formatMarkdown(makeResult(many)))).toBeLessThan(1024 * 1024)
  })

  it('shows notes and counts baselined findings separately', () => {
    const r = makeResult([finding('III', 'error', { baselined: true })])
    const md = formatMarkdown(r, { notes: ['3 more annotations were not shown'] })
    expect(md).toContain('> 3 more annotations were not shown')
    expect(md).toContain('> 1 baselined finding (listed below, not counted, not gating).')
    expect(md).toContain('_(baselined)_')
    expect(md).toContain('✅ Passed the configured threshold')
  })
})
