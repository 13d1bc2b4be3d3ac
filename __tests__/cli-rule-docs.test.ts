import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { runCli } from '../src/cli/main.js'
import { RULES } from '../src/rules/registry.js'
import { runCliBundle } from './helpers/run-action.js'

function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = runCli(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false, cwd: '/', env: {} })
  return { code, stdout, stderr }
}

describe('--list-rules and --explain', () => {
  it('lists every registered rule with id, factor, severity, languages and one line', () => {
    const r = cli(['--list-rules'])
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(RULES.length + 1)
    const tf0301 = lines.find((l) => l.startsWith('TF0301'))!
    expect(tf0301).toMatch(/^TF0301 +III +error +hardcoded-credential +javascript,typescript,\S* +Provider tokens/)
    expect(lines[0]).toMatch(/^ID +FACTOR +SEVERITY +NAME +LANGUAGES +DETECTS$/)
    const json = JSON.parse(cli(['--list-rules', '--format', 'json']).stdout)
    expect(json.map((j: { id: string }) => j.id)).toEqual(RULES.map((x) => x.meta.id))
    expect(cli(['--list-rules', '--format', 'sarif']).code).toBe(2)
  })

  it('prints the docs page of a rule, and exits 2 on an unknown id', () => {
    const r = cli(['--explain', 'tf0302'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(readFileSync('docs/rules/TF0302.md', 'utf8'))
    const bad = cli(['--explain', 'TF9999'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("unknown rule id 'TF9999'")
  })

  it('the committed CLI bundle finds the docs pages too', () => {
    const r = runCliBundle(['--explain', 'TF0301'], '/')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(readFileSync('docs/rules/TF0301.md', 'utf8'))
  })
})
