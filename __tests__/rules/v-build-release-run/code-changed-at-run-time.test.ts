import { describe } from '@jest/globals'
import { codeChangedAtRunTime } from '../../../src/rules/v-build-release-run/code-changed-at-run-time.js'
import { ruleTable } from '../../helpers/rule-tester.js'

const wf = (steps: string): string => `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`

describe('TF0502 code-changed-at-run-time', () => {
  ruleTable(codeChangedAtRunTime, {
    valid: [
      { name: 'git on the runner is not the server', path: '.github/workflows/release.yml', code: wf('      - run: |\n          git fetch --tags\n          git checkout v1.2.3\n          npm ci && npm run build\n') },
      { name: 'ssh that deploys an artifact', path: '.github/workflows/deploy.yml', code: wf('      - run: ssh deploy@host "docker pull ghcr.io/acme/web:${{ github.sha }} && docker compose up -d"\n') },
      { name: 'ssh-action pulling an image', path: '.github/workflows/deploy.yml', code: wf('      - uses: appleboy/ssh-action@v1\n        with:\n          host: example.com\n          script: |\n            docker pull ghcr.io/acme/web:${{ github.sha }}\n            docker compose up -d\n') },
      { name: 'docker cp -q out of a container for a backup', path: 'deploy/install.sh', code: 'backup() {\n  docker cp -q "$CONTAINER_ID:/var/lib/postgresql/data/." "$BACKUP_DIR/pgdata/"\n}\n' },
      { name: 'docker cp into a scratch container that moves volume data', path: 'deploy/migrate-volumes.sh', code: 'TMP=$(docker run -d -v $DEST_VOLUME:/data busybox true)\ndocker cp -q ./export/pgdata $TMP:/data/_temp\ndocker rm $TMP\n' },
      { name: 'kubectl cp out of a pod', path: 'scripts/backup.sh', code: 'kubectl cp web-0:/data/dump.sql ./dump.sql\n' },
      { name: 'commented-out git pull', path: 'scripts/deploy.sh', code: '# ssh host "cd app && git pull"\nssh host "systemctl restart app"\n' },
      { name: 'dev script', path: 'scripts/dev-sync.sh', code: 'ssh devbox "cd app && git pull"\n' },
      { name: 'Dockerfile RUN git clone is build time', path: 'Dockerfile', code: 'FROM alpine\nRUN git clone https://github.com/acme/lib /lib\nCMD ["/app"]\n' },
      { name: 'docs', path: 'docs/deploy.md', code: 'ssh host "git pull"\n' }
    ],
    invalid: [
      { name: 'ssh git pull in a workflow', path: '.github/workflows/deploy.yml', code: wf('      - run: ssh deploy@${{ secrets.HOST }} "cd /srv/app && git pull origin main && pm2 reload all"\n'), errors: [{ line: 6, message: /runs "git pull" on the server/ }] },
      { name: 'ssh-action script with git pull and npm install', path: '.github/workflows/deploy.yml', code: wf('      - uses: appleboy/ssh-action@v1\n        with:\n          host: ${{ secrets.HOST }}\n          script: |\n            cd /srv/app\n            git pull\n            npm install --production\n            pm2 restart app\n'), errors: [{ line: 11, message: /git pull/ }, { line: 12, message: /runs "npm install" on the server: the build happens on the run host/ }] },
      { name: 'rsync then install over ssh', path: 'scripts/deploy.sh', code: '#!/bin/sh\nrsync -az --exclude node_modules ./ deploy@host:/srv/app\nssh deploy@host "cd /srv/app && npm ci && pm2 reload app"\n', errors: [{ line: 3, message: /"npm ci"/ }] },
      { name: 'ssh heredoc', path: 'deploy.sh', code: '#!/bin/bash\nssh deploy@host <<EOF\n  cd /srv/app\n  git fetch && git reset --hard origin/main\n  bundle install\nEOF\necho done\n', errors: [{ line: 4, column: 3 }, { line: 5 }] },
      { name: 'docker cp -q of code into the running app container', path: 'scripts/hotfix.sh', code: 'docker cp -q ./dist/app.js shop-web-1:/app/dist/app.js\ndocker restart shop-web-1\n', errors: [{ line: 1, message: /"docker cp" hot-patches/ }] },
      { name: 'kubectl cp hot patch', path: '.github/workflows/hotfix.yml', code: wf('      - run: kubectl cp ./dist/app.js web-7d9f:/app/dist/app.js\n'), errors: [{ line: 6, message: /"kubectl cp" hot-patches/ }] },
      { name: 'git pull in the start command', path: 'Dockerfile', code: 'FROM node:20\nCMD git pull && node server.js\n', errors: [{ line: 2, severity: 'error', message: /CMD runs "git pull" at start/ }] },
      { name: 'Procfile clones at start', path: 'Procfile', code: 'web: git clone https://github.com/acme/site /tmp/site && node server.js\n', errors: [{ line: 1, severity: 'error' }] }
    ]
  })
})
