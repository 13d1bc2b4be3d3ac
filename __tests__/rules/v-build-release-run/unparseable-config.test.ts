import { describe } from '@jest/globals'
import { unparseableConfig } from '../../../src/rules/v-build-release-run/unparseable-config.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0599 unparseable-config', () => {
  ruleTable(unparseableConfig, {
    valid: [
      { name: 'valid compose', path: 'docker-compose.yml', code: 'services:\n  web:\n    image: acme/web:1.0\n' },
      { name: 'helm template', path: 'charts/web/templates/deployment.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n  {{- if .Values.x }}\n  foo: [\n  {{- end }}\n' },
      { name: 'valid package.json', path: 'package.json', code: '{"name": "a", "scripts": {"start": "node ."}}' },
      { name: 'other manifests are not JSON', path: 'requirements.txt', code: 'flask==3.0\n' },
      { name: 'broken test fixture', path: 'test/fixtures/docker-compose.yml', code: 'services: [\n' }
    ],
    invalid: [
      { name: 'broken workflow', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  build:\n    steps: [\n      - run: x\n', errors: [{ line: 5, message: /^Workflow does not parse/ }] },
      { name: 'broken k8s manifest', path: 'k8s/web.yaml', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   labels: x\n', errors: [{ line: 4, message: /Kubernetes manifest does not parse/ }] },
      { name: 'invalid package.json', path: 'package.json', code: '{\n  "name": "a",\n}\n', errors: [{ line: 3, message: /package\.json is not valid JSON/ }] }
    ]
  })
})
