import { describe } from '@jest/globals'
import { missingReadinessProbe } from '../../../src/rules/ix-disposability/missing-readiness-probe.js'
import { ruleTable } from '../../helpers/rule-tester.js'

const deploy = (container: string, kind = 'Deployment'): string =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n${container}`

describe('TF0904 missing-readiness-probe', () => {
  ruleTable(missingReadinessProbe, {
    valid: [
      { name: 'probe present', path: 'k8s/api.yaml', code: deploy('        - name: api\n          image: acme/api:1\n          ports: [{containerPort: 8080}]\n          readinessProbe:\n            httpGet: {path: /ready, port: 8080}\n') },
      { name: 'worker without ports', path: 'k8s/worker.yaml', code: deploy('        - name: worker\n          image: acme/api:1\n          args: [worker]\n') },
      { name: 'Job', path: 'k8s/job.yaml', code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: m}\nspec:\n  template:\n    spec:\n      containers:\n        - name: m\n          image: a:1\n          ports: [{containerPort: 80}]\n' },
      { name: 'helm template', path: 'charts/api/templates/deployment.yaml', code: deploy('        - name: api\n          image: "{{ .Values.image }}"\n          ports: [{containerPort: 8080}]\n          {{- with .Values.readinessProbe }}\n          readinessProbe: {{ toYaml . | nindent 12 }}\n          {{- end }}\n') },
      { name: 'test fixture', path: 'test/fixtures/k8s/api.yaml', code: deploy('        - name: api\n          image: acme/api:1\n          ports: [{containerPort: 8080}]\n') }
    ],
    invalid: [
      { name: 'serving container without probe', path: 'k8s/api.yaml', code: deploy('        - name: api\n          image: acme/api:1\n          ports:\n            - containerPort: 8080\n          livenessProbe:\n            httpGet: {path: /healthz, port: 8080}\n'), errors: [{ line: 9, column: 11, message: /`api` of Deployment `api` serves port 8080/ }] },
      { name: 'StatefulSet', path: 'deploy/db-proxy.yaml', code: deploy('        - name: proxy\n          image: acme/proxy:1\n          ports: [{containerPort: 6432}]\n', 'StatefulSet'), errors: [{ line: 9 }] }
    ]
  })
})
