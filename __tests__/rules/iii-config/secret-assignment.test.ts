import { describe, expect, it } from '@jest/globals'
import { secretAssignment as rule } from '../../../src/rules/iii-config/secret-assignment.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

const PW = 'Hunter' + '2-Prod!'
const KEY = 'e1f7Kq9' + 'Zt3Wm8Rv' + '2Lp6Yx4N'
describe('TF0303 secret-assignment', () => {
  ruleTable(rule, {
    valid: [
      // identifiers taken for secrets: the value is a name, an id or a word form of the key
      { name: 'message-type and route ids', path: 'src/utils/messages.ts', code: 'export const MESSAGES = {\n  invalidateToken: "ort:invalidate-token",\n  refreshToken: "ort:refresh-token",\n}\n' },
      { name: 'constants whose value is their own name', path: 'src/main/java/org/acme/model/X_Sftp.java', code: 'public static final String COLUMNNAME_Password = "Password";\npublic static final String PARAM_SFTP_PASSWORD = "SFTPPassword";\nprivate static final String API_KEY_HEADER_TOKEN = "X-Authorization-Token";\n' },
      { name: 'syntax-highlighter token names', path: 'src/app/models/highlight.models.ts', code: "export const rules = [\n  { token: 'acme.calculated-field-latestTs', regex: /latestTs/ },\n  { token: 'acme.keyword', regex: /\\bfor\\b/ }\n]\n" },
      { name: 'code building a compose snippet from runtime credentials', path: 'src/main/java/org/acme/ConnectivityUtil.java', code: 'sb.append("      - GW_ACCESS_TOKEN=").append(stripControlChars(creds.getCredentialsId())).append("\\n");\nsb.append("      - GW_PASSWORD=").append(creds.getPassword()).append("\\n");\n' },
      { name: 'the name of a Kubernetes Secret', path: 'charts/vars.yaml', code: 'ingress:\n  extraArgs:\n    default-server-secret: "app/orbit-ssl"\n    default-ssl-secret: "ingress-nginx/orbit-tls"\n' },
      { name: 'booleans and flags under credential-like names', path: 'config/settings.json', code: '{ "cors": { "allowCredentials": "true", "sendToken": "1" } }\n' },
      { name: 'a sequence placeholder', path: 'scripts/docker/secrets.sh', code: 'DEFAULT_ENCRYPTION_KEY="0123456789abcdef0123456789abcdef"\n' },
      { name: 'a ci section of a secrets file', path: 'app/config/secrets_ci.yml', code: `ci:\n  secret_key_base: '${KEY}${KEY}'\n` },
      { name: 'Dockerfile: build-only values, earlier stages, references, slot names', path: 'Dockerfile', code: `FROM python:3.12 AS build\nENV SECRET_KEY=${KEY}\nRUN SECRET_KEY=dummy python manage.py collectstatic --no-input\nFROM python:3.12-slim\nARG NPM_TOKEN\nENV DB_PASSWORD=\${DB_PASSWORD} \\\n    AWS_ACCESS_KEY_ID=aws_access_key_id\nENV SMTP_PASSWORD=gmail_password\nRUN API_TOKEN=${KEY} ./fetch-assets.sh\n` },
      { name: 'Ruby config methods: nil, a dev-only dummy, a cache key, a word', path: 'config/shop_default_config.rb', code: `class DefaultConfig\n  def api_password\n    nil\n  end\n\n  def captcha_secret_key\n    "1x0000000000000000000000000000000AA" if Rails.env.development?\n  end\n\n  def cache_key\n    "shop-cache"\n  end\n\n  def sort_key\n    "created_at"\n  end\nend\n` },
      { name: 'Spring Security: users from the environment, a builder that is not a user, a hash', path: 'src/main/java/com/shop/SecurityConfig.java', code: 'class SecurityConfig {\n  UserDetails admin = User.withUsername(adminName).password(enc.encode(System.getenv("ADMIN_PASSWORD"))).build();\n  UserDetails ops = User.withUsername("ops").password("{bcrypt}$2a$10$abcdefghijklmnopqrstuv").build();\n  Mail mail = Mail.builder().password(props.getPassword()).build();\n}\n' },
      { name: 'loaded config: a local database stock login', path: 'tools/src/main/resources/generator.properties', code: 'jdbc.userId=root\njdbc.password=root\n' },
      { name: 'seed users whose password restates the name', path: 'src/seed/constants.ts', code: 'export const USERS = {\n  ADMIN: { email: "admin@acme.test", password: "Password#123" },\n}\n' },
      { name: 'loaded config: placeholders, paths, echoes, flags, empty', path: 'conf/app.ini', code: '[app]\nJwtSecret = change_me\nTokenFile = /run/secrets/token\n[redis]\nPassword =\nUsePassword = true\nSessionKey = session_key\n' },
      { name: 'a bare pass key without a user beside it (test results, flags)', path: 'src/report.js', code: `const row = { name: 'login', pass: '${PW}' }\nconst other = { user: 'a' }; const r = { pass: '${PW}' }\n` },
      { name: 'a generator writing Python source into a JS string (escape before the name)', path: 'scripts/gen.js', code: "const py = \"DEBUG = True\\nSECRET_KEY = 'django-insecure-9x8y7z6w5v4u3t2s1r0q'\\n\"\n" },
      { name: 'env reads', path: 'src/db.ts', code: 'const password = process.env.DB_PASSWORD\nconst apiKey = process.env.API_KEY ?? ""\n' },
      { name: 'python env reads', path: 'app/db.py', code: "password = os.environ['DB_PASSWORD']\ntoken = os.getenv('TOKEN')\n" },
      { name: 'ruby and java and go env reads', path: 'lib/x.rb', code: "password = ENV.fetch('DB_PASSWORD')\napi_key = ENV['API_KEY']\n" },
      { name: 'empty and placeholders', path: 'src/a.js', code: "const password = ''\nconst apiKey = '<your-api-key>'\nconst token = 'xxx'\nconst secret = 'changeme'\nconst pw = 'your_password_here'\nconst clientSecret = '***'\n" },
      { name: 'field names and urls', path: 'src/consts.ts', code: "export const PASSWORD_FIELD = 'password'\nexport const password_reset_url = '/reset'\nconst tokenExpiry = '3600s'\n" },
      { name: 'type annotation and call', path: 'src/user.ts', code: 'interface U { password: string }\nconst token = getToken()\n' },
      { name: 'i18n prose', path: 'src/strings.js', code: "export default { password: 'Enter your password', apiKey: 'API key' }\n" },
      { name: 'translations file', path: 'locales/de.json', code: '{ "password": "Passwort" }\n' },
      { name: 'ids, hashes', path: 'src/ids.ts', code: "const requestId = '550e8400-e29b-41d4-a716-446655440000'\nconst commit = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'\nconst integrity = 'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUR'\n" },
      { name: 'commented out', path: 'src/db.py', code: `# password = "${PW}"\n` },
      { name: 'env var name as value', path: 'config/app.yml', code: 'db:\n  password_env: DB_PASSWORD\n  secret: DB_SECRET_NAME\n' },
      { name: 'public key names', path: 'src/stripe.ts', code: `const publishableKey = 'pk_live_${KEY}'\nconst nextPageToken = '${KEY}'\n` },
      { name: 'test fixture', path: 'spec/fixtures/user.rb', code: `PASSWORD = "${PW}"\n` },
      { name: 'Spring config belongs to TF0310', path: 'src/main/resources/application.properties', code: `spring.datasource.password=${PW}\n` },
      { name: 'YAML env placeholder', path: 'config/app.yml', code: 'db:\n  password: ${DB_PASSWORD}\n  api_key: "${API_KEY:-}"\n' },
      { name: 'Java and Go env reads', path: 'src/main/java/Db.java', code: 'class Db { String password = System.getenv("DB_PASSWORD"); }\n' },
      { name: 'Go env read', path: 'db.go', code: 'package db\nvar password = os.Getenv("DB_PASSWORD")\n' },
      { name: 'local compose file', path: 'docker-compose.yml', code: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${PW}\n` },
      { name: 'public-by-design keys', path: 'src/firebase.ts', code: "export const firebaseConfig = { apiKey: 'AIzaSyD3f9Kq2Lm8Np4Rs7Tv1Wx5Yz0Ab6Cd9Ef', authDomain: 'acme.firebaseapp.com' }\nconst stripeKey = 'pk_live_51H7qWeRtYuIoPaSdFgHjKl'\n" },
      { name: 'template literal with interpolation', path: 'src/a.ts', code: 'const token = `Bearer ${t}`\n' },
      { name: 'names that say fake, dummy or mock', path: 'src/lib/users.ts', code: `export const fakeApiKey = '${KEY}'\nexport const dummyPassword = '${PW}'\nconst MOCK_SECRET = '${KEY}'\nconst stubToken = '${KEY}'\n` },
      { name: 'a test-double module by name', path: 'src/lib/mock-data.ts', code: `export const users = [{ email: 'a@b.c', password: '${PW}' }]\n` },
      { name: 'inside an object named as a fake (FastAPI tutorial)', path: 'app/security.py', code: `fake_users_db = {\n    "johndoe": {\n        "username": "johndoe",\n        "password": "${PW}",\n    }\n}\n` },
      { name: 'password hashes', path: 'app/security.py', code: 'USER = {"hashed_password": "$2b$12$EixZaYVK1fsbw1ZfbX3OXePaWxn96p36WQoeG6Lruj3vjPGga31lW", "password": "pbkdf2_sha256$600000$Xq7vT2pL9abc$Zk3Qx9"}\n' },
      { name: 'Storybook story args', path: 'src/components/LoginForm.stories.tsx', code: `export const Filled = { args: { email: 'ada@example.com', password: '${PW}', apiKey: '${KEY}' } }\n` },
      { name: 'Rails.env guards', path: 'config/initializers/stripe.rb', code: `if Rails.env.development?\n  ADMIN_PASSWORD = "${PW}"\nend\nif Rails.env.test? || Rails.env.development?\n  SIDEKIQ_PASSWORD = "${PW}"\nend\nunless Rails.env.production?\n  WEB_PASSWORD = "${PW}"\nend\nAPI_PASSWORD = "${PW}" if Rails.env.development?\n` },
      { name: 'NODE_ENV guards', path: 'src/seed.ts', code: `if (process.env.NODE_ENV !== 'production') {\n  const adminPassword = '${PW}'\n}\nif (process.env.NODE_ENV === 'development') {\n  const apiKey = '${KEY}'\n}\n` },
      { name: 'Python not-production guard', path: 'app/bootstrap.py', code: `if not settings.IS_PRODUCTION:\n    admin_password = "${PW}"\n` },
      { name: 'Sinatra development block', path: 'app.rb', code: `configure :development do\n  admin_password = "${PW}"\nend\n` },
      { name: 'Rails per-environment dev files', path: 'config/environments/development.rb', code: `Rails.application.configure do\n  config.action_mailer.smtp_settings = { user_name: "dev", password: "${PW}" }\nend\n` },
      { name: 'development seeds', path: 'db/seeds/development.rb', code: `User.create!(email: "admin@shop.test", password: "${PW}")\n` },
      { name: 'Django development settings', path: 'shop/settings/dev.py', code: `EMAIL_HOST_PASSWORD = "${PW}"\n` },
      { name: 'Sequelize config.json development and test sections', path: 'config/config.json', code: `{\n  "development": { "username": "root", "password": "${PW}" },\n  "test": { "password": "${PW}" },\n  "production": { "use_env_variable": "DATABASE_URL" }\n}\n` },
      { name: 'GitLab CI service container login and its client', path: '.gitlab-ci.yml', code: `variables:\n  POSTGRES_USER: runner\n  POSTGRES_PASSWORD: "${PW}"\n  DB_PASSWORD: "${PW}"\ntest:\n  services:\n    - postgres:16\n  script: npm test\n` },
      { name: 'SOPS-encrypted values', path: 'secrets/prod.enc.yaml', code: 'db_password: ENC[AES256_GCM,data:Tr7o1P8BMBb2ZBx3jQ==,iv:1b6f9Z2bUO2+Qe5nT2qj0vJTk2UZeS8r+BEs4Ii5Zms=,tag:0Z4rW2n3JdQ+9nHuIw3mBg==,type:str]\n' },
      { name: 'test-runner setup and config', path: 'jest.setup.js', code: `process.env.API_KEY = '${KEY}'\n` },
      { name: 'Django app tests.py and Cypress component tests', path: 'shop/tests.py', code: `self.client.login(username="ada", password="${PW}")\n` },
      { name: 'Cypress *.cy.ts', path: 'src/components/Login.cy.ts', code: `cy.get('input').type('x'); const password = '${PW}'\n` },
      { name: 'CRA setupTests', path: 'src/setupTests.ts', code: `process.env.JWT_SECRET = '${KEY}'\n` },
      { name: 'Playwright config', path: 'playwright.config.ts', code: `export default { use: { httpCredentials: { username: 'e2e', password: '${PW}' } } }\n` },
      { name: 'local config module', path: 'src/config.local.js', code: `module.exports = { db: { password: '${PW}' } }\n` },
      { name: 'column types and password-policy regexes', path: 'src/schema.ts', code: "const columns = { password: 'varchar(255)', token: 'char(64)', apiKey: 'string?' }\nexport const policy = { password: '^(?=.*[A-Z])(?=.*\\\\d).{12,}$', pin_password: '^[0-9]{6,8}$' }\n" }
    ],
    invalid: [
      { name: 'loaded INI config: a word password and a numeric signing secret', path: 'conf/app.ini', code: '[app]\nPageSize = 10\nJwtSecret = 233\n\n[database]\nUser = root\nPassword = rootroot\n', errors: [{ line: 3, severity: 'warning', message: /'JwtSecret'/ }, { line: 7, severity: 'warning', message: /Password 'Password'/ }] },
      { name: 'Dockerfile ENV of the final stage: baked into the image', path: 'web/Dockerfile', code: `FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nENV ADMIN_USERNAME=admin\nENV ADMIN_PASSWORD=shop_admin\nENV DB_USER=shop \\\n    DB_PASSWORD=shopdb\nENV JWT_SECRET ${KEY}\nARG API_TOKEN="${KEY}"\n`, errors: [{ line: 5, severity: 'warning' }, { line: 7, severity: 'warning' }, { line: 8, severity: 'error' }, { line: 9, severity: 'error' }] },
      { name: 'a production compose file: stock passwords are the deploy login (warnings)', path: 'docker-compose.prod.yml', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: shop\n      POSTGRES_PASSWORD: postgres\n  app:\n    environment:\n      - ADMIN_PASSWORD=shop_admin\n      - DB_PASSWORD=${DB_PASSWORD}\n', errors: [{ line: 6, severity: 'warning' }, { line: 9, severity: 'warning' }] },
      { name: 'Ruby config methods returning a literal key', path: 'config/shop_default_config.rb', code: `module Shop\n  class DefaultConfig\n    # you should override this\n    def email_key\n      "${KEY}"\n    end\n\n    def api_token\n      # issued by the payment provider\n      '${KEY}'\n    end\n  end\nend\n`, errors: [{ line: 5 }, { line: 10 }] },
      { name: 'Spring Security in-memory users', path: 'src/main/java/com/shop/SecurityConfig.java', code: 'class SecurityConfig {\n  @Bean UserDetailsService users(PasswordEncoder enc) {\n    UserDetails admin = User.withUsername("admin")\n        .password(enc.encode("shopAdmin42"))\n        .roles("ADMIN").build();\n    UserDetails ops = User.withUsername("ops").password("{noop}0ps-Team!").roles("OPS").build();\n    return new InMemoryUserDetailsManager(admin, ops);\n  }\n}\n', errors: [{ line: 4, severity: 'error' }, { line: 6, severity: 'error' }] },
      { name: 'CRLF config file: the line is right', path: 'conf/app.ini', code: '[app]\r\nPageSize = 10\r\n\r\n[database]\r\nType = mysql\r\nPassword = rootroot\r\n', errors: [{ line: 6, severity: 'warning' }] },
      { name: 'node-config default.js session secret', path: 'config/default.js', code: "module.exports = {\n  port: 3000,\n  session: {\n    secret: 'shopblog',\n    maxAge: 2592000000\n  }\n}\n", errors: [{ line: 4, severity: 'warning' }] },
      { name: 'nodemailer auth { user, pass }', path: 'src/mail.js', code: `const t = nodemailer.createTransport({\n  host: process.env.SMTP_HOST,\n  auth: { user: 'apikey', pass: '${PW}' }\n})\n`, errors: [{ line: 3, column: 34, message: /^Password 'pass' is assigned the literal Hun\*{4}$/ }] },
      { name: 'JS object', path: 'src/db.js', code: `module.exports = {\n  host: 'db',\n  password: '${PW}'\n}\n`, errors: [{ line: 3, column: 14, message: /^Password 'password' is assigned the literal Hun\*{4}$/ }] },
      { name: 'Python kwarg', path: 'app/db.py', code: `conn = psycopg2.connect(host=h, password="${PW}")\n`, errors: [{ line: 1 }] },
      { name: 'Ruby hash rocket and Java field', path: 'lib/client.rb', code: `Client.new(:api_key => "${KEY}")\n`, errors: [{ line: 1, message: /Secret 'api_key'/ }] },
      { name: 'Java constant', path: 'src/main/java/Api.java', code: `class Api {\n  private static final String CLIENT_SECRET = "${KEY}";\n}\n`, errors: [{ line: 2 }] },
      { name: 'Go var', path: 'main.go', code: `package main\nvar apiKey = "${KEY}"\n`, errors: [{ line: 2 }] },
      { name: 'YAML config', path: 'config/app.yml', code: `smtp:\n  host: mail\n  password: ${PW}\n`, errors: [{ line: 3, column: 13 }] },
      { name: 'JSON config', path: 'config/production.json', code: `{\n  "mail": { "apiKey": "${KEY}" }\n}\n`, errors: [{ line: 2 }] },
      { name: 'INI', path: 'setup/app.ini', code: `[db]\npassword = ${PW}\n`, errors: [{ line: 2 }] },
      { name: 'production compose file, map and list forms', path: 'docker-compose.prod.yml', code: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${PW}\n  app:\n    environment:\n      - API_KEY=${KEY}\n`, errors: [{ line: 4 }, { line: 7, column: 17 }] },
      { name: 'Python dict key', path: 'app/conf.py', code: `CONF = {"auth_token": "${KEY}"}\n`, errors: [{ line: 1 }] },
      { name: 'the production side of a guard, and after it', path: 'config/initializers/admin.rb', code: `if Rails.env.production?\n  ADMIN_PASSWORD = "${PW}"\nend\nif Rails.env.development?\n  x = 1\nelse\n  API_PASSWORD = "${PW}"\nend\nOPS_PASSWORD = "${PW}"\n`, errors: [{ line: 2 }, { line: 7 }, { line: 9 }] },
      { name: 'NODE_ENV === production guard', path: 'src/seed.ts', code: `if (process.env.NODE_ENV === 'production') {\n  const adminPassword = '${PW}'\n}\n`, errors: [{ line: 2 }] },
      { name: 'seeds outside a guard', path: 'db/seeds.rb', code: `if Rails.env.development?\n  User.create!(password: "${PW}")\nend\nUser.find_or_create_by!(email: "ops@shop.io") { |u| u.password = "${PW}" }\n`, errors: [{ line: 4 }] },
      { name: 'names that merely contain a double word are still secrets', path: 'src/a.ts', code: `const hashSalt = 'x'\nconst fakerSecret = '${KEY}'\n`, errors: [{ line: 2 }] },
      { name: 'a password with ^ or $ inside is still a password', path: 'src/a.ts', code: "const password = '^Hunter2-Prod'\nconst dbPassword = 'Pa$$w0rd-Pr0d'\n", errors: [{ line: 1 }, { line: 2 }] },
      { name: 'a real value beside a fake-named object', path: 'app/conf.py', code: `fake_users_db = {"a": {"password": "${PW}"}}\nREAL = {"password": "${PW}"}\n`, errors: [{ line: 2 }] },
      { name: 'production Rails environment file', path: 'config/environments/production.rb', code: `Rails.application.configure do\n  config.action_mailer.smtp_settings = { password: "${PW}" }\nend\n`, errors: [{ line: 2 }] },
      { name: 'a module merely named like tests', path: 'shop/contests.py', code: `API_PASSWORD = "${PW}"\n`, errors: [{ line: 1 }] },
      { name: 'lookalikes of test-runner and local files', path: 'src/jest-reporter.js', code: `process.env.API_KEY = '${KEY}'\n`, errors: [{ line: 1 }] },
      { name: 'GitLab CI without services, or a deploy key beside them', path: '.gitlab-ci.yml', code: `variables:\n  POSTGRES_PASSWORD: "${PW}"\n  DEPLOY_TOKEN: "${KEY}"\ndeploy:\n  script: ./deploy.sh\n`, errors: [{ line: 2 }, { line: 3 }] },
      { name: 'Sequelize config.json production section', path: 'config/config.json', code: `{\n  "development": { "password": "${PW}" },\n  "production": { "password": "${PW}" }\n}\n`, errors: [{ line: 3 }] },
      { name: 'production config module', path: 'src/config.production.js', code: `module.exports = { db: { password: '${PW}' } }\n`, errors: [{ line: 1 }] }
    ]
  })
  it('never echoes the secret', () => {
    const json = JSON.stringify(runRule(rule, 'src/a.ts', `const dbPassword = "${PW}"\nconst apiKey = "${KEY}"\n`))
    expect(json).toContain('process.env.DB_PASSWORD')
    expect(json).not.toContain(PW)
    expect(json).not.toContain(KEY)
  })
})

describe('TF0303 local environment blocks', () => {
  it('a development-only password beside a local host stays quiet, production does not', () => {
    const code = `const config = {\n  development: {\n    mysql: { host: '127.0.0.1', password: 's3cret-Dev9' }\n  },\n  production: {\n    mysql: { password: 'Pr0d-S3cret!' }\n  }\n}\n`
    expect(runRule(rule, 'config/config.js', code).map((f) => f.line)).toEqual([6])
  })
})
