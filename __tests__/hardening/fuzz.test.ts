// Property tests: random trees of random bytes and near-miss config files never throw, always
// give a valid JSON report, and the report's counts equal the findings it lists.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { rmSync } from 'node:fs'
import { runAudit } from '../../src/audit.js'
import { parseConfig } from '../../src/config/load.js'
import { defaultConfig } from '../../src/config/schema.js'
import { UsageError } from '../../src/engine/errors.js'
import { formatJson } from '../../src/report/json.js'
import { RULES } from '../../src/rules/registry.js'
import { makeTree } from '../helpers/tree.js'

const NAMES = ['app.js', 'server.ts', 'settings.py', 'config/database.yml', 'Dockerfile', 'Procfile', '.env', 'docker-compose.yml',
  'k8s/deploy.yaml', '.github/workflows/ci.yml', 'package.json', 'requirements.txt', 'Gemfile', 'src/main/resources/application.properties',
  'main.go', 'pom.xml', 'README.md', 'test/app.test.js', 'a b/%0A::error::x.js']
const SNIPPETS = ['password = "', 'AKIA', 'app.listen(', 'FROM node', 'CMD npm start', 'web: ', 'apiVersion: v1\nkind: Deployment\n', 'services:\n  db:\n',
  'postgres://u:p@h/db', '-----BEGIN RSA PRIVATE KEY-----', 'process.env.', '{{ .Values.x }}', '\u0000', '\r', '\n', ': &a [*a]', '${', '"', "'", '#', '//']

const content = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.array(fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 20 })), { maxLength: 30 }).map((parts) => parts.join(''))
)
// At least one file: an empty tree is a configuration error (selects-nothing.test.ts).
const tree = fc.dictionary(fc.constantFrom(...NAMES), content, { minKeys: 1, maxKeys: 8 })

describe('fuzz', () => {
  it('random trees never throw and give a consistent JSON report', () => {
    fc.assert(
      fc.property(tree, (files) => {
        const root = makeTree(files)
        try {
          const result = runAudit({ root, config: defaultConfig(), useGit: false })
          const report = JSON.parse(formatJson(result))
          for (const f of report.factors) {
            const mine = report.findings.filter((x: { factor: string; baselined?: boolean }) => x.factor === f.factor && !x.baselined)
            expect(f.errors).toBe(mine.filter((x: { severity: string }) => x.severity === 'error').length)
            expect(f.warnings).toBe(mine.filter((x: { severity: string }) => x.severity === 'warning').length)
            expect(f.notices).toBe(mine.filter((x: { severity: string }) => x.severity === 'notice').length)
          }
          for (const f of report.findings) {
            expect(f.line).toBeGreaterThanOrEqual(1)
            expect(typeof f.message).toBe('string')
            expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/)
          }
          expect(report.score).toBeGreaterThanOrEqual(0)
          expect(report.score).toBeLessThanOrEqual(100)
        } finally {
          rmSync(root, { recursive: true, force: true })
        }
      }),
      { numRuns: 60 }
    )
  })

  it('near-miss config files either parse or fail with a UsageError naming the file', () => {
    const known = new Set(RULES.map((r) => r.meta.id))
    const key = fc.constantFrom('factors', 'rules', 'include', 'exclude', 'fail-on', 'max-file-size', 'fail_on', 'Factors', 'rule', '')
    const value = fc.oneof(
      fc.constantFrom('III', '[III, IV]', '[XIII]', 'error', 'warn', '{TF0301: off}', '{TF9999: off}', '{TF0301: loud}', '2MB', '-1', '[../x]', '{default: error, III: warning}', '[', '&a [*a]', '~', 'true', '12'),
      fc.string({ maxLength: 12 })
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 5 }), fc.boolean(), (pairs, asList) => {
        const text = asList ? pairs.map(([k, v]) => `- ${k}: ${v}`).join('\n') : pairs.map(([k, v]) => `${k}: ${v}`).join('\n')
        try {
          parseConfig(text, '.twelve-factor.yml', known)
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError)
          expect((e as Error).message.startsWith('.twelve-factor.yml')).toBe(true)
        }
      }),
      { numRuns: 300 }
    )
  })
})
