// Every Factor V-VIII rule survives truncated, empty and odd inputs: a rule never crashes the audit.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { checkFile } from '../../src/engine/check-file.js'
import { Facts, type Rule } from '../../src/engine/rule.js'
import { selects } from '../../src/engine/select.js'
import { FACTOR_V_RULES } from '../../src/rules/v-build-release-run/index.js'
import { FACTOR_VI_RULES } from '../../src/rules/vi-processes/index.js'
import { FACTOR_VII_RULES } from '../../src/rules/vii-port-binding/index.js'
import { FACTOR_VIII_RULES } from '../../src/rules/viii-concurrency/index.js'
import { makeFile } from '../helpers/rule-tester.js'
import { DeployModel } from '../../src/model/deploy-model.js'

const RULES = [...FACTOR_V_RULES, ...FACTOR_VI_RULES, ...FACTOR_VII_RULES, ...FACTOR_VIII_RULES].filter((r) => r.check)
const ROOT = join(process.cwd(), '__tests__', 'apps', 'v-viii')

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]))
}

describe('Factor V-VIII rules never throw', () => {
  it('on every prefix of every sample file, and on odd inputs', () => {
    const files = walk(ROOT)
    let runs = 0
    for (const abs of files) {
      const text = readFileSync(abs, 'utf8')
      const path = relative(join(ROOT, relative(ROOT, abs).split('/')[0]), abs)
      const cuts = new Set([0, 1, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1, text.length])
      for (const cut of cuts) {
        const file = makeFile(path, text.slice(0, Math.max(0, cut)))
        expect(() => checkFile(RULES, file, { facts: new Facts(), apps: [], deploy: DeployModel.empty() })).not.toThrow()
        runs++
      }
    }
    const odd = ['{{', '[', '"\u0000"', 'CMD [', 'CMD ["unterminated', 'web:', ':::', '- - -\n  - :', '\ufeff{"scripts": {"start": 5}}', 'x'.repeat(5000) + '\napp.listen(3000)']
    for (const text of odd) {
      for (const path of ['Dockerfile', 'Procfile', 'package.json', 'docker-compose.prod.yml', 'k8s/a.yaml', '.github/workflows/d.yml', 'src/a.js', 'app.py', 'config/puma.rb', 'main.go', 'nginx.conf', 'entrypoint.sh', 'pom.xml']) {
        expect(() => checkFile(RULES, makeFile(path, text), { facts: new Facts(), apps: [], deploy: DeployModel.empty() })).not.toThrow()
        runs++
      }
    }
    expect(runs).toBeGreaterThan(300)
  })
  it('stays linear on large adversarial files', () => {
    const js = Array.from({ length: 15000 }, (_, i) => ["app.get('/x', (req, res) => { sessions[req.ip] = 1 })", 'const sessions = {}', 'server.listen(PORT, () => {})', "multer({ dest: 'uploads/' })", 'setInterval(() => job(), 60000)'][i % 5]).join('\n')
    const py = Array.from({ length: 15000 }, (_, i) => ['@app.route("/")', 'carts = {}', '    carts[request.user] = 1', 's = BackgroundScheduler()', 's.start()', 'app.run(port=PORT)'][i % 6]).join('\n')
    const started = Date.now()
    for (const file of [makeFile('src/big.js', js), makeFile('app/big.py', py)]) {
      const selected: Rule[] = RULES.filter((r) => selects(r.files, file))
      checkFile(selected, file, { facts: new Facts(), apps: [], deploy: DeployModel.empty() })
    }
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
