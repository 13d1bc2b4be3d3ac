// No catastrophic regex: every registered rule meets adversarial input (1 MB lines, long runs of
// the characters its patterns match, its own keywords repeated) and must stay within a budget per
// MB. The budget is generous (seconds, not milliseconds) so the test never flakes on a loaded
// machine, while exponential backtracking would blow through it by orders of magnitude.
import { describe, expect, it } from '@jest/globals'
import { Facts, type Rule } from '../../src/engine/rule.js'
import { SourceFile } from '../../src/engine/source-file.js'
import type { FileKind, Language } from '../../src/engine/types.js'
import { RULES } from '../../src/rules/registry.js'
import { DeployModel } from '../../src/model/deploy-model.js'

const MB = 1024 * 1024
const BUDGET_MS_PER_MB = 3000

function fileFor(rule: Rule, text: string): SourceFile {
  const kind: FileKind = rule.files?.kinds?.[0] ?? 'source'
  const language: Language = rule.files?.languages?.[0] ?? (kind === 'source' ? 'javascript' : 'none')
  const names: Partial<Record<FileKind, string>> = {
    dockerfile: 'Dockerfile', procfile: 'Procfile', dotenv: '.env', compose: 'docker-compose.prod.yml', kubernetes: 'k8s/app.yaml',
    workflow: '.github/workflows/deploy.yml', manifest: 'package.json', properties: 'application.properties', yaml: 'config/app.yml'
  }
  return new SourceFile(names[kind] ?? 'src/app.js', text, kind, language, 'app')
}

function adversarial(rule: Rule): string[] {
  const kw = (rule.keywords ?? ['x']).slice(0, 3)
  const out = [
    'a'.repeat(MB),
    `${'= '.repeat(MB / 2)}`,
    `"${'\\"'.repeat(MB / 2)}`,
    `${'://'.repeat(MB / 3)}@`,
    `${'-'.repeat(MB)}`,
    `${'0'.repeat(MB)}`,
    `${'\t \n'.repeat(MB / 3)}`
  ]
  for (const k of kw) {
    out.push(`${`${k}=`.repeat(Math.floor(MB / (k.length + 1)))}`)
    out.push(`${`${k}: "${'A'.repeat(40)}" `.repeat(Math.floor(MB / (k.length + 48)))}`)
    out.push(`${`${k}(`.repeat(Math.floor(MB / (k.length + 1)))}`)
  }
  return out
}

describe('every rule runs in linear time on adversarial input', () => {
  for (const rule of RULES.filter((r) => r.check)) {
    it(`${rule.meta.id} ${rule.meta.name}`, () => {
      let worst = 0
      for (const text of adversarial(rule)) {
        const file = fileFor(rule, text)
        const t0 = performance.now()
        rule.check!(file, () => undefined, { facts: new Facts(), apps: [], deploy: DeployModel.empty() })
        worst = Math.max(worst, ((performance.now() - t0) * MB) / Math.max(text.length, 1))
      }
      expect(worst).toBeLessThan(BUDGET_MS_PER_MB)
    })
  }
})
