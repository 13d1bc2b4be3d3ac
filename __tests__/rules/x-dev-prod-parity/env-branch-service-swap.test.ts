import { describe } from '@jest/globals'
import { envBranchServiceSwap } from '../../../src/rules/x-dev-prod-parity/env-branch-service-swap.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF1004 env-branch-service-swap', () => {
  ruleTable(envBranchServiceSwap, {
    valid: [
      { name: 'branch picks a host only (config, TF0311)', path: 'src/db.js', code: "const host = process.env.NODE_ENV === 'production' ? 'db.internal' : 'localhost'\nconst db = new Sequelize({ dialect: 'postgres', host })\n" },
      { name: 'test-only in-memory database', path: 'src/db.ts', code: "if (process.env.NODE_ENV === 'test') {\n  sequelize = new Sequelize('sqlite::memory:')\n}\n" },
      { name: 'sqlite outside any env branch', path: 'src/cli.js', code: "const db = new Database('local.sqlite')\nif (process.env.NODE_ENV === 'development') {\n  console.log('dev')\n}\n" },
      { name: 'logging level branch', path: 'mysite/settings.py', code: "if DEBUG:\n    LOGGING_LEVEL = 'DEBUG'\nDATABASES = {'default': dj_database_url.config()}\nCACHE_BACKEND = 'sqlite'\n" },
      { name: 'commented-out swap', path: 'src/db.js', code: "if (process.env.NODE_ENV !== 'production') {\n  // db = new Sequelize('sqlite::memory:')\n}\n" },
      { name: 'Flask config classes that all fall back to sqlite', path: 'config.py', code: "class DevelopmentConfig(Config):\n    SQLALCHEMY_DATABASE_URI = os.environ.get('DEV_DATABASE_URL') or 'sqlite:///dev.sqlite'\n\nclass ProductionConfig(Config):\n    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or 'sqlite:///data.sqlite'\n" },
      { name: 'Flask TestingConfig with sqlite memory', path: 'config.py', code: "class TestingConfig(Config):\n    SQLALCHEMY_DATABASE_URI = 'sqlite://'\n\nclass ProductionConfig(Config):\n    SQLALCHEMY_DATABASE_URI = os.environ['DATABASE_URL']\n" },
      { name: 'test file', path: 'tests/settings.py', code: "if DEBUG:\n    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3'}}\n" }
    ],
    invalid: [
      { name: 'Django DEBUG switches the database engine', path: 'mysite/settings.py', code: "import os\nif DEBUG:\n    DATABASES = {\n        'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'},\n    }\nelse:\n    DATABASES = {'default': dj_database_url.config()}\n", errors: [{ line: 4, message: /Branch on `if DEBUG` \(line 2\) swaps in `sqlite3`/ }] },
      { name: 'Django env switches the cache', path: 'mysite/settings.py', code: "if os.environ.get('DJANGO_ENV') == 'development':\n    CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}\n", errors: [{ line: 2 }] },
      { name: 'Celery eager outside production', path: 'proj/settings.py', code: "if ENVIRONMENT != 'production':\n    CELERY_TASK_ALWAYS_EAGER = True\n", errors: [{ line: 2 }] },
      { name: 'NODE_ENV ternary picks the dialect', path: 'src/db.ts', code: "const dialect = process.env.NODE_ENV === 'production' ? 'postgres' : 'sqlite'\n", errors: [{ line: 1, message: /`sqlite`/ }] },
      { name: 'NODE_ENV block with else', path: 'src/db.js', code: "let sequelize\nif (process.env.NODE_ENV === 'development') {\n  sequelize = new Sequelize({ dialect: 'sqlite', storage: 'dev.sqlite' })\n} else {\n  sequelize = new Sequelize(process.env.DATABASE_URL)\n}\n", errors: [{ line: 3 }] },
      { name: 'redis mock in dev', path: 'src/redis.js', code: "const Redis = process.env.NODE_ENV === 'development' ? require('ioredis-mock') : require('ioredis')\n", errors: [{ line: 1 }] },
      { name: 'Rails env picks the queue adapter', path: 'config/application.rb', code: "module Shop\n  class Application < Rails::Application\n    if Rails.env.development?\n      config.active_job.queue_adapter = :async\n    else\n      config.active_job.queue_adapter = :sidekiq\n    end\n  end\nend\n", errors: [{ line: 4 }] },
      { name: 'Flask config classes: sqlite in DevelopmentConfig', path: 'config.py', code: "import os\n\nclass Config:\n    SECRET_KEY = os.environ.get('SECRET_KEY')\n\nclass DevelopmentConfig(Config):\n    DEBUG = True\n    SQLALCHEMY_DATABASE_URI = 'sqlite:///' + os.path.join(basedir, 'dev.sqlite')\n\nclass ProductionConfig(Config):\n    SQLALCHEMY_DATABASE_URI = os.environ['DATABASE_URL']\n", errors: [{ line: 8, message: /Config class `DevelopmentConfig` swaps in `sqlite`/ }] },
      { name: 'Go env picks sqlite', path: 'internal/db/db.go', code: 'if os.Getenv("APP_ENV") == "development" {\n\tdb, err = sql.Open("sqlite3", "dev.db")\n}\n', errors: [{ line: 2 }] }
    ]
  })
})
