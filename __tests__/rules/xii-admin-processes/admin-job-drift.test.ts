import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { adminJobDrift } from '../../../src/rules/xii-admin-processes/admin-job-drift.js'
import { makeTree } from '../../helpers/tree.js'

const deployment = (image: string, envFrom = '          envFrom:\n            - configMapRef: {name: web-config}\n            - secretRef: {name: web-secrets}\n'): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n${envFrom}`
const job = (image: string, command: string, envFrom = '          envFrom:\n            - configMapRef: {name: web-config}\n            - secretRef: {name: web-secrets}\n'): string =>
  `apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n          image: ${image}\n          command: ${command}\n${envFrom}`
const run = (files: Record<string, string>): string[] =>
  runAudit({ root: makeTree(files), config: defaultConfig(), rules: [adminJobDrift] }).findings.map((f) => `${f.file}:${f.line} ${f.message}`)

describe('TF1206 admin-job-drift', () => {
  it('is silent when the Job uses the app image, tag and config', () => {
    expect(run({ 'k8s/web.yaml': deployment('acme/web:1.4.0'), 'k8s/migrate.yaml': job('acme/web:1.4.0', '["python", "manage.py", "migrate"]') })).toEqual([])
    expect(run({ 'k8s/web.yaml': deployment('acme/web:1.4.0'), 'k8s/migrate.yaml': job('flyway/flyway:10', '["flyway", "migrate"]', '') })).toEqual([])
    expect(run({ 'k8s/web.yaml': deployment('acme/web:1.4.0'), 'k8s/backup.yaml': job('acme/pg-backup:2', '["/backup.sh"]', '') })).toEqual([])
  })
  it('reports a Job on another release of the app image', () => {
    expect(run({ 'k8s/web.yaml': deployment('acme/web:1.4.0'), 'k8s/migrate.yaml': job('acme/web:1.3.2', '["python", "manage.py", "migrate"]') })).toEqual([
      'k8s/migrate.yaml:9 Job `migrate` runs `acme/web:1.3.2` but Deployment `web` runs `acme/web:1.4.0` (k8s/web.yaml:9): the admin task runs a different release'
    ])
  })
  it('reports a Job running app commands on another image', () => {
    expect(run({ 'k8s/web.yaml': deployment('acme/web:1.4.0'), 'k8s/migrate.yaml': job('python:3.12', '["python", "manage.py", "migrate"]') })).toEqual([
      expect.stringContaining('k8s/migrate.yaml:9 Job `migrate` runs `python manage.py migrate` on image `python:3.12`, not the app image `acme/web:1.4.0`') as unknown as string
    ])
  })
  it('does not compare a Job with another app\'s Deployment in another folder', () => {
    expect(run({ 'apps/web/k8s/web.yaml': deployment('acme/web:1.4.0'), 'apps/billing/k8s/migrate.yaml': job('acme/billing:3.0.0', '["python", "manage.py", "migrate"]') })).toEqual([])
    expect(run({ 'apps/web/k8s/web.yaml': deployment('acme/web:1.4.0'), 'apps/web/k8s/migrate.yaml': job('acme/billing:3.0.0', '["python", "manage.py", "migrate"]') })).toHaveLength(1)
  })
  it('reports a Job that misses the config source of the app', () => {
    expect(run({ 'k8s/web.yaml': deployment('acme/web:1.4.0'), 'k8s/migrate.yaml': job('acme/web:1.4.0', '["bin/rails", "db:migrate"]', '          envFrom:\n            - configMapRef: {name: web-config}\n') })).toEqual([
      'k8s/migrate.yaml:8 Job `migrate` does not load `web-secrets` that Deployment `web` reads its config from: the admin task runs with different config'
    ])
  })
  it('compose one-off services run the app image', () => {
    expect(run({ 'docker-compose.yml': 'services:\n  web:\n    build: .\n  migrate:\n    image: python:3.12\n    command: python manage.py migrate\n  db:\n    image: postgres:16\n' })).toEqual([
      expect.stringContaining('docker-compose.yml:5 One-off service `migrate` runs `python manage.py migrate` on image `python:3.12`, while service `web` runs the image built from this repository') as unknown as string
    ])
    expect(run({ 'docker-compose.yml': 'services:\n  web:\n    build: .\n  migrate:\n    build: .\n    command: python manage.py migrate\n' })).toEqual([])
    expect(run({ 'docker-compose.prod.yml': 'services:\n  web:\n    image: acme/web:2.0\n  migrate:\n    image: acme/web:2.0\n    command: bin/rails db:migrate\n  flyway:\n    image: flyway/flyway:10\n    command: migrate\n' })).toEqual([])
  })
})
