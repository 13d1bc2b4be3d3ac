import { describe, expect, it } from '@jest/globals'
import { fileDatabaseInProduction } from '../../../src/rules/iv-backing-services/file-database-in-production.js'
import { ruleTable } from '../../helpers/rule-tester.js'
import { brief } from '../../helpers/audit-tree-i-ii-iv.js'

describe('TF0404 file-database-in-production', () => {
  ruleTable(fileDatabaseInProduction, {
    valid: [
      { name: 'Django sqlite only under DEBUG', path: 'mysite/settings.py', code: "if DEBUG:\n    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\nelse:\n    DATABASES = {'default': dj_database_url.config()}\n" },
      { name: 'Django dev settings', path: 'mysite/settings_dev.py', code: "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3'}}\n" },
      { name: 'dj_database_url with a sqlite fallback', path: 'mysite/settings.py', code: "DATABASES = {'default': dj_database_url.config(default='sqlite:///db.sqlite3')}\n" },
      { name: 'Rails development and test on sqlite', path: 'config/database.yml', code: 'development:\n  adapter: sqlite3\n  database: db/development.sqlite3\ntest:\n  adapter: sqlite3\nproduction:\n  adapter: postgresql\n  url: <%= ENV["DATABASE_URL"] %>\n' },
      { name: 'Spring in-memory H2', path: 'src/main/resources/application.properties', code: 'spring.datasource.url=jdbc:h2:mem:testdb\n' },
      { name: 'Spring dev profile', path: 'src/main/resources/application-dev.properties', code: 'spring.datasource.url=jdbc:h2:file:./data/dev\n' }
    ],
    invalid: [
      { name: 'Django default startproject settings', path: 'mysite/settings.py', code: "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.sqlite3',\n        'NAME': BASE_DIR / 'db.sqlite3',\n    }\n}\n", errors: [{ line: 3, column: 19, message: /`django\.db\.backends\.sqlite3`/ }] },
      { name: 'Rails 8 production on sqlite through the default anchor', path: 'config/database.yml', code: 'default: &default\n  adapter: sqlite3\n  pool: 5\nproduction:\n  primary:\n    <<: *default\n    database: storage/production.sqlite3\n', errors: [{ line: 7, message: /Rails production database is SQLite \(`storage\/production\.sqlite3`\)/ }] },
      { name: 'Spring file databases', path: 'src/main/resources/application.properties', code: 'spring.datasource.url=jdbc:sqlite:/var/data/app.db\n', errors: [{ line: 1, column: 23 }] }
    ]
  })

  it('flags SQLite files opened by web-app code, not by a plain tool', () => {
    const files = {
      'api/package.json': '{"dependencies": {"express": "^4"}}',
      'api/src/db.js': "const sqlite3 = require('sqlite3')\nconst db = new sqlite3.Database('./data/app.db')\n",
      'svc/requirements.txt': 'flask==3.0.3\n',
      'svc/app/db.py': "import sqlite3\nconn = sqlite3.connect('app.db')\nmem = sqlite3.connect(':memory:')\n",
      'cli/package.json': '{"dependencies": {"commander": "^12"}}',
      'cli/index.js': "const db = new Database('cache.db')\n",
      'api/src/orm.js': "let sequelize\nif (process.env.NODE_ENV === 'development') {\n  sequelize = new Sequelize({ dialect: 'sqlite', storage: 'app.sqlite' })\n} else {\n  sequelize = new Sequelize(process.env.DATABASE_URL)\n}\n",
      'api/src/local.js': "const db = new sqlite3.Database('./data/dev.db')\n"
    }
    expect(brief(files, [fileDatabaseInProduction])).toEqual(['TF0404 api/src/db.js:2 warning', 'TF0404 svc/app/db.py:2 warning'])
  })
})
