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
      { name: 'test role', path: 'test/.env', code: `DB_PASSWORD=${PW}\n` }
    ],
    invalid: [
      { name: 'weak secret containing its name is still a secret', path: 'api/.env', code: 'PORT=3000\nJWT_SECRET=supersecretjwtkey123\n', errors: [{ line: 2, message: /credentials: JWT_SECRET/ }] },
      { name: '.env with credentials', path: '.env', code: `# local\nPORT=3000\nDB_PASSWORD=${PW}\nSTRIPE_KEY=${STRIPE}\n`, errors: [{ line: 3, message: /Committed \.env holds credentials: DB_PASSWORD, STRIPE_KEY/ }] },
      { name: '.env.production without credentials: warning', path: '.env.production', code: 'API_URL=https://api.acme-corp.io\nLOG_LEVEL=info\n', errors: [{ line: 1, severity: 'warning', message: /deploy config values: API_URL, LOG_LEVEL/ }] },
      { name: 'compose stack defaults only: config values, a warning', path: '.env', code: 'COMPOSE_PROJECT_NAME=shop\nPOSTGRES_PASSWORD=postgres\nDATABASE_URL=postgres://postgres:postgres@db:5432/shop\nRABBITMQ_URL=amqp://guest:guest@rabbitmq:5672\n', errors: [{ line: 1, severity: 'warning', message: /deploy config values/ }] },
      { name: 'a random password to a service name is a credential', path: 'api/.env', code: `DATABASE_URL=postgres://app:${PW}@db:5432/shop\n`, errors: [{ line: 1, severity: 'error', message: /credentials: DATABASE_URL/ }] },
      { name: '.env.local with a credential: warning (dev role)', path: '.env.local', code: `export DATABASE_URL=postgres://app:${PW}@db.internal/app\n`, errors: [{ line: 1, severity: 'warning' }] }
    ]
  })
  it('names keys, never values', () => {
    const json = JSON.stringify(runRule(rule, '.env', `DB_PASSWORD=${PW}\nSTRIPE_KEY=${STRIPE}\n`))
    expect(json).toContain('DB_PASSWORD')
    expect(json).not.toContain(PW)
    expect(json).not.toContain(STRIPE)
  })
  it('masks a short credential value on the quoted line, and only a credential', () => {
    const [f] = runRule(rule, '.env', 'DB_PASSWORD=q1w\nPORT=3000\n')
    expect(f.message).toMatch(/deploy config values: DB_PASSWORD, PORT/)
    expect(f.snippet).toBe('DB_PASSWORD=****')
    expect(runRule(rule, '.env', 'PORT=3000\nDB_PASSWORD=q1w\n')[0].snippet).toBe('PORT=3000')
  })
})
