import { describe } from '@jest/globals'
import { selfDaemonizing } from '../../../src/rules/viii-concurrency/self-daemonizing.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0802 self-daemonizing', () => {
  ruleTable(selfDaemonizing, {
    valid: [
      { name: 'pm2-runtime in a container', path: 'Dockerfile', code: 'FROM node:20\nCMD ["pm2-runtime", "ecosystem.config.js"]\n' },
      { name: 'pm2 start --no-daemon', path: 'Procfile', code: 'web: pm2 start server.js --no-daemon\n' },
      { name: 'foreground gunicorn', path: 'Procfile', code: 'web: gunicorn app:app --workers 3\n' },
      { name: 'trap, background the app, wait: the script forwards signals', path: 'docker-entrypoint.sh', code: "#!/bin/sh\nterm() { kill -TERM \"$child\"; }\ntrap term TERM INT\nnode server.js &\nchild=$!\nwait \"$child\"\n" },
      { name: '&& and 2>&1 are not backgrounding', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nset -e\n[ -n "$DB" ] && echo ok 2>&1\nexec node server.js\n' },
      { name: 'a one-off init block backgrounded before exec of the main process', path: 'docker/postgres/docker-entrypoint.sh', code: '#!/bin/bash\nrefresh_collations() {\n  (\n    until pg_isready -h 127.0.0.1; do sleep 1; done\n    psql -h 127.0.0.1 -c "ALTER DATABASE app REFRESH COLLATION VERSION;"\n  ) &\n}\nrefresh_collations\nexec postgres -c config_file=/etc/postgresql/postgresql.conf\n' },
      { name: 'an & inside a quoted string', path: 'entrypoint.sh', code: '#!/bin/sh\necho "starting api & worker docs"\nexec node server.js\n' },
      { name: 'celery --pidfile= (empty) disables the PID file', path: 'Procfile', code: 'worker: celery -A proj worker --pidfile= --loglevel=info\nbeat: celery -A proj beat --pidfile= -s /tmp/celerybeat-schedule\n' },
      { name: 'celery exec form with an empty --pidfile=', path: 'Dockerfile', code: 'FROM python:3.12-slim\nCMD ["celery", "-A", "proj", "worker", "--pidfile="]\n' },
      { name: '--pidfile=/dev/null', path: 'Procfile', code: 'worker: celery -A proj worker --pidfile=/dev/null\n' },
      { name: 'rails default pidfile via ENV', path: 'config/puma.rb', code: 'port ENV.fetch("PORT") { 3000 }\npidfile ENV.fetch("PIDFILE") { "tmp/pids/server.pid" }\n' },
      { name: 'python daemon threads are not daemonizing', path: 'app/tasks.py', code: 't = threading.Thread(target=work, daemon=True)\nt.daemon = True\n' },
      { name: 'gunicorn daemon False', path: 'gunicorn.conf.py', code: 'daemon = False\nworkers = 2\n' },
      { name: 'nginx daemon off', path: 'Dockerfile', code: 'FROM nginx\nCMD ["nginx", "-g", "daemon off;"]\n' },
      { name: 'dev Procfile', path: 'Procfile.dev', code: 'web: nohup rails s &\n' },
      { name: 'commented-out nohup', path: 'Dockerfile', code: 'FROM node:20\n# CMD nohup node server.js &\nCMD ["node", "server.js"]\n' },
      { name: 'deploy script is not a start command', path: 'scripts/deploy.sh', code: 'ssh host "pm2 start app"\n' },
      { name: 'test file', path: 'test/fixtures/Procfile', code: 'web: forever start server.js\n' }
    ],
    invalid: [
      { name: 'pm2 start in CMD', path: 'Dockerfile', code: 'FROM node:20\nRUN npm i -g pm2\nCMD pm2 start server.js && pm2 logs\n', errors: [{ line: 3, column: 5, message: /CMD: "pm2 start" daemonizes/ }] },
      { name: 'nohup in Procfile', path: 'Procfile', code: 'web: nohup node server.js > out.log 2>&1 &\n', errors: [{ line: 1, column: 6, message: /Procfile process "web": "nohup"/ }] },
      { name: 'forever start in npm start', path: 'package.json', code: '{\n  "scripts": {\n    "start": "forever start server.js"\n  }\n}\n', errors: [{ line: 3, message: /forever start/ }] },
      { name: 'supervisord as entry', path: 'Dockerfile', code: 'FROM python:3.12\nCOPY supervisord.conf /etc/\nCMD ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisord.conf"]\n', errors: [{ line: 3, message: /supervisord as the entry/ }] },
      { name: 'celery --pidfile with a path', path: 'Procfile', code: 'worker: celery -A proj worker --pidfile=/var/run/celery/%n.pid --loglevel=info\n', errors: [{ line: 1, message: /--pidfile=\/var\/run/ }] },
      { name: 'gunicorn --daemon and pidfile', path: 'Procfile', code: 'web: gunicorn app:app --daemon\nworker: gunicorn admin:app --pid /tmp/admin.pid\n', errors: [{ line: 1, message: /"--daemon"/ }, { line: 2, message: /--pid \/tmp\/admin\.pid/ }] },
      { name: 'trap and wait but two background processes', path: 'docker-entrypoint.sh', code: "#!/bin/sh\ntrap 'kill 0' TERM\nnginx -g 'daemon off;' &\nphp-fpm &\nwait\n", errors: [{ line: 3 }, { line: 4 }] },
      { name: 'a one-off block backgrounded with no exec after it', path: 'docker-entrypoint.sh', code: '#!/bin/sh\n(\n  sleep 5 && node warm-cache.js\n) &\nnode server.js\n', errors: [{ line: 4 }] },
      { name: 'background process in entrypoint', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nnginx -g "daemon off;" &\nexec php-fpm\n', errors: [{ line: 2, column: 24, message: /backgrounds a process/ }] },
      { name: 'service start in CMD', path: 'Dockerfile', code: 'FROM php:8-apache\nCMD service cron start && apache2-foreground\n', errors: [{ line: 2, message: /service cron start/ }] },
      { name: 'gunicorn.conf.py daemon', path: 'gunicorn.conf.py', code: 'bind = "0.0.0.0:8000"\ndaemon = True\npidfile = "/var/run/app.pid"\n', errors: [{ line: 2, message: /daemon = True/ }, { line: 3, message: /pidfile/ }] },
      { name: 'puma daemonize', path: 'config/puma.rb', code: 'workers 2\ndaemonize true\n', errors: [{ line: 2, column: 1 }] },
      { name: 'node writes a pid file', path: 'src/server.js', code: "fs.writeFileSync('server.pid', String(process.pid))\n", errors: [{ line: 1 }] },
      { name: 'yaml daemon: true', path: 'config/app.yml', code: 'server:\n  daemon: true\n', errors: [{ line: 2, column: 3 }] }
    ]
  })
})
