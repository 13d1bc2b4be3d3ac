// Small crafted files must not cost minutes: before the fixes a 1 MB line of `app.run(port=` took
// over 60 s (TF0701), 310 KB of private key headers on one line over 60 s (TF0301, and a finding per
// header each hashing the line), 500 KB of nested brackets 4 s and 370 MB (YAML). Each file is audited
// by the committed CLI bundle under a timeout twenty times what it costs now (about 0.5 s), so the
// test catches a quadratic path coming back without timing anything finely.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { parseYaml } from '../../src/parsers/yaml.js'
import { CLI } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'

const MB = 1_000_000
const fill = (unit: string, size: number): string => unit.repeat(Math.floor(size / unit.length))
const CRAFTED: [string, Record<string, string>][] = [
  ['a 1 MB line of app.run(port=', { 'app.py': `${fill('app.run(port=', MB)}\n` }],
  ['320 KB of key headers, one a line', { 'key.pem': fill('-----BEGIN RSA PRIVATE KEY-----\n', 320_000) }],
  ['310 KB of key headers on one line', { 'config.js': fill('-----BEGIN RSA PRIVATE KEY-----', 310_000) }],
  ['500 KB of brackets nested over short lines', { 'k8s/app.yaml': `apiVersion: v1\nkind: ConfigMap\ndata: ${Array(25).fill('['.repeat(10_000)).join('\n')}\n` }],
  ['62,000 one-key YAML lines', { 'k8s/app.yaml': `apiVersion: v1\nkind: ConfigMap\n${fill('  pass:\n', 496_000)}` }],
  ['a 1 MB line of quoted loopback literals', { 'app.py': fill('""::1"": ', MB) }]
]

describe('crafted files cost bounded work (committed CLI bundle)', () => {
  it.each(CRAFTED)('%s', (_name, files) => {
    const root = makeTree(files)
    const r = spawnSync(process.execPath, [CLI, root, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8', timeout: 10_000, maxBuffer: 1 << 26 })
    expect(r.signal).toBeNull() // not killed by the timeout
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout) as { findings: unknown[] }
    expect(report.findings.length).toBeLessThanOrEqual(300)
  })
})

describe('parseYaml limits', () => {
  it('does not parse bracket nesting deeper than 200', () => {
    expect(parseYaml(`a: ${'['.repeat(201)}${']'.repeat(201)}\n`).docs).toHaveLength(0)
    expect(parseYaml(`a: ${'['.repeat(20)}${']'.repeat(20)}\n`).docs).toHaveLength(1)
  })
  it('does not parse more than 12,000 lines, and says why', () => {
    const r = parseYaml('a: 1\n'.repeat(12_001))
    expect(r.docs).toHaveLength(0)
    expect(r.errors[0].message).toMatch(/not parsed/)
    expect(parseYaml('a: 1\n'.repeat(100)).docs).toHaveLength(1)
  })
})
