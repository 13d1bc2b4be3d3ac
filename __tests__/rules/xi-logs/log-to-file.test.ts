import { describe, expect, it } from '@jest/globals'
import { Facts } from '../../../src/engine/rule.js'
import { FACT_STDOUT_LOGGING, logToFile } from '../../../src/rules/xi-logs/log-to-file.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { makeTree } from '../../helpers/tree.js'

describe('TF1101 log-to-file', () => {
  it('quotes the whole statement, not a half-open call', () => {
    const [f] = runRule(logToFile, 'config/environments/production.rb', 'Rails.application.configure do\n  config.logger = ActiveSupport::Logger.new("/var/log/shop/production.log")\nend\n')
    expect(f.message).toBe('Ruby Logger on a file path `ActiveSupport::Logger.new("/var/log/shop/production.log")` writes logs to a file instead of streaming them to stdout')
  })
  it('quotes the call up to its closing parenthesis', () => {
    const [f] = runRule(logToFile, 'src/index.js', "const winston = require('winston')\nconst logger = winston.createLogger({ transports: [new winston.transports.File({ filename: '/var/log/n/app.log' })] })\n")
    expect(f.message).toContain("`new winston.transports.File({ filename: '/var/log/n/app.log' })` writes logs")
  })
  ruleTable(logToFile, {
    valid: [
      { name: 'spring test profile document is test config', path: 'src/main/resources/application.yml', code: 'logging:\n  level:\n    root: INFO\n---\nspring:\n  config:\n    activate:\n      on-profile: test\nlogging:\n  file:\n    name: target/test.log\n' },
      { name: 'winston console', path: 'src/logger.js', code: "const winston = require('winston')\nmodule.exports = winston.createLogger({ transports: [new winston.transports.Console()] })\n" },
      { name: 'pino to stdout', path: 'src/logger.ts', code: "import pino from 'pino'\nexport const log = pino(pino.destination(1))\n" },
      { name: 'python stream handler', path: 'app/log.py', code: 'import logging, sys\nlogging.basicConfig(stream=sys.stdout, level=logging.INFO)\n' },
      { name: 'commented-out file handler', path: 'app/log.py', code: "import logging\n# handler = logging.FileHandler('app.log')\n" },
      { name: 'ruby stdout logger', path: 'config/environments/production.rb', code: 'config.logger = ActiveSupport::Logger.new($stdout)\n' },
      { name: 'logback console', path: 'src/main/resources/logback.xml', code: '<configuration>\n  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender"/>\n  <root><appender-ref ref="STDOUT"/></root>\n</configuration>\n' },
      { name: 'logback file appender nobody references', path: 'src/main/resources/logback.xml', code: '<configuration>\n  <appender name="FILE" class="ch.qos.logback.core.FileAppender"><file>a.log</file></appender>\n  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender"/>\n  <root><appender-ref ref="STDOUT"/></root>\n</configuration>\n' },
      { name: 'go slog stdout', path: 'main.go', code: 'logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))\nlog.SetOutput(os.Stdout)\n' },
      { name: 'test code', path: 'tests/test_logging.py', code: "h = logging.FileHandler('x.log')\n" },
      { name: 'spring yaml file key elsewhere', path: 'src/main/resources/application.yml', code: 'spring:\n  config:\n    import:\n      file:\n        name: x\n' },
      { name: 'markdown snippet', path: 'docs/logging.md', code: "```python\nlogging.FileHandler('app.log')\n```\n" },
      { name: 'unrelated createWriteStream', path: 'src/export.js', code: "const out = fs.createWriteStream('report.csv')\nlog('done')\n" },
      { name: 'a Tornado handler class named FileHandler', path: 'app/handlers.py', code: 'class FileHandler(tornado.web.RequestHandler):\n    def get(self):\n        pass\n' },
      { name: 'log4j2 file appender nobody references', path: 'src/main/resources/log4j2.xml', code: '<Configuration>\n  <Appenders>\n    <Console name="C"/>\n    <File name="F" fileName="app.log"/>\n  </Appenders>\n  <Loggers><Root><AppenderRef ref="C"/></Root></Loggers>\n</Configuration>\n' },
      { name: 'loguru to stderr', path: 'app/main.py', code: 'from loguru import logger\nlogger.add(sys.stderr, serialize=True)\n' },
      // /dev/stdout and friends are the log stream, not a file
      { name: 'winston File transport to /dev/stdout', path: 'src/logger.ts', code: "import winston from 'winston'\nexport const logger = winston.createLogger({ transports: [new winston.transports.File({ filename: '/dev/stdout' })] })\n" },
      { name: 'winston File to /proc/self/fd/2 over lines', path: 'src/logger.ts', code: "import winston from 'winston'\nconst t = new winston.transports.File({\n  filename: '/proc/self/fd/2',\n})\n" },
      { name: 'pino destination /proc/1/fd/1', path: 'src/log.ts', code: "import pino from 'pino'\nexport const log = pino(pino.destination({ dest: '/proc/1/fd/1', sync: false }))\n" },
      { name: 'Django LOGGING FileHandler to /dev/stdout', path: 'mysite/settings.py', code: "LOGGING = {'handlers': {'out': {'class': 'logging.FileHandler', 'filename': '/dev/stdout'}}}\n" },
      { name: 'Ruby Logger.new("/dev/stdout")', path: 'lib/importer.rb', code: "LOG = Logger.new('/dev/stdout')\n" },
      { name: 'logback FileAppender on /dev/stdout', path: 'src/main/resources/logback.xml', code: '<configuration>\n  <appender name="OUT" class="ch.qos.logback.core.FileAppender">\n    <file>/dev/stdout</file>\n  </appender>\n  <root><appender-ref ref="OUT"/></root>\n</configuration>\n' },
      { name: 'spring logging.file.name=/dev/stdout', path: 'src/main/resources/application.properties', code: 'logging.file.name=/dev/stdout\n' },
      { name: 'Ruby Logger to /dev/null keeps nothing', path: 'config/initializers/quiet.rb', code: "Faraday.default_connection_options.logger = Logger.new('/dev/null')\n" },
      { name: 'Python FileHandler(os.devnull)', path: 'app/log.py', code: "import logging, os\nlogging.getLogger('noisy').addHandler(logging.FileHandler(os.devnull))\n" },
      // dev and test branches
      { name: 'file transport only in development', path: 'src/logger.ts', code: "import winston from 'winston'\nexport const logger = winston.createLogger({ transports: [new winston.transports.Console()] })\nif (process.env.NODE_ENV === 'development') {\n  logger.add(new winston.transports.File({ filename: 'debug.log' }))\n}\n" },
      { name: 'file transport when not production (one line)', path: 'src/logger.ts', code: "import winston from 'winston'\nif (process.env.NODE_ENV !== 'production') logger.add(new winston.transports.File({ filename: 'debug.log' }))\n" },
      { name: 'Python FileHandler under if settings.DEBUG', path: 'app/log.py', code: "import logging\nif settings.DEBUG:\n    logging.getLogger().addHandler(logging.FileHandler('debug.log'))\n" },
      { name: 'Ruby file logger in Rails.env.development?', path: 'config/initializers/log.rb', code: "if Rails.env.development?\n  Rails.logger = Logger.new('log/dev.log')\nend\n" }
    ],
    invalid: [
      { name: 'winston File transport', path: 'src/logger.js', code: "const winston = require('winston')\nconst logger = winston.createLogger({\n  transports: [new winston.transports.File({ filename: 'logs/app.log' })]\n})\n", errors: [{ line: 3, column: 16, message: /winston File transport/ }] },
      { name: 'winston daily rotate', path: 'src/logger.ts', code: "import DailyRotateFile from 'winston-daily-rotate-file'\nconst t = new DailyRotateFile({ filename: 'app-%DATE%.log' })\n", errors: [{ line: 2 }] },
      { name: 'pino destination file', path: 'src/log.js', code: "const pino = require('pino')\nmodule.exports = pino(pino.destination('/var/log/app.log'))\n", errors: [{ line: 2 }] },
      { name: 'morgan access.log', path: 'app.js', code: "const morgan = require('morgan')\nconst accessLogStream = fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' })\n", errors: [{ line: 2 }] },
      { name: 'log4js file appender', path: 'src/log.js', code: "const log4js = require('log4js')\nlog4js.configure({ appenders: { app: { type: 'file', filename: 'app.log' } }, categories: { default: { appenders: ['app'], level: 'info' } } })\n", errors: [{ line: 2 }] },
      { name: 'python RotatingFileHandler', path: 'app/logging_setup.py', code: "import logging\nfrom logging.handlers import RotatingFileHandler\nhandler = RotatingFileHandler('app.log', maxBytes=10_000_000, backupCount=5)\n", errors: [{ line: 3, column: 11, severity: 'warning' }] },
      { name: 'basicConfig filename', path: 'worker.py', code: "import logging\nlogging.basicConfig(filename='worker.log', level=logging.INFO)\n", errors: [{ line: 2, severity: 'warning' }] },
      { name: 'Django LOGGING file handler', path: 'mysite/settings.py', code: "LOGGING = {\n    'handlers': {\n        'file': {\n            'class': 'logging.FileHandler',\n            'filename': '/var/log/django.log',\n        },\n    },\n}\n", errors: [{ line: 4, severity: 'warning' }] },
      { name: 'winston File to /dev/stdout.log is a file', path: 'src/logger.ts', code: "import winston from 'winston'\nexport const logger = winston.createLogger({ transports: [new winston.transports.File({ filename: '/dev/stdout.log' })] })\n", errors: [{ line: 2 }] },
      { name: 'pino destination /proc/self/fd/3 is not stdout', path: 'src/log.ts', code: "import pino from 'pino'\nexport const log = pino(pino.destination('/proc/self/fd/3'))\n", errors: [{ line: 2 }] },
      { name: 'file transport only in production', path: 'src/logger.ts', code: "import winston from 'winston'\nif (process.env.NODE_ENV === 'production') {\n  logger.add(new winston.transports.File({ filename: 'app.log' }))\n}\n", errors: [{ line: 3 }] },
      { name: 'file transport when not development', path: 'src/logger.ts', code: "import winston from 'winston'\nif (process.env.NODE_ENV !== 'development') {\n  logger.add(new winston.transports.File({ filename: 'app.log' }))\n}\n", errors: [{ line: 3 }] },
      { name: 'Python FileHandler under if not settings.DEBUG', path: 'app/log.py', code: "import logging\nif not settings.DEBUG:\n    logging.getLogger().addHandler(logging.FileHandler('app.log'))\n", errors: [{ line: 3, severity: 'warning' }] },
      { name: 'FileHandler on the non-DEBUG side of a conditional expression', path: 'app/log.py', code: "import logging\nhandler = logging.StreamHandler() if DEBUG else logging.FileHandler('app.log')\n", errors: [{ line: 2, severity: 'warning' }] },
      { name: 'a regex .test() is not a test branch', path: 'src/logger.ts', code: "import winston from 'winston'\nif (/^prod/.test(env)) {\n  logger.add(new winston.transports.File({ filename: 'app.log' }))\n}\n", errors: [{ line: 3 }] },
      { name: 'spring profile document for dev is a notice', path: 'src/main/resources/application.yml', code: 'logging:\n  level:\n    root: INFO\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\nlogging:\n  file:\n    name: dev.log\n', errors: [{ line: 10, severity: 'notice' }] },
      { name: 'spring properties #--- dev document is a notice', path: 'src/main/resources/application.properties', code: 'server.port=${PORT}\n#---\nspring.config.activate.on-profile=local\nlogging.file.name=local.log\n', errors: [{ line: 4, severity: 'notice' }] },
      { name: 'spring profile document for prod still fires', path: 'src/main/resources/application.yml', code: 'server:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\nlogging:\n  file:\n    name: /var/log/app.log\n', errors: [{ line: 9, severity: 'warning' }] },
      { name: 'e2e and dev_docker settings are notices', path: 'mysite/settings/e2e.py', code: "LOGGING = {'handlers': {'f': {'class': 'logging.FileHandler', 'filename': 'e2e.log'}}}\n", errors: [{ line: 1, severity: 'notice' }] },
      { name: 'dev_docker settings is a notice', path: 'mysite/settings/dev_docker.py', code: "LOGGING = {'handlers': {'f': {'class': 'logging.FileHandler', 'filename': 'dev.log'}}}\n", errors: [{ line: 1, severity: 'notice' }] },
      { name: 'dev-only settings is a notice', path: 'mysite/settings/dev.py', code: "LOGGING = {'handlers': {'f': {'class': 'logging.FileHandler', 'filename': 'dev.log'}}}\n", errors: [{ line: 1, severity: 'notice' }] },
      { name: 'Ruby Logger to file', path: 'lib/importer.rb', code: "LOG = Logger.new('log/importer.log')\n", errors: [{ line: 1 }] },
      { name: 'Rails production logger to file', path: 'config/environments/production.rb', code: 'Rails.application.configure do\n  config.logger = ActiveSupport::Logger.new(Rails.root.join("log", "production.log"))\nend\n', errors: [{ line: 2 }] },
      { name: 'logback rolling file appender', path: 'src/main/resources/logback-spring.xml', code: '<configuration>\n  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">\n    <file>/var/log/app.log</file>\n  </appender>\n  <root level="INFO"><appender-ref ref="FILE"/></root>\n</configuration>\n', errors: [{ line: 2 }] },
      { name: 'logback file appender in dev profile is a notice', path: 'src/main/resources/logback-spring.xml', code: '<configuration>\n  <springProfile name="dev">\n    <appender name="FILE" class="ch.qos.logback.core.FileAppender"><file>dev.log</file></appender>\n    <root><appender-ref ref="FILE"/></root>\n  </springProfile>\n</configuration>\n', errors: [{ line: 3, severity: 'notice' }] },
      { name: 'log4j2 RollingFile', path: 'src/main/resources/log4j2.xml', code: '<Configuration>\n  <Appenders>\n    <RollingFile name="R" fileName="logs/app.log" filePattern="logs/app-%d.log"/>\n  </Appenders>\n  <Loggers><Root><AppenderRef ref="R"/></Root></Loggers>\n</Configuration>\n', errors: [{ line: 3 }] },
      { name: 'Spring logging.file.name', path: 'src/main/resources/application.properties', code: 'server.port=${PORT:8080}\nlogging.file.name=/var/log/app.log\n', errors: [{ line: 2, severity: 'warning', message: /Spring logging\.file.* in addition to stdout/ }] },
      { name: 'Spring yaml logging.file.path', path: 'src/main/resources/application.yml', code: 'logging:\n  file:\n    path: /var/log\n', errors: [{ line: 2, severity: 'warning' }] },
      { name: 'Spring logging.file with the console pattern emptied is file-only', path: 'src/main/resources/application.properties', code: 'logging.pattern.console=\nlogging.file.name=/var/log/app.log\n', errors: [{ line: 2, severity: 'error', message: /instead of streaming/ }] },
      { name: 'Rails BroadcastLogger over stdout and a file is a tee', path: 'config/environments/production.rb', code: 'Rails.application.configure do\n  config.logger = ActiveSupport::BroadcastLogger.new(\n    ActiveSupport::Logger.new($stdout),\n    ActiveSupport::Logger.new(Rails.root.join("log/app.log"))\n  )\nend\n', errors: [{ line: 4, severity: 'warning', message: /in addition to stdout/ }] },
      { name: 'an env-switched diagnostic log file is a warning', path: 'config/initializers/slow_queries.rb', code: 'if ENV["ENABLE_SLOW_QUERY_LOG"] == "true"\n  logger = ActiveSupport::Logger.new(Rails.root.join("log/slow_queries.log"))\n  ActiveSupport::Notifications.subscribe("sql.active_record") { |e| logger.warn(e.payload[:sql]) if e.duration > 100 }\nend\n', errors: [{ line: 2, severity: 'warning' }] },
      { name: 'Rails file-only logger stays an error', path: 'config/environments/production.rb', code: 'Rails.application.configure do\n  config.logger = ActiveSupport::Logger.new(Rails.root.join("log/app.log"))\nend\n', errors: [{ line: 2, severity: 'error' }] },
      { name: 'logback rolling file referenced next to a referenced console appender', path: 'conf/logback.xml', code: '<configuration>\n  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">\n    <file>/var/log/app/app.log</file>\n  </appender>\n  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">\n    <encoder><pattern>%msg%n</pattern></encoder>\n  </appender>\n  <root level="INFO">\n    <appender-ref ref="FILE"/>\n    <appender-ref ref="STDOUT"/>\n  </root>\n</configuration>\n', errors: [{ line: 2, severity: 'warning' }] },
      { name: 'logback file appender with an unreferenced console appender stays an error', path: 'conf/logback.xml', code: '<configuration>\n  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">\n    <file>/var/log/app/app.log</file>\n  </appender>\n  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">\n  </appender>\n  <root level="INFO">\n    <appender-ref ref="FILE"/>\n  </root>\n</configuration>\n', errors: [{ line: 2, severity: 'error' }] },
      { name: 'Spring dev profile properties is a notice', path: 'src/main/resources/application-dev.properties', code: 'logging.file.name=dev.log\n', errors: [{ line: 1, severity: 'notice' }] },
      { name: 'Go log.SetOutput(file)', path: 'cmd/api/main.go', code: 'f, _ := os.OpenFile("/var/log/api.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0644)\nlog.SetOutput(f)\n', errors: [{ line: 1 }, { line: 2 }] },
      { name: 'Go lumberjack', path: 'internal/log/log.go', code: 'w := &lumberjack.Logger{Filename: "/var/log/app.log", MaxSize: 100}\n', errors: [{ line: 1 }] },
      { name: 'JUL FileHandler', path: 'src/main/java/App.java', code: 'Handler h = new FileHandler("app.log");\n', errors: [{ line: 1 }] }
    ]
  })
  it('records stdout loggers as a fact, once per app and logger', () => {
    const facts = new Facts()
    runRule(logToFile, 'src/logger.js', "const winston = require('winston')\nwinston.createLogger({ transports: [new winston.transports.Console()] })\n", facts)
    runRule(logToFile, 'src/other.js', "const winston = require('winston')\nnew winston.transports.Console()\n", facts)
    expect(facts.get(FACT_STDOUT_LOGGING)).toEqual([{ file: 'src/logger.js', line: 2, logger: 'winston Console', app: '.' }])
  })
  it('is an error in a Python web app, a warning in a framework-less Python tool', () => {
    const settings = "LOGGING = {'handlers': {'f': {'class': 'logging.FileHandler', 'filename': '/var/log/app.log'}}}\n"
    const sev = (files: Record<string, string>) => runAudit({ root: makeTree(files), config: defaultConfig(), rules: [logToFile] }).findings.map((f) => `${f.file}:${f.line} ${f.severity}`)
    expect(sev({ 'requirements.txt': 'Django==5.0\n', 'mysite/settings.py': settings })).toEqual(['mysite/settings.py:1 error'])
    expect(sev({ 'requirements.txt': 'pandas\n', 'tool/settings.py': settings })).toEqual(['tool/settings.py:1 warning'])
  })
})
