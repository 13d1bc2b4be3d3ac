import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { gracePeriodTooShort } from '../../../src/rules/ix-disposability/grace-period-too-short.js'
import { makeTree } from '../../helpers/tree.js'

const run = (files: Record<string, string>): string[] =>
  runAudit({ root: makeTree(files), config: defaultConfig(), rules: [gracePeriodTooShort] }).findings.map((f) => `${f.file}:${f.line} ${f.message}`)
const deploy = (grace: string, args = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n${grace}      containers:\n        - name: web\n          image: acme/web:1\n${args}`

describe('TF0905 grace-period-too-short', () => {
  it('compares with the Spring lifecycle timeout', () => {
    const pom = '<project><artifactId>spring-boot-starter-web</artifactId></project>\n'
    expect(run({ 'pom.xml': pom, 'src/main/resources/application.properties': 'server.shutdown=graceful\nspring.lifecycle.timeout-per-shutdown-phase=45s\n', 'k8s/web.yaml': deploy('') })).toEqual([
      'k8s/web.yaml:2 Deployment `web` gives pods 30s to stop (terminationGracePeriodSeconds default), but spring.lifecycle.timeout-per-shutdown-phase is 45s (src/main/resources/application.properties:2): SIGKILL arrives before the app finishes draining'
    ])
    expect(run({ 'pom.xml': pom, 'src/main/resources/application.properties': 'spring.lifecycle.timeout-per-shutdown-phase=45s\n', 'k8s/web.yaml': deploy('      terminationGracePeriodSeconds: 60\n') })).toEqual([])
  })
  it('reads gunicorn --graceful-timeout from the container args', () => {
    expect(run({ 'requirements.txt': 'gunicorn\n', 'k8s/web.yaml': deploy('      terminationGracePeriodSeconds: 20\n', '          args: ["gunicorn", "--graceful-timeout", "60", "app:app"]\n') })).toEqual([
      expect.stringMatching(/^k8s\/web\.yaml:7 Deployment `web` gives pods 20s to stop .*gunicorn --graceful-timeout is 60s/) as unknown as string
    ])
  })
  it('ignores dev-only timeouts and timeouts of servers the container does not run', () => {
    const pom = '<project><artifactId>spring-boot-starter-web</artifactId></project>\n'
    expect(run({ 'pom.xml': pom, 'src/main/resources/application-local.yml': 'spring:\n  lifecycle:\n    timeout-per-shutdown-phase: 90s\n', 'k8s/web.yaml': deploy('') })).toEqual([])
    expect(run({ 'pom.xml': pom, 'src/main/resources/application.yml': 'server:\n  shutdown: graceful\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n  lifecycle:\n    timeout-per-shutdown-phase: 90s\n', 'k8s/web.yaml': deploy('') })).toEqual([])
    const worker = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker}\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          image: acme/web:1\n          command: ["celery", "-A", "proj", "worker"]\n'
    expect(run({ 'requirements.txt': 'gunicorn\n', 'gunicorn.conf.py': 'graceful_timeout = 60\n', 'k8s/worker.yaml': worker })).toEqual([])
    // the web Deployment that runs gunicorn still compares
    expect(run({ 'requirements.txt': 'gunicorn\n', 'gunicorn.conf.py': 'graceful_timeout = 60\n', 'k8s/web.yaml': deploy('', '          command: ["gunicorn", "-c", "gunicorn.conf.py", "app:app"]\n') })).toHaveLength(1)
    expect(run({ 'requirements.txt': 'gunicorn\n', 'gunicorn.conf.py': 'graceful_timeout = 60\n', 'k8s/web.yaml': deploy('') })).toHaveLength(1)
  })
  it('is silent without a known app timeout', () => {
    expect(run({ 'requirements.txt': 'gunicorn\n', 'k8s/web.yaml': deploy('      terminationGracePeriodSeconds: 10\n') })).toEqual([])
  })
})
