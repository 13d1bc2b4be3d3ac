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
      { name: 'Django EMAIL_HOST is TF0403', path: 'app/settings.py', code: "EMAIL_HOST = 'smtp.sendgrid.net'\n" },
      { name: 'envalid devDefault only applies in development', path: 'src/env.js', code: "module.exports = cleanEnv(process.env, {\n  DATABASE_URL: url({ devDefault: 'postgres://localhost:5432/orders' })\n})\n" },
      { name: 'Python constructor default of a client wrapper', path: 'app/cache.py', code: "import redis\n\nclass Cache:\n    def __init__(self, url=\"redis://localhost:6379\"):\n        self.client = redis.Redis.from_url(url)\n" },
      { name: 'JS constructor default', path: 'src/cache.js', code: "const Redis = require('ioredis')\nclass Cache {\n  constructor(url = 'redis://127.0.0.1:6379') {\n    this.client = new Redis(url)\n  }\n}\n" },
      { name: 'Flask DevelopmentConfig and TestingConfig classes', path: 'app/config.py', code: "class Config:\n    SQLALCHEMY_DATABASE_URI = os.environ['DATABASE_URL']\n\n\nclass DevelopmentConfig(Config):\n    DEBUG = True\n    SQLALCHEMY_DATABASE_URI = \"postgresql://localhost/app_dev\"\n\n\nclass TestingConfig(Config):\n    CELERY_BROKER_URL = \"redis://localhost:6379/9\"\n" },
      { name: 'Sinatra configure :development block', path: 'app.rb', code: "configure :development do\n  set :cache_url, \"redis://localhost:6379\"\nend\n" },
      { name: 'Spring @Profile("local") configuration class', path: 'src/main/java/com/acme/LocalRedis.java', code: '@Configuration\n@Profile("local")\npublic class LocalRedis {\n    @Bean\n    public JedisPooled jedis() {\n        return new JedisPooled("redis://localhost:6379");\n    }\n}\n' },
      { name: 'Spring @Profile("dev") bean method', path: 'src/main/java/com/acme/RedisConfig.java', code: '@Configuration\npublic class RedisConfig {\n    @Bean\n    @Profile("dev")\n    public JedisPooled devJedis() {\n        return new JedisPooled("redis://localhost:6379");\n    }\n}\n' }
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
      { name: 'host key with a redis client names the cache', path: 'src/cache.js', code: "const Redis = require('ioredis')\nmodule.exports = new Redis({ host: 'cache.internal', port: 6379 })\n", errors: [{ line: 2, message: /cache locator `cache\.internal`/ }] },
      { name: 'zod .default() is a notice', path: 'src/env.ts', code: "export const env = z.object({\n  REDIS_URL: z.string().url().default('redis://localhost:6379')\n}).parse(process.env)\n", errors: [{ line: 2, severity: 'notice' }] },
      { name: 'env-var .default() wrapped onto its own line is a notice', path: 'src/env.js', code: "exports.mongo = env.get('MONGO_URL')\n  .default('mongodb://localhost:27017/orders')\n  .asString()\n", errors: [{ line: 2, severity: 'notice' }] },
      { name: 'getEnv helper, environs env.str and decouple config(default=) are notices', path: 'app/config.py', code: "DB = getEnv(\"DATABASE_URL\", \"postgres://localhost:5432/app\")\nBROKER = env.str(\"CELERY_BROKER_URL\", \"redis://localhost:6379/0\")\nRESULTS = config(\n    \"CELERY_RESULT_BACKEND\",\n    default=\"redis://localhost:6379/2\",\n)\n", errors: [{ line: 1, severity: 'notice' }, { line: 2, severity: 'notice' }, { line: 5, severity: 'notice' }] },
      { name: 'viper.SetDefault is a notice', path: 'internal/config/config.go', code: 'func Load() {\n\tviper.AutomaticEnv()\n\tviper.SetDefault("redis.url", "redis://localhost:6379")\n}\n', errors: [{ line: 3, severity: 'notice' }] },
      { name: 'pydantic BaseSettings field defaults are notices', path: 'app/settings.py', code: 'class Settings(BaseSettings):\n    redis_url: str = "redis://localhost:6379/0"\n\n\nREDIS = "redis://cache.prod.internal:6379"\n', errors: [{ line: 2, severity: 'notice' }, { line: 5, severity: 'error' }] },
      { name: 'Spring @ConfigurationProperties field default is a notice', path: 'src/main/java/com/acme/CacheProperties.java', code: '@ConfigurationProperties(prefix = "cache")\npublic class CacheProperties {\n    private String url = "redis://localhost:6379";\n}\n', errors: [{ line: 3, severity: 'notice' }] },
      { name: 'destructured process.env default is a notice, one line or several', path: 'src/config.js', code: "const { CACHE_URL = 'redis://localhost:6380' } = process.env\nconst {\n  QUEUE_URL = 'amqp://localhost:5672',\n  PORT = 3000,\n} = process.env\n", errors: [{ line: 1, severity: 'notice' }, { line: 3, severity: 'notice' }] },
      { name: 'Go getter returning a literal after an env lookup is a notice', path: 'internal/config/redis.go', code: 'func RedisURL() string {\n\tif v, ok := os.LookupEnv("REDIS_URL"); ok {\n\t\treturn v\n\t}\n\treturn "redis://localhost:6379/0"\n}\n', errors: [{ line: 5, severity: 'notice' }] },
      { name: 'Python getter returning a literal after an env lookup is a notice; one without a lookup stays an error', path: 'app/deps.py', code: 'def get_redis_url():\n    url = os.getenv("REDIS_URL")\n    if url:\n        return url\n    return "redis://localhost:6379/0"\n\n\ndef get_search_url():\n    return "http://search.prod.internal:9200"\n', errors: [{ line: 5, severity: 'notice' }, { line: 9, severity: 'error' }] },
      { name: 'Java .orElse( wrapped across lines is a notice', path: 'src/main/java/com/acme/Redis.java', code: 'String url = Optional.ofNullable(System.getenv("REDIS_URL"))\n    .orElse(\n        "redis://localhost:6379");\n', errors: [{ line: 3, severity: 'notice' }] },
      { name: 'Kotlin ?: on the next line, Ktor tryGetString are notices', path: 'src/main/kotlin/App.kt', code: 'val search = System.getenv("ES_URL")\n    ?: "http://localhost:9200"\nval db = environment.config.tryGetString("database.url") ?: "jdbc:postgresql://localhost:5432/ktor"\nval amqp = System.getenv("AMQP_URL") ?: "amqp://localhost:5672"\n', errors: [{ line: 2, severity: 'notice' }, { line: 3, severity: 'notice' }, { line: 4, severity: 'notice' }] },
      { name: 'Ruby ENV.fetch do ... end block and a wrapped default argument are notices', path: 'config/initializers/sidekiq.rb', code: 'Sidekiq.configure_client do |config|\n  config.redis = {\n    url: ENV.fetch("REDIS_URL") do\n      "redis://localhost:6379/0"\n    end\n  }\nend\nCACHE = ENV.fetch("REDIS_CACHE_URL",\n  "redis://localhost:6379/3")\n', errors: [{ line: 4, severity: 'notice' }, { line: 9, severity: 'notice' }] },
      { name: 'aliased env map is a notice', path: 'src/config.js', code: "const env = process.env\nmodule.exports = { queueUrl: env.AMQP_URL || 'amqp://localhost:5672' }\n", errors: [{ line: 2, severity: 'notice' }] },
      { name: 'a literal after a closed lookup call is a separate argument: still an error', path: 'src/main/java/com/acme/Clients.java', code: 'Client c = new Client(System.getenv("SEARCH_HOST"),\n    "redis://prod-cache.internal:6379");\nClient d = new Client(System.getenv("H"), "redis://cache.prod.internal:6379");\n', errors: [{ line: 2, severity: 'error' }, { line: 3, severity: 'error' }] },
      { name: 'a literal after a finished env lookup on the previous line is an error', path: 'src/config.js', code: "module.exports = {\n  port: process.env.PORT || 3000,\n  redis: 'redis://cache.prod.internal:6379',\n}\n", errors: [{ line: 3, severity: 'error' }] },
      { name: 'an if block on NODE_ENV is not a lookup default', path: 'src/cache.js', code: "if (process.env.NODE_ENV === 'production') {\n  url = 'redis://cache.prod:6379'\n}\n", errors: [{ line: 2, severity: 'error' }] },
      { name: 'Spring @Profile("prod") class is still checked', path: 'src/main/java/com/acme/ProdRedis.java', code: '@Configuration\n@Profile("prod")\npublic class ProdRedis {\n    JedisPooled jedis = new JedisPooled("redis://cache.prod.internal:6379");\n}\n', errors: [{ line: 4, severity: 'error' }] },
      { name: 'a production class beside a dev one is checked', path: 'app/config.py', code: "class DevelopmentConfig(Config):\n    REDIS = \"redis://localhost:6379\"\n\n\nclass ProductionConfig(Config):\n    REDIS = \"redis://cache.prod.internal:6379\"\n", errors: [{ line: 6, severity: 'error' }] },
      { name: 'a remote parameter default is a notice', path: 'app/cache.py', code: "def connect(url=\"redis://cache.prod.internal:6379\"):\n    pass\n", errors: [{ line: 1, severity: 'notice' }] },
      { name: 'positional client host in production code', path: 'src/main/java/com/acme/Cache.java', code: 'public class Cache {\n    JedisPooled pool = new JedisPooled("cache.prod.internal", 6379);\n    MongoClient mongo = new MongoClient("localhost", 27017);\n}\n', errors: [{ line: 2, severity: 'error', message: /cache locator `cache\.prod\.internal`/ }, { line: 3, severity: 'error', message: /database locator `localhost`/ }] },
      { name: 'HOCON literal without an env override is a warning', path: 'src/main/resources/application.conf', code: 'redis {\n    url = "redis://cache.prod.internal:6379"\n}\n', errors: [{ line: 2, severity: 'warning' }] },
      { name: 'HOCON literal overridden by ${?VAR} in the same block is a notice', path: 'src/main/resources/application.conf', code: 'database {\n    url = "jdbc:postgresql://localhost:5432/ktor"\n    url = ${?DATABASE_URL}\n}\nredis {\n    url = ${?REDIS_URL}\n}\ncache {\n    url = "redis://cache.prod.internal:6379"\n}\n', errors: [{ line: 2, severity: 'notice' }, { line: 9, severity: 'warning' }] },
      { name: 'Go default after an empty os.Getenv, Go flag default, Python and JS unset guards are notices', path: 'cmd/main.go', code: 'var dbURL = flag.String("db", "postgres://localhost:5432/app", "database URL")\n\nfunc main() {\n\tamqp := os.Getenv("AMQP_URL")\n\tif amqp == "" {\n\t\tamqp = "amqp://guest@localhost:5672/"\n\t}\n\tif cache == "" { cache = "redis://localhost:6379" }\n}\n', errors: [{ line: 1, severity: 'notice' }, { line: 6, severity: 'notice' }, { line: 8, severity: 'notice' }] },
      { name: 'Python and JS unset guards are notices; an unrelated condition is not', path: 'src/cache.js', code: "let url = process.env.REDIS_URL\nif (!url) url = 'redis://localhost:6379'\nif (ready) {\n  url = 'redis://cache.prod.internal:6379'\n}\n", errors: [{ line: 2, severity: 'notice' }, { line: 4, severity: 'error' }] },
      { name: 'Python if not url guard', path: 'app/cache.py', code: "url = os.getenv('REDIS_URL')\nif not url:\n    url = 'redis://localhost:6379'\nif ready:\n    other = 'redis://cache.prod.internal:6379'\n", errors: [{ line: 3, severity: 'notice' }, { line: 5, severity: 'error' }] },
      { name: 'the right side of ?? / || on a variable is a notice; a plain assignment beside it is an error', path: 'src/redis.ts', code: "const redisUrl = process.env.REDIS_URL\nexport const conn = redisUrl ?? 'redis://localhost:6379'\nexport const cache = new Redis(opts.url ||\n  'redis://localhost:6379')\nexport const other = 'redis://cache.prod.internal:6379'\n", errors: [{ line: 2, severity: 'notice' }, { line: 4, severity: 'notice' }, { line: 5, severity: 'error' }] }
    ]
  })

  it('never echoes the password of a connection URL', () => {
    const [f] = runRule(hardcodedServiceLocator, 'src/db.js', "const url = 'postgres://app:S3cretPw@db.prod.internal:5432/app'\n")
    expect(JSON.stringify(f)).not.toContain('S3cretPw')
    expect(f.message).not.toMatch(/password/i)
  })
})
