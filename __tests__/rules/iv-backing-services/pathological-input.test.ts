// Every Factor I, II and IV file rule stays fast on hostile input: long lines, unterminated URLs,
// endless quotes and separators (the regexes are bounded; lines over 4000 characters are skipped).
import { describe, expect, it } from '@jest/globals'
import { I_CODEBASE_RULES } from '../../../src/rules/i-codebase/index.js'
import { II_DEPENDENCIES_RULES } from '../../../src/rules/ii-dependencies/index.js'
import { IV_BACKING_SERVICES_RULES } from '../../../src/rules/iv-backing-services/index.js'
import { runRule } from '../../helpers/rule-tester.js'

const RULES = [...I_CODEBASE_RULES, ...II_DEPENDENCIES_RULES, ...IV_BACKING_SERVICES_RULES].filter((r) => r.check)
const LINE = `x = "postgres://${'a:'.repeat(150)}${'@'.repeat(3)}${'b.'.repeat(400)}" if host == 'localhost' ${'| curl '.repeat(50)}`
const HOSTILE = [
  LINE.repeat(1).slice(0, 3990),
  `${'postgres://'.repeat(360)}`,
  `exec('${'convert '.repeat(400)}`,
  `host: '${'a.'.repeat(1900)}`,
  `"""${'redis://x '.repeat(300)}`,
  `RUN ${'pip install x && '.repeat(200)}`,
  'a'.repeat(200000),
  `url = process.env.X ||${' '.repeat(3000)}`,
  `url = "redis://h" ${'= '.repeat(1500)}`,
  `@Profile("local") ${'{'.repeat(1000)}`,
  `return "redis://h:6379" ${'('.repeat(1000)}`,
  `Addr: "${'a.'.repeat(1000)}:6379"`
].join('\n')
const MANY_LOCATORS = Array.from({ length: 5000 }, (_, i) => `  url${i % 7} = "redis://cache-${i}.internal:6379"`).join('\n')

describe('pathological input', () => {
  for (const [path, text] of [
    ['src/app.js', HOSTILE.repeat(20)],
    ['app/settings.py', HOSTILE.repeat(20)],
    ['config/database.yml', HOSTILE.repeat(5)],
    ['Dockerfile', HOSTILE.repeat(5)],
    ['src/main/resources/application.properties', HOSTILE.repeat(5)],
    ['src/main/resources/application.conf', `app {\n${MANY_LOCATORS}\n}\n`],
    ['internal/config/config.go', `func get() string {\n\tv := os.Getenv("X")\n${MANY_LOCATORS.replace(/url\d = /g, 'return ')}\n}\n${HOSTILE}`],
    ['src/main/kotlin/Props.kt', `@ConfigurationProperties("x")\nclass P {\n${MANY_LOCATORS.replace(/url\d = /g, 'val url: String = ')}\n}\n`]
  ] as const) {
    it(`stays fast on ${path}`, () => {
      const started = Date.now()
      for (const rule of RULES) runRule(rule, path, text)
      expect(Date.now() - started).toBeLessThan(5000)
    })
  }
})
