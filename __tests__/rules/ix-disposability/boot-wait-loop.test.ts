import { describe } from '@jest/globals'
import { bootWaitLoop } from '../../../src/rules/ix-disposability/boot-wait-loop.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0903 boot-wait-loop', () => {
  ruleTable(bootWaitLoop, {
    valid: [
      { name: 'sleep loop that is not a dependency probe', path: 'entrypoint.sh', code: '#!/bin/sh\nwhile true; do\n  echo tick\n  sleep 60\ndone\n' },
      { name: 'probe without sleep', path: 'docker-entrypoint.sh', code: '#!/bin/sh\npg_isready -h "$DB_HOST" || exit 1\nexec "$@"\n' },
      { name: 'commented-out loop', path: 'entrypoint.sh', code: '#!/bin/sh\n# until pg_isready; do sleep 1; done\nexec "$@"\n' },
      { name: 'init container wait is the platform ordering', path: 'k8s/web.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: wait\n          image: busybox\n          command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]\n      containers:\n        - name: web\n          image: app:1\n' },
      { name: 'echo mentioning wait-for-it', path: 'entrypoint.sh', code: '#!/bin/sh\necho "no wait-for-it needed"\nexec "$@"\n' },
      { name: 'other scripts', path: 'scripts/dev-db.sh', code: '#!/bin/sh\nuntil pg_isready; do sleep 1; done\n' },
      { name: 'dev compose file is not checked', path: 'docker-compose.yml', code: 'services:\n  web:\n    command: sh -c "until nc -z db 5432; do sleep 1; done; npm start"\n' }
    ],
    invalid: [
      { name: 'until loop in entrypoint', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nset -e\nuntil pg_isready -h "$DB_HOST"; do\n  echo waiting\n  sleep 2\ndone\nexec "$@"\n', errors: [{ line: 3, column: 1, message: /sleep loop `until pg_isready/ }] },
      { name: 'fallback loops in one script are one finding', path: 'docker-entrypoint.sh', code: '#!/bin/bash\nif command -v pg_isready; then\n  until pg_isready -h "$H"; do sleep 2; done\nelse\n  until (echo > "/dev/tcp/$H/5432"); do sleep 2; done\nfi\nexec "$@"\n', errors: [{ line: 3 }] },
      { name: 'while ! nc loop', path: 'entrypoint.sh', code: '#!/bin/sh\nwhile ! nc -z redis 6379; do sleep 1; done\nexec node server.js\n', errors: [{ line: 2 }] },
      { name: 'wait-for-it in CMD', path: 'Dockerfile', code: 'FROM node:20\nCMD ["./wait-for-it.sh", "db:5432", "--", "node", "server.js"]\n', errors: [{ line: 2, message: /wait-for-it\.sh/ }] },
      { name: 'loop in sh -c of a Deployment', path: 'k8s/worker.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  template:\n    spec:\n      containers:\n        - name: w\n          image: app:1\n          args: ["sh", "-c", "until redis-cli -h redis ping; do sleep 3; done; exec celery -A app worker"]\n', errors: [{ line: 10 }] }
    ]
  })
})
