import { describe, expect, it } from '@jest/globals'
import { fallbackSecretLiteral as rule } from '../../../src/rules/iii-config/fallback-secret-literal.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

describe('TF0306 fallback-secret-literal', () => {
  ruleTable(rule, {
    valid: [
      { name: 'non-secret fallbacks', path: 'src/server.js', code: "const port = process.env.PORT || 3000\nconst host = process.env.HOST || '0.0.0.0'\nconst level = process.env.LOG_LEVEL ?? 'info'\n" },
      { name: 'no fallback', path: 'src/auth.ts', code: 'const secret = process.env.JWT_SECRET\nif (!secret) throw new Error("JWT_SECRET")\n' },
      { name: 'empty fallback', path: 'app/settings.py', code: "SECRET_KEY = os.environ.get('SECRET_KEY', '')\n" },
      { name: 'development settings module', path: 'shop/settings/dev.py', code: "SECRET_KEY = os.environ.get('SECRET_KEY', 'dev-secret')\n" },
      { name: 'Spring local profile', path: 'src/main/resources/application-local.yml', code: 'app:\n  jwt:\n    secret: ${JWT_SECRET:local-only-secret}\n' },
      { name: 'python non-secret', path: 'app/settings.py', code: "DB_HOST = os.getenv('DB_HOST', 'localhost')\n" },
      { name: 'Spring placeholders without literal default', path: 'src/main/resources/application.properties', code: 'spring.datasource.password=${DB_PASSWORD}\napp.jwt.secret=${JWT_SECRET:}\nserver.port=${PORT:8080}\n' },
      { name: 'commented out', path: 'src/a.ts', code: "// const s = process.env.JWT_SECRET || 'secret'\n" }
    ],
    invalid: [
      { name: 'JS ||', path: 'src/auth.js', code: "const secret = process.env.JWT_SECRET || 'secret'\n", errors: [{ line: 1, column: 43, message: /JWT_SECRET falls back to the literal 's\*{4}'/ }] },
      { name: 'TS ?? and bracket', path: 'src/config.ts', code: "export const sessionSecret = process.env['SESSION_SECRET'] ?? 'dev-secret'\n", errors: [{ line: 1 }] },
      { name: 'Python get default and or', path: 'app/config.py', code: "SECRET_KEY = os.environ.get('SECRET_KEY') or 'dev-secret'\nAPI_TOKEN = os.getenv('API_TOKEN', 'dev')\n", errors: [{ line: 1 }, { line: 2 }] },
      { name: 'python-decouple and django-environ defaults', path: 'mysite/settings.py', code: "SECRET_KEY = config('SECRET_KEY', default='django-insecure-abc')\nDB_PASSWORD = env('DB_PASSWORD', default='postgres')\nDEBUG = config('DEBUG', default=False, cast=bool)\n", errors: [{ line: 1 }, { line: 2 }] },
      { name: 'Ruby fetch block and ||', path: 'config/initializers/app.rb', code: "KEY = ENV.fetch('SECRET_KEY_BASE') { 'x' }\nPW = ENV['DB_PASSWORD'] || 'root'\n", errors: [{ line: 1 }, { line: 2 }] },
      { name: 'Java getOrDefault', path: 'src/main/java/Cfg.java', code: 'String s = System.getenv().getOrDefault("JWT_SECRET", "changeit");\n', errors: [{ line: 1 }] },
      { name: 'Spring @Value default in Java', path: 'src/main/java/Jwt.java', code: 'class Jwt {\n  @Value("${jwt.secret:mySecretKey}") String secret;\n}\n', errors: [{ line: 2 }] },
      { name: 'Go helper', path: 'config.go', code: 'package main\nvar secret = getEnv("JWT_SECRET", "supersecret")\n', errors: [{ line: 2, message: /JWT_SECRET/ }] },
      { name: 'Spring literal default', path: 'src/main/resources/application.yml', code: 'app:\n  jwt:\n    secret: ${JWT_SECRET:mySuperSecretKey123}\n', errors: [{ line: 3 }] }
    ]
  })
  it('gives the fail-fast fix in the language', () => {
    const [f] = runRule(rule, 'app.py', "PW = os.getenv('DB_PASSWORD', 'postgres')\n")
    expect(f.remediation).toContain('os.environ["DB_PASSWORD"]')
  })
  it('a ${VAR:default} placeholder is fixed by the placeholder without its default, said once', () => {
    const [yml] = runRule(rule, 'src/main/resources/application.yml', 'spring:\n  datasource:\n    password: ${DATABASE_PASSWORD:ledger}\n')
    expect(yml.remediation).toBe('Fail fast instead of falling back: ${DATABASE_PASSWORD} without a default (startup fails when it is unset).')
    const [kt] = runRule(rule, 'src/main/kotlin/Jwt.kt', 'class Jwt(@Value("${jwt.secret:mySecretKey}") val secret: String)\n')
    expect(kt.remediation).toContain('${jwt.secret} without a default')
    expect(kt.remediation).not.toContain('System.getenv')
    const [go] = runRule(rule, 'config.go', 'package main\nvar secret = getEnv("JWT_SECRET", "supersecret")\n')
    expect(go.remediation).toContain('os.LookupEnv("JWT_SECRET")')
  })
  it('never echoes the fallback', () => {
    const lit = 'fallback-' + 'Jwt-Secret-9'
    const json = JSON.stringify(runRule(rule, 'src/a.ts', `const s = process.env.JWT_SECRET || '${lit}'\n`))
    expect(json).toContain('TF0306')
    expect(json).not.toContain(lit)
  })
})
