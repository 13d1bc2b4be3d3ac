import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { backingServiceDrift } from '../../../src/rules/x-dev-prod-parity/backing-service-drift.js'
import { ruleTable } from '../../helpers/rule-tester.js'
import { makeTree } from '../../helpers/tree.js'

const dbYml = (dev: string): string =>
  `default: &default\n  adapter: postgresql\n  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>\n\ndevelopment:\n${dev}\ntest:\n  adapter: sqlite3\n  database: db/test.sqlite3\n\nproduction:\n  <<: *default\n  url: <%= ENV["DATABASE_URL"] %>\n`

describe('TF1001 backing-service-drift', () => {
  ruleTable(backingServiceDrift, {
    valid: [
      { name: 'same adapter through the default anchor', path: 'config/database.yml', code: dbYml('  <<: *default\n  database: app_development\n') },
      { name: 'production adapter unknown (ERB)', path: 'config/database.yml', code: 'development:\n  adapter: sqlite3\nproduction:\n  adapter: <%= ENV["DB_ADAPTER"] %>\n' },
      { name: 'example database.yml', path: 'config/database.yml.example', code: dbYml('  adapter: sqlite3\n') },
      { name: 'knexfile same client', path: 'knexfile.ts', code: "export default {\n  development: { client: 'pg', connection: 'postgres://localhost/app' },\n  test: { client: 'sqlite3' },\n  production: { client: 'pg', connection: process.env.DATABASE_URL }\n}\n" },
      { name: 'sequelize same dialect', path: 'config/config.json', code: '{\n  "development": {"dialect": "postgres"},\n  "test": {"dialect": "sqlite"},\n  "production": {"use_env_variable": "DATABASE_URL", "dialect": "postgres"}\n}\n' }
    ],
    invalid: [
      { name: 'sqlite3 in development, postgresql in production', path: 'config/database.yml', code: dbYml('  adapter: sqlite3\n  database: db/development.sqlite3\n'), errors: [{ line: 6, column: 12, message: /`sqlite3` \(SQLite\) in development but `postgresql` \(PostgreSQL\) in production/ }] },
      { name: 'knexfile sqlite3 vs pg', path: 'knexfile.js', code: "module.exports = {\n  development: {\n    client: 'sqlite3',\n    connection: { filename: './dev.sqlite3' }\n  },\n  production: {\n    client: 'pg',\n    connection: process.env.DATABASE_URL\n  }\n}\n", errors: [{ line: 3, column: 13, message: /client `sqlite3` \(SQLite\) in development but `pg` \(PostgreSQL\)/ }] },
      { name: 'sequelize sqlite vs postgres', path: 'config/config.json', code: '{\n  "development": {\n    "storage": "dev.sqlite",\n    "dialect": "sqlite"\n  },\n  "production": {"dialect": "postgres"}\n}\n', errors: [{ line: 4, column: 5 }] }
    ]
  })

  const run = (files: Record<string, string>): string[] =>
    runAudit({ root: makeTree(files), config: defaultConfig(), rules: [backingServiceDrift] }).findings.map((f) => `${f.file}:${f.line} ${f.message}`)
  const k8s = (image: string): string => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          image: ${image}\n`

  it('compares compose (dev) with production manifests', () => {
    expect(run({ 'docker-compose.yml': 'services:\n  db:\n    image: mysql:8\n', 'k8s/db.yaml': k8s('postgres:16') })).toEqual([
      'docker-compose.yml:3 Development service `db` runs `mysql:8` (MySQL) but production runs `postgres:16` (PostgreSQL, k8s/db.yaml:9) as its SQL database'
    ])
    expect(run({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres:13-alpine\n', 'k8s/db.yaml': k8s('bitnami/postgresql:16.2.0') })).toEqual([
      expect.stringContaining('docker-compose.yml:3 Development service `db` runs PostgreSQL 13') as unknown as string
    ])
  })
  it('stays silent on agreeing, compatible or unknown versions', () => {
    expect(run({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n  cache:\n    image: valkey/valkey:7\n', 'k8s/db.yaml': k8s('postgres:16.1') + '---\n' + k8s('redis:7.2') })).toEqual([])
    expect(run({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres\n', 'k8s/db.yaml': k8s('postgres:16') })).toEqual([])
    expect(run({ 'docker-compose.yml': 'services:\n  legacy-db:\n    image: mysql:8\n  db:\n    image: postgres:16\n', 'k8s/db.yaml': k8s('postgres:16') })).toEqual([])
    expect(run({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres:13\n' })).toEqual([])
    expect(run({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres:13\n', 'charts/app/templates/db.yaml': k8s('"{{ .Values.db.image }}"') })).toEqual([])
  })
})
