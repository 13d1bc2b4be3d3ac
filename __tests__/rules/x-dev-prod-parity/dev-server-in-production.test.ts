import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { makeTree } from '../../helpers/tree.js'
import { devServerInProduction } from '../../../src/rules/x-dev-prod-parity/dev-server-in-production.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF1003 dev-server-in-production', () => {
  ruleTable(devServerInProduction, {
    valid: [
      { name: 'gunicorn', path: 'Dockerfile', code: 'FROM python:3.12\nCMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]\n' },
      { name: 'heroku local on Windows', path: 'Procfile.windows', code: 'web: python manage.py runserver 0.0.0.0:5000\n' },
      { name: 'a Tilt image', path: 'Dockerfile.ui.tilt', code: 'FROM node:20\nCMD ["pnpm", "start"]\n' },
      { name: 'dev Dockerfile', path: 'Dockerfile.dev', code: 'FROM node:20\nCMD ["npx", "nodemon", "src/index.ts"]\n' },
      { name: 'dev compose', path: 'docker-compose.yml', code: 'services:\n  web:\n    command: python manage.py runserver 0.0.0.0:8000\n' },
      { name: 'Procfile.dev', path: 'Procfile.dev', code: 'web: bin/rails server -e development\njs: yarn build --watch\n' },
      { name: 'nodemon only in a build stage', path: 'Dockerfile', code: 'FROM node:20 AS dev\nCMD ["nodemon", "server.js"]\nFROM node:20-slim\nCMD ["node", "server.js"]\n' },
      { name: 'rails server with RAILS_ENV set', path: 'Dockerfile', code: 'FROM ruby:3.3\nENV RAILS_ENV=production\nCMD ["./bin/rails", "server"]\n' },
      { name: 'next start', path: 'Dockerfile', code: 'FROM node:20\nCMD ["npx", "next", "start"]\n' },
      { name: 'commented-out runserver', path: 'Procfile', code: '# web: python manage.py runserver\nweb: gunicorn app.wsgi\n' },
      { name: 'a Dockerfile in a dev folder', path: 'docker/dev/Dockerfile', code: 'FROM node:20\nCMD ["npx", "nodemon", "src/server.ts"]\n' },
      { name: 'a development target as the last stage, production stage clean', path: 'Dockerfile', code: 'FROM node:20-alpine AS base\nFROM base AS production\nCMD ["node", "dist/server.js"]\nFROM base AS development\nCMD ["npx", "nodemon", "src/server.ts"]\n' },
      { name: 'go build then run binary', path: 'Dockerfile', code: 'FROM golang:1.22 AS build\nRUN go build -o /server ./cmd/server\nFROM gcr.io/distroless/base\nCMD ["/server"]\n' }
    ],
    invalid: [
      { name: 'a development last stage does not hide a dev server in the production stage', path: 'Dockerfile', code: 'FROM node:20-alpine AS base\nFROM base AS production\nCMD ["npx", "nodemon", "src/server.ts"]\nFROM base AS development\nCMD ["npx", "nodemon", "src/server.ts"]\n', errors: [{ line: 3, message: /nodemon/ }] },
      { name: 'a prod folder is not a dev folder', path: 'deploy/prod/Dockerfile', code: 'FROM node:20\nCMD ["npx", "nodemon", "server.js"]\n', errors: [{ line: 2 }] },
      { name: 'runserver in Dockerfile', path: 'Dockerfile', code: 'FROM python:3.12\nCMD python manage.py runserver 0.0.0.0:$PORT\n', errors: [{ line: 2, message: /Django's development server `manage\.py runserver`/ }] },
      { name: 'flask run in Procfile', path: 'Procfile', code: 'web: flask run --host=0.0.0.0 --port=$PORT\n', errors: [{ line: 1, column: 6 }] },
      { name: 'nodemon in production Dockerfile', path: 'Dockerfile', code: 'FROM node:20\nCMD ["npx", "nodemon", "server.js"]\n', errors: [{ line: 2, message: /nodemon/ }] },
      { name: 'uvicorn --reload in k8s', path: 'k8s/api.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: acme/api:1\n          args: ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--reload"]\n', errors: [{ line: 10, message: /--reload/ }] },
      { name: 'production compose with next dev', path: 'docker-compose.prod.yml', code: 'services:\n  web:\n    image: acme/web:1\n    command: npx next dev -p 3000\n', errors: [{ line: 4 }] },
      { name: 'spring-boot:run', path: 'Dockerfile', code: 'FROM maven:3.9-eclipse-temurin-21\nCMD ["mvn", "spring-boot:run"]\n', errors: [{ line: 2 }] },
      { name: 'go run', path: 'Dockerfile', code: 'FROM golang:1.22\nCMD ["go", "run", "./cmd/server"]\n', errors: [{ line: 2 }] },
      { name: 'rails server without RAILS_ENV', path: 'Dockerfile', code: 'FROM ruby:3.3\nCMD ["bundle", "exec", "rails", "server", "-b", "0.0.0.0"]\n', errors: [{ line: 2, message: /never sets RAILS_ENV/ }] },
      { name: 'rails -e development in Procfile', path: 'Procfile', code: 'web: bundle exec rails server -e development -p $PORT\n', errors: [{ line: 1 }] }
    ]
  })
  it('reports a nodemon start script that production runs through npm start', () => {
    const run = (files: Record<string, string>) => runAudit({ root: makeTree(files), config: defaultConfig(), rules: [devServerInProduction] }).findings.map((f) => `${f.file}:${f.line} ${f.message}`)
    const pkg = '{\n  "scripts": {\n    "start": "nodemon server.js"\n  },\n  "dependencies": {"express": "4"}\n}\n'
    expect(run({ 'package.json': pkg, Dockerfile: 'FROM node:20\nCMD ["npm", "start"]\n' })).toEqual(['package.json:3 package.json `start` runs a file-watching auto-restarter `nodemon`, and Dockerfile starts the app with `npm start` in production'])
    expect(run({ 'package.json': pkg })).toEqual([])
    expect(run({ 'package.json': pkg, 'Dockerfile.dev': 'FROM node:20\nCMD ["npm", "start"]\n' })).toEqual([])
    expect(run({ 'package.json': pkg.replace('nodemon server.js', 'node server.js'), Procfile: 'web: npm start\n' })).toEqual([])
  })
})
