import { describe, expect, it } from '@jest/globals'
import { k8sLiteralSecretEnv as rule } from '../../../src/rules/iii-config/k8s-literal-secret-env.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

const PW = 'Hunter' + '2-Prod!'
const deploy = (env: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n          env:\n${env}`
const job = (env: string): string => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n        - name: flyway\n          image: flyway:10\n          env:\n${env}`
describe('TF0308 k8s-literal-secret-env', () => {
  ruleTable(rule, {
    valid: [
      { name: 'secretKeyRef', path: 'k8s/deploy.yaml', code: deploy('            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }\n') },
      { name: 'non-secret literals', path: 'k8s/deploy.yaml', code: deploy('            - name: DB_HOST\n              value: db.internal\n            - name: TOKEN_TTL\n              value: "3600"\n') },
      { name: 'helm template and $(VAR)', path: 'charts/api/templates/deploy.yaml', code: deploy('            - name: API_KEY\n              value: "{{ .Values.apiKey }}"\n            - name: DB_PASSWORD\n              value: $(PASSWORD)\n') },
      { name: 'Secret with placeholders', path: 'k8s/secret.yaml', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: <set-by-ci>\n  token: ""\n' },
      { name: 'plain YAML without apiVersion', path: 'config/app.yml', code: 'env:\n  - name: DB_PASSWORD\n    value: x\n' },
      { name: 'paths to mounted credentials', path: 'k8s/deploy.yaml', code: deploy('            - name: GOOGLE_APPLICATION_CREDENTIALS\n              value: /var/secrets/google/key.json\n            - name: API_TOKEN\n              value: ./secrets/token\n            - name: SERVICE_ACCOUNT_CREDENTIALS\n              value: sa-key.json\n') },
      { name: 'a Deployment and a Job in one file: env names are per document', path: 'k8s/app.yaml', code: deploy('            - name: SPRING_PROFILES_ACTIVE\n              value: prod\n            - name: DATABASE_URL\n              value: jdbc:postgresql://db.prod.svc:5432/ledger\n') + '---\n' + job('            - name: FLYWAY_URL\n              value: jdbc:postgresql://db.prod.svc:5432/ledger\n            - name: FLYWAY_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }\n') }
    ],
    invalid: [
      { name: 'a literal password in the second document of a file', path: 'k8s/app.yaml', code: deploy('            - name: DATABASE_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }\n') + '---\n' + job(`            - name: FLYWAY_URL\n              value: jdbc:postgresql://db.prod.svc:5432/ledger\n            - name: FLYWAY_PASSWORD\n              value: "${PW}"\n`), errors: [{ line: 30, message: /Env var FLYWAY_PASSWORD/ }] },
      { name: 'literal env value', path: 'k8s/deploy.yaml', code: deploy(`            - name: DB_HOST\n              value: db\n            - name: DB_PASSWORD\n              value: "${PW}"\n`), errors: [{ line: 15, column: 23, message: /Env var DB_PASSWORD is given a literal value instead of valueFrom.secretKeyRef/ }] },
      { name: 'Secret stringData', path: 'deploy/secret.yaml', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\ntype: Opaque\nstringData:\n  username: app\n  password: ${PW}\n`, errors: [{ line: 7, message: /Secret db-creds commits its stringData \(username, password\)/ }] },
      { name: 'Secret data (base64 is not encryption)', path: 'k8s/s.yaml', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  token: ${Buffer.from(PW).toString('base64')}\n`, errors: [{ line: 6 }] },
      { name: 'ConfigMap password', path: 'k8s/cm.yaml', code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  LOG_LEVEL: info\n  SMTP_PASSWORD: ${PW}\n`, errors: [{ line: 7 }] },
      { name: 'manifest outside k8s dirs', path: 'ops/api.yaml', code: deploy(`            - name: STRIPE_SECRET\n              value: ${PW}\n`), errors: [{ line: 13 }] },
      { name: 'a credential value with a slash is not a path', path: 'k8s/deploy.yaml', code: deploy('            - name: GOOGLE_APPLICATION_CREDENTIALS\n              value: "Zk3/Qx9+Wm4Rt8Lp2Nv6Bc1"\n'), errors: [{ line: 13 }] },
      { name: 'dev overlays are notices', path: 'k8s/overlays/dev/secret.yaml', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ${PW}\n`, errors: [{ line: 6, severity: 'notice' }] },
      { name: 'prod overlay stays an error', path: 'k8s/overlays/prod/secret.yaml', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ${PW}\n`, errors: [{ line: 6, severity: 'error' }] }
    ]
  })
  it('never echoes the value', () => {
    const json = JSON.stringify(runRule(rule, 'k8s/d.yaml', deploy(`            - name: DB_PASSWORD\n              value: ${PW}\n`)))
    expect(json).toContain('TF0308')
    expect(json).not.toContain(PW)
  })
})

describe('TF0308 tutorial Secrets', () => {
  it('a Secret whose values spell their keys is a template', () => {
    const code = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  username: dXNlcm5hbWU=\n  password: cGFzc3dvcmQ=\n'
    expect(runRule(rule, 'k8s/secret.yaml', code)).toEqual([])
  })
})
