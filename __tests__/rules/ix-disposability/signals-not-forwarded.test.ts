import { describe } from '@jest/globals'
import { signalsNotForwarded } from '../../../src/rules/ix-disposability/signals-not-forwarded.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0902 signals-not-forwarded', () => {
  ruleTable(signalsNotForwarded, {
    valid: [
      { name: 'exec-form node', path: 'Dockerfile', code: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n' },
      { name: 'shell form in an earlier build stage only', path: 'Dockerfile', code: 'FROM node:20 AS build\nCMD npm run build\nFROM node:20-slim\nCMD ["node", "dist/main.js"]\n' },
      { name: 'shell form that execs', path: 'Dockerfile', code: 'FROM python:3.12\nCMD exec gunicorn -b 0.0.0.0:$PORT app:app\n' },
      { name: 'sh -c with exec on the last command', path: 'Dockerfile', code: 'FROM python:3.12\nCMD ["sh", "-c", "python manage.py collectstatic --noinput && exec gunicorn app.wsgi"]\n' },
      { name: 'single-command sh -c is exec-ed by the shell', path: 'Dockerfile', code: 'FROM python:3.12\nCMD ["sh", "-c", "gunicorn -b 0.0.0.0:$PORT app:app"]\n' },
      { name: 'npm start behind tini', path: 'Dockerfile', code: 'FROM node:20\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["npm", "start"]\n' },
      { name: 'entrypoint script with exec "$@"', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nset -e\nif [ "$1" = "web" ]; then\n  echo starting\nfi\nexec "$@"\n' },
      { name: 'entrypoint script that traps TERM', path: 'entrypoint.sh', code: '#!/bin/bash\ntrap "kill -TERM $child" TERM\nnode server.js &\nchild=$!\nwait $child\n' },
      { name: 'commented-out shell form', path: 'Dockerfile', code: 'FROM node:20\n# CMD npm start\nCMD ["node", "server.js"]\n' },
      { name: 'devcontainer Dockerfile', path: '.devcontainer/Dockerfile', code: 'FROM mcr.microsoft.com/devcontainers/base\nCMD sleep infinity\n' },
      { name: 'dev Dockerfile', path: 'Dockerfile.dev', code: 'FROM node:20\nCMD npm run dev\n' },
      { name: 'a non-entrypoint script', path: 'scripts/build.sh', code: '#!/bin/sh\nnode build.js\n' },
      { name: 'k8s Job with sh -c', path: 'k8s/migrate.yaml', code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: m}\nspec:\n  template:\n    spec:\n      containers:\n        - name: m\n          image: app:1\n          command: ["sh", "-c", "sleep 5 && python manage.py migrate"]\n' }
    ],
    invalid: [
      { name: 'shell-form CMD on a Debian image: dash keeps sh as PID 1', path: 'Dockerfile', code: 'FROM node:20\nWORKDIR /app\nCMD node server.js\n', errors: [{ line: 3, message: /Shell-form CMD `node server\.js`/ }] },
      { name: 'single shell-form command on Alpine: BusyBox execs it, a notice', path: 'Dockerfile', code: 'FROM golang:1.22-alpine AS build\nRUN go build -o /engine .\nFROM alpine:3.20\nCOPY --from=build /engine /app/engine\nCMD /app/engine\n', errors: [{ line: 5, severity: 'notice', message: /BusyBox sh execs a single command/ }] },
      { name: 'a command list on Alpine still leaves sh as PID 1', path: 'Dockerfile', code: 'FROM node:20-alpine\nCMD npx prisma migrate deploy && node server.js\n', errors: [{ line: 2, severity: 'warning' }] },
      { name: 'single shell-form command on Ubuntu', path: 'Dockerfile', code: 'FROM heroku/heroku:24\nCMD /app/bin/web\n', errors: [{ line: 2, severity: 'warning' }] },
      { name: 'shell-form ENTRYPOINT', path: 'Dockerfile', code: 'FROM openjdk:17\nENTRYPOINT java -jar /app.jar\n', errors: [{ line: 2, message: /ENTRYPOINT `java -jar \/app\.jar`/ }] },
      { name: 'npm start as PID 1', path: 'Dockerfile', code: 'FROM node:20\nCMD ["npm", "start"]\n', errors: [{ line: 2, message: /npm PID 1/ }] },
      { name: 'sh -c chain without exec', path: 'Dockerfile', code: 'FROM python:3.12\nCMD ["/bin/sh", "-c", "python manage.py migrate && gunicorn app.wsgi"]\n', errors: [{ line: 2, message: /without `exec`/ }] },
      { name: 'shell-form CMD under an entrypoint script', path: 'Dockerfile', code: 'FROM ruby:3.3\nENTRYPOINT ["./bin/docker-entrypoint"]\nCMD bundle exec puma -C config/puma.rb\n', errors: [{ line: 3, message: /passed to the entrypoint/ }] },
      { name: 'entrypoint script ending without exec', path: 'docker/entrypoint.sh', code: '#!/bin/sh\nset -e\npython manage.py collectstatic --noinput\ngunicorn app.wsgi -b 0.0.0.0:8000\n', errors: [{ line: 4, message: /`gunicorn app\.wsgi -b 0\.0\.0\.0:8000` without `exec`/ }] },
      { name: 'rails bin/docker-entrypoint ending in "$@"', path: 'bin/docker-entrypoint', code: '#!/bin/bash -e\nif [ "${1}" == "./bin/rails" ]; then\n  ./bin/rails db:prepare\nfi\n"$@"\n', errors: [{ line: 5 }] },
      { name: 'k8s Deployment sh -c chain', path: 'k8s/web.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: app:1\n          command: ["sh", "-c", "python manage.py migrate && gunicorn app.wsgi"]\n', errors: [{ line: 10 }] }
    ]
  })
})
