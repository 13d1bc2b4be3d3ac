import { describe, expect, it } from '@jest/globals'
import { hardcodedServiceLocator } from '../../../src/rules/iv-backing-services/hardcoded-service-locator.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

describe('TF0401 hardcoded-service-locator', () => {
  ruleTable(hardcodedServiceLocator, {
    valid: [
      { name: 'env lookups', path: 'src/db.js', code: "const pool = new Pool({ connectionString: process.env.DATABASE_URL })\nconst redis = new Redis(process.env.REDIS_URL)\n" },
      { name: 'commented-out literal', path: 'src/db.js', code: "// mongoose.connect('mongodb://localhost:27017/app')\nmongoose.connect(process.env.MONGODB_URI)\n" },
      { name: 'test fixture', path: 'test/db.test.js', code: "const url = 'postgres://localhost:5432/test'\n" },
      { name: 'docs snippet', path: 'docs/setup.md', code: 'DATABASE_URL=postgres://db.example.com:5432/app\n' },
      { name: 'dev compose', path: 'docker-compose.yml', code: 'services:\n  web:\n    environment:\n      DATABASE_URL: postgres://db:5432/app\n' },
      { name: 'dotenv example', path: '.env.example', code: 'REDIS_URL=redis://localhost:6379\n' },
      { name: 'placeholder in an error message', path: 'src/config.ts', code: "throw new Error('DATABASE_URL must look like postgres://user:pass@host:5432/db')\n" },
      { name: 'templated host', path: 'src/config.ts', code: 'const url = `postgres://${user}:${pw}@${host}:5432/app`\n' },
      { name: 'dev settings module', path: 'app/settings_dev.py', code: "CELERY_BROKER_URL = 'amqp://guest@localhost//'\n" },
      { name: 'Rails database.yml development section', path: 'config/database.yml', code: 'development:\n  url: postgres://localhost/app_dev\nproduction:\n  url: <%= ENV["DATABASE_URL"] %>\n' },
      { name: 'server bind host in a file using redis', path: 'src/server.js', code: "const Redis = require('ioredis')\napp.listen({ host: '0.0.0.0', port })\n" },
      { name: 'parameter default of a client API', path: 'lib/mail.py', code: "import smtplib\n\ndef connect(self, host='localhost', port=0):\n    pass\n" },
      { name: 'docstring, help text and log line', path: 'app/cli.py', code: 'def main():\n    """Connects to REDIS_URL, for instance redis://localhost:6379/0."""\n    parser.add_argument("--redis", help="Redis URL, e.g. redis://localhost:6379")\n    print("connected to redis://cache.internal:6379")\n' },
      { name: 'development-only branch', path: 'src/cache.js', code: "let url = process.env.REDIS_URL\nif (process.env.NODE_ENV === 'development') {\n  url = 'redis://localhost:6379'\n}\nconst dsn = isDev ? 'postgres://localhost/app' : process.env.DATABASE_URL\n" },
      { name: 'dev and test parts of a per-environment object', path: 'src/config.js', code: "const settings = {\n  development: {\n    db: { host: 'localhost', port: 5432 }\n  },\n  test: {\n    db: {\n      host: 'localhost'\n    }\n  }\n}\n" },
      { name: 'one-line development section', path: 'config/database.js', code: "module.exports = {\n  production: { db: { host: process.env.DB_HOST } },\n  development: { db: { host: 'localhost', port: 5432 } }\n}\n" },
      { name: 'plain web URL', path: 'src/client.js', code: "const API = 'https://api.github.com'\n" },
      { name: 'Django EMAIL_HOST is TF0403', path: 'app/settings.py', code: "EMAIL_HOST = 'smtp.sendgrid.net'\n" }
    ],
    invalid: [
      {
        name: 'connection URLs in code, password kept out of the message',
        path: 'src/db.js',
        code: "mongoose.connect('mongodb://localhost:27017/app')\nconst pg = new Pool({ connectionString: 'postgres://app:S3cretPw@db.prod.internal:5432/app' })\n",
        errors: [
          { line: 1, column: 19, message: /database locator `mongodb:\/\/localhost:27017` is hardcoded/ },
          { line: 2, message: /`postgres:\/\/db\.prod\.internal:5432`/ }
        ]
      },
      { name: 'a production branch is not a dev branch', path: 'src/cache.js', code: "if (process.env.NODE_ENV === 'production') {\n  url = 'redis://cache.prod:6379'\n}\n", errors: [{ line: 2 }] },
      { name: 'production part of a per-environment object, no client import', path: 'src/config.js', code: "const settings = {\n  development: {\n    db: { host: 'localhost', port: 5432 }\n  },\n  production: {\n    db: { host: 'orders-db.cluster-c9.eu-west-1.rds.amazonaws.com', port: 5432 }\n  }\n}\n", errors: [{ line: 6, column: 18, message: /database locator `orders-db\.cluster-c9\.eu-west-1\.rds\.amazonaws\.com`/ }] },
      { name: 'a one-line object holding production beside development is not a dev section', path: 'src/config.js', code: "const db = { development: { host: 'localhost' }, production: { host: 'db.prod.internal' } }\n", errors: [{ line: 1, message: /localhost/ }, { line: 1, message: /db\.prod\.internal/ }] },
      { name: 'a named default is a notice', path: 'src/config.ts', code: "const DEFAULT_REDIS_URL = 'redis://localhost:6379'\nexport const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL\n", errors: [{ line: 1, severity: 'notice' }] },
      { name: 'the production side of a DEBUG flag', path: 'app/cache.py', code: "if not DEBUG:\n    CACHE = 'redis://cache.prod.internal:6379'\n", errors: [{ line: 2 }] },
      { name: 'the production side of NODE_ENV', path: 'src/cache.js', code: "if (process.env.NODE_ENV !== 'development') {\n  url = 'redis://cache.prod:6379'\n}\n", errors: [{ line: 2 }] },
      { name: 'env fallback is a notice', path: 'src/cache.ts', code: "const url = process.env.REDIS_URL || 'redis://localhost:6379'\n", errors: [{ line: 1, severity: 'notice', message: /fallback of an environment lookup/ }] },
      { name: 'python getenv default on the next line', path: 'app/tasks.py', code: "BROKER = os.environ.get(\n    'BROKER_URL', 'amqp://guest:guest@rabbit.internal:5672//')\n", errors: [{ line: 2, severity: 'notice' }] },
      { name: 'Ruby ENV.fetch block', path: 'config/initializers/sidekiq.rb', code: "Sidekiq.configure_server { |c| c.redis = { url: ENV.fetch('REDIS_URL') { 'redis://localhost:6379/0' } } }\n", errors: [{ line: 1, severity: 'notice' }] },
      { name: 'kafka brokers and smtp relay', path: 'src/events.js', code: "const kafka = new Kafka({ brokers: ['kafka-1.prod:9092'] })\nconst mail = nodemailer.createTransport({ host: 'smtp.mailgun.org', port: 587 })\n", errors: [{ line: 1, message: /queue locator `kafka-1\.prod:9092`/ }, { line: 2, message: /SMTP relay `smtp\.mailgun\.org`/ }] },
      { name: 'host key in a file using a client library', path: 'src/db.ts', code: "import { Pool } from 'pg'\nexport const pool = new Pool({ host: 'db.internal', port: 5432 })\n", errors: [{ line: 2, message: /database locator `db\.internal` is hardcoded/ }] },
      { name: 'Go and Java literals', path: 'main.go', code: 'package main\n\nvar db, _ = sql.Open("pgx", "postgres://app@10.0.3.7:5432/app?sslmode=disable")\n', errors: [{ line: 3 }] },
      { name: 'Spring properties: a notice', path: 'src/main/resources/application.properties', code: 'spring.datasource.url=jdbc:postgresql://db.prod:5432/app\nspring.elasticsearch.uris=http://search.prod:9200\n', errors: [{ line: 1, severity: 'notice', message: /Spring config/ }, { line: 2, severity: 'notice', message: /search cluster/ }] },
      { name: 'node config json: a warning', path: 'config/production.json', code: '{\n  "cache": {\n    "url": "redis://cache.prod:6379"\n  }\n}\n', errors: [{ line: 3, severity: 'warning' }] },
      { name: 'S3-compatible endpoint', path: 'app/storage.py', code: "s3 = boto3.client('s3', endpoint_url='https://nyc3.digitaloceanspaces.com')\n", errors: [{ line: 1, message: /object-storage endpoint/ }] },
      { name: 'host key with a redis client names the cache', path: 'src/cache.js', code: "const Redis = require('ioredis')\nmodule.exports = new Redis({ host: 'cache.internal', port: 6379 })\n", errors: [{ line: 2, message: /cache locator `cache\.internal`/ }] }
    ]
  })

  it('never echoes the password of a connection URL', () => {
    const [f] = runRule(hardcodedServiceLocator, 'src/db.js', "const url = 'postgres://app:S3cretPw@db.prod.internal:5432/app'\n")
    expect(JSON.stringify(f)).not.toContain('S3cretPw')
    expect(f.message).not.toMatch(/password/i)
  })
})
