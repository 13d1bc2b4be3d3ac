import { describe, expect, it } from '@jest/globals'
import { fallbackSecretLiteral as rule } from '../../../src/rules/iii-config/fallback-secret-literal.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

describe('TF0306 fallback-secret-literal', () => {
  ruleTable(rule, {
    valid: [
      { name: 'non-secret fallbacks', path: 'src/server.js', code: "const port = process.env.PORT || 3000\nconst host = process.env.HOST || '0.0.0.0'\nconst level = process.env.LOG_LEVEL ?? 'info'\n" },
      { name: 'no fallback', path: 'src/auth.ts', code: 'const secret = process.env.JWT_SECRET\nif (!secret) throw new Error("JWT_SECRET")\n' },
      { name: 'empty fallback', path: 'app/settings.py', code: "SECRET_KEY = os.environ.get('SECRET_KEY', '')\n" },
      { name: 'development settings module', path: 'shop/settings/dev.py', code: "SECRET_KEY = os.environ.get('SECRET_KEY', 'dev-secret')\n" },
      { name: 'Spring local profile', path: 'src/main/resources/application-local.yml', code: 'app:\n  jwt:\n    secret: ${JWT_SECRET:local-only-secret}\n' },
      { name: 'python non-secret', path: 'app/settings.py', code: "DB_HOST = os.getenv('DB_HOST', 'localhost')\n" },
      { name: 'Spring placeholders without literal default', path: 'src/main/resources/application.properties', code: 'spring.datasource.password=${DB_PASSWORD}\napp.jwt.secret=${JWT_SECRET:}\nserver.port=${PORT:8080}\n' },
      { name: 'commented out', path: 'src/a.ts', code: "// const s = process.env.JWT_SECRET || 'secret'\n" },
      // flags and counts under credential-like names: a switch, or "0" meaning unset
      { name: 'flags and counts', path: 'api/instance.py', code: "ENABLE_EMAIL_PASSWORD = os.environ.get('ENABLE_EMAIL_PASSWORD', '1')\nGITHUB_CLIENT_SECRET = os.environ.get('GITHUB_CLIENT_SECRET', '0')\n" },
      { name: 'Spring booleans under credential names', path: 'src/main/resources/server.yml', code: 'cassandra:\n  credentials: "${CASSANDRA_USE_CREDENTIALS:false}"\ncors:\n  allow-credentials: "${CORS_ALLOW_CREDENTIALS:true}"\n' },
      { name: 'key store and key file passwords (the JDK changeit, a slot name)', path: 'src/main/resources/server.yml', code: 'ssl:\n  key_password: "${SSL_PEM_KEY_PASSWORD:server_key_password}"\n  store_password: "${SSL_KEY_STORE_PASSWORD:orbit}"\n  trust:\n    password: "${JAVA_CACERTS_PASSWORD:changeit}"\n' },
      { name: 'file names and paths', path: 'src/main/resources/edge.yml', code: 'rpc:\n  private_key: "${RPC_SSL_PRIVATE_KEY:privateKeyFile.pem}"\n  secret: "${CLIENT_SECRET:/etc/orbit/client.secret}"\n' },
      { name: 'a sentinel the app replaces with a random key', path: 'src/main/resources/server.yml', code: 'jwt:\n  tokenSigningKey: "${JWT_TOKEN_SIGNING_KEY:orbitDefaultSigningKey}"\n' },
      { name: 'placeholder fallbacks for other services fail closed', path: 'app/settings/common.py', code: "AWS_SECRET_ACCESS_KEY = os.environ.get('AWS_SECRET_ACCESS_KEY', 'secret-key')\nRABBITMQ_PASSWORD = os.environ.get('RABBITMQ_PASSWORD', 'guest')\nOPENAI_API_KEY = os.getenv('OPENAI_API_KEY', 'demo')\n" },
      { name: 'Spring profile password default that is a word', path: 'src/main/resources/application-mysql.properties', code: 'spring.datasource.password=${MYSQL_PASS:ledger}\n' },
      { name: 'Go struct tag flag default', path: 'internal/config/config.go', code: 'package config\ntype Config struct {\n\tUseCredentials bool `env:"USE_CREDENTIALS,default=false"`\n\tJwtAlgorithm string `env:"JWT_ALGORITHM,default=HS512"`\n}\n' },
      { name: 'shell default that is a test value', path: 'scripts/run.sh', code: 'export DB_PASSWORD=${DB_PASSWORD:-password}\n' },
      { name: 'compose default in a development compose', path: 'docker-compose.yml', code: 'services:\n  web:\n    environment:\n      SECRET_KEY: ${SECRET_KEY:-9fK2mQ7xLp4vT8wZ1rB6nH3jD5sG0cY}\n' }
    ],
    invalid: [
      { name: 'JS ||', path: 'src/auth.js', code: "const secret = process.env.JWT_SECRET || 'secret'\n", errors: [{ line: 1, column: 43, message: /JWT_SECRET falls back to the literal 's\*{4}'/ }] },
      { name: 'TS ?? and bracket', path: 'src/config.ts', code: "export const sessionSecret = process.env['SESSION_SECRET'] ?? 'dev-secret'\n", errors: [{ line: 1 }] },
      { name: 'Python get default and or', path: 'app/config.py', code: "SECRET_KEY = os.environ.get('SECRET_KEY') or 'dev-secret'\nAPI_TOKEN = os.getenv('API_TOKEN', 'tk_9fK2mQ7xLp4vT8wZ')\n", errors: [{ line: 1 }, { line: 2 }] },
      { name: 'python-decouple and django-environ defaults', path: 'mysite/settings.py', code: "SECRET_KEY = config('SECRET_KEY', default='django-insecure-abc')\nDB_PASSWORD = env('DB_PASSWORD', default='Qw7!rtz9x')\nDEBUG = config('DEBUG', default=False, cast=bool)\n", errors: [{ line: 1 }, { line: 2 }] },
      { name: 'Ruby fetch block and ||', path: 'config/initializers/app.rb', code: "KEY = ENV.fetch('SECRET_KEY_BASE') { 'x' }\nPW = ENV['DB_PASSWORD'] || 'r00t!Pass'\n", errors: [{ line: 1 }, { line: 2 }] },
      { name: 'a signing secret restating its name still signs', path: 'src/session.ts', code: "app.use(session({ secret: process.env.SESSION_SECRET || 'session-secret' }))\n", errors: [{ line: 1 }] },
      { name: 'well-known default in the production block of database.yml', path: 'config/database.yml', code: "production:\n  adapter: postgresql\n  password: <%= ENV['DATABASE_PASSWORD'] || 'shopdb' %>\ndevelopment:\n  password: <%= ENV['DATABASE_PASSWORD'] || 'shopdb' %>\n", errors: [{ line: 3 }] },
      { name: 'Go struct tag defaults (caarlos0/env, envDefault)', path: 'internal/config/api.go', code: 'package config\ntype Config struct {\n\tJwtSecret string `env:"JWT_SECRET,default=secret"`\n\tSessionKey string `env:"SESSION_SECRET" envDefault:"s3ss10n-k3y"`\n}\n', errors: [{ line: 3 }, { line: 4 }] },
      { name: 'shell and production compose defaults that look real', path: 'deploy/docker-compose.prod.yml', code: 'services:\n  api:\n    environment:\n      SECRET_KEY: ${SECRET_KEY:-9fK2mQ7xLp4vT8wZ1rB6nH3jD5sG0cY}\n      DEBUG: ${DEBUG:-0}\n', errors: [{ line: 4 }] },
      { name: 'start script writing a real-looking default', path: 'deploy/start.sh', code: 'write_env "SECRET_KEY" "${SECRET_KEY:-9fK2mQ7xLp4vT8wZ1rB6nH3jD5sG0cY}"\n', errors: [{ line: 1 }] },
      { name: 'Java getOrDefault', path: 'src/main/java/Cfg.java', code: 'String s = System.getenv().getOrDefault("JWT_SECRET", "changeit");\n', errors: [{ line: 1 }] },
      { name: 'Spring @Value default in Java', path: 'src/main/java/Jwt.java', code: 'class Jwt {\n  @Value("${jwt.secret:mySecretKey}") String secret;\n}\n', errors: [{ line: 2 }] },
      { name: 'Go helper', path: 'config.go', code: 'package main\nvar secret = getEnv("JWT_SECRET", "supersecret")\n', errors: [{ line: 2, message: /JWT_SECRET/ }] },
      { name: 'Spring literal default', path: 'src/main/resources/application.yml', code: 'app:\n  jwt:\n    secret: ${JWT_SECRET:mySuperSecretKey123}\n', errors: [{ line: 3 }] }
    ]
  })
  it('gives the fail-fast fix in the language', () => {
    const [f] = runRule(rule, 'app.py', "PW = os.getenv('DB_PASSWORD', 'Qw7!rtz9x')\n")
    expect(f.remediation).toContain('os.environ["DB_PASSWORD"]')
  })
  it('a ${VAR:default} placeholder is fixed by the placeholder without its default, said once', () => {
    const [yml] = runRule(rule, 'src/main/resources/application.yml', 'spring:\n  datasource:\n    password: ${DATABASE_PASSWORD:Qw7!rtz9x}\n')
    expect(yml.remediation).toBe('Fail fast instead of falling back: ${DATABASE_PASSWORD} without a default (startup fails when it is unset).')
    const [kt] = runRule(rule, 'src/main/kotlin/Jwt.kt', 'class Jwt(@Value("${jwt.secret:mySecretKey}") val secret: String)\n')
    expect(kt.remediation).toContain('${jwt.secret} without a default')
    expect(kt.remediation).not.toContain('System.getenv')
    const [go] = runRule(rule, 'config.go', 'package main\nvar secret = getEnv("JWT_SECRET", "supersecret")\n')
    expect(go.remediation).toContain('os.LookupEnv("JWT_SECRET")')
  })
  it('never echoes the fallback', () => {
    const lit = 'fallback-' + 'Jwt-Secret-9'
    const json = JSON.stringify(runRule(rule, 'src/a.ts', `const s = process.env.JWT_SECRET || '${lit}'\n`))
    expect(json).toContain('TF0306')
    expect(json).not.toContain(lit)
  })
})
