import { describe, expect, it } from '@jest/globals'
import { credentialInUrl as rule } from '../../../src/rules/iii-config/credential-in-url.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

const PW = 'Xq7' + 'vT2pL9'
describe('TF0302 credential-in-url', () => {
  ruleTable(rule, {
    valid: [
      { name: 'query strings: references, placeholders, format verbs, words, no URL', path: 'src/db.go', code: 'package db\nvar dsn = fmt.Sprintf("mongodb://db:27017/shop?password=%s", pw)\nvar u = "https://api.acme-shop.io/v1?api_key=${API_KEY}"\nvar d = "jdbc:postgresql://db/shop?user=shop&password=changeme"\nvar p = "https://id.acme-shop.io/reset?token=reset-token"\nvar q = "token=9fK2mQ7xLp4vT8wZ1rB6nH3jD5sG0cY"\nvar t = "otpauth://totp/Shop:ann@acme-shop.io?issuer=Shop&secret=P6Z2TLYTASOGP6LCJZAD24ETT5"\n' },
      { name: 'env reference', path: 'config/app.yml', code: 'db:\n  url: postgres://app:${DB_PASSWORD}@db.internal:5432/app\n' },
      { name: 'localhost default', path: 'src/db.ts', code: "const url = process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/dev'\n" },
      { name: 'format placeholders', path: 'db.py', code: 'url = "postgresql://%s:%s@%s/%s" % (u, p, h, d)\nurl2 = f"postgresql://{user}:{password}@{host}/db"\n' },
      { name: 'no password', path: 'src/a.js', code: "const u = 'https://user@github.com/x.git'\nconst v = 'https://example.com:8080/a'\n" },
      { name: 'compose (local dev)', path: 'docker-compose.yml', code: `services:\n  app:\n    environment:\n      DATABASE_URL: postgres://app:${PW}@db:5432/app\n` },
      { name: 'commented out', path: 'src/db.go', code: `package db\n// dsn := "postgres://app:${PW}@db.prod:5432/app"\n` },
      { name: 'placeholder password', path: 'README.txt', code: 'mysql://root:<password>@db.internal/app\nredis://:changeme@cache.internal:6379\n' },
      { name: 'compose stack defaults: user equal to password, image default, to a service name', path: 'app/settings.py', code: 'DATABASES = {"default": dj_database_url.config(default="postgres://postgres:postgres@db:5432/shop")}\nBROKER = os.environ.get("BROKER", "amqp://guest:guest@rabbitmq:5672//")\nDB = "mysql://shop:shop@mysql/shop"\nMONGO = "mongodb://admin:admin@mongo:27017"\n' },
      { name: 'compose default in a Makefile', path: 'Makefile', code: 'DB_URL ?= postgres://postgres:postgres@db:5432/shop\n' },
      { name: 'dev container', path: '.devcontainer/devcontainer.json', code: `{ "containerEnv": { "DATABASE_URL": "postgres://app:${PW}@db:5432/app" } }\n` },
      { name: 'workflow client of its own service container', path: '.github/workflows/ci.yml', code: `jobs:\n  it:\n    runs-on: ubuntu-latest\n    container: node:20\n    services:\n      mysql:\n        image: mysql:8\n        env:\n          MYSQL_ROOT_PASSWORD: ${PW}\n    steps:\n      - run: npm test\n        env:\n          MYSQL_URL: mysql://root:${PW}@mysql:3306/test\n` },
      { name: 'GitLab CI client of its service container', path: '.gitlab-ci.yml', code: `variables:\n  POSTGRES_PASSWORD: ${PW}\n  DATABASE_URL: postgres://runner:${PW}@postgres:5432/test\ntest:\n  services: [postgres:16]\n  script: npm test\n` },
      { name: 'help texts', path: 'shop/management.py', code: `parser.add_argument("--source", help="source URL, e.g. postgresql://scott:tiger@db1.corp.net/prod")\nparser.add_argument("--broker", help="Broker URL such as amqp://admin:${PW}@broker.acme.io:5672")\nparser.add_argument("--dsn", help="mysql://USER:PASSWORD@HOST/DB")\n` },
      { name: 'Go flag help and a usage block', path: 'cmd/server/main.go', code: `package main\nvar dsn = flag.String("dsn", "", "Postgres DSN, e.g. postgres://shop:${PW}@db.acme.io/shop")\nconst usage = \`shop-server [flags]\n\nExample:\n  shop-server -dsn postgres://app:${PW}@db.internal.acme.io/shop\n\`\n` },
      { name: 'CLI option list in a template literal', path: 'src/cli.ts', code: `const usage = \`Options:\n  --database-url URL   connection string like postgres://app:${PW}@db.acme.io/db\n\`\n` },
      { name: 'anonymous FTP', path: 'scripts/fetch.py', code: 'MIRROR = "ftp://anonymous:anonymous@ftp.gnu.org/gnu/"\n' },
      { name: 'SQLAlchemy scott:tiger example', path: 'src/db.py', code: 'engine = create_engine("postgresql://scott:tiger@db.corp.net/test")\n' },
      { name: 'test-runner setup', path: 'jest.setup.js', code: `process.env.DATABASE_URL = 'postgres://test:${PW}@db.acme.io/test'\n` },
      { name: 'doctest in a docstring', path: 'src/urls.py', code: `def build(u, p, h):\n    """Build a URL.\n\n    >>> build("app", "${PW}", "db.acme.io")\n    'postgres://app:${PW}@db.acme.io/shop'\n    """\n    return f"postgres://{u}:{p}@{h}/shop"\n` }
    ],
    invalid: [
      { name: 'a literal password or key in a URL query string', path: 'src/db.js', code: "const url = 'jdbc:mysql://db.internal:3306/shop?user=shop&password=Qw7!rtz9x'\nconst api = 'https://api.acme-shop.io/v1/rates?api_key=9fK2mQ7xLp4vT8wZ1rB6nH3jD5sG0cY&base=EUR'\n", errors: [{ line: 1, message: /Literal password .* in a URL's query string/ }, { line: 2 }] },
      { name: 'a production compose file: the stock login is the deploy login (warning)', path: 'deploy/docker-compose.prod.yml', code: 'services:\n  api:\n    environment:\n      DATABASE_URL: postgresql://postgres:postgres@db/shop\n', errors: [{ line: 4, severity: 'warning' }] },
      { name: 'Go DSN', path: 'internal/db/db.go', code: `package db\n\nconst dsn = "postgres://app:${PW}@db.prod.internal:5432/app"\n`, errors: [{ line: 3, column: 29, message: /Password Xq\*{4} for user app in postgres:\/\/ URL to db\.prod\.internal \(dsn\)/ }] },
      { name: 'Spring JDBC-like in YAML', path: 'config/settings.yml', code: `cache:\n  url: redis://default:${PW}@redis.prod.example-corp.io:6379\n`, errors: [{ line: 2 }] },
      { name: 'Python', path: 'app/config.py', code: `SQLALCHEMY_DATABASE_URI = "mysql+pymysql://web:${PW}@10.0.3.7/shop"\n`, errors: [{ line: 1, message: /mysql\+pymysql/ }] },
      { name: 'password-only URL', path: 'src/cache.ts', code: `const cache = 'redis://:${PW}@cache.prod.internal:6379'\n`, errors: [{ line: 1, column: 25, message: /^Password Xq\*{4} in redis:\/\/ URL to cache\.prod\.internal \(cache\)$/ }] },
      { name: 'user equal to password, or an image default, to a real host', path: 'src/db.ts', code: "const a = 'postgres://app:app@db.prod.acme.io:5432/app'\nconst b = 'amqp://guest:guest@mq.acme.io:5672'\n", errors: [{ line: 1 }, { line: 2 }] },
      { name: 'a random password to a service name', path: 'app/settings.py', code: `DATABASES = {"default": dj_database_url.config(default="postgres://app:${PW}@db:5432/app")}\n`, errors: [{ line: 1 }] },
      { name: 'workflow password not given to a service container', path: '.github/workflows/ci.yml', code: `jobs:\n  it:\n    runs-on: ubuntu-latest\n    services:\n      mysql:\n        image: mysql:8\n        env:\n          MYSQL_ROOT_PASSWORD: other-pw-123\n    steps:\n      - run: npm test\n        env:\n          MYSQL_URL: mysql://root:${PW}@mysql.acme.io:3306/test\n`, errors: [{ line: 12 }] },
      { name: 'a shell continuation passing a real URL is not help text', path: 'deploy/migrate.yml', code: `args:\n  --db-url postgres://app:${PW}@db.prod.acme.io/app\n`, errors: [{ line: 2 }] },
      { name: 'prose in a comment above does not make the string help text', path: 'src/db.go', code: `package db\n// Example: connect to production\nconst dsn = "postgres://app:${PW}@db.prod.acme.io/app"\n`, errors: [{ line: 3 }] },
      { name: 'SQL in a parenthesised triple-quoted value is code', path: 'app/report.py', code: `Q = ("""\n  SELECT * FROM dblink('postgres://app:${PW}@db.prod.acme.io/x')\n""")\n`, errors: [{ line: 2 }] }
    ]
  })
  it('never echoes the password', () => {
    const json = JSON.stringify(runRule(rule, 'src/a.ts', `const u = "amqp://svc:${PW}@mq.internal/vhost"\n`))
    expect(json).toContain('TF0302')
    expect(json).not.toContain(PW)
    expect(json).toContain('process.env.AMQP_URL')
  })
})
