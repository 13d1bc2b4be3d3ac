// Recall classes of issue 17 (build work and migrations at start, logs to files, signals in start
// scripts): realistic violations that must be reported and lookalikes that must stay quiet.
import { describe } from '@jest/globals'
import { signalsNotForwarded } from '../../src/rules/ix-disposability/signals-not-forwarded.js'
import { buildAtRunTime } from '../../src/rules/v-build-release-run/build-at-run-time.js'
import { logToFile } from '../../src/rules/xi-logs/log-to-file.js'
import { selfManagedLogRouting } from '../../src/rules/xi-logs/self-managed-log-routing.js'
import { schemaChangeAtStart } from '../../src/rules/xii-admin-processes/schema-change-at-start.js'
import { ruleTable } from '../helpers/rule-tester.js'

const pkg = (scripts: Record<string, string>): string => JSON.stringify({ name: 'api', scripts, dependencies: { express: '4.19.2' } }, null, 2) + '\n'

describe('class 5: build work at start (TF0501)', () => {
  ruleTable(buildAtRunTime, {
    valid: [
      { name: 'build is its own script, start runs the output', path: 'package.json', code: pkg({ build: 'tsc', 'start:prod': 'node dist/main.js', 'start:watch': 'nodemon' }) },
      { name: 'start calls a script that only runs node', path: 'package.json', code: pkg({ serve: 'node dist/main.js', start: 'npm run serve' }) },
      { name: 'Procfile web runs the server only', path: 'Procfile', code: 'web: gunicorn app:app\nworker: rq worker tasks\n' },
      { name: 'translations compiled in the image build', path: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN pybabel compile -d app/translations\nCMD ["gunicorn", "app:app"]\n' }
    ],
    invalid: [
      { name: 'prestart:prod runs tsc before npm run start:prod', path: 'package.json', code: pkg({ 'prestart:prod': 'tsc', 'start:prod': 'node dist/main.js' }), errors: [{ line: 4, message: /npm "prestart:prod" script runs "tsc" at start/ }] },
      { name: 'start runs the build through another script', path: 'package.json', code: pkg({ compile: 'tsc -p tsconfig.build.json', start: 'npm run compile && node dist/server.js' }), errors: [{ line: 5, message: /npm "start" script runs "tsc"/ }] },
      { name: 'Procfile compiles translations before the server', path: 'Procfile', code: 'web: flask translate compile; gunicorn microblog:app\n', errors: [{ line: 1, message: /"flask translate compile" at start/ }] },
      { name: 'go run in a Procfile (goreman/foreman local runner): a notice', path: 'Procfile', code: "api: go run ./cmd/main.go --port 8080\nui: sh -c 'cd ui && pnpm start'\n", errors: [{ line: 1, severity: 'notice', message: /local process runner/ }] },
      { name: 'a start script named for its service collects static files', path: 'docker/start-api.sh', code: '#!/bin/sh\npython manage.py collectstatic --noinput\nexec gunicorn app.wsgi\n', errors: [{ line: 2, message: /start script start-api\.sh runs "python manage\.py collectstatic"/ }] }
    ]
  })
})

describe('class 6: migrations at boot (TF1201)', () => {
  ruleTable(schemaChangeAtStart, {
    valid: [
      { name: 'dev compose migrates before the server', path: 'docker-compose.yml', code: 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n    command: bash -c "rails db:prepare && rails server -b 0.0.0.0"\n' },
      { name: 'one-off migration service in a deploy compose', path: 'docker-compose.yml', code: 'services:\n  migrate:\n    image: acme/web:1.2.0\n    command: rails db:migrate\n  web:\n    image: acme/web:1.2.0\n    restart: always\n' },
      { name: 'GORM Migrate helper called from a separate migrate command', path: 'cmd/migrate/main.go', code: 'package main\n\nimport "gorm.io/gorm"\n\nfunc Migrate(db *gorm.DB) {\n\tdb.AutoMigrate(&User{})\n}\n\nfunc main() {\n\tMigrate(open())\n}\n' },
      { name: 'GORM Migrate helper in a library package', path: 'internal/db/migrate.go', code: 'package db\n\nimport "gorm.io/gorm"\n\nfunc Migrate(db *gorm.DB) {\n\tdb.AutoMigrate(&User{})\n}\n' },
      { name: 'bin/www without any sync', path: 'bin/www', code: "#!/usr/bin/env node\nvar app = require('../app')\nvar http = require('http')\nhttp.createServer(app).listen(process.env.PORT)\n" },
      { name: 'knex migrations in a migrate script', path: 'scripts/migrate.js', code: "const knex = require('knex')(config)\nknex.migrate.latest().then(() => process.exit(0))\n" }
    ],
    invalid: [
      { name: 'a self-hosting compose (restart policies) migrates in the web command', path: 'docker-compose.yaml', code: 'services:\n  web:\n    image: acme/web:1.2.0\n    restart: unless-stopped\n    command: ["bash", "-c", "bin/rails db:prepare && bin/rails server -b 0.0.0.0"]\n', errors: [{ line: 5, severity: 'warning', message: /runs `rails db:prepare` before starting/ }] },
      { name: "GORM AutoMigrate helper called from the server's main()", path: 'hello.go', code: 'package main\n\nimport "github.com/jinzhu/gorm"\n\nfunc Migrate(db *gorm.DB) {\n\tdb.AutoMigrate(&User{})\n}\n\nfunc main() {\n\tdb := Init()\n\tMigrate(db)\n\tr := gin.Default()\n\tr.Run()\n}\n', errors: [{ line: 11, severity: 'warning', message: /main\(\) calls `Migrate\(\)`, which runs GORM AutoMigrate/ }] },
      { name: "express-generator's bin/www syncs sequelize before listening", path: 'bin/www', code: "#!/usr/bin/env node\nvar app = require('../app')\nvar models = require('../models')\nvar http = require('http')\nvar server = http.createServer(app)\nmodels.sequelize.sync().then(function () {\n  server.listen(process.env.PORT)\n})\n", errors: [{ line: 6, severity: 'warning', message: /sequelize\.sync\(\)/ }] },
      { name: 'knex migrate.latest() in the server start path', path: 'src/server.js', code: "const knex = require('knex')(config)\nconst app = require('./app')\nknex.migrate.latest().then(() => app.listen(process.env.PORT))\n", errors: [{ line: 3, severity: 'warning', message: /knex\.migrate\.latest\(\)/ }] },
      { name: 'umzug up() before listen', path: 'src/index.ts', code: "import { Umzug } from 'umzug'\nconst umzug = new Umzug({ migrations: { glob: 'migrations/*.js' } })\nawait umzug.up()\napp.listen(port)\n", errors: [{ line: 3, severity: 'warning', message: /umzug\.up\(\)/ }] },
      { name: 'a service start script migrates before the server', path: 'docker/start_webapp.sh', code: '#!/bin/bash\nbundle exec rails db:migrate\nbundle exec rails server\n', errors: [{ line: 2, severity: 'warning', message: /Entrypoint runs `rails db:migrate`/ }] }
    ]
  })
})

describe('class 7: logs written to files (TF1101, TF1102)', () => {
  ruleTable(logToFile, {
    valid: [
      { name: 'Go log.New on stdout', path: 'pkg/logging/log.go', code: 'package logging\n\nimport (\n\t"log"\n\t"os"\n)\n\nvar logger = log.New(os.Stdout, "[app] ", log.LstdFlags)\n' },
      { name: 'Go log.New on a buffer', path: 'pkg/logging/buf.go', code: 'package logging\n\nimport (\n\t"bytes"\n\t"log"\n)\n\nfunc capture() { var buf bytes.Buffer; l := log.New(&buf, "", 0); _ = l }\n' },
      { name: 'Rails logger to stdout in every environment', path: 'config/initializers/lograge.rb', code: 'Rails.application.configure do\n  config.lograge.logger = ActiveSupport::Logger.new($stdout)\nend\n' },
      { name: 'gunicorn access and error logs to stdout', path: 'Procfile', code: 'web: gunicorn app:app --access-logfile - --error-logfile -\n' },
      { name: 'gunicorn.conf.py logging to stdout', path: 'gunicorn.conf.py', code: 'accesslog = "-"\nerrorlog = "-"\n' },
      { name: 'puma redirect to the container streams', path: 'config/puma.rb', code: "stdout_redirect '/dev/stdout', '/dev/stderr', true\n" },
      { name: 'winston Console only', path: 'src/logger.ts', code: "import { createLogger, transports } from 'winston'\nexport const logger = createLogger({ transports: [new (transports.Console)()] })\n" }
    ],
    invalid: [
      { name: 'Go log.New on a file opened in the same file', path: 'pkg/logging/log.go', code: 'package logging\n\nimport (\n\t"log"\n\t"os"\n)\n\nfunc Setup() {\n\tF, _ := os.OpenFile("runtime/logs/app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0644)\n\tlogger = log.New(F, "[app] ", log.LstdFlags)\n}\n', errors: [{ line: 9, message: /os\.OpenFile of a log file/ }] },
      { name: 'Go log.New on a file a helper opened', path: 'pkg/logging/log.go', code: 'package logging\n\nimport "log"\n\nfunc Setup() {\n\tF, err := file.MustOpen(fileName, filePath)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tlogger = log.New(F, "[app] ", log.LstdFlags)\n}\n', errors: [{ line: 10, message: /log\.New on a file/ }] },
      { name: 'gunicorn access log to a file in the Dockerfile CMD', path: 'Dockerfile', code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app", "--access-logfile", "/var/log/gunicorn/access.log"]\n', errors: [{ line: 2, severity: 'warning', message: /starts gunicorn with `--access-logfile \/var\/log\/gunicorn\/access\.log`/ }] },
      { name: 'celery --logfile in a Procfile', path: 'Procfile', code: 'worker: celery -A proj worker --logfile=/var/log/celery/worker.log\n', errors: [{ line: 1, severity: 'warning', message: /celery with `--logfile \/var\/log\/celery\/worker\.log`/ }] },
      { name: 'gunicorn.conf.py accesslog to a file', path: 'gunicorn.conf.py', code: 'accesslog = "/var/log/gunicorn/access.log"\n', errors: [{ line: 1, severity: 'warning', message: /gunicorn log file setting/ }] },
      { name: 'puma stdout_redirect to log files', path: 'config/puma.rb', code: "stdout_redirect 'log/puma.stdout.log', 'log/puma.stderr.log', true\n", errors: [{ line: 1, message: /puma stdout_redirect/ }] },
      { name: 'lograge to a file in production only', path: 'config/initializers/lograge.rb', code: 'Rails.application.configure do\n  config.lograge.logger = ActiveSupport::Logger.new(Rails.env.production? ? Rails.root.join("log/action.log") : $stdout)\nend\n', errors: [{ line: 2, message: /Ruby Logger on a file path in production/ }] },
      { name: 'winston DailyRotateFile written as new (DailyRotateFile)(...) in the production branch', path: 'config/logger.ts', code: "import { createLogger, transports } from 'winston'\nimport DailyRotateFile from 'winston-daily-rotate-file'\nconst list = []\nif (process.env.NODE_ENV !== 'production') {\n  list.push(new transports.Console())\n} else {\n  list.push(new (DailyRotateFile)({ filename: '/var/log/app/app.log' }))\n}\nexport const logger = createLogger({ transports: list })\n", errors: [{ line: 7, message: /DailyRotateFile/ }] }
    ]
  })
  ruleTable(selfManagedLogRouting, {
    valid: [
      { name: 'supervisord sending program output to the container stream', path: 'deploy/supervisor.conf', code: '[supervisord]\nnodaemon=true\n\n[program:api]\ncommand=gunicorn app:app\nstdout_logfile=/dev/stdout\nstdout_logfile_maxbytes=0\nstderr_logfile=/dev/stderr\nstderr_logfile_maxbytes=0\n' }
    ],
    invalid: [
      { name: "supervisord writing a program's stdout to a file in the container", path: 'deploy/supervisor.conf', code: '[supervisord]\nnodaemon=true\nlogfile=/var/log/supervisord.log\n\n[program:api]\ncommand=gunicorn app:app\nstdout_logfile=/app/logs/api.log\nstderr_logfile=/app/logs/api.err.log\n', errors: [{ line: 7, message: /supervisord writes program `api`'s stdout to the file `\/app\/logs\/api\.log`/ }] }
    ]
  })
})

describe('IX: start scripts that keep the shell as PID 1 (TF0902)', () => {
  ruleTable(signalsNotForwarded, {
    valid: [
      { name: 'start script that execs java', path: 'docker/start-tb.sh', code: '#!/bin/bash\nsource conf/app.conf\nexec java -cp app.jar \\\n    -Dlogging.config=conf/logback.xml \\\n    org.springframework.boot.loader.launch.PropertiesLauncher\n' },
      { name: 'start script that traps TERM', path: 'docker/start-api.sh', code: '#!/bin/sh\ntrap \'kill -TERM $PID\' TERM\nuvicorn app:app --host 0.0.0.0 &\nPID=$!\nwait $PID\n' },
      { name: 'a dev start script is not the container start', path: 'scripts/start-dev.sh', code: '#!/bin/sh\nuvicorn app:app --reload\n' }
    ],
    invalid: [
      { name: 'entrypoint script whose last command is uvicorn', path: 'api/entrypoint.sh', code: '#!/bin/sh\nexport TZ=UTC\n\nuvicorn app:app --host 0.0.0.0 --port $LISTEN_PORT\n', errors: [{ line: 4, message: /runs `uvicorn app:app/ }] },
      { name: 'java in an if branch, an error echo in the else, a cleanup after fi', path: 'docker/start-tb.sh', code: '#!/bin/bash\nif [ -f /data/.installed ]; then\n    echo "Starting ..."\n    java -cp app.jar $JAVA_OPTS \\\n        org.springframework.boot.loader.launch.PropertiesLauncher\nelse\n    echo "not installed"\nfi\n\nstop-db.sh\n', errors: [{ line: 4, message: /Start script runs `java -cp app\.jar/ }] }
    ]
  })
})
