// The committed action bundle on a realistic multi-language sample, run as the runner runs it.
import { describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp.js'

function workspace(): string {
  // Copied out of __tests__/ so the sample is classified as app code, as in a real checkout.
  const dir = tempDir('tfa-ws-')
  cpSync(resolve('__tests__/apps/config-samples'), dir, { recursive: true })
  return dir
}

describe('action bundle end to end', () => {
  const ws = workspace()
  const run = runAction(ws, { 'fail-on': 'error', factors: 'III' })

  it('fails the step over the threshold with a one-line reason naming the factor', () => {
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^::error::Twelve-factor audit failed: \d+ findings at or above 'error' in III Config$/m)
  })

  it('annotates the exact lines with rule and factor in the title', () => {
    expect(run.stdout).toContain('::error title=TF0305 · III Config,file=express/src/app.js,line=16,col=12::session secret is the literal')
    expect(run.stdout).toContain('::warning title=TF0307 · III Config,file=django/mysite/settings/base.py,line=11,col=9::Django DEBUG is hardcoded to True')
    expect(run.stdout).toMatch(/::notice title=TF0305 · III Config,file=django\/mysite\/settings\/dev.py,line=4/)
    // Multi-line messages are escaped so the fix stays in the same annotation.
    expect(run.stdout).toMatch(/::error title=TF0302[^\n]*%0AFix: /)
  })

  it('sets the outputs and writes the JSON report', () => {
    const report = JSON.parse(readFileSync(run.outputs['findings-file'], 'utf8'))
    const count = (sev: string) => report.findings.filter((f: { severity: string }) => f.severity === sev).length
    expect(run.outputs.errors).toBe(String(count('error')))
    expect(run.outputs.warnings).toBe(String(count('warning')))
    expect(run.outputs.notices).toBe(String(count('notice')))
    expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(10)
    expect(run.outputs['failed-factors']).toBe('III')
    expect(run.outputs.score).toBe('0')
    expect(run.outputs['findings-file'].startsWith(run.temp)).toBe(true)
  })

  it('writes a job summary with one row per factor and links to the audited commit', () => {
    expect(run.summary).toContain('| ❌ | [III Config](https://12factor.net/config) | fail |')
    expect(run.summary.match(/^\| (✅|⚠️|❌|➖) \| \[/gm)).toHaveLength(12)
    expect(run.summary).toContain('href="https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/express/src/app.js#L16"')
  })

  it('never prints a secret', () => {
    const all = run.stdout + run.stderr + run.summary + readFileSync(run.outputs['findings-file'], 'utf8')
    for (const secret of ['keyboard cat', 'Pr0d-0rders!', 'my_secret_key']) expect(all).not.toContain(secret)
  })

  it('audits a sub-folder given as path, with annotation paths relative to the repository', () => {
    const r = runAction(ws, { path: 'express', factors: 'III' })
    expect(r.stdout).toContain('file=express/src/app.js,line=16')
    expect(r.stdout).toMatch(/::error title=TF0304[^\n]*file=express\/.env,line=4/)
  })

  it('rejects a path outside the workspace', () => {
    const r = runAction(ws, { path: '../..' })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain("::error::input 'path': ../.. is outside the workspace")
  })
})
