// TF0503 on deploy manifests: judged once the whole repository was read (skaffold/Tilt builds,
// kustomizations and committed .env files elsewhere decide what an image reference deploys).
import { DeployModel } from '../../../src/model/deploy-model.js'
import { describe, expect, it } from '@jest/globals'
import { checkFile } from '../../../src/engine/check-file.js'
import { Facts, type RepoContext } from '../../../src/engine/rule.js'
import { selects } from '../../../src/engine/select.js'
import type { Report } from '../../../src/engine/types.js'
import { mutableReleaseTag } from '../../../src/rules/v-build-release-run/mutable-release-tag.js'
import { makeFile } from '../../helpers/rule-tester.js'

const K8S = (image: string, name = 'web'): string =>
  ['apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}}`, 'spec:', '  template:', '    spec:', '      containers:', `        - name: ${name}`, `          image: ${image}`].join('\n') + '\n'

/** Every file through `check` (facts), then `checkRepo`: manifest findings, as file:line message. */
function audit(files: Record<string, string>): { file: string; line: number; message: string; remediation?: string }[] {
  const facts = new Facts()
  const out: { file: string; line: number; message: string; remediation?: string }[] = []
  for (const [path, text] of Object.entries(files)) {
    const file = makeFile(path, text)
    if (!selects(mutableReleaseTag.files, file)) continue
    for (const f of checkFile([mutableReleaseTag], file, { facts, apps: [], deploy: DeployModel.empty() }).findings) out.push({ file: f.file, line: f.line, message: f.message })
  }
  const repo = { facts } as unknown as RepoContext
  mutableReleaseTag.checkRepo!(repo, (r: Report & { file: string }) => out.push({ file: r.file, line: r.line, message: r.message, ...(r.remediation ? { remediation: r.remediation } : {}) }))
  return out
}

const at = (files: Record<string, string>): string[] => audit(files).map((f) => `${f.file}:${f.line}`)

describe('TF0503 deploy manifests', () => {
  describe('reports', () => {
    it('an untagged image in a Kubernetes Deployment, the same as :latest', () => {
      const found = audit({ 'k8s/web.yaml': K8S('acme/web'), 'k8s/worker.yaml': K8S('acme/worker:latest', 'worker') })
      expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(['k8s/web.yaml:9', 'k8s/worker.yaml:9'])
      expect(found[0].message).toMatch(/Kubernetes manifest: Deployment "web" container "web" runs `acme\/web`, which has no tag/)
      expect(found[1].message).toMatch(/is tagged `latest`/)
      expect(found[0].remediation).toMatch(/acme\/web:<version or commit SHA>/)
    })
    it('third-party and variant-only images in a deploy manifest', () => {
      expect(at({ 'deploy/cache.yaml': K8S('redis:alpine', 'cache') })).toEqual(['deploy/cache.yaml:9'])
    })
    it('a Swarm stack file', () => {
      expect(at({ 'docker-stack.yml': 'version: "3"\nservices:\n  vote:\n    image: acme/vote\n    deploy:\n      replicas: 2\n  db:\n    image: postgres:16.2\n' })).toEqual(['docker-stack.yml:4'])
    })
    it('a compose file that deploys: restart policies or deploy blocks, no live-mounted source', () => {
      const compose = 'services:\n  web:\n    image: ghcr.io/acme/web:latest\n    restart: always\n  worker:\n    image: ghcr.io/acme/web\n    restart: unless-stopped\n  db:\n    image: postgres:16.2\n    restart: always\n'
      expect(at({ 'docker-compose.yml': compose })).toEqual(['docker-compose.yml:3', 'docker-compose.yml:6'])
    })
    it('a production-named compose file, restart policy or not', () => {
      expect(at({ 'docker-compose.prod.yml': 'services:\n  cache:\n    image: redis:latest\n' })).toEqual(['docker-compose.prod.yml:3'])
    })
    it('a version-1 compose file (no services: key) that deploys', () => {
      expect(at({ 'docker-compose.yml': 'web:\n  image: acme/web\n  restart: always\ndb:\n  image: "postgres"\n  restart: always\n' })).toEqual(['docker-compose.yml:2', 'docker-compose.yml:5'])
    })
    it('the committed .env that sets the tag to latest, once, on the .env line', () => {
      const found = audit({
        'docker/.env': 'DOCKER_REPO=acme\nAPP_VERSION=latest\n',
        'docker/docker-compose.yml': 'services:\n  web:\n    image: "${DOCKER_REPO}/web:${APP_VERSION}"\n    restart: always\n  worker:\n    image: "${DOCKER_REPO}/worker:${APP_VERSION}"\n    restart: always\n'
      })
      expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(['docker/.env:2'])
      expect(found[0].message).toMatch(/`APP_VERSION=latest` is the image tag the deploy compose file uses \(docker\/docker-compose\.yml:3 and 1 more\)/)
    })
    it('a compose default of latest (`${IMAGE:-grafana:latest}`)', () => {
      expect(at({ 'docker-compose.yml': 'services:\n  grafana:\n    image: grafana/${GRAFANA_IMAGE:-grafana:latest}\n    restart: always\n' })).toEqual(['docker-compose.yml:3'])
    })
    it('an Elastic Beanstalk Dockerrun.aws.json', () => {
      expect(at({ 'deployment/eb/Dockerrun.aws.json': '{\n  "AWSEBDockerrunVersion": "1",\n  "Image": {\n    "Name": "acme/web:latest",\n    "Update": "true"\n  }\n}\n' })).toEqual(['deployment/eb/Dockerrun.aws.json:4'])
    })
    it('a kustomize base whose kustomization does not set the image', () => {
      expect(at({ 'manifests/base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- web.yaml\n', 'manifests/base/web.yaml': K8S('acme/agent:latest') })).toEqual(['manifests/base/web.yaml:9'])
    })
  })

  describe('stays quiet on lookalikes', () => {
    it('pinned versions, digests, templated and deploy-time tags', () => {
      expect(at({
        'k8s/a.yaml': K8S('acme/web:1.4.2'),
        'k8s/b.yaml': K8S('acme/web:latest@sha256:0123456789abcdef'),
        'k8s/c.yaml': K8S('acme/web:${IMAGE_TAG}'),
        'charts/web/templates/d.yaml': K8S('"{{ .Values.image }}:latest"'),
        'docker-compose.yml': 'services:\n  web:\n    image: acme/web:${APP_RELEASE:-stable}\n    restart: always\n  api:\n    image: acme/api:${API_TAG}\n    restart: always\n'
      })).toEqual([])
    })
    it('a development compose file: no restart policy, or a live-mounted build, or named for dev', () => {
      expect(at({
        'docker-compose.yml': 'services:\n  cache:\n    image: redis\n',
        'compose.yaml': 'services:\n  web:\n    build: ./web\n    volumes:\n      - ./web:/app\n    restart: always\n  cache:\n    image: redis:alpine\n    restart: always\n',
        'docker-compose.dev.yml': 'services:\n  mail:\n    image: mailhog/mailhog\n    restart: always\n',
        'docker-compose-local.yml': 'services:\n  minio:\n    image: minio/minio\n    restart: always\n',
        '.devcontainer/docker-compose.yml': 'services:\n  mail:\n    image: axllent/mailpit\n    restart: unless-stopped\n'
      })).toEqual([])
    })
    it('images skaffold or Tilt build and substitute', () => {
      expect(at({
        'skaffold.yaml': 'apiVersion: skaffold/v3\nkind: Config\nbuild:\n  artifacts:\n  - image: frontend\n    context: src/frontend\nmanifests:\n  rawYaml:\n  - kubernetes-manifests/*.yaml\n',
        'kubernetes-manifests/frontend.yaml': K8S('frontend'),
        'Tiltfile': "docker_build(\n    'web-ui',\n    context='.',\n)\nk8s_yaml(kustomize('manifests/tilt'))\n",
        'manifests/tilt/ui.yaml': K8S('web-ui')
      })).toEqual([])
    })
    it('a skaffold artifact name does not excuse a published image of the same repository path', () => {
      expect(at({ 'Tiltfile': "docker_build('quay.io/acme/web:latest', '.')\n", 'manifests/install.yaml': K8S('quay.io/acme/web:latest') })).toEqual(['manifests/install.yaml:9'])
    })
    it('a kustomize base whose image the kustomization images: sets (the newTag is reported there)', () => {
      const found = at({
        'manifests/base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n- name: quay.io/acme/web\n  newTag: latest\nresources:\n- ./server\n',
        'manifests/base/server/deployment.yaml': K8S('quay.io/acme/web:latest')
      })
      expect(found).toEqual(['manifests/base/kustomization.yaml:5'])
    })
    it('an overlay kustomization that sets the image of the base it lists', () => {
      expect(at({
        'deploy/prod/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../base\nimages:\n- name: acme/web\n  newTag: 1.4.2\n',
        'deploy/base/web.yaml': K8S('acme/web')
      })).toEqual([])
    })
    it('test data, dev overlays and docs', () => {
      expect(at({
        'util/kube/testdata/job.yaml': K8S('perl'),
        'k8s/overlays/dev/web.yaml': K8S('acme/web:latest'),
        'docs/deploy/web.yaml': K8S('acme/web:latest')
      })).toEqual([])
    })
    it('a .env that sets the tag of a dev compose file, or a version', () => {
      expect(at({
        '.env': 'APP_VERSION=latest\n',
        'docker-compose.yml': 'services:\n  web:\n    image: acme/web:${APP_VERSION}\n',
        'prod/.env': 'APP_VERSION=1.4.2\n',
        'prod/docker-compose.yml': 'services:\n  web:\n    image: acme/web:${APP_VERSION}\n    restart: always\n'
      })).toEqual([])
    })
  })
})
