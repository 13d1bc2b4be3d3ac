import { describe } from '@jest/globals'
import { frameworkServiceHost } from '../../../src/rules/iv-backing-services/framework-service-host.js'
import { ruleTable } from '../../helpers/rule-tester.js'

const DJANGO = `import os
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'shop',
        'HOST': 'db.prod.internal',
        'PORT': '5432',
    }
}
CACHES = {'default': {'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache', 'LOCATION': '10.0.0.12:11211'}}
EMAIL_HOST = 'smtp.sendgrid.net'
ALLOWED_HOSTS = ['shop.example.com']
`

describe('TF0403 framework-service-host', () => {
  ruleTable(frameworkServiceHost, {
    valid: [
      { name: 'database.yml host beside url from DATABASE_URL', path: 'config/database.yml', code: 'default: &default\n  adapter: postgresql\n  host: localhost\n  url: <%= ENV["DATABASE_URL"] %>\n\nproduction:\n  <<: *default\n  database: shop\n' },
      { name: 'Django LocMemCache and DatabaseCache LOCATION names are not hosts', path: 'shop/settings.py', code: "CACHES = {\n    'default': {\n        'BACKEND': 'django.core.cache.backends.db.DatabaseCache',\n        'LOCATION': 'my_cache_table',\n    },\n    'local': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache', 'LOCATION': 'unique-snowflake'},\n}\n" },
      { name: 'Django from the environment', path: 'shop/settings.py', code: "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': os.environ['DB_HOST'], 'NAME': 'x'}}\nEMAIL_HOST = os.environ.get('EMAIL_HOST', '')\nCACHES = {'default': {'LOCATION': env('REDIS_URL')}}\n" },
      { name: 'Django empty HOST (socket)', path: 'shop/settings.py', code: "DATABASES = {\n    'default': {\n        'HOST': '',\n    }\n}\n" },
      { name: 'dev settings', path: 'shop/settings/dev.py', code: "DATABASES = {'default': {'HOST': 'localhost'}}\n" },
      { name: 'Rails ERB and dev sections', path: 'config/database.yml', code: 'default: &default\n  adapter: postgresql\n  host: <%= ENV.fetch("DB_HOST") { "localhost" } %>\ndevelopment:\n  <<: *default\n  host: localhost\ntest:\n  host: 127.0.0.1\n' },
      { name: 'Spring placeholders', path: 'src/main/resources/application.yml', code: 'spring:\n  data:\n    redis:\n      host: ${REDIS_HOST}\n  mail:\n    host: ${SMTP_HOST:}\n' },
      { name: 'Spring dev profile file', path: 'src/main/resources/application-dev.properties', code: 'spring.redis.host=localhost\n' },
      { name: 'node-config development and env mapping', path: 'config/development.json', code: '{\n  "db": {\n    "host": "localhost"\n  }\n}\n' },
      { name: 'node-config web server host is not a backing service', path: 'config/default.json', code: '{\n  "server": {\n    "host": "0.0.0.0"\n  },\n  "app": {\n    "host": "shop.example.org"\n  }\n}\n' }
    ],
    invalid: [
      { name: 'database.yml host with a url in another block still fires', path: 'config/database.yml', code: 'production:\n  adapter: postgresql\n  host: db.prod.internal\n  replica:\n    url: <%= ENV["REPLICA_URL"] %>\n', errors: [{ line: 3 }] },
      { name: 'Spring: a local profile document is silent, the default document is not', path: 'src/main/resources/application.yml', code: 'spring:\n  data:\n    redis:\n      host: cache.prod.internal\n---\nspring:\n  config:\n    activate:\n      on-profile: local\n  data:\n    redis:\n      host: localhost\n', errors: [{ line: 4, severity: 'notice' }] },
      { name: 'a cache LOCATION with a port is a host, even without a dot', path: 'shop/settings.py', code: "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache', 'LOCATION': 'memcached:11211'}}\n", errors: [{ line: 1, message: /CACHES `LOCATION` is the literal `memcached:11211`/ }] },
      { name: 'Django literals', path: 'shop/settings.py', code: DJANGO, errors: [{ line: 6, column: 18, message: /Django DATABASES `HOST` is the literal `db\.prod\.internal`/ }, { line: 10, message: /CACHES `LOCATION`/ }, { line: 11, message: /EMAIL_HOST/ }] },
      { name: 'Rails production host and storage endpoint', path: 'config/database.yml', code: 'default: &default\n  adapter: postgresql\n  host: db.prod.internal\nproduction:\n  <<: *default\n', errors: [{ line: 3, message: /`host: db\.prod\.internal` in database\.yml \(default\)/ }] },
      { name: 'Rails storage.yml', path: 'config/storage.yml', code: 'amazon:\n  service: S3\n  endpoint: https://minio.internal:9000\n', errors: [{ line: 3 }] },
      { name: 'Spring properties: notice', path: 'src/main/resources/application.properties', code: 'spring.data.redis.host=cache.prod.internal\nspring.kafka.bootstrap-servers=kafka-1.prod:9092,kafka-2.prod:9092\n', errors: [{ line: 1, severity: 'notice' }, { line: 2, severity: 'notice' }] },
      { name: 'Spring yaml: notice', path: 'src/main/resources/application.yml', code: 'spring:\n  rabbitmq:\n    host: rabbit.prod\n', errors: [{ line: 3, severity: 'notice', message: /`spring\.rabbitmq\.host`/ }] },
      { name: 'Spring placeholder fallback: notice', path: 'src/main/resources/application.yml', code: 'spring:\n  kafka:\n    bootstrap-servers: ${KAFKA_BROKERS:localhost:9092}\n', errors: [{ line: 3, column: 40, severity: 'notice', message: /falls back to `localhost:9092`/ }] },
      { name: 'node-config json', path: 'config/production.json', code: '{\n  "db": {\n    "host": "db.prod.internal",\n    "port": 5432\n  }\n}\n', errors: [{ line: 3, message: /`db\.host` is the literal/ }] },
      { name: 'Sequelize config.json production', path: 'config/config.json', code: '{\n  "development": {\n    "host": "127.0.0.1"\n  },\n  "production": {\n    "host": "10.1.2.3",\n    "dialect": "postgres"\n  }\n}\n', errors: [{ line: 6 }] }
    ]
  })
})
