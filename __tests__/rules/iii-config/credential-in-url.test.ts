import { describe, expect, it } from '@jest/globals'
import { credentialInUrl as rule } from '../../../src/rules/iii-config/credential-in-url.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

const PW = 'Xq7' + 'vT2pL9'
describe('TF0302 credential-in-url', () => {
  ruleTable(rule, {
    valid: [
      { name: 'env reference', path: 'config/app.yml', code: 'db:\n  url: postgres://app:${DB_PASSWORD}@db.internal:5432/app\n' },
      { name: 'localhost default', path: 'src/db.ts', code: "const url = process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/dev'\n" },
      { name: 'format placeholders', path: 'db.py', code: 'url = "postgresql://%s:%s@%s/%s" % (u, p, h, d)\nurl2 = f"postgresql://{user}:{password}@{host}/db"\n' },
      { name: 'no password', path: 'src/a.js', code: "const u = 'https://user@github.com/x.git'\nconst v = 'https://example.com:8080/a'\n" },
      { name: 'compose (local dev)', path: 'docker-compose.yml', code: `services:\n  app:\n    environment:\n      DATABASE_URL: postgres://app:${PW}@db:5432/app\n` },
      { name: 'commented out', path: 'src/db.go', code: `package db\n// dsn := "postgres://app:${PW}@db.prod:5432/app"\n` },
      { name: 'placeholder password', path: 'README.txt', code: 'mysql://root:<password>@db.internal/app\nredis://:changeme@cache.internal:6379\n' }
    ],
    invalid: [
      { name: 'Go DSN', path: 'internal/db/db.go', code: `package db\n\nconst dsn = "postgres://app:${PW}@db.prod.internal:5432/app"\n`, errors: [{ line: 3, column: 29, message: /Password Xq\*{4} for user app in postgres:\/\/ URL to db\.prod\.internal \(dsn\)/ }] },
      { name: 'Spring JDBC-like in YAML', path: 'config/settings.yml', code: `cache:\n  url: redis://default:${PW}@redis.prod.example-corp.io:6379\n`, errors: [{ line: 2 }] },
      { name: 'Python', path: 'app/config.py', code: `SQLALCHEMY_DATABASE_URI = "mysql+pymysql://web:${PW}@10.0.3.7/shop"\n`, errors: [{ line: 1, message: /mysql\+pymysql/ }] }
    ]
  })
  it('never echoes the password', () => {
    const json = JSON.stringify(runRule(rule, 'src/a.ts', `const u = "amqp://svc:${PW}@mq.internal/vhost"\n`))
    expect(json).toContain('TF0302')
    expect(json).not.toContain(PW)
    expect(json).toContain('process.env.AMQP_URL')
  })
})
