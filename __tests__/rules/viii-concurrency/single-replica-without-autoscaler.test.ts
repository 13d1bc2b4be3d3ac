import { describe, expect, it } from '@jest/globals'
import { singleReplicaWithoutAutoscaler } from '../../../src/rules/viii-concurrency/single-replica-without-autoscaler.js'
import { auditTreeV8, briefV8 } from '../../helpers/audit-tree-v-viii.js'

const deploy = (name: string, replicas: string, extra = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${replicas}${extra}  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: acme/${name}:1.0.0\n`
const hpa = (target: string): string => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${target}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ${target}\n  minReplicas: 2\n  maxReplicas: 10\n`
const run = (files: Record<string, string>): string[] => auditTreeV8(files, [singleReplicaWithoutAutoscaler]).map(briefV8)

describe('TF0803 single-replica-without-autoscaler', () => {
  it('reports replicas: 1 with no HPA', () => {
    const f = auditTreeV8({ 'k8s/web.yaml': deploy('web', '  replicas: 1\n') }, [singleReplicaWithoutAutoscaler])
    expect(f.map(briefV8)).toEqual(['TF0803 k8s/web.yaml:6 notice'])
    expect(f[0].column).toBe(3)
    expect(f[0].message).toBe('Deployment "web" has replicas: 1 and no HorizontalPodAutoscaler targets it')
  })
  it('silent when an HPA in another file targets it', () => {
    expect(run({ 'k8s/web.yaml': deploy('web', '  replicas: 1\n'), 'k8s/hpa.yaml': hpa('web') })).toEqual([])
  })
  it('silent when replicas is omitted (HPA-managed style) or > 1', () => {
    expect(run({ 'k8s/web.yaml': deploy('web', ''), 'k8s/api.yaml': deploy('api', '  replicas: 3\n') })).toEqual([])
  })
  it('silent for a Recreate singleton, dev overlays, and a production overlay that scales it', () => {
    expect(run({ 'k8s/web.yaml': deploy('web', '  replicas: 1\n', '  strategy:\n    type: Recreate\n') })).toEqual([])
    expect(run({ 'k8s/overlays/dev/web.yaml': deploy('web', '  replicas: 1\n') })).toEqual([])
    expect(run({ 'k8s/base/web.yaml': deploy('web', '  replicas: 1\n'), 'k8s/overlays/production/web.yaml': deploy('web', '  replicas: 4\n') })).toEqual([])
    expect(run({ 'k8s/base/web.yaml': deploy('web', '  replicas: 1\n'), 'k8s/overlays/production/kustomization.yaml': 'resources: [../../base]\nreplicas:\n  - name: web\n    count: 3\n' })).toEqual([])
  })
  it('schedulers that must run once (celery beat, clock, cron) are singletons by design', () => {
    expect(run({ 'k8s/beat.yaml': deploy('celery-beat', '  replicas: 1\n') })).toEqual([])
    expect(run({ 'k8s/sched.yaml': deploy('scheduler', '  replicas: 1\n') })).toEqual([])
    expect(run({ 'k8s/tasks.yaml': deploy('tasks', '  replicas: 1\n').replace('image: acme/tasks:1.0.0', 'image: acme/tasks:1.0.0\n          command: ["celery", "-A", "proj", "beat"]') })).toEqual([])
    // a celery worker is not a scheduler
    expect(run({ 'k8s/worker.yaml': deploy('worker', '  replicas: 1\n').replace('image: acme/worker:1.0.0', 'image: acme/worker:1.0.0\n          command: ["celery", "-A", "proj", "worker"]') })).toEqual(['TF0803 k8s/worker.yaml:6 notice'])
    expect(run({ 'k8s/beats.yaml': deploy('heartbeats-api', '  replicas: 1\n') })).toEqual(['TF0803 k8s/beats.yaml:6 notice'])
  })
  it('StatefulSets and other workloads are not judged', () => {
    expect(run({ 'k8s/db.yaml': deploy('db', '  replicas: 1\n').replace('kind: Deployment', 'kind: StatefulSet') })).toEqual([])
  })
  it('third-party software and leader-elected controllers are not judged', () => {
    expect(run({ 'k8s/grafana.yaml': deploy('grafana', '  replicas: 1\n').replace('acme/grafana:1.0.0', 'grafana/grafana:10.4.2') })).toEqual([])
    expect(run({ 'k8s/cm.yaml': deploy('cm', '  replicas: 1\n').replace('acme/cm:1.0.0', 'quay.io/jetstack/cert-manager-controller:v1.14.5') })).toEqual([])
    expect(run({ 'k8s/op.yaml': deploy('op', '  replicas: 1\n').replace('image: acme/op:1.0.0', 'image: ghcr.io/acme/op:1.0.0\n          args: ["--leader-elect"]') })).toEqual([])
    expect(run({ 'k8s/db.yaml': deploy('db', '  replicas: 1\n').replace('acme/db:1.0.0', 'postgres:16') })).toEqual([])
  })
  it('is suppressible on the replicas line', () => {
    expect(run({ 'k8s/web.yaml': deploy('web', '  # twelve-factor-ignore TF0803 -- leader-elected singleton by design\n  replicas: 1\n') })).toEqual([])
  })
  it('KEDA ScaledObject counts as an autoscaler', () => {
    expect(run({ 'k8s/worker.yaml': deploy('worker', '  replicas: 1\n'), 'k8s/keda.yaml': 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: worker\nspec:\n  scaleTargetRef:\n    name: worker\n' })).toEqual([])
  })
})
