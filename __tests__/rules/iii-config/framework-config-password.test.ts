import { describe, expect, it } from '@jest/globals'
import { frameworkConfigPassword as rule } from '../../../src/rules/iii-config/framework-config-password.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

const PW = 'Hunter' + '2-Prod!'
describe('TF0310 framework-config-password', () => {
  ruleTable(rule, {
    valid: [
      { name: 'Ktor $VAR: substitutions with an empty default', path: 'backend/src/main/resources/application.yaml', code: 'database:\n    host: "$DB_HOST:"\n    user: "$DB_USERNAME:"\n    password: "$DB_PASSWORD:"\n' },
      { name: 'Ktor $VAR:default with a flag or a key-store password default', path: 'backend/src/main/resources/application.yaml', code: 'security:\n    useCredentials: "$USE_CREDENTIALS:false"\n    keyStorePassword: "$KEYSTORE_PASSWORD:changeit"\n' },
      { name: 'Spring env references', path: 'src/main/resources/application.properties', code: 'server.port=8080\nspring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=${DB_PASSWORD}\napp.api-key=${API_KEY:}\n' },
      { name: 'Spring yml env reference', path: 'src/main/resources/application.yml', code: 'spring:\n  datasource:\n    password: ${DB_PASSWORD}\n' },
      { name: 'Spring dev profile file', path: 'src/main/resources/application-dev.yml', code: `spring:\n  datasource:\n    password: ${PW}\n` },
      { name: 'Spring dev profile document', path: 'src/main/resources/application.yml', code: `server:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n  datasource:\n    password: ${PW}\n` },
      { name: 'Spring test resources', path: 'src/test/resources/application.properties', code: `spring.datasource.password=${PW}\n` },
      { name: 'Rails ERB', path: 'config/database.yml', code: 'production:\n  adapter: postgresql\n  password: <%= ENV["DB_PASSWORD"] %>\n' },
      { name: 'Rails development and test sections', path: 'config/database.yml', code: 'development:\n  password: app\ntest:\n  password: app\n' },
      { name: 'non-secret keys', path: 'src/main/resources/application.properties', code: 'app.password-policy.min-length=12\napp.token.expiry=3600\n' },
      { name: 'a compose profile\'s stack defaults (user equal to password, image default)', path: 'src/main/resources/application-docker.yml', code: 'spring:\n  datasource:\n    url: jdbc:postgresql://postgres:5432/shop\n    username: shop\n    password: shop\n  rabbitmq:\n    host: rabbitmq\n    username: guest\n    password: guest\n' },
      { name: 'Rails database.yml pointing at a compose service with the image default', path: 'config/database.yml', code: 'production:\n  adapter: postgresql\n  host: db\n  username: postgres\n  password: postgres\n' }
    ],
    invalid: [
      { name: 'Ktor $VAR:default: a signing secret with a guessable fallback is a warning', path: 'backend/src/main/resources/application.yaml', code: 'service:\n    environment: production\n    secret: "$ADMIN_SECRET:test"\n', errors: [{ line: 3, severity: 'warning', message: /service\.secret falls back to the literal .* when ADMIN_SECRET is unset/ }] },
      { name: 'stock values in production config are credentials there', path: 'src/main/resources/application-prod.properties', code: 'spring.datasource.password=changeme\nspring.mail.password=\napp.admin.password=<set-me>\n', errors: [{ line: 1 }] },
      { name: 'stock values in the production section of database.yml', path: 'config/database.yml', code: 'development:\n  password: changeme\nproduction:\n  password: changeme\n', errors: [{ line: 4 }] },
      { name: 'a production profile gets no local-stack excuse', path: 'src/main/resources/application-prod.yml', code: 'spring:\n  rabbitmq:\n    host: rabbit\n    username: shop\n    password: shop\n', errors: [{ line: 5, severity: 'error' }] },
      { name: 'Spring properties', path: 'src/main/resources/application.properties', code: `spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=${PW}\n`, errors: [{ line: 2, column: 28, message: /spring\.datasource\.password is the literal Hun\*{4}/ }] },
      { name: 'Spring yml api-key and local-db warning', path: 'src/main/resources/application.yml', code: `spring:\n  datasource:\n    url: jdbc:postgresql://localhost:5432/app\n    password: secret1x\nstripe:\n  api-key: ${PW}\n`, errors: [{ line: 4, severity: 'warning', message: /local database default/ }, { line: 6 }] },
      { name: 'Spring prod profile', path: 'src/main/resources/application-prod.yml', code: `app:\n  jwt:\n    secret: ${PW}\n`, errors: [{ line: 3 }] },
      { name: 'Rails database.yml production', path: 'config/database.yml', code: `default: &default\n  adapter: postgresql\nproduction:\n  <<: *default\n  password: ${PW}\n`, errors: [{ line: 5, message: /production\.password/ }] },
      { name: 'Rails secrets.yml', path: 'config/secrets.yml', code: `production:\n  secret_key_base: ${PW}\n`, errors: [{ line: 2 }] },
      { name: 'the default login to a real host, a random password to a service name', path: 'src/main/resources/application-docker.yml', code: `spring:\n  datasource:\n    url: jdbc:postgresql://db.prod.acme.io:5432/shop\n    username: shop\n    password: shop\n  rabbitmq:\n    host: rabbitmq\n    username: app\n    password: ${PW}\n`, errors: [{ line: 5 }, { line: 9 }] }
    ]
  })
  it('suggests the Spring env var and never echoes', () => {
    const [f] = runRule(rule, 'src/main/resources/application.properties', `spring.datasource.password=${PW}\n`)
    expect(f.remediation).toContain('${SPRING_DATASOURCE_PASSWORD}')
    expect(JSON.stringify(f)).not.toContain(PW)
  })
  it('masks a credential shorter than 4 characters in the snippet', () => {
    const [f] = runRule(rule, 'src/main/resources/application-prod.properties', 'spring.datasource.password=q1w\n')
    expect(f.snippet).toBe('spring.datasource.password=****')
    expect(JSON.stringify(f)).not.toContain('q1w')
  })
})
