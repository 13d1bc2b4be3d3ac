import { describe, expect, it } from '@jest/globals'
import { checkFile } from '../../../src/engine/check-file.js'
import { Facts } from '../../../src/engine/rule.js'
import { hardcodedCredential } from '../../../src/rules/iii-config/hardcoded-credential.js'
import { workflowLiteralSecret as rule } from '../../../src/rules/iii-config/workflow-literal-secret.js'
import { makeFile, ruleTable, runRule } from '../../helpers/rule-tester.js'
import { DeployModel } from '../../../src/model/deploy-model.js'

const KEY = 'e1f7Kq9' + 'Zt3Wm8Rv' + '2Lp6Yx4N'
const wf = (body: string): string => `name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n${body}`
describe('TF0309 workflow-literal-secret', () => {
  ruleTable(rule, {
    valid: [
      { name: 'secrets context', path: '.github/workflows/ci.yml', code: wf('    env:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n') },
      { name: 'service container password', path: '.github/workflows/ci.yml', code: wf('    services:\n      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: Pg-Test-2024\n') },
      { name: 'trivial test db password', path: '.github/workflows/ci.yml', code: wf('    env:\n      DATABASE_PASSWORD: postgres\n      DATABASE_URL: postgres://postgres:postgres@localhost/test\n') },
      { name: 'github token expression', path: '.github/workflows/rel.yml', code: wf('    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ github.token }}\n') },
      { name: 'the client side of a service container password', path: '.github/workflows/ci.yml', code: wf(`    services:\n      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: ${KEY}\n    env:\n      DB_PASSWORD: ${KEY}\n    steps:\n      - run: npm test\n        env:\n          PGPASSWORD: ${KEY}\n`) },
      { name: 'Stripe test-mode keys', path: '.github/workflows/ci.yml', code: wf('    env:\n      STRIPE_SECRET_KEY: sk_test_4eC39HqLyjWDarjtT1zdp7dc\n      STRIPE_RESTRICTED_KEY_SECRET: rk_test_51H7qWeRtYuIoPaSdFgHjKl9\n') },
      { name: 'the app\'s signing secret in a test job (services, or a test command), at job, step or workflow level', path: '.github/workflows/ci.yml', code: `name: ci\non: push\nenv:\n  SECRET_KEY: django-insecure-ci-${KEY}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      SECRET_KEY_BASE: ${KEY}${KEY}\n    steps:\n      - run: bundle exec rspec\n        env:\n          JWT_SECRET: ${KEY}\n  unit:\n    runs-on: ubuntu-latest\n    services:\n      redis:\n        image: redis\n    env:\n      NEXTAUTH_SECRET: ${KEY}\n    steps:\n      - run: make build\n` },
      { name: 'test-run accounts', path: '.github/workflows/e2e.yml', code: wf(`    env:\n      E2E_USER_PASSWORD: ${KEY}\n      TEST_USER_PASSWORD: ${KEY}\n      CI_ADMIN_TOKEN: ${KEY}\n      CYPRESS_PASSWORD: ${KEY}\n    steps:\n      - uses: cypress-io/github-action@v6\n        with:\n          testPassword: ${KEY}\n`) }
    ],
    invalid: [
      { name: 'literal token in step with', path: '.github/workflows/deploy.yml', code: wf(`    steps:\n      - uses: some/deploy@v1\n        with:\n          api-key: ${KEY}\n`), errors: [{ line: 9, column: 20, message: /with: api-key is the literal/ }] },
      { name: 'literal password in job env', path: '.github/workflows/deploy.yml', code: wf(`    env:\n      REGISTRY_PASSWORD: "${KEY}"\n`), errors: [{ line: 7 }] },
      { name: 'a password other than the service container\'s; a live key; a name merely containing test', path: '.github/workflows/ci.yml', code: wf(`    services:\n      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: Pg-Ci-Pass-93\n    env:\n      DB_PASSWORD: ${KEY}\n      STRIPE_SECRET_KEY: sk_prod_${KEY}\n      LATEST_DEPLOY_TOKEN: ${KEY}\n`), errors: [{ line: 12 }, { line: 13 }, { line: 14 }] },
      { name: 'a signing secret in a deploy job, a provider key in a test job', path: '.github/workflows/ci.yml', code: `name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      STRIPE_SECRET_KEY_LIVE_TOKEN: ${KEY}\n    steps:\n      - run: npm test\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      SECRET_KEY_BASE: ${KEY}\n    steps:\n      - run: ./deploy.sh\n`, errors: [{ line: 7 }, { line: 13 }] },
      { name: 'a workflow-level signing secret when one job is not a test job', path: '.github/workflows/ci.yml', code: `name: ci\non: push\nenv:\n  JWT_SECRET: ${KEY}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n`, errors: [{ line: 4 }] },
      { name: 'remediation keeps the env name as written', path: '.github/workflows/deploy.yml', code: wf(`    env:\n      PROD_E2E_PASSWORD: ${KEY}\n`), errors: [{ line: 7, message: /PROD_E2E_PASSWORD/ }] }
    ]
  })
  it('points at secrets and never echoes', () => {
    const [f] = runRule(rule, '.github/workflows/a.yml', wf(`    env:\n      DEPLOY_TOKEN: ${KEY}\n`))
    expect(f.remediation).toContain('${{ secrets.DEPLOY_TOKEN }}')
    const [g] = runRule(rule, '.github/workflows/a.yml', wf(`    env:\n      PROD_E2E_PASSWORD: ${KEY}\n`))
    expect(g.remediation).toContain('${{ secrets.PROD_E2E_PASSWORD }}')
    expect(JSON.stringify(f)).not.toContain(KEY)
  })

  it('a provider credential TF0301 reports on the same line is one finding, a generic literal stays TF0309', () => {
    const aws = 'Qm7rXUtnF3MI/K7MDpNG/' + 'bPxRfiCYz9Lk2Hs8Wq4'
    const code = wf(`    env:\n      AWS_SECRET_ACCESS_KEY: ${aws}\n      DEPLOY_PASSWORD: ${KEY}\n`)
    const out = checkFile([hardcodedCredential, rule], makeFile('.github/workflows/deploy.yml', code), { facts: new Facts(), apps: [], deploy: DeployModel.empty() })
    expect(out.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['TF0301:7', 'TF0309:8'])
  })
})
