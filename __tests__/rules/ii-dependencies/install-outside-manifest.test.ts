import { describe } from '@jest/globals'
import { installOutsideManifest } from '../../../src/rules/ii-dependencies/install-outside-manifest.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0205 install-outside-manifest', () => {
  ruleTable(installOutsideManifest, {
    valid: [
      { name: 'a dev target stage nothing ships', path: 'vote/Dockerfile', code: 'FROM python:3.11-slim AS base\nRUN pip install --no-cache-dir -r requirements.txt\nFROM base AS dev\nRUN pip install watchdog\nCMD ["python", "app.py"]\nFROM base AS final\nCOPY . .\nCMD ["gunicorn", "app:app"]\n' },
      { name: 'global package pinned through a build ARG', path: 'apps/web/Dockerfile', code: 'FROM node:22-alpine AS builder\nARG TURBO_VERSION=2.9.4\nRUN corepack enable pnpm && pnpm add -g turbo@${TURBO_VERSION}\n' },
      { name: 'global package pinned through ENV', path: 'Dockerfile', code: 'FROM node:22\nENV PM2_VERSION=5.4.2\nRUN npm install -g pm2@$PM2_VERSION\n' },
      { name: 'installs from manifests', path: 'Dockerfile', code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nRUN pip install --upgrade pip setuptools wheel\nRUN pip install gunicorn==22.0.0\nRUN npm ci && npm install -g npm@10.5.0 pnpm@9.1.0\nRUN apt-get update && apt-get install -y ffmpeg\nRUN gem install bundler && gem install rails -v 7.1.3\nRUN go install github.com/x/tool@v1.2.3\nRUN pip install .\n' },
      { name: 'commented out', path: 'Dockerfile', code: 'FROM node:20\n# RUN npm install -g nodemon\n' },
      { name: 'a dev build stage the final stage does not build on', path: 'Dockerfile', code: 'FROM python:3.12-slim AS base\nRUN pip install -r requirements.txt\nFROM base AS dev\nRUN pip install watchdog\nCMD ["flask", "run", "--reload"]\nFROM base AS final\nCMD ["gunicorn", "app:app"]\n' },
      { name: 'a Tilt image', path: 'Dockerfile.ui.tilt', code: 'FROM node:20\nRUN npm install -g pnpm\n' },
      { name: 'developer bootstrap script', path: 'scripts/setup-dev.sh', code: 'npm install -g nodemon\ncurl -fsSL https://get.example.sh | sh\n' },
      { name: 'docs', path: 'docs/install.md', code: 'curl https://x | sh\n' },
      { name: 'curl to a file, then verified', path: 'deploy.sh', code: 'curl -fsSLO https://example.com/v1.2.3/tool.tar.gz && sha256sum -c tool.sha256\n' }
    ],
    invalid: [
      { name: 'a builder stage the final stage copies from ships its tools', path: 'Dockerfile', code: 'FROM node:22 AS build\nRUN npm install -g typescript\nRUN tsc\nFROM node:22-slim\nCOPY --from=build /app/dist /app\n', errors: [{ line: 2 }] },
      { name: 'a build ARG without a version default is no pin', path: 'Dockerfile', code: 'FROM node:22\nARG TURBO_VERSION\nRUN npm install -g turbo@${TURBO_VERSION} nodemon\n', errors: [{ line: 3, message: /turbo@\$\{TURBO_VERSION\} nodemon/ }] },
      { name: 'a stage the final stage copies from ships', path: 'Dockerfile', code: 'FROM python:3.12-slim AS dev-deps\nRUN pip install watchdog\nFROM python:3.12-slim\nCOPY --from=dev-deps /usr/local /usr/local\nCMD ["python", "app.py"]\n', errors: [{ line: 2 }] },
      {
        name: 'Dockerfile installs',
        path: 'Dockerfile',
        code: 'FROM node:20-slim\nRUN npm install -g nodemon\nRUN pip3 install requests flask>=2\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\nRUN gem install sass\nRUN go install golang.org/x/tools/gopls@latest\nRUN yarn global add serve\n',
        errors: [
          { line: 2, message: /`npm install -g nodemon` installs a global package outside package\.json/ },
          { line: 3, message: /`pip install requests flask>=2`/ },
          { line: 4, message: /`curl \.\.\. \| bash` runs the installer at https:\/\/deb\.nodesource\.com\/setup_20\.x/ },
          { line: 5, message: /gem install sass/ },
          { line: 6, message: /gopls@latest/ },
          { line: 7, message: /yarn global -g serve|global package/ }
        ]
      },
      { name: 'continuation lines and exec form', path: 'Dockerfile', code: 'FROM python:3.12\nRUN apt-get update && \\\n    pip install celery\nRUN ["python", "-m", "pip", "install", "redis"]\n', errors: [{ line: 2 }, { line: 4, message: /pip install redis/ }] },
      { name: 'release script', path: 'bin/release.sh', code: '#!/bin/sh\nset -e\nsudo npm i -g pm2\nwget -qO- https://install.example.io | sh\n', errors: [{ line: 3, column: 6 }, { line: 4, column: 1 }] }
    ]
  })
})
