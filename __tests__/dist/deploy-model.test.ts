// The deploy model through the bundled CLI, on small trees shaped like real repositories: files
// that do not ship are not judged as the app, and code that does ship is still read.
import { describe, expect, it } from '@jest/globals'
import { runCliBundle } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'

interface Hit { ruleId: string; file: string; line: number; severity: string }
function audit(tree: Record<string, string>): Hit[] {
  const r = runCliBundle(['.', '--format', 'json', '--fail-on', 'none'], makeTree(tree))
  expect(r.status).toBe(0)
  return (JSON.parse(r.stdout) as { findings: Hit[] }).findings.filter((f) => f.severity !== 'notice')
}
const ids = (hits: Hit[], file: string): string[] => hits.filter((h) => h.file === file).map((h) => h.ruleId)

const IMAGE = 'FROM golang:1.22.5 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/server ./cmd/server\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/server /server\nENTRYPOINT ["/server"]\n'

describe('deploy model through the CLI bundle', () => {
  it('a goreman Procfile for local runs is quiet; a Heroku Procfile running a dev server is not', () => {
    const dev = audit({
      'go.mod': 'module example.org/ctl\n\ngo 1.22\n',
      'cmd/server/main.go': 'package main\n\nfunc main() {}\n',
      Dockerfile: IMAGE,
      Procfile: [
        "server: sh -c 'go run ./cmd/server --loglevel debug --redis localhost:6379'",
        "controller: sh -c 'go run ./cmd/controller --redis localhost:6379'",
        'ui: sh -c "cd ui && yarn dev"',
        'git-fixture: test/fixtures/start-git.sh'
      ].join('\n') + '\n'
    })
    expect(ids(dev, 'Procfile')).toEqual([])
    const heroku = audit({
      'app.json': '{"name": "shop"}',
      'requirements.txt': 'Django==5.0.6\n',
      'manage.py': 'import django\n',
      Procfile: 'web: python manage.py runserver 0.0.0.0:$PORT\n',
      'Procfile.windows': 'web: python manage.py runserver 0.0.0.0:5000\n'
    })
    expect(ids(heroku, 'Procfile')).toContain('TF1003')
    expect(ids(heroku, 'Procfile.windows')).toEqual([])
  })

  it('a Tilt Dockerfile and a dev build stage are not the shipped image', () => {
    const hits = audit({
      'requirements.txt': 'flask==3.0.3\n',
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
      Tiltfile: "docker_build('acme/api', '.', dockerfile='Dockerfile.tilt')\n",
      'Dockerfile.tilt': 'FROM python:3.12.4-slim\nRUN pip install debugpy watchdog\nCOPY . /app\nCMD python -m debugpy --listen 0.0.0.0:5678 app.py\n',
      Dockerfile: 'FROM python:3.12.4-slim AS base\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nFROM base AS dev\nRUN pip install watchdog\nCMD ["flask", "run", "--reload"]\nFROM base AS final\nCOPY . /app\nRUN pip install gunicorn\nCMD ["gunicorn", "app:app"]\n'
    })
    expect(ids(hits, 'Dockerfile.tilt')).toEqual([])
    const image = hits.filter((h) => h.file === 'Dockerfile' && h.ruleId === 'TF0205').map((h) => h.line)
    expect(image).not.toContain(5) // watchdog, in the dev stage
    expect(image).toContain(9) // gunicorn, in the shipped stage
  })

  it('workspace libraries and build-tool configs are not separate apps; two deployed apps still are', () => {
    const tree = {
      'package.json': '{"private": true, "workspaces": ["apps/*", "packages/*"], "scripts": {"start": "turbo run start"}}',
      'apps/web/package.json': '{"scripts": {"start": "next start"}, "dependencies": {"next": "15.0.0"}}',
      'apps/web/.prettierrc.js': "module.exports = require('../../packages/config-prettier/base.js')\n",
      'apps/web/lib/survey.ts': "import { ZSurvey } from '../../../packages/types/surveys'\nexport const s = ZSurvey\n",
      'apps/admin/package.json': '{"scripts": {"start": "node server.js"}, "dependencies": {"express": "4.19.2"}}',
      'apps/admin/server.js': "const shared = require('../web/lib/survey')\nmodule.exports = shared\n",
      'packages/types/package.json': '{"name": "@acme/types", "main": "index.ts", "dependencies": {"zod": "3.23.8"}}',
      'packages/types/surveys.ts': "import { z } from 'zod'\nexport const ZSurvey = z.object({})\n",
      'packages/database/package.json': '{"name": "@acme/database", "scripts": {"build": "tsc"}, "dependencies": {"zod": "3.23.8"}}',
      'packages/database/zod/surveys.ts': "import { ZSurvey } from '../../types/surveys'\nexport const Z = ZSurvey\n",
      'packages/database/vite.config.ts': "import base from '../../vite.base'\nexport default base\n",
      'packages/config-prettier/package.json': '{"name": "@acme/config-prettier", "devDependencies": {"prettier": "3.3.3"}}',
      'packages/config-prettier/base.js': 'module.exports = {}\n'
    }
    const hits = audit(tree).filter((h) => h.ruleId === 'TF0103')
    expect(hits.map((h) => h.file)).toEqual(['apps/admin/server.js', 'apps/web/lib/survey.ts'])
  })

  it('a Spring app in com.example is the app: a literal key there is found', () => {
    const key = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`
    const hits = audit({
      'pom.xml': '<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n',
      'src/main/java/com/example/demo/PaymentConfig.java': `package com.example.demo;\n\npublic class PaymentConfig {\n  static final String STRIPE_KEY = "${key}";\n}\n`,
      'config/default.json': `{"stripe": {"secretKey": "${key}"}}\n`
    })
    expect(ids(hits, 'src/main/java/com/example/demo/PaymentConfig.java')).toContain('TF0301')
    expect(ids(hits, 'config/default.json')).toContain('TF0301')
  })

  it('a Pipfile the image never installs is not judged for its lockfile; one the image installs is', () => {
    const image = 'FROM python:3.12.4-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["uvicorn", "app:app"]\n'
    const dev = audit({ 'api/Pipfile': '[packages]\nfastapi = "*"\n', 'api/requirements.txt': 'fastapi==0.110.0\n', 'api/Dockerfile': image, 'api/app.py': 'x = 1\n' })
    expect(ids(dev, 'api/Pipfile')).toEqual([])
    const shipped = audit({ 'api/Pipfile': '[packages]\nfastapi = "*"\n', 'api/Dockerfile': 'FROM python:3.12.4-slim\nCOPY Pipfile .\nRUN pip install pipenv && pipenv install --system\nCMD ["uvicorn", "app:app"]\n', 'api/app.py': 'x = 1\n' })
    expect(ids(shipped, 'api/Pipfile')).toContain('TF0201')
  })

  it('committed build output that a start script runs is read for credentials only', () => {
    const aws = `AKIA${'QX7ZT4MNB2KLPW9R'}`
    const tree = {
      'package.json': '{"scripts": {"start": "node index.js", "start:prod": "node dist/main.js"}, "dependencies": {"express": "4.19.2"}}',
      'package-lock.json': '{}',
      'src/main.ts': "import express from 'express'\nexpress().listen(Number(process.env.PORT))\n",
      'dist/main.js': "const express = require('express')\nexpress().listen(3000)\n",
      'dist/config.js': `exports.AWS_KEY = '${aws}'\n`,
      'admin/package.json': '{"scripts": {"build": "vite build"}, "dependencies": {"vite": "5.0.0"}}',
      'admin/dist/keys.js': `exports.AWS_KEY = '${aws}'\n`
    }
    const r = runCliBundle(['.', '--format', 'json', '--fail-on', 'none'], makeTree(tree, { git: true }))
    const hits = (JSON.parse(r.stdout) as { findings: Hit[] }).findings
    expect(ids(hits, 'dist/config.js')).toContain('TF0301')
    expect(ids(hits, 'dist/main.js')).not.toContain('TF0701') // the port is judged on the source, not on its build
    expect(ids(hits, 'admin/dist/keys.js')).not.toContain('TF0301') // no process runs it (TF0102 still reports the committed folder)
    expect(r.stdout).not.toContain(aws)
  })

  it('--explain-deploy prints the processes, the files they ship and why a file is not production', () => {
    const root = makeTree({
      'go.mod': 'module example.org/ctl\n',
      Dockerfile: IMAGE,
      Procfile: "server: sh -c 'go run ./cmd/server --redis localhost:6379'\nui: sh -c 'cd ui && yarn dev'\n",
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    env_file: .env.local-stack\n',
      '.env.local-stack': 'LOG_LEVEL=debug\n'
    })
    const text = runCliBundle(['.', '--explain-deploy'], root)
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/Processes \(production\): 1\n {2}web {7}Dockerfile/)
    expect(text.stdout).toMatch(/dev {8}Procfile: a local process manager's Procfile/)
    const json = JSON.parse(runCliBundle(['.', '--explain-deploy', '--format', 'json'], root).stdout) as { processes: { name: string; environment: string; ships: string[] }[]; files: { path: string; environment: string }[] }
    expect(json.processes.find((p) => p.name === 'Dockerfile')).toMatchObject({ environment: 'production', ships: ['.'] })
    expect(json.files.find((f) => f.path === '.env.local-stack')?.environment).toBe('dev')
    expect(runCliBundle(['.', '--explain-deploy', '--format', 'sarif'], root).status).toBe(2)
  })
})
