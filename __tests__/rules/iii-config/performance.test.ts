// Adversarial inputs: minified bundles, huge lines, deep YAML, alias bombs. Every Factor III rule
// must stay linear and never throw.
import { describe, expect, it } from '@jest/globals'
import { checkFile } from '../../../src/engine/check-file.js'
import { Facts } from '../../../src/engine/rule.js'
import { III_CONFIG_RULES } from '../../../src/rules/iii-config/index.js'
import { makeFile } from '../../helpers/rule-tester.js'
import { DeployModel } from '../../../src/model/deploy-model.js'

function runAll(path: string, text: string): { ms: number; count: number } {
  const file = makeFile(path, text)
  const t0 = Date.now()
  // every rule, whatever its selector: the worst case
  const count = checkFile(III_CONFIG_RULES, file, { facts: new Facts(), apps: [], deploy: DeployModel.empty() }).findings.length
  return { ms: Date.now() - t0, count }
}

describe('Factor III rules on adversarial input', () => {
  const inputs: [string, string][] = [
    ['dist/bundle.js', 'var a={password:"' + 'x'.repeat(50) + '",'.repeat(1) + 'b:1};'.repeat(20000) + 'secret='.repeat(20000) + '{'.repeat(50000)],
    ['src/long.py', 'password = "' + 'a'.repeat(300000) + '\n' + ' '.repeat(200000) + '=\n' + "os.getenv('X_SECRET', '".repeat(5000)],
    ['src/url.go', 'postgres://' + 'u'.repeat(100000) + ':' + 'p'.repeat(100000) + '\n' + 'a://b:c'.repeat(30000)],
    ['config/app.yml', 'a: &a [' + '"x",'.repeat(1000) + ']\nb: &b [' + '*a,'.repeat(1000) + ']\nc: [' + '*b,'.repeat(1000) + ']\n' + '- '.repeat(3000) + 'x\n'],
    ['k8s/bad.yaml', 'apiVersion: v1\nkind: Secret\nstringData: {' + '{'.repeat(5000) + '\n  : : : - [\n'],
    ['src/env.js', "if (process.env.NODE_ENV === 'production') ".repeat(5000) + '{'.repeat(20000)],
    ['key.pem', '-----BEGIN PRIVATE KEY-----\n'.repeat(2000) + 'A'.repeat(100000)]
  ]
  for (const [path, text] of inputs) {
    it(`${path} (${text.length} chars) stays fast`, () => {
      const { ms } = runAll(path, text)
      expect(ms).toBeLessThan(2000)
    })
  }
})
