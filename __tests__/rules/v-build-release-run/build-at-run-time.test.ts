import { describe } from '@jest/globals'
import { buildAtRunTime } from '../../../src/rules/v-build-release-run/build-at-run-time.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0501 build-at-run-time', () => {
  ruleTable(buildAtRunTime, {
    valid: [
      { name: 'plain node start', path: 'package.json', code: '{\n  "scripts": {\n    "build": "tsc",\n    "start": "node dist/server.js"\n  }\n}' },
      { name: 'yarn start is not an install', path: 'package.json', code: '{"scripts": {"start": "yarn start:prod"}}' },
      { name: 'type-check only', path: 'package.json', code: '{"scripts": {"start": "tsc --noEmit && node dist/index.js"}}' },
      { name: 'webpack dev server', path: 'package.json', code: '{"scripts": {"start": "webpack serve --mode development"}}' },
      { name: 'RUN at build time is right', path: 'Dockerfile', code: 'FROM node:20\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n' },
      { name: 'install in a build stage, not the final one', path: 'Dockerfile', code: 'FROM node:20 AS build\nCMD npm install\nFROM node:20-slim\nCMD ["node", "server.js"]\n' },
      { name: 'Dockerfile.dev may rebuild', path: 'Dockerfile.dev', code: 'FROM node:20\nCMD npm install && npm run dev\n' },
      { name: 'dev compose may rebuild', path: 'docker-compose.yml', code: 'services:\n  web:\n    build: .\n    command: sh -c "npm install && npm run dev"\n' },
      { name: 'Procfile.dev', path: 'Procfile.dev', code: 'web: bundle install && bin/rails s\n' },
      { name: 'release phase may run tasks', path: 'Procfile', code: 'release: pip install -r requirements.txt\nweb: gunicorn app:app\n' },
      { name: 'commented-out CMD', path: 'Dockerfile', code: 'FROM python:3.12\n# CMD pip install -r requirements.txt && gunicorn app:app\nCMD ["gunicorn", "app:app"]\n' },
      { name: 'test fixture', path: '__tests__/fixtures/Procfile', code: 'web: npm install && node x.js\n' },
      { name: 'docs snippet', path: 'docs/deploy.md', code: '```\nCMD npm install && node server.js\n```\n' },
      { name: 'dev-guarded install in entrypoint', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nif [ "$NODE_ENV" = "development" ]; then\n  npm install\nfi\nexec node server.js\n' },
      { name: 'other shell scripts are not start commands', path: 'scripts/setup.sh', code: 'npm install\n' },
      { name: 'gradle wrapper jar is not a build', path: 'Procfile', code: 'web: java -jar build/libs/app.jar\n' }
    ],
    invalid: [
      { name: 'npm start compiles', path: 'package.json', code: '{\n  "scripts": {\n    "start": "tsc && node dist/index.js"\n  }\n}', errors: [{ line: 3, column: 15, message: /npm "start" script runs "tsc"/ }] },
      { name: 'prestart installs', path: 'package.json', code: '{\n  "scripts": {\n    "prestart": "npm run build",\n    "start": "node dist"\n  }\n}', errors: [{ line: 3, message: /"npm run build"/ }] },
      { name: 'Procfile web installs', path: 'Procfile', code: 'web: npm install && node server.js\nworker: node worker.js\n', errors: [{ line: 1, column: 6, message: /Procfile process "web" runs "npm install"/ }] },
      { name: 'CMD shell form pip install', path: 'Dockerfile', code: 'FROM python:3.12\nWORKDIR /app\nCMD pip install -r requirements.txt && gunicorn app:app\n', errors: [{ line: 3, message: /CMD runs "pip install"/ }] },
      { name: 'ENTRYPOINT exec form mvn', path: 'Dockerfile', code: 'FROM maven:3\nENTRYPOINT ["mvn", "spring-boot:run"]\n', errors: [{ line: 2, message: /mvn spring-boot:run/ }] },
      { name: 'multi-line CMD points at the token line', path: 'Dockerfile', code: 'FROM ruby:3.3\nCMD bundle exec rails db:prepare && \\\n    bundle exec rails assets:precompile && \\\n    bundle exec puma\n', errors: [{ line: 3, message: /rails assets:precompile/ }] },
      { name: 'go run', path: 'Dockerfile', code: 'FROM golang:1.22\nCOPY . .\nCMD ["go", "run", "./cmd/server"]\n', errors: [{ line: 3, message: /"go run"/ }] },
      { name: 'production compose', path: 'docker-compose.prod.yml', code: 'services:\n  web:\n    image: acme/web:1.2.3\n    command: >\n      sh -c "bundle install && bundle exec puma"\n', errors: [{ line: 5, message: /bundle install/ }] },
      { name: 'kubernetes container command', path: 'k8s/deployment.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: acme/web:1.0.0\n          command: ["sh", "-c"]\n          args:\n            - npm ci && node server.js\n', errors: [{ line: 13, message: /npm ci/ }] },
      { name: 'entrypoint script', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nset -e\ncomposer install --no-dev\nexec php-fpm\n', errors: [{ line: 3, message: /composer install/ }] }
    ]
  })
})
