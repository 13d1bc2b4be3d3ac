import { describe, expect, it } from '@jest/globals'
import { detectApps, appOf } from '../../src/engine/apps.js'
import { composeOf } from '../../src/parsers/compose.js'
import { dockerfileOf, parseDockerfile } from '../../src/parsers/dockerfile.js'
import { kubernetesOf } from '../../src/parsers/kubernetes.js'
import { parsePackageJson } from '../../src/parsers/package-json.js'
import { parseProcfile } from '../../src/parsers/procfile.js'
import { workflowOf } from '../../src/parsers/workflow.js'
import { makeFile } from '../helpers/rule-tester.js'
import { parseImageRef } from '../../src/parsers/image-ref.js'

describe('dockerfile', () => {
  it('joins continuations, tracks stages and exec form', () => {
    const d = parseDockerfile([
      '# syntax=docker/dockerfile:1', 'FROM node:20 AS build', 'RUN npm ci && \\', '    # a comment', '    npm run build',
      'FROM --platform=linux/amd64 node:20-slim', 'CMD ["node", "server.js"]', 'ENTRYPOINT npm start'
    ])
    expect(d.stages.map((s) => [s.image, s.name, s.line])).toEqual([['node:20', 'build', 2], ['node:20-slim', undefined, 6]])
    const run = d.instructions.find((i) => i.keyword === 'RUN')!
    expect([run.args, run.line, run.endLine, run.stage]).toEqual(['npm ci &&  npm run build', 3, 5, 0])
    expect(d.instructions.find((i) => i.keyword === 'CMD')!.exec).toEqual(['node', 'server.js'])
    expect(d.instructions.find((i) => i.keyword === 'ENTRYPOINT')!.exec).toBeUndefined()
  })
  it('reads heredocs, the escape directive and keywords only when whitespace follows them', () => {
    const d = parseDockerfile([
      '# escape=`', 'FROM python:3.12-slim', 'RUN apt-get update && `', '    apt-get install -y --no-install-recommends libpq5',
      'RUN <<EOF', 'pip install --no-cache-dir -r requirements.txt', 'python -m compileall .', 'EOF',
      'COPY <<CONF /etc/app.conf', 'workers = 4', 'CONF', 'CMD gunicorn app:app'
    ])
    const runs = d.instructions.filter((i) => i.keyword === 'RUN')
    expect(runs.map((r) => [r.line, r.endLine])).toEqual([[3, 4], [5, 8]])
    expect(runs[0].args).toBe('apt-get update &&  apt-get install -y --no-install-recommends libpq5')
    expect(runs[1].args).toBe('<<EOF\npip install --no-cache-dir -r requirements.txt\npython -m compileall .')
    expect(runs[1].heredocs).toEqual([{ name: 'EOF', body: 'pip install --no-cache-dir -r requirements.txt\npython -m compileall .' }])
    // Heredoc lines are a body, never instructions of their own.
    expect(d.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN', 'COPY', 'CMD'])
    // Without the directive a backslash continues and a backtick is literal.
    expect(parseDockerfile(['FROM alpine', 'RUN echo `date` \\', '  && true']).instructions[1].args).toBe('echo `date`  && true')
    // `entrypoint_alerts.sh` is a word, not ENTRYPOINT followed by `_alerts.sh`.
    expect(parseDockerfile(['FROM alpine', 'entrypoint_alerts.sh', 'cmd_runner']).instructions.map((i) => i.keyword)).toEqual(['FROM'])
  })
  it('reads nothing from a Dockerfile.dockerignore', () => {
    const ignore = makeFile('api/Dockerfile.dockerignore', '**/__pycache__\nentrypoint_alerts.sh\nenv.dev\nCMD.md\n')
    expect(dockerfileOf(ignore).instructions).toEqual([])
    expect(dockerfileOf(makeFile('api/Dockerfile', 'FROM python:3.12\nCMD ["python", "app.py"]\n')).instructions).toHaveLength(2)
  })
  it('splits image references', () => {
    expect(parseImageRef('ghcr.io:443/a/b:1.2@sha256:ab')).toEqual({ name: 'ghcr.io:443/a/b', tag: '1.2', digest: 'sha256:ab' })
    expect(parseImageRef('localhost:5000/app')).toEqual({ name: 'localhost:5000/app' })
  })
})

describe('procfile and package.json', () => {
  it('reads process types with lines', () => {
    expect(parseProcfile(['web: node server.js', '# x: y', 'worker:  node worker.js'])).toEqual([
      { type: 'web', command: 'node server.js', line: 1, column: 6 },
      { type: 'worker', command: 'node worker.js', line: 3, column: 10 }
    ])
  })
  it('finds lines of scripts and reports invalid JSON', () => {
    const p = parsePackageJson('{\n  "name": "a",\n  "scripts": {\n    "start": "node x"\n  }\n}')
    expect(p.data?.scripts?.start).toBe('node x')
    expect(p.lineOf('scripts', 'start')).toBe(4)
    expect(parsePackageJson('{\n "a": 1,\n}').error?.line).toBeGreaterThanOrEqual(2)
  })
})

describe('yaml structures', () => {
  it('kubernetes workloads across documents, tolerating a broken one', () => {
    const k = kubernetesOf(makeFile('k8s/app.yaml', [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 1', '  template:', '    spec:',
      '      containers:', '        - name: web', '          image: acme/web:1.2', '          env:', '            - name: DB_PASSWORD',
      '              valueFrom: {secretKeyRef: {name: db, key: pw}}', '            - name: MODE', '              value: prod',
      '          ports: [{containerPort: 8080}]', '---', 'kind: [broken', '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: web}'
    ].join('\n')))
    expect(k.workloads).toHaveLength(1)
    const c = k.workloads[0].containers[0]
    expect([k.workloads[0].replicas, c.image, c.imageLine]).toEqual([1, 'acme/web:1.2', 10])
    expect(c.env).toEqual([{ name: 'DB_PASSWORD', fromRef: true, line: 12 }, { name: 'MODE', value: 'prod', fromRef: false, line: 15 }])
    expect(c.ports).toEqual([{ containerPort: 8080, line: 16 }])
    expect(k.objects.map((o) => o.kind)).toEqual(['Deployment', 'Service'])
    expect(k.errors.length).toBeGreaterThan(0)
  })
  it('compose services with both environment forms', () => {
    const c = composeOf(makeFile('docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: app\n  web:\n    build: .\n    command: npm start\n    environment:\n      - PORT=3000\n'))
    expect(c.services.map((s) => [s.name, s.image, s.build, s.command])).toEqual([['db', 'postgres:16', false, undefined], ['web', undefined, true, ['npm start']]])
    expect(c.services[0].environment).toEqual([{ key: 'POSTGRES_PASSWORD', value: 'app', line: 5 }])
    expect(c.services[1].environment).toEqual([{ key: 'PORT', value: '3000', line: 10 }])
  })
  it('workflow jobs and steps', () => {
    const w = workflowOf(makeFile('.github/workflows/ci.yml', 'on: [push]\njobs:\n  deploy:\n    environment: production\n    steps:\n      - uses: actions/checkout@v6\n      - run: git pull\n        env: {TOKEN: x}\n'))
    expect(w.triggers).toEqual(['push'])
    expect(w.jobs[0]).toMatchObject({ id: 'deploy', environment: 'production' })
    expect(w.jobs[0].steps.map((s) => [s.uses, s.run, s.line])).toEqual([['actions/checkout@v6', undefined, 6], [undefined, 'git pull', 7]])
  })
})

describe('apps', () => {
  it('finds apps, language and framework; skips a workspaces-only root', () => {
    const apps = detectApps([
      makeFile('package.json', '{"private": true, "workspaces": ["services/*"]}'),
      makeFile('services/api/package.json', '{"dependencies": {"express": "^4", "typescript": "^5"}}'),
      makeFile('services/web/requirements.txt', 'Django==5.0\n'),
      makeFile('services/shop/Gemfile', "gem 'rails', '~> 7.1'\n"),
      makeFile('services/shop/package.json', '{"dependencies": {"esbuild": "1"}}'),
      makeFile('services/billing/pom.xml', '<artifactId>spring-boot-starter-web</artifactId>'),
      makeFile('tools/go.mod', 'module x\n')
    ])
    expect(apps.map((a) => [a.path, a.language, a.framework])).toEqual([
      ['services/api', 'typescript', 'express'], ['services/billing', 'java', 'spring-boot'], ['services/shop', 'ruby', 'rails'],
      ['services/web', 'python', 'django'], ['tools', 'go', undefined]
    ])
    expect(appOf(apps, 'services/api/src/x.ts')?.path).toBe('services/api')
    expect(appOf(apps, 'docs/x.md')).toBeUndefined()
  })
})
