// Precision check on realistic sample apps: every Factor I, II and IV rule runs over each app under
// __tests__/apps/i-ii-iv through runAudit, and the findings must be exactly the expected set (rule,
// file, line, severity) — the deliberate violations, and none of the deliberate lookalikes.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { runAudit } from '../src/audit.js'
import { defaultConfig } from '../src/config/schema.js'
import { discover } from '../src/engine/discovery.js'
import { I_CODEBASE_RULES } from '../src/rules/i-codebase/index.js'
import { II_DEPENDENCIES_RULES } from '../src/rules/ii-dependencies/index.js'
import { IV_BACKING_SERVICES_RULES } from '../src/rules/iv-backing-services/index.js'

const RULES = [...I_CODEBASE_RULES, ...II_DEPENDENCIES_RULES, ...IV_BACKING_SERVICES_RULES]
const APPS = join(process.cwd(), '__tests__/apps/i-ii-iv')

function audit(app: string): string[] {
  const r = runAudit({ root: join(APPS, app), config: defaultConfig(), rules: RULES })
  return r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`).sort()
}

// Each line is a deliberate violation (see the comment for what it is); every other file in the
// samples is a deliberate lookalike that must stay silent.
const EXPECTED: Record<string, string[]> = {
  'express-postgres': [
    'TF0203 docker-compose.yml:16 notice', // mailhog/mailhog without a tag (dev compose: notice)
    'TF0204 Dockerfile:1 notice', // node:20.11-bookworm-slim, tag only (one notice per file)
    'TF0205 Dockerfile:13 warning', // npm install -g pm2
    'TF0206 src/thumbnails.ts:8 warning', // run('convert', ...) with run = promisify(execFile); slim image
    'TF0401 src/cache.ts:4 notice', // process.env.REDIS_URL || 'redis://localhost:6379'
    'TF0401 src/mailer.ts:4 error', // host: 'smtp.sendgrid.net'
    'TF0402 src/db.ts:7 warning' // if (databaseUrl.includes('localhost'))
  ],
  'django-shop': [
    'TF0202 requirements.txt:5 warning', // redis, gunicorn>=21.2 unpinned
    'TF0204 Dockerfile:1 notice',
    'TF0206 shop/version.py:6 warning', // git in a -slim image
    'TF0401 shop/settings.py:23 error', // CACHES LOCATION redis://cache.internal
    'TF0401 shop/settings.py:31 notice', // CELERY_BROKER_URL env fallback
    'TF0402 orders/health.py:7 warning', // if "localhost" in os.environ["DATABASE_URL"]
    'TF0403 shop/settings.py:27 warning' // EMAIL_HOST = "smtp.mailgun.org"
  ],
  'rails-blog': [
    'TF0206 app/services/pdf_export.rb:7 warning', // system("wkhtmltopdf", ...) with no Dockerfile/Aptfile
    'TF0401 config/cable.yml:9 warning', // production url: redis://redis.prod.internal
    'TF0401 config/environments/production.rb:9 error', // address: "smtp.postmarkapp.com"
    'TF0401 config/initializers/sidekiq.rb:2 notice', // ENV.fetch("REDIS_URL") { "redis://localhost..." }
    'TF0401 config/initializers/sidekiq.rb:6 notice'
  ],
  'spring-orders': [
    // silent: k8s/deployment.yaml:15 ghcr.io/acme/orders:latest is the app's own release, reported once by TF0503 (Factor V)
    'TF0204 Dockerfile:1 notice',
    'TF0401 src/main/java/com/acme/orders/LegacyInventory.java:10 error', // jdbc:mysql://10.0.4.12
    'TF0401 src/main/resources/application.properties:3 notice', // ${DATABASE_URL:jdbc:postgresql://localhost...}
    'TF0403 src/main/resources/application.properties:5 notice' // spring.data.redis.host=cache.prod.internal
  ],
  'go-gateway': [
    'TF0203 Dockerfile:6 warning', // gcr.io/distroless/static-debian12 without a tag
    'TF0204 Dockerfile:1 notice',
    'TF0206 internal/media/probe.go:7 warning', // exec.Command("ffprobe") on distroless
    'TF0402 internal/store/store.go:12 warning' // strings.Contains(dsn, "localhost")
  ],
  monorepo: [
    'TF0103 apps/api/src/routes/orders.ts:2 warning', // '../../../web/lib/validate'
    'TF0104 apps/api/src/server-prod.ts:1 warning', // copy of server.ts
    'TF0204 apps/api/Dockerfile:1 notice',
    'TF0401 apps/api/src/events.ts:3 error' // Kafka brokers kafka-0.kafka.prod.svc:9092
  ],
  'flask-worker': [
    'TF0201 pyproject.toml:7 warning', // Poetry without poetry.lock
    'TF0204 Dockerfile:1 notice',
    'TF0205 Dockerfile:3 warning', // pip install poetry
    'TF0404 worker/jobs.py:6 warning' // sqlite3.connect("jobs.db")
  ],
  // Written after the rules, as an app would be, then checked finding by finding.
  'sinatra-hooks': [
    'TF0204 Dockerfile:1 notice',
    'TF0206 lib/archive.rb:12 warning', // system("aws", "s3", "cp", ...) and the image has no AWS CLI
    'TF0401 app.rb:7 notice' // ENV.fetch("REDIS_URL", "redis://localhost:6379/2")
    // silent: `git rev-parse` (the Dockerfile installs git), Mail SMTP from ENV, spec/ DATABASE_URL
  ],
  'kotlin-catalog': [
    'TF0204 Dockerfile:1 notice',
    'TF0401 src/main/kotlin/com/acme/catalog/SearchClient.kt:9 error', // baseUrl("http://search.prod.internal:9200")
    'TF0403 src/main/resources/application.yml:8 notice' // ${KAFKA_BROKERS:localhost:9092} (first run missed it; fixed)
    // silent: magick (imagemagick installed), application-local.yml, ${MONGODB_URI}
  ],
  'go-sessions': [
    'TF0204 Dockerfile:1 notice',
    'TF0404 audit.go:14 warning' // sql.Open("sqlite3", "./audit.db") in an echo service
    // silent: the placeholder redis://host:6379/0 in a log message, compose, tests
  ],
  // git index: both commit their dist/, only the SPA's is a violation
  'gh-action': [], // action.yml runs dist/index.js; git on the runner is not an undeclared tool
  'vite-spa': [
    'TF0102 dist/assets/index-4f9a2c.js:1 warning' // vite build output committed (2 tracked files)
  ]
}

const inGit = discover({ root: APPS, include: [], exclude: [] }).source === 'git'

describe('Factor I, II, IV rules on sample apps', () => {
  for (const app of Object.keys(EXPECTED)) {
    it(app, () => {
      const found = audit(app)
      // TF0102 reads the git index: outside a git checkout of this repository it has nothing to read.
      const expected = inGit ? EXPECTED[app] : EXPECTED[app].filter((f) => !f.startsWith('TF0102'))
      expect(found).toEqual(expected)
    })
  }
})
