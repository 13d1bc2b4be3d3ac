// All Factor III rules over a small set of realistic files (Express, Django, Rails, Spring, Go,
// Kubernetes, a workflow). Every finding is listed: a new one is either a bug or a new expectation.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { checkFile } from '../../../src/engine/check-file.js'
import { Facts } from '../../../src/engine/rule.js'
import { selects } from '../../../src/engine/select.js'
import type { Finding } from '../../../src/engine/types.js'
import { III_CONFIG_RULES } from '../../../src/rules/iii-config/index.js'
import { makeFile } from '../../helpers/rule-tester.js'
import { DeployModel } from '../../../src/model/deploy-model.js'

const ROOT = join(process.cwd(), '__tests__/apps/config-samples')

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

function audit(): Finding[] {
  const facts = new Facts()
  return walk(ROOT).flatMap((abs) => {
    // Paths relative to the sample root, so the samples are classified as app code, not as tests.
    const file = makeFile(relative(ROOT, abs).split('\\').join('/'), readFileSync(abs, 'utf8'))
    return checkFile(III_CONFIG_RULES.filter((r) => selects(r.files, file)), file, { facts, apps: [], deploy: DeployModel.empty() }).findings
  })
}

// rule file:line severity — true positives unless marked.
const EXPECTED = [
  'TF0306 express/src/app.js:9 warning', // process.env.JWT_SECRET || 'dev-jwt-secret'
  'TF0305 express/src/app.js:16 error', // express-session secret: 'keyboard cat'
  'TF0311 express/src/config.js:10 warning', // production: { db: { host: '...rds.amazonaws.com' } }
  'TF0304 express/.env:4 error', // committed .env with DB_PASSWORD
  'TF0305 django/mysite/settings/base.py:8 error', // SECRET_KEY = 'django-insecure-...'
  'TF0307 django/mysite/settings/base.py:11 warning', // DEBUG = True
  'TF0306 django/mysite/settings/base.py:37 warning', // EMAIL_HOST_PASSWORD fallback literal
  'TF0305 django/mysite/settings/dev.py:4 notice', // SECRET_KEY = 'dev' in dev settings: a notice
  'TF0311 django/mysite/settings/production.py:8 warning', // redis host pinned in production settings
  'TF0310 rails/config/secrets.yml:10 error', // production mailchimp_api_key literal
  'TF0311 rails/config/environments/production.rb:8 warning', // mailer host pinned per environment
  'TF0306 rails/config/initializers/stripe.rb:4 warning', // ENV["STRIPE_WEBHOOK_SECRET"] || "whsec_dev"
  'TF0310 spring/src/main/resources/application.yml:14 error', // spring.mail.password literal
  'TF0306 spring/src/main/resources/application.yml:18 warning', // ${JWT_SECRET:literal}
  'TF0311 spring/src/main/resources/application-prod.properties:2 warning', // prod profile pins the DB host
  'TF0305 go/main.go:11 error', // jwtKey = []byte("my_secret_key")
  'TF0302 go/internal/db/db.go:12 error', // DSN fallback with a password
  'TF0308 k8s/deployment.yaml:23 error', // PAYMENTS_API_TOKEN value literal
  'TF0308 k8s/secret.yaml:7 error', // Secret stringData committed
  'TF0309 .github/workflows/deploy.yml:25 error', // with: api-key literal
  'TF0301 .github/workflows/deploy.yml:29 error' // Slack webhook URL
]

describe('Factor III over realistic samples', () => {
  const findings = audit()
  it('finds exactly the expected set', () => {
    const got = findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`)
    expect(got.sort()).toEqual([...EXPECTED].sort())
  })
  it('every finding names a token, a fix, and leaks no secret', () => {
    const json = JSON.stringify(findings)
    for (const leak of ['keyboard cat'.repeat(0) + 'Wq7-local-Db-2024', 'Sg-Relay-Pass-2024x', 'Pr0d-0rders!', 'pt_9fK2mQ7xL4vB8nR1', 'Kx9#mP2v-Prod-DB', '7d9f2b4e8a1c6f3e5b0d9a2c', 'q8R9s0T1u2V3w4X5y6Z7a8B9', '8f14e45fceea167a5a36dedd4bea2543', 'shop-default-jwt-signing-key-0001']) {
      expect(json).not.toContain(leak)
    }
    for (const f of findings) {
      expect(f.column).toBeGreaterThan(0)
      expect(f.remediation.length).toBeGreaterThan(20)
    }
  })
})
