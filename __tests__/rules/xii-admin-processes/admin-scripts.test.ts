import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { hardcodedServiceLocator } from '../../../src/rules/iv-backing-services/hardcoded-service-locator.js'
import { adminScriptHardcodedTarget } from '../../../src/rules/xii-admin-processes/admin-script-hardcoded-target.js'
import { adminScriptInstallsDeps } from '../../../src/rules/xii-admin-processes/admin-script-installs-deps.js'
import { adminScriptMissing } from '../../../src/rules/xii-admin-processes/admin-script-missing.js'
import { ruleTable } from '../../helpers/rule-tester.js'
import { makeTree } from '../../helpers/tree.js'

describe('TF1202 admin-script-hardcoded-target', () => {
  ruleTable(adminScriptHardcodedTarget, {
    valid: [
      { name: 'env URL', path: 'scripts/backfill.py', code: "import os, psycopg\nconn = psycopg.connect(os.environ['DATABASE_URL'])\n" },
      { name: 'localhost for local use', path: 'scripts/reset_local.sh', code: '#!/bin/sh\npsql -h localhost -U app -c "select 1"\n' },
      { name: 'compose service name', path: 'scripts/seed.js', code: "const url = 'postgres://app:app@db:5432/app'\n" },
      { name: 'hardcoded host in app code is not an admin script', path: 'src/db.js', code: "const url = 'postgres://app@prod-db.acme.io/app'\n" },
      { name: 'example.com', path: 'bin/import', code: '#!/bin/sh\npsql -h db.example.com -c "select 1"\n' },
      { name: 'templated URL', path: 'scripts/export.py', code: 'url = f"postgresql://{user}:{password}@{host}/app"\n' },
      { name: 'rails binstub', path: 'bin/setup', code: '#!/usr/bin/env ruby\nsystem("psql -h prod-db.acme.io")\n' }
    ],
    invalid: [
      { name: 'URL with credentials (secret redacted)', path: 'scripts/fix_orders.py', code: "import psycopg\nconn = psycopg.connect('postgresql://admin:S3cr3tPassw0rd@prod-db.acme.io:5432/shop')\n", errors: [{ line: 2, message: /host `prod-db\.acme\.io` with inline credentials/ }] },
      { name: 'host kwarg', path: 'scripts/cleanup.py', code: "conn = psycopg2.connect(host='10.0.3.12', dbname='shop')\n", errors: [{ line: 1 }] },
      { name: 'psql -h in a shell admin script', path: 'ops/purge-sessions.sh', code: '#!/bin/bash\npsql -h prod-db.internal.acme.io -U admin -c "delete from sessions"\n', errors: [{ line: 2, message: /`prod-db\.internal\.acme\.io`/ }] },
      { name: 'redis URL in a rake task', path: 'lib/tasks/cache.rake', code: "task :flush do\n  Redis.new(url: 'redis://cache-prod.acme.io:6379/0').flushdb\nend\n", errors: [{ line: 2 }] }
    ]
  })
  it('never echoes the password', () => {
    const { findings } = runAudit({ root: makeTree({ 'scripts/fix.py': "c = connect('postgresql://admin:S3cr3tPassw0rd@prod-db.acme.io/shop')\n" }), config: defaultConfig(), rules: [adminScriptHardcodedTarget] })
    expect(findings).toHaveLength(1)
    expect(JSON.stringify(findings)).not.toContain('S3cr3tPassw0rd')
  })
  it('a host that TF0401 reports on the same line is reported once, under Factor IV; a psql -h host TF0401 does not see stays', () => {
    const root = makeTree({
      'scripts/fix.ts': "const pool = new Pool({ connectionString: 'postgres://admin:S3cr3tPassw0rd@prod-db.cluster-c9.eu-west-1.rds.amazonaws.com:5432/acme' })\n",
      'scripts/dump.sh': '#!/bin/sh\npg_dump -h prod-db.acme.io -U app shop > shop.sql\n'
    })
    const { findings } = runAudit({ root, config: defaultConfig(), rules: [hardcodedServiceLocator, adminScriptHardcodedTarget] })
    expect(findings.map((f) => `${f.ruleId} ${f.file}`).sort()).toEqual(['TF0401 scripts/fix.ts', 'TF1202 scripts/dump.sh'])
  })
})

describe('TF1203 admin-script-installs-deps', () => {
  ruleTable(adminScriptInstallsDeps, {
    valid: [
      { name: 'setup script may install', path: 'scripts/setup.sh', code: '#!/bin/sh\npip install -r requirements.txt\n' },
      { name: 'bootstrap', path: 'bin/bootstrap', code: '#!/bin/sh\nnpm install\n' },
      { name: 'echoed instruction', path: 'scripts/report.sh', code: '#!/bin/sh\necho "Run: pip install pandas first"\n' },
      { name: 'npm ci is not an ad-hoc install', path: 'scripts/reindex.sh', code: '#!/bin/sh\nnode scripts/reindex.js\n' },
      { name: 'app code', path: 'src/plugins.py', code: "subprocess.run(['pip', 'install', name])\n" }
    ],
    invalid: [
      { name: 'pip install in a shell admin script', path: 'scripts/backfill.sh', code: '#!/bin/sh\npip install pandas==2.2.0\npython scripts/backfill.py\n', errors: [{ line: 2, column: 1, message: /`pip install`/ }] },
      { name: 'subprocess pip install', path: 'scripts/export_report.py', code: "import subprocess, sys\nsubprocess.check_call([sys.executable, '-m', 'pip', 'install', 'openpyxl'])\n", errors: [{ line: 2 }] },
      { name: 'execSync npm install', path: 'scripts/migrate-images.js', code: "const { execSync } = require('child_process')\nexecSync('npm install sharp@0.33')\n", errors: [{ line: 2 }] },
      { name: 'gem install in a rake task', path: 'lib/tasks/import.rake', code: "task :import do\n  system('gem install roo')\nend\n", errors: [{ line: 2 }] }
    ]
  })
})

describe('TF1204 admin-script-missing', () => {
  const run = (files: Record<string, string>): string[] =>
    runAudit({ root: makeTree(files), config: defaultConfig(), rules: [adminScriptMissing] }).findings.map((f) => `${f.file}:${f.line} ${f.message}`)
  it('reports references to scripts that are not in the repository', () => {
    expect(run({
      'package.json': '{\n  "scripts": {\n    "start": "node server.js",\n    "seed": "node scripts/seed.js",\n    "reindex": "node scripts/reindex.js"\n  }\n}\n',
      'scripts/seed.ts': 'export {}\n',
      Procfile: 'web: node server.js\nrelease: ./scripts/release-tasks.sh\n',
      'k8s/cron.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: n\n              image: acme/api:1\n              command: ["python", "scripts/nightly.py"]\n'
    })).toEqual([
      'Procfile:2 Procfile process `release` runs `./scripts/release-tasks.sh`, which is not in the codebase',
      'k8s/cron.yaml:12 CronJob `nightly` runs `scripts/nightly.py`, which is not in the codebase',
      'package.json:5 npm script `reindex` runs `scripts/reindex.js`, which is not in the codebase'
    ])
  })
  it('a compose service of a prebuilt image runs the image\'s own script; a built service runs ours', () => {
    const compose = 'services:\n  web:\n    build: .\n    command: ["scripts/cleanup-uploads.sh"]\n  archives:\n    image: ghcr.io/acme/archiver:2.1\n    command: ["scripts/docker-bootstrap.sh"]\n'
    expect(run({ 'package.json': '{"name":"shop"}\n', 'docker-compose.yml': compose })).toEqual([
      'docker-compose.yml:4 Service `web` runs `scripts/cleanup-uploads.sh`, which is not in the codebase'
    ])
  })
  it('credits management commands and rake tasks as admin-task facts', () => {
    const r = runAudit({ root: makeTree({ 'requirements.txt': 'django\n', 'shop/management/commands/backfill.py': 'x = 1\n', 'shop/management/commands/__init__.py': '', 'lib/tasks/cache.rake': 'task :x\n' }), config: defaultConfig(), rules: [adminScriptMissing] })
    expect(r.findings).toEqual([])
  })
  it('ignores build, release and lifecycle npm scripts', () => {
    expect(run({ 'package.json': '{\n  "scripts": {\n    "build": "node scripts/build.js",\n    "prepare": "scripts/build.sh",\n    "version": "./scripts/version.sh"\n  }\n}\n' })).toEqual([])
  })
  it('a Job path may be relative to the image WORKDIR (any folder of the repository)', () => {
    expect(run({ 'backend/scripts/nightly.py': 'print(1)\n', 'deploy/cron.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: n\n              image: acme/api:1\n              command: ["python", "scripts/nightly.py"]\n' })).toEqual([])
  })
  it('resolves paths relative to the app folder', () => {
    expect(run({ 'services/api/package.json': '{"dependencies": {"express": "4"}, "scripts": {"seed": "node scripts/seed.js"}}', 'services/api/scripts/seed.js': '' })).toEqual([])
  })
})
