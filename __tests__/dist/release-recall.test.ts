// Release identity, build and migrations at start, logs and signals, through the committed CLI
// bundle on small realistic trees: what must be reported, and the lookalikes that must stay quiet.
import { describe, expect, it } from '@jest/globals'
import { runCliBundle } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'

interface F {
  ruleId: string
  factor: string
  severity: string
  file: string
  line: number
  message: string
}

function audit(files: Record<string, string>, factors?: string): F[] {
  const root = makeTree(files)
  const r = runCliBundle(['.', '--format', 'json', '--fail-on', 'none', ...(factors ? ['--factors', factors] : [])], root)
  expect(r.stderr).toBe('')
  return (JSON.parse(r.stdout) as { findings: F[] }).findings
}

const at = (found: F[], rule: string): string[] => found.filter((f) => f.ruleId === rule).map((f) => `${f.file}:${f.line} ${f.severity}`)

const deployment = (name: string, image: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: ${image}\n`

describe('class: release identity in deploy manifests (TF0503, Factor V)', () => {
  const found = audit({
    'package.json': '{ "name": "vote", "scripts": { "start": "node server.js" }, "dependencies": { "express": "4.19.2" } }\n',
    'package-lock.json': '{}\n',
    'server.js': "require('express')().listen(process.env.PORT)\n",
    Dockerfile: 'FROM node:slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    // the deploy: a Swarm stack, Kubernetes manifests, a self-hosting compose with its .env
    'docker-stack.yml': 'services:\n  vote:\n    image: acme/vote\n    deploy:\n      replicas: 3\n  redis:\n    image: redis:7.2.4\n',
    'k8s/vote.yaml': deployment('vote', 'acme/vote'),
    'k8s/redis.yaml': deployment('redis', 'redis:alpine'),
    'selfhost/.env': 'APP_TAG=latest\n',
    'selfhost/docker-compose.yml': 'services:\n  vote:\n    image: "acme/vote:${APP_TAG}"\n    restart: always\n  minio:\n    image: minio/minio\n    restart: always\n',
    // lookalikes: the dev compose, a skaffold dev loop, a kustomize base the overlay pins
    'docker-compose.yml': 'services:\n  vote:\n    build: .\n    volumes:\n      - .:/app\n    restart: unless-stopped\n  redis:\n    image: redis\n',
    'skaffold.yaml': 'apiVersion: skaffold/v3\nkind: Config\nbuild:\n  artifacts:\n  - image: vote\n    context: .\nmanifests:\n  rawYaml:\n  - dev-manifests/vote.yaml\n',
    'dev-manifests/vote.yaml': deployment('vote', 'vote'),
    'deploy/base/vote.yaml': deployment('vote', 'acme/vote'),
    'deploy/prod/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../base\nimages:\n- name: acme/vote\n  newTag: 2.3.1\n'
  })

  it('reports every untagged or latest image a deploy manifest runs, once, under Factor V', () => {
    expect(at(found, 'TF0503')).toEqual(['docker-stack.yml:3 warning', 'k8s/redis.yaml:11 warning', 'k8s/vote.yaml:11 warning', 'selfhost/.env:1 warning', 'selfhost/docker-compose.yml:6 warning'])
    expect(found.find((f) => f.ruleId === 'TF0503' && f.file === 'selfhost/.env')!.message).toMatch(/`APP_TAG=latest` is the image tag the deploy compose file uses/)
  })

  it('keeps Factor II for the floating base image and a notice for the dev compose', () => {
    expect(at(found, 'TF0203')).toEqual(['Dockerfile:1 warning', 'docker-compose.yml:8 notice'])
  })
})

describe('classes: build and migrations at start, logs to files, signals (through the CLI)', () => {
  const found = audit({
    'package.json': JSON.stringify({ name: 'api', scripts: { build: 'tsc', 'prestart:prod': 'npm run build', 'start:prod': 'node dist/main.js', 'start:watch': 'nodemon' }, dependencies: { express: '4.19.2', knex: '3.1.0' } }, null, 2) + '\n',
    'package-lock.json': '{}\n',
    'src/server.js': "const knex = require('knex')(require('./knexfile'))\nconst app = require('./app')\nknex.migrate.latest().then(() => app.listen(process.env.PORT))\n",
    'scripts/migrate.js': "const knex = require('knex')(require('../src/knexfile'))\nknex.migrate.latest().then(() => process.exit(0))\n",
    'Procfile': 'web: flask translate compile; gunicorn app:app\nworker: rq worker tasks\n',
    'docker/start-web.sh': '#!/bin/bash\nif [ -f /data/.ready ]; then\n  java -jar /app/app.jar\nelse\n  echo "not ready"\nfi\ncleanup.sh\n',
    'docker/supervisor.conf': '[supervisord]\nnodaemon=true\n\n[program:web]\ncommand=gunicorn app:app\nstdout_logfile=/app/logs/web.log\n\n[program:worker]\ncommand=rq worker\nstdout_logfile=/dev/stdout\nstdout_logfile_maxbytes=0\n'
  })
  const ids = (rule: string): string[] => found.filter((f) => f.ruleId === rule && f.severity !== 'notice').map((f) => `${f.file}:${f.line}`)

  it('reports the build in the production start path, not the watch script', () => {
    expect(ids('TF0501')).toEqual(['Procfile:1', 'package.json:5'])
  })
  it('reports knex migrations in the server start path, not in the migrate script', () => {
    expect(ids('TF1201')).toEqual(['src/server.js:3'])
  })
  it('reports the start script that keeps the shell as PID 1', () => {
    expect(ids('TF0902')).toEqual(['docker/start-web.sh:3'])
  })
  it('reports the supervisord program logging to a file, not the one on /dev/stdout', () => {
    expect(ids('TF1102')).toEqual(['docker/supervisor.conf:6'])
  })
})
