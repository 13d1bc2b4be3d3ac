import { describe } from '@jest/globals'
import { stickySessions } from '../../../src/rules/vi-processes/sticky-sessions.js'
import { ruleTable } from '../../helpers/rule-tester.js'

const service = (extra: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n${extra}  ports:\n    - port: 80\n`

describe('TF0603 sticky-sessions', () => {
  ruleTable(stickySessions, {
    valid: [
      { name: 'plain Service', path: 'k8s/service.yaml', code: service('') },
      { name: 'sessionAffinity None', path: 'k8s/service.yaml', code: service('  sessionAffinity: None\n') },
      { name: 'ingress without affinity', path: 'k8s/ingress.yaml', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/proxy-body-size: 10m\n' },
      { name: 'ALB attributes without stickiness', path: 'k8s/ingress.yaml', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=false,deregistration_delay.timeout_seconds=30\n' },
      { name: 'nginx least_conn', path: 'deploy/nginx.conf', code: 'upstream app {\n  least_conn;\n  server app1:8000;\n}\n' },
      { name: 'commented ip_hash', path: 'deploy/nginx.conf', code: 'upstream app {\n  # ip_hash;\n  server app1:8000;\n}\n' },
      { name: 'terraform stickiness disabled', path: 'infra/lb.tf', code: 'resource "aws_lb_target_group" "web" {\n  stickiness {\n    type    = "lb_cookie"\n    enabled = false\n  }\n}\n' },
      { name: 'dev overlay', path: 'k8s/overlays/dev/service.yaml', code: service('  sessionAffinity: ClientIP\n') },
      { name: 'docs', path: 'docs/lb.md', code: 'sessionAffinity: ClientIP\n' },
      { name: 'traefik sticky false', path: 'docker-compose.prod.yml', code: 'services:\n  web:\n    image: a/b:1\n    labels:\n      - traefik.http.services.web.loadbalancer.sticky.cookie=false\n' }
    ],
    invalid: [
      { name: 'Service ClientIP', path: 'k8s/service.yaml', code: service('  sessionAffinity: ClientIP\n'), errors: [{ line: 8, column: 3, message: /sessionAffinity: ClientIP/ }] },
      { name: 'nginx ingress cookie affinity', path: 'k8s/ingress.yaml', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/affinity: "cookie"\n    nginx.ingress.kubernetes.io/session-cookie-name: route\n', errors: [{ line: 6, column: 5, message: /nginx\.ingress\.kubernetes\.io\/affinity: cookie/ }] },
      { name: 'ALB stickiness', path: 'k8s/ingress.yaml', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=60\n', errors: [{ line: 6 }] },
      { name: 'GKE BackendConfig', path: 'k8s/backendconfig.yaml', code: 'apiVersion: cloud.google.com/v1\nkind: BackendConfig\nmetadata:\n  name: web\nspec:\n  sessionAffinity:\n    affinityType: "GENERATED_COOKIE"\n', errors: [{ line: 7 }] },
      { name: 'Istio consistentHash cookie', path: 'k8s/dr.yaml', code: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: web\nspec:\n  host: web\n  trafficPolicy:\n    loadBalancer:\n      consistentHash:\n        httpCookie:\n          name: user\n          ttl: 0s\n', errors: [{ line: 11 }] },
      { name: 'traefik compose label', path: 'docker-compose.prod.yml', code: 'services:\n  web:\n    image: a/b:1\n    labels:\n      - traefik.http.services.web.loadbalancer.sticky.cookie=true\n', errors: [{ line: 5 }] },
      { name: 'nginx ip_hash', path: 'deploy/nginx.conf', code: 'upstream app {\n  ip_hash;\n  server app1:8000;\n}\n', errors: [{ line: 2, column: 3, message: /ip_hash/ }] },
      { name: 'haproxy balance source', path: 'haproxy.cfg', code: 'backend app\n    balance source\n    server a1 10.0.0.1:8000\n', errors: [{ line: 2, column: 5 }] },
      { name: 'terraform stickiness', path: 'infra/lb.tf', code: 'resource "aws_lb_target_group" "web" {\n  stickiness {\n    type    = "lb_cookie"\n    enabled = true\n  }\n}\n', errors: [{ line: 2, column: 3 }] }
    ]
  })
})
