import { describe, expect, it } from '@jest/globals'
import { checkFile } from '../../../src/engine/check-file.js'
import { Facts } from '../../../src/engine/rule.js'
import { hardcodedServiceLocator } from '../../../src/rules/iv-backing-services/hardcoded-service-locator.js'
import { configGroupedByEnvironment as rule } from '../../../src/rules/iii-config/config-grouped-by-environment.js'
import { makeFile, ruleTable } from '../../helpers/rule-tester.js'
import { DeployModel } from '../../../src/model/deploy-model.js'

describe('TF0311 config-grouped-by-environment', () => {
  ruleTable(rule, {
    valid: [
      { name: 'a production default the environment overrides', path: 'config/environments/production.rb', code: 'Rails.application.configure do\n  links_url = ENV.fetch("EMAIL_LINKS_URL") { "https://www.shop-example.io" }\n  config.action_mailer.default_url_options = { host: URI(links_url).host }\nend\n' },
      { name: 'NODE_ENV for log level and trust proxy', path: 'src/app.js', code: "const level = process.env.NODE_ENV === 'production' ? 'info' : 'debug'\nif (process.env.NODE_ENV === 'production') app.set('trust proxy', 1)\nif (process.env.NODE_ENV !== 'production') {\n  app.use(morgan('dev'))\n}\n" },
      { name: 'env-specific hosts are local only', path: 'src/db.ts', code: "const host = process.env.NODE_ENV === 'test' ? 'localhost' : process.env.DB_HOST\n" },
      { name: 'hosts from env', path: 'config/production.js', code: 'module.exports = { db: { host: process.env.DB_HOST } }\n' },
      { name: 'Django prod settings without hosts', path: 'mysite/settings_prod.py', code: "from .base import *\nDEBUG = False\nDATABASES = {'default': dj_database_url.config()}\n" },
      { name: 'commented-out branch', path: 'src/a.ts', code: "// if (process.env.NODE_ENV === 'production') { host = 'db.prod.internal' }\n" },
      { name: 'products file is not prod', path: 'src/products.ts', code: "const api = 'https://api.shop-corp.io'\n" },
      { name: 'stage.ts is a canvas stage', path: 'src/game/stage.ts', code: "const cdn = 'https://cdn.game-assets.io/sprites'\n" },
      { name: 'per-environment deploy script', path: 'scripts/deploy-prod.sh', code: 'curl https://api.acme-corp.io/deploy\n' },
      { name: 'single environment key', path: 'src/flags.js', code: "const flags = { production: { cdn: true } }\n" }
    ],
    invalid: [
      { name: 'NODE_ENV branch picks a host', path: 'src/config.js', code: "let dbHost = 'localhost'\nif (process.env.NODE_ENV === 'production') {\n  dbHost = 'db.prod.internal'\n}\n", errors: [{ line: 3, column: 13, message: /host db\.prod\.internal \(dbHost\) is chosen by branching on the environment name/ }] },
      { name: 'ternary URL', path: 'src/api.ts', code: "export const API = process.env.APP_ENV === 'staging' ? 'https://api.staging.acme.io' : 'https://api.acme.io'\n", errors: [{ line: 1 }] },
      { name: 'env-keyed config object', path: 'config/db.js', code: "module.exports = {\n  development: { host: 'localhost' },\n  production: { host: 'db.prod.internal', port: 5432 }\n}\n", errors: [{ line: 3, message: /keyed by environment name 'production'/ }] },
      { name: 'Sequelize config.json', path: 'config/config.json', code: '{\n  "development": { "host": "127.0.0.1" },\n  "production": { "host": "prod-db.c9akciq32.rds.amazonaws.com" }\n}\n', errors: [{ line: 3 }] },
      { name: 'per-environment file', path: 'config/production.json', code: '{\n  "port": 8080,\n  "redis": "redis://cache.prod.internal:6379"\n}\n', errors: [{ line: 3, message: /production-only config file production\.json/ }] },
      { name: 'Python branch', path: 'app/config.py', code: "import os\nif os.getenv('FLASK_ENV') == 'production':\n    DB_HOST = 'db.prod.internal'\nelse:\n    DB_HOST = 'localhost'\n", errors: [{ line: 3 }] },
      { name: 'Rails env predicate', path: 'config/initializers/api.rb', code: "API_URL = if Rails.env.production?\n  'https://api.acme.io'\nelse\n  'http://localhost:4000'\nend\n", errors: [{ line: 2 }] },
      { name: 'Django settings module branch', path: 'app/db.py', code: "if os.environ.get('DJANGO_SETTINGS_MODULE') == 'mysite.settings.production':\n    REDIS_URL = 'redis://cache.prod.internal:6379'\n", errors: [{ line: 2 }] },
      { name: 'Go branch', path: 'config.go', code: 'package main\nfunc dsn() string {\n\tif os.Getenv("APP_ENV") == "production" {\n\t\treturn "postgres://db.prod.internal:5432/app"\n\t}\n\treturn "postgres://localhost/app"\n}\n', errors: [{ line: 4 }] },
      { name: 'Rails database.yml production host', path: 'config/database.yml', code: 'development:\n  host: localhost\nproduction:\n  host: db.prod.internal\n', errors: [{ line: 4 }] },
      { name: 'Spring prod profile with host', path: 'src/main/resources/application-prod.properties', code: 'spring.datasource.url=jdbc:postgresql://prod-db.internal:5432/app\n', errors: [{ line: 1 }] }
    ]
  })

  it('a host TF0401 reports at least as severely on the same line is one finding, under IV', () => {
    const run = (path: string, code: string) => checkFile([hardcodedServiceLocator, rule], makeFile(path, code), { facts: new Facts(), apps: [], deploy: DeployModel.empty() }).findings.map((f) => `${f.ruleId} ${f.severity}`)
    const prodSettings = 'from .base import *\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache.prod.acme-retail.internal:6379/1"}}\n'
    expect(run('mysite/settings/production.py', prodSettings)).toEqual(['TF0401 error'])
    // TF0401's notice on a Spring literal does not hide TF0311's warning
    expect(run('src/main/resources/application-prod.properties', 'spring.datasource.url=jdbc:postgresql://prod-db.internal:5432/app\n')).toContain('TF0311 warning')
  })
})
