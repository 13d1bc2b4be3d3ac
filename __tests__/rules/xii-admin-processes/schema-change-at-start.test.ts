import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { Facts } from '../../../src/engine/rule.js'
import { FACT_ADMIN_TASK, FACT_RELEASE_PHASE, schemaChangeAtStart } from '../../../src/rules/xii-admin-processes/schema-change-at-start.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'
import { makeTree } from '../../helpers/tree.js'

const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-upgrade\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n          image: acme/web:1.4.0\n          command: ["python", "manage.py", "migrate", "--noinput"]\n'

describe('TF1201 schema-change-at-start', () => {
  ruleTable(schemaChangeAtStart, {
    valid: [
      { name: 'spring #--- test profile document is test config', path: 'src/main/resources/application.properties', code: 'spring.jpa.hibernate.ddl-auto=validate\n#---\nspring.config.activate.on-profile=test\nspring.jpa.hibernate.ddl-auto=create-drop\n' },
      { name: 'dedicated migration image', path: 'Dockerfile', code: 'FROM python:3.12\nCMD ["python", "manage.py", "migrate"]\n' },
      { name: 'Procfile release phase', path: 'Procfile', code: 'release: python manage.py migrate --noinput\nweb: gunicorn mysite.wsgi\n' },
      { name: 'migration Job', path: 'k8s/migrate.yaml', code: job },
      { name: 'makemigrations is not migrate', path: 'Dockerfile', code: 'FROM python:3.12\nCMD python manage.py showmigrations && gunicorn app.wsgi\n' },
      { name: 'ddl-auto validate', path: 'src/main/resources/application.properties', code: 'spring.jpa.hibernate.ddl-auto=validate\n' },
      { name: 'sequelize.sync in a seed script', path: 'scripts/seed.js', code: "const { sequelize } = require('../models')\nawait sequelize.sync({ force: true })\n" },
      { name: 'sequelize.sync in a test helper folder', path: 'src/test-utils/setup.js', code: "const { sequelize } = require('../models')\nawait sequelize.sync({ force: true })\n" },
      { name: 'sequelize.sync in tests', path: 'test/setup.js', code: "const { sequelize } = require('../models')\nawait sequelize.sync({ force: true })\n" },
      { name: 'TypeORM synchronize from env', path: 'src/data-source.ts', code: "import { DataSource } from 'typeorm'\nexport const ds = new DataSource({ synchronize: process.env.DB_SYNC === 'true' })\n" },
      { name: 'create_all inside a CLI command', path: 'app/__init__.py', code: "@app.cli.command('init-db')\ndef init_db():\n    db.create_all()\n" },
      { name: 'commented-out migrate in Procfile web', path: 'Procfile', code: '# web: python manage.py migrate && gunicorn app.wsgi\nweb: gunicorn app.wsgi\n' },
      { name: 'dev compose runs migrations (dev-only)', path: 'docker-compose.yml', code: 'services:\n  web:\n    build: .\n    command: sh -c "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"\n' },
      { name: 'migrate npm script (an admin entry)', path: 'package.json', code: '{\n  "scripts": {\n    "start": "node dist/server.js",\n    "migrate": "sequelize-cli db:migrate"\n  }\n}\n' },
      { name: 'GORM AutoMigrate in cmd/migrate', path: 'cmd/migrate/main.go', code: 'import "gorm.io/gorm"\nfunc main() { db.AutoMigrate(&User{}) }\n' },
      // read-only migration commands
      { name: 'migrate --check before gunicorn', path: 'Dockerfile', code: 'FROM python:3.12\nCMD python manage.py migrate --check && gunicorn mysite.wsgi\n' },
      { name: 'migrate --plan in the entrypoint', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nset -e\npython manage.py migrate --plan\nexec gunicorn mysite.wsgi\n' },
      { name: 'rails db:migrate:status in Procfile web', path: 'Procfile', code: 'web: bin/rails db:migrate:status && bundle exec puma -C config/puma.rb\n' },
      { name: 'initContainer waits with migrate --check', path: 'k8s/web.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: wait-migrations\n          image: acme/web:1\n          command: ["python", "manage.py", "migrate", "--check"]\n      containers:\n        - name: web\n          image: acme/web:1\n' },
      // functions named for the admin task
      { name: 'GORM AutoMigrate inside func Migrate', path: 'internal/database/database.go', code: 'package database\nimport "gorm.io/gorm"\nfunc Migrate(db *gorm.DB) error {\n\treturn db.AutoMigrate(&User{}, &Order{})\n}\n' },
      { name: 'GORM AutoMigrate inside a (s *Store) RunMigrations method', path: 'internal/store/store.go', code: 'package store\nimport "gorm.io/gorm"\nfunc (s *Store) RunMigrations() error {\n\tif err := s.db.AutoMigrate(&User{}); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n' },
      { name: 'sequelize.sync inside async function migrateDb', path: 'src/db.js', code: "const { Sequelize } = require('sequelize')\nasync function migrateDb() {\n  await sequelize.sync({ alter: true })\n}\nmodule.exports = { migrateDb }\n" },
      // dev and test branches
      { name: 'sequelize.sync only in tests', path: 'src/db.ts', code: "import { Sequelize } from 'sequelize'\nexport async function prepare() {\n  if (process.env.NODE_ENV === 'test') {\n    await sequelize.sync({ force: true })\n  }\n}\n" },
      { name: 'sequelize.sync when not production', path: 'src/db.ts', code: "import { Sequelize } from 'sequelize'\nif (process.env.NODE_ENV !== 'production') {\n  await sequelize.sync()\n}\n" },
      { name: 'TypeORM synchronize in a dev ternary', path: 'src/data-source.ts', code: "import { DataSource } from 'typeorm'\nexport const ds = new DataSource(isDev ? { synchronize: true } : { migrationsRun: false })\n" },
      { name: 'Flask create_all under DEBUG', path: 'app/__init__.py', code: 'app = Flask(__name__)\nif app.config["DEBUG"]:\n    with app.app_context():\n        db.create_all()\n' },
      { name: 'Ruby migrate in Rails.env.development?', path: 'config/initializers/db.rb', code: 'if Rails.env.development?\n  ActiveRecord::Tasks::DatabaseTasks.migrate\nend\n' }
    ],
    invalid: [
      { name: 'migrate chained in CMD', path: 'Dockerfile', code: 'FROM python:3.12\nCMD python manage.py migrate && gunicorn mysite.wsgi -b 0.0.0.0:$PORT\n', errors: [{ line: 2, column: 12, message: /`manage\.py migrate`/ }] },
      { name: 'prisma in exec-form sh -c', path: 'Dockerfile', code: 'FROM node:20\nCMD ["sh", "-c", "npx prisma migrate deploy && node dist/main.js"]\n', errors: [{ line: 2, column: 23, message: /prisma migrate deploy/ }] },
      { name: 'Procfile web migrates', path: 'Procfile', code: 'web: bundle exec rails db:migrate && bundle exec puma -C config/puma.rb\n', errors: [{ line: 1, column: 18 }] },
      { name: 'npm start migrates', path: 'package.json', code: '{\n  "scripts": {\n    "start": "prisma db push && node dist/index.js"\n  }\n}\n', errors: [{ line: 3, message: /prisma db push/ }] },
      { name: 'prestart migrates', path: 'package.json', code: '{\n  "scripts": {\n    "prestart": "npm run migrate",\n    "start": "node server.js"\n  }\n}\n', errors: [{ line: 3 }] },
      { name: 'Deployment command migrates', path: 'k8s/web.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: acme/web:1\n          command: ["sh", "-c", "alembic upgrade head && uvicorn app.main:app"]\n', errors: [{ line: 10 }] },
      { name: 'initContainer migrates (notice)', path: 'k8s/web.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: migrate\n          image: acme/web:1\n          command: ["bin/rails", "db:migrate"]\n      containers:\n        - name: web\n          image: acme/web:1\n', errors: [{ line: 10, severity: 'notice' }] },
      { name: 'entrypoint script migrates', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec gunicorn mysite.wsgi\n', errors: [{ line: 3, severity: 'warning' }] },
      { name: 'rails bin/docker-entrypoint db:prepare', path: 'bin/docker-entrypoint', code: '#!/bin/bash -e\nif [ "${@: -2:1}" == "./bin/rails" ] && [ "${@: -1:1}" == "server" ]; then\n  ./bin/rails db:prepare\nfi\nexec "${@}"\n', errors: [{ line: 3, severity: 'warning', message: /db:prepare/ }] },
      { name: 'sequelize.sync force', path: 'src/server.js', code: "const { sequelize } = require('./models')\nsequelize.sync({ force: true }).then(() => app.listen(port))\n", errors: [{ line: 2, column: 1, message: /force: true/ }] },
      { name: 'sequelize.sync bare is a warning', path: 'src/app.js', code: "const { Sequelize } = require('sequelize')\nawait db.sync()\n", errors: [{ line: 2, severity: 'warning' }] },
      { name: 'TypeORM synchronize true', path: 'src/app.module.ts', code: "import { TypeOrmModule } from '@nestjs/typeorm'\nTypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, synchronize: true })\n", errors: [{ line: 2, message: /synchronize: true/ }] },
      { name: 'TypeORM migrationsRun', path: 'src/data-source.ts', code: "import { DataSource } from 'typeorm'\nexport default new DataSource({\n  migrationsRun: true,\n})\n", errors: [{ line: 3, severity: 'warning' }] },
      { name: 'Spring ddl-auto update', path: 'src/main/resources/application.properties', code: 'spring.datasource.url=${DATABASE_URL}\nspring.jpa.hibernate.ddl-auto=update\n', errors: [{ line: 2, message: /auto-update/ }] },
      { name: 'Spring yaml ddl-auto create-drop', path: 'src/main/resources/application.yml', code: 'spring:\n  jpa:\n    hibernate:\n      ddl-auto: create-drop\n', errors: [{ line: 4, message: /drops existing tables/ }] },
      { name: 'dev profile ddl-auto is a notice', path: 'src/main/resources/application-dev.yml', code: 'spring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n', errors: [{ line: 4, severity: 'notice' }] },
      { name: 'migrate --noinput still fires', path: 'Dockerfile', code: 'FROM python:3.12\nCMD python manage.py migrate --check; python manage.py migrate --noinput && gunicorn mysite.wsgi\n', errors: [{ line: 2, column: 46 }] },
      { name: 'sequelize.sync only in production', path: 'src/db.ts', code: "import { Sequelize } from 'sequelize'\nif (process.env.NODE_ENV === 'production') {\n  await sequelize.sync({ alter: true })\n}\n", errors: [{ line: 3 }] },
      { name: 'sequelize.sync when not test', path: 'src/db.ts', code: "import { Sequelize } from 'sequelize'\nif (process.env.NODE_ENV !== 'test') {\n  await sequelize.sync()\n}\n", errors: [{ line: 3, severity: 'warning' }] },
      { name: 'spring dev profile document is a notice', path: 'src/main/resources/application.yml', code: 'spring:\n  jpa:\n    hibernate:\n      ddl-auto: validate\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n  jpa:\n    hibernate:\n      ddl-auto: create-drop\n', errors: [{ line: 12, severity: 'notice' }] },
      { name: 'spring #--- local profile document is a notice', path: 'src/main/resources/application.properties', code: 'spring.jpa.hibernate.ddl-auto=validate\n#---\nspring.config.activate.on-profile=local\nspring.jpa.hibernate.ddl-auto=create-drop\n', errors: [{ line: 4, severity: 'notice' }] },
      { name: 'spring profile document for dev and test is a notice', path: 'src/main/resources/application.yml', code: 'server:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: dev, test\n  jpa:\n    hibernate:\n      ddl-auto: update\n', errors: [{ line: 10, severity: 'notice' }] },
      { name: 'spring prod profile document still fires', path: 'src/main/resources/application.yml', code: 'server:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  jpa:\n    hibernate:\n      ddl-auto: update\n', errors: [{ line: 10, severity: 'error' }] },
      { name: 'GORM AutoMigrate inside func Start still fires', path: 'internal/server/server.go', code: 'package server\nimport "gorm.io/gorm"\nfunc Start(db *gorm.DB) error {\n\tdb.AutoMigrate(&User{})\n\treturn http.ListenAndServe(":8080", nil)\n}\n', errors: [{ line: 4, severity: 'warning' }] },
      { name: 'sequelize.sync in async function start still fires', path: 'src/server.js', code: "const { Sequelize } = require('sequelize')\nasync function start() {\n  await sequelize.sync({ alter: true })\n  app.listen(process.env.PORT)\n}\n", errors: [{ line: 3 }] },
      { name: 'Django call_command migrate in AppConfig.ready', path: 'shop/apps.py', code: "from django.core.management import call_command\nclass ShopConfig(AppConfig):\n    def ready(self):\n        call_command('migrate', interactive=False)\n", errors: [{ line: 4, column: 9 }] },
      { name: 'Flask create_all at import', path: 'app/__init__.py', code: 'app = Flask(__name__)\ndb = SQLAlchemy(app)\nwith app.app_context():\n    db.create_all()\n', errors: [{ line: 4, severity: 'warning' }] },
      { name: 'GORM AutoMigrate in server main', path: 'cmd/api/main.go', code: 'import "gorm.io/gorm"\nfunc main() {\n\tdb.AutoMigrate(&User{}, &Order{})\n\tr.Run()\n}\n', errors: [{ line: 3, severity: 'warning' }] }
    ]
  })

  it('a Node finding names the migration tool it saw', () => {
    const [f] = runRule(schemaChangeAtStart, 'Dockerfile', 'FROM node:20\nCMD npx prisma migrate deploy && node server.js\n')
    expect(f.remediation).toContain('Run `prisma migrate deploy` once per release')
    expect(f.remediation).not.toContain('sequelize')
    const [d] = runRule(schemaChangeAtStart, 'Dockerfile', 'FROM python:3.12\nCMD python manage.py migrate && gunicorn mysite.wsgi\n')
    expect(d.remediation).toContain('Run `manage.py migrate` once per release')
  })
  it('a Procfile finding gives the Procfile fix once', () => {
    const [f] = runRule(schemaChangeAtStart, 'Procfile', 'web: bundle exec rails db:migrate && bundle exec puma -C config/puma.rb\n')
    expect(f.remediation).toBe('Move it to a release phase, `release: rails db:migrate`, and keep `web:` to the server command alone.')
  })
  it('records release phases, migration Jobs and admin task entries as facts', () => {
    const facts = new Facts()
    runRule(schemaChangeAtStart, 'Procfile', 'release: python manage.py migrate\nweb: gunicorn a.wsgi\n', facts)
    runRule(schemaChangeAtStart, 'k8s/migrate.yaml', job, facts)
    runRule(schemaChangeAtStart, 'package.json', '{\n  "scripts": {\n    "db:migrate": "knex migrate:latest"\n  }\n}\n', facts)
    expect(facts.get(FACT_RELEASE_PHASE)).toEqual([
      { app: '.', file: 'Procfile', line: 1, how: 'Procfile release: python manage.py migrate' },
      { app: '.', file: 'k8s/migrate.yaml', line: 13, how: 'Job migrate (hook pre-upgrade): manage.py migrate' }
    ])
    expect(facts.get(FACT_ADMIN_TASK)).toEqual([{ app: '.', file: 'package.json', line: 3, task: 'npm run db:migrate' }])
  })

  it('notices Flyway run by Spring Boot at startup, unless disabled or run by a Job', () => {
    const pom = '<project>\n  <parent><artifactId>spring-boot-starter-parent</artifactId><version>3.2.1</version></parent>\n  <dependencies>\n    <dependency><artifactId>spring-boot-starter-web</artifactId></dependency>\n    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId></dependency>\n  </dependencies>\n</project>\n'
    const run = (files: Record<string, string>) =>
      runAudit({ root: makeTree(files), config: defaultConfig(), rules: [schemaChangeAtStart] }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`)
    expect(run({ 'pom.xml': pom })).toEqual(['TF1201 pom.xml:5 notice'])
    expect(run({ 'pom.xml': pom, 'src/main/resources/application.properties': 'spring.flyway.enabled=false\n' })).toEqual([])
    expect(run({ 'pom.xml': pom, 'k8s/migrate.yaml': job.replace('["python", "manage.py", "migrate", "--noinput"]', '["flyway", "migrate"]') })).toEqual([])
  })
})
