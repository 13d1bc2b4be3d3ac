import { describe, expect, it } from '@jest/globals'
import { committedDotenv as rule } from '../../../src/rules/iii-config/committed-dotenv.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

const PW = 'Hunter' + '2-Prod!'
const STRIPE = 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dc'
describe('TF0304 committed-dotenv', () => {
  ruleTable(rule, {
    valid: [
      { name: '.env.example', path: '.env.example', code: `DB_PASSWORD=${PW}\n` },
      { name: '.env.sample and .env.template', path: 'api/.env.sample', code: 'API_KEY=abc\n' },
      { name: 'only empty values and placeholders', path: '.env', code: '# fill in\nDB_PASSWORD=\nAPI_KEY=<your-key>\nSECRET=changeme\nTOKEN=${TOKEN}\n' },
      { name: 'development .env without credentials', path: '.env.development', code: 'VITE_API_URL=http://localhost:3000\nPORT=3000\n' },
      { name: 'client-bundle variables only (Vite convention)', path: '.env', code: 'VITE_API_URL=https://api.acme-shop.io\nVITE_APP_TITLE=Acme\n' },
      { name: 'test role', path: 'test/.env', code: `DB_PASSWORD=${PW}\n` },
      { name: '.env.production without credentials', path: '.env.production', code: 'API_URL=https://api.acme-corp.io\nLOG_LEVEL=info\n' },
      { name: 'a reference deploy env file with a stack default login', path: 'docker/db.env', code: 'COMPOSE_PROJECT_NAME=shop\nPOSTGRES_PASSWORD=postgres\nDATABASE_URL=postgres://postgres:postgres@db:5432/shop\nRABBITMQ_URL=amqp://guest:guest@rabbitmq:5672\n' },
      { name: 'a reference deploy env file: hosts, versions, references, placeholders', path: 'docker/api.env', code: 'DB_HOST=postgres\nKAFKA_SERVERS=kafka:9092\nAPP_VERSION=v1.22.0\nDB_PASSWORD=${DB_PASSWORD}\nCLUSTER_API_KEY=change_me\nCLUSTER_API_SECRET=<your-secret>\nUSE_CREDENTIALS=true\nTOKEN_TTL=3600\nJWT_SECRET_FILE=/run/secrets/jwt\nDEFAULT_SECRET_NAME=app/tls-secret\n' }
    ],
    invalid: [
      { name: 'weak secret containing its name is still a secret', path: 'api/.env', code: 'PORT=3000\nJWT_SECRET=supersecretjwtkey123\n', errors: [{ line: 2, message: /a credential: JWT_SECRET$/ }] },
      { name: '.env with credentials: each credential line', path: '.env', code: `# local\nPORT=3000\nDB_PASSWORD=${PW}\nDB_HOST=db\nSTRIPE_KEY=${STRIPE}\n`, errors: [{ line: 3, severity: 'error', message: /a credential: DB_PASSWORD \(2 in this file\)/ }, { line: 5, message: /STRIPE_KEY/ }] },
      { name: 'a deploy env file with one signing key among hosts', path: 'deploy/variables.env', code: 'APP_DOMAIN=localhost\nPGHOST=plane-db\nSECRET_KEY=60gp0byfz2dvffa45cxl20p1scy9xbpf\nAPP_RELEASE=stable\n', errors: [{ line: 3 }] },
      { name: "the app's own .env: stock logins are still its login (warnings)", path: '.env', code: 'COMPOSE_PROJECT_NAME=shop\nPOSTGRES_PASSWORD=postgres\nDATABASE_URL="mysql://root:admin@localhost:3306/shop"\n', errors: [{ line: 2, severity: 'warning' }, { line: 3, severity: 'warning' }] },
      { name: 'a random password to a service name is a credential', path: 'api/.env', code: `DATABASE_URL=postgres://app:${PW}@db:5432/shop\n`, errors: [{ line: 1, severity: 'error', message: /credential: DATABASE_URL/ }] },
      { name: '.env.local with a credential: warning (dev role)', path: '.env.local', code: `export DATABASE_URL=postgres://app:${PW}@db.internal/app\n`, errors: [{ line: 1, severity: 'warning' }] }
    ]
  })
  it('names keys, never values', () => {
    const json = JSON.stringify(runRule(rule, '.env', `DB_PASSWORD=${PW}\nSTRIPE_KEY=${STRIPE}\n`))
    expect(json).toContain('DB_PASSWORD')
    expect(json).not.toContain(PW)
    expect(json).not.toContain(STRIPE)
  })
  it('masks the credential on the quoted line', () => {
    const [f] = runRule(rule, '.env', `PORT=3000\nDB_PASSWORD=${PW}\n`)
    expect(f.line).toBe(2)
    expect(f.snippet).not.toContain(PW)
  })
})
