// Runs every Factor IX-XII rule over realistic sample apps (__tests__/apps/ix-xii/*) and pins the
// exact set of findings: deliberate violations must all be found, deliberate lookalikes must stay
// silent. The precision numbers in the report come from this list.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { IX_RULES } from '../../src/rules/ix-disposability/index.js'
import { X_RULES } from '../../src/rules/x-dev-prod-parity/index.js'
import { XI_RULES } from '../../src/rules/xi-logs/index.js'
import { XII_RULES } from '../../src/rules/xii-admin-processes/index.js'

const RULES = [...IX_RULES, ...X_RULES, ...XI_RULES, ...XII_RULES]
const APPS = join(process.cwd(), '__tests__/apps/ix-xii')

export function auditSample(name: string): string[] {
  const result = runAudit({ root: join(APPS, name), config: defaultConfig(), rules: RULES, useGit: false })
  return result.findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`).sort()
}

const EXPECTED: Record<string, string[]> = {
  // Express API: npm start as PID 1, no SIGTERM in the server process, probe-less container, ack-first
  // handler, sqlite dev config, postgres 13 vs 16, Node 18 vs 20, NODE_ENV dialect swap, file
  // transport, sequelize.sync({alter}), hardcoded prod host in a script, /admin/migrate route, Job on
  // an older tag. Silent on: Dockerfile.dev/compose nodemon and sleep loop, seed script sync, tests,
  // the commented-out sync, the README snippet, GET /admin/migrations, the SIGTERM-handling worker.
  'express-api': [
    'TF0901 warning src/server.js:16',
    'TF0902 warning Dockerfile:13',
    'TF0904 notice k8s/deployment.yaml:14',
    'TF0906 notice src/worker.js:9',
    'TF1001 warning config/config.json:3',
    'TF1001 warning docker-compose.yml:12',
    'TF1002 warning Dockerfile:1',
    'TF1004 warning src/db.js:5',
    'TF1101 warning src/logger.js:6', // opt-in file transport next to the Console transport
    'TF1201 error src/db.js:11',
    'TF1202 warning scripts/backfill-totals.js:4',
    'TF1205 warning src/routes/admin.js:8',
    'TF1206 warning k8s/migrate-job.yaml:13'
  ],
  // Django: entrypoint sleep loop and migrate, grace period below gunicorn's, auto_ack, DEBUG sqlite
  // swap, self-installing script, migrate view. Silent on: gunicorn (graceful), Procfile release and
  // the migrate Job (credited), JSON console LOGGING, commented file handler, tests, dev compose
  // runserver, setup_dev.sh installs, the management command.
  'django-shop': [
    'TF0903 notice docker-entrypoint.sh:4',
    'TF0905 notice k8s/web.yaml:13',
    'TF0906 notice worker.py:19',
    'TF1004 warning shop/settings.py:14',
    'TF1201 warning docker-entrypoint.sh:9',
    'TF1203 warning scripts/export_report.py:4',
    'TF1205 warning shop/urls.py:7'
  ],
  // Rails: sqlite3 dev adapter, Ruby 3.2.2 (Gemfile) vs 3.3.0, logrotate in the image, db:prepare in
  // the entrypoint, hardcoded cache host in a rake task, /admin/seed route, dev file logger (notice).
  // Silent on: RAILS_ENV inherited from the base stage, puma, Procfile.dev, memory_store in
  // development.rb, /admin/sync-report.
  'rails-store': [
    'TF1001 warning config/database.yml:7',
    'TF1002 warning Dockerfile:2',
    'TF1101 notice config/environments/development.rb:3',
    'TF1102 warning Dockerfile:16',
    'TF1201 warning bin/docker-entrypoint:5',
    'TF1202 warning lib/tasks/cache.rake:4',
    'TF1205 warning config/routes.rb:4'
  ],
  // Spring Boot 3.2 without graceful shutdown, shell-form ENTRYPOINT, JDK 17 in CI vs 21 in the image,
  // logging.file.name, ddl-auto=update, Flyway at startup, dev create-drop (notice). Silent on: the
  // unreferenced logback FILE appender, pom <java.version>17 vs JRE 21, /admin/reindex, tests.
  'spring-billing': [
    'TF0901 warning src/main/java/com/acme/billing/BillingApplication.java:9',
    'TF0902 warning Dockerfile:8',
    'TF1002 warning Dockerfile:1',
    'TF1101 warning src/main/resources/application.properties:5', // Spring Boot keeps console logging beside logging.file
    'TF1201 error src/main/resources/application.properties:4',
    'TF1201 notice pom.xml:26',
    'TF1201 notice src/main/resources/application-dev.properties:1'
  ],
  // Go: autoAck consumer, lumberjack file logger, golang:1.21 builder vs go 1.22. Silent on:
  // NotifyContext + Shutdown, AutoMigrate in cmd/migrate, /migrate-status, setup-go go-version-file.
  'go-ledger': [
    'TF0906 notice internal/consumer/consumer.go:12',
    'TF1002 warning Dockerfile:1',
    'TF1101 error internal/consumer/consumer.go:11'
  ]
}

describe('Factor IX-XII rules on sample apps', () => {
  for (const name of ['express-api', 'django-shop', 'rails-store', 'spring-billing', 'go-ledger']) {
    it(name, () => {
      const found = auditSample(name)
      if (process.env.PRINT_FINDINGS) console.log(name, JSON.stringify(found, null, 2))
      expect(found).toEqual(EXPECTED[name] ?? [])
    })
  }
})
