// Runs every Factor V-VIII rule over realistic sample apps (__tests__/apps/v-viii/*) and asserts
// the exact set of findings: each expected entry is a true positive checked by hand; everything
// else in those apps is a deliberate compliant lookalike that must stay silent.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { FACTOR_V_RULES } from '../../src/rules/v-build-release-run/index.js'
import { FACTOR_VI_RULES } from '../../src/rules/vi-processes/index.js'
import { FACTOR_VII_RULES } from '../../src/rules/vii-port-binding/index.js'
import { FACTOR_VIII_RULES } from '../../src/rules/viii-concurrency/index.js'

const RULES = [...FACTOR_V_RULES, ...FACTOR_VI_RULES, ...FACTOR_VII_RULES, ...FACTOR_VIII_RULES]
const APPS = join(process.cwd(), '__tests__', 'apps', 'v-viii')

export const EXPECTED: Record<string, string[]> = {
  // Express + TypeScript: Dockerfile (multi-stage), Procfile, k8s Deployment+Service, deploy workflow, dev compose.
  'express-api': [
    'TF0501 Procfile:1 error', // web: npm install --omit=dev && node dist/server.js
    'TF0501 package.json:8 error', // "start:prod": "npm run build && node dist/server.js"
    'TF0503 k8s/deployment.yaml:17 warning', // image: ghcr.io/acme/orders-api:latest
    'TF0505 Dockerfile:14 notice', // ADD https://github.com/krallin/tini/... without --checksum
    'TF0601 src/admin.ts:6 warning', // session({ secret }) without store
    'TF0602 src/routes/uploads.ts:8 warning', // multer({ dest: 'uploads/invoices' })
    'TF0603 k8s/deployment.yaml:31 warning', // sessionAffinity: ClientIP
    'TF0604 src/routes/orders.ts:6 notice', // const carts = new Map() written with req.sessionID
    'TF0701 src/admin.ts:8 warning', // admin.listen(9000), PORT read in server.ts
    'TF0801 src/server.ts:27 warning', // cron.schedule in the web process, Procfile has only web/release
    'TF0803 k8s/deployment.yaml:6 notice' // replicas: 1, no HPA
  ],
  // Flask + gunicorn + Flask-Session + APScheduler, ssh-action deploy, nginx upstream.
  'flask-api': [
    'TF0502 .github/workflows/deploy.yml:19 warning', // git pull on the server (ssh-action script)
    'TF0502 .github/workflows/deploy.yml:20 warning', // pip install on the server
    'TF0601 app/__init__.py:10 warning', // SESSION_TYPE = "filesystem"
    'TF0602 app/views.py:24 warning', // f.save(os.path.join(app.config["UPLOAD_FOLDER"], ...))
    'TF0603 deploy/nginx.conf:2 warning', // ip_hash;
    'TF0604 app/views.py:10 notice', // searches_by_user = {} written per session user
    'TF0801 app/__init__.py:14 warning' // BackgroundScheduler().start() in the web app
  ],
  // Rails 7 + puma + CarrierWave + rufus-scheduler, rsync/ssh deploy script.
  'rails-blog': [
    'TF0502 deploy/deploy.sh:6 warning', // ssh ... bundle install on the server after rsync
    'TF0602 app/uploaders/cover_uploader.rb:2 warning', // storage :file
    'TF0602 config/environments/production.rb:8 warning', // active_storage.service = :local
    'TF0701 Dockerfile:10 warning', // CMD [... "-p", "3000"] overrides puma's ENV.fetch("PORT")
    'TF0801 config/initializers/feed_refresh.rb:4 warning' // Rufus::Scheduler.singleton in an initializer
  ],
  // Spring Boot jar + HPA-scaled Deployment + nginx ingress.
  'spring-orders': [
    'TF0603 k8s/ingress.yaml:6 warning', // nginx.ingress.kubernetes.io/affinity: cookie
    'TF0801 src/main/java/com/acme/orders/UnpaidOrderExpiry.java:15 warning' // @Scheduled order expiry in the web app, no ShedLock
  ],
  // Go (chi) API + separate cron worker binary, kubectl rollout workflow.
  'go-catalog': [
    'TF0503 .github/workflows/release.yml:12 warning', // docker push ghcr.io/acme/catalog:main only
    'TF0503 .github/workflows/release.yml:18 warning', // kubectl set image ...:main
    'TF0602 internal/httpapi/images.go:17 warning' // os.Create(filepath.Join("uploads", ...)) from FormFile
  ],
  // Plain PHP under Apache mod_php, no image or Procfile.
  'php-guestbook': [
    'TF0601 public/index.php:3 warning', // ini_set('session.save_handler', 'files')
    'TF0602 public/index.php:7 warning', // move_uploaded_file(..., __DIR__ . '/uploads/...')
    'TF0702 public/.htaccess:4 warning' // php_value: only runs inside an Apache host
  ]
}

const audit = (app: string): string[] =>
  runAudit({ root: join(APPS, app), config: defaultConfig(), rules: RULES, useGit: false }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`)

describe('Factor V-VIII rules on sample apps', () => {
  for (const [app, expected] of Object.entries(EXPECTED)) {
    it(app, () => {
      const found = audit(app)
      if (process.env.PRINT_FINDINGS) {
        const all = runAudit({ root: join(APPS, app), config: defaultConfig(), rules: RULES, useGit: false }).findings
        console.log(all.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column ?? ''} ${f.severity} ${f.message}`).join('\n'))
      }
      expect(found.sort()).toEqual([...expected].sort())
    })
  }
})
