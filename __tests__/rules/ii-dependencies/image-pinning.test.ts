import { describe, expect, it } from '@jest/globals'
import { imageWithoutDigest } from '../../../src/rules/ii-dependencies/image-without-digest.js'
import { imageWithoutTag } from '../../../src/rules/ii-dependencies/image-without-tag.js'
import { ruleTable } from '../../helpers/rule-tester.js'
import { auditTree, brief } from '../../helpers/audit-tree-i-ii-iv.js'

const K8S = (image: string): string =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', `          image: ${image}`].join('\n')

describe('TF0203 image-without-tag', () => {
  ruleTable(imageWithoutTag, {
    valid: [
      { name: 'tagged, stage reference, scratch, ARG', path: 'Dockerfile', code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-slim AS build\nRUN npm ci\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\nFROM ${BASE_IMAGE}\n' },
      { name: 'digest without tag', path: 'Dockerfile', code: 'FROM python@sha256:0123456789abcdef\n' },
      { name: 'commented-out FROM', path: 'Dockerfile', code: '# FROM node:latest\nFROM node:20.11-slim\n' },
      { name: 'compose with tags and a build', path: 'docker-compose.yml', code: 'services:\n  db:\n    image: postgres:16.2\n  web:\n    build: .\n    image: acme/web\n' },
      { name: 'helm template', path: 'charts/web/templates/deploy.yaml', code: K8S('"{{ .Values.image.repository }}"') },
      { name: 'tests are not the app', path: 'test/fixtures/Dockerfile', code: 'FROM node\n' },
      { name: 'code named like a Dockerfile', path: 'src/parsers/dockerfile.ts', code: "const FROM = 'node'\nFROM node\n" },
      { name: "the app's own image deployed as :latest is TF0503's (one finding, Factor V)", path: 'k8s/deploy.yaml', code: K8S('ghcr.io/acme/web:latest') },
      { name: "the app's own image in a production compose file as :latest is TF0503's", path: 'docker-compose.prod.yml', code: 'services:\n  web:\n    image: ghcr.io/acme/web:latest\n' },
      { name: "any image a deploy manifest runs is TF0503's (third-party too)", path: 'k8s/deploy.yaml', code: K8S('redis:latest') },
      { name: "an image of a compose file that deploys (restart policies) is TF0503's", path: 'docker-compose.yml', code: 'services:\n  cache:\n    image: redis\n    restart: always\n' },
      { name: 'a Swarm stack file is a deploy manifest', path: 'docker-stack.yml', code: 'services:\n  web:\n    image: acme/web\n    deploy:\n      replicas: 2\n' },
      { name: 'a versioned variant tag is a version', path: 'Dockerfile', code: 'FROM python:3.12-slim\nFROM node:20-alpine3.19\n' }
    ],
    invalid: [
      { name: 'latest in a Dockerfile, namespaced image', path: 'Dockerfile', code: 'FROM node:20 AS build\nRUN npm ci\nFROM bitnami/nginx:latest\nCOPY --from=build /app/dist /app\n', errors: [{ line: 3, message: /`bitnami\/nginx:latest` is tagged `latest`/ }] },
      { name: 'dev compose: a notice', path: 'docker-compose.yml', code: 'services:\n  cache:\n    image: redis\n', errors: [{ line: 3, severity: 'notice', message: /compose image `redis`/ }] },
      { name: 'dev compose with a live-mounted build and restart policy: still a notice', path: 'docker-compose.yml', code: 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n    restart: unless-stopped\n  cache:\n    image: redis:alpine\n', errors: [{ line: 8, severity: 'notice', message: /`redis:alpine` is tagged `alpine`, a moving tag/ }] },
      { name: 'local-cluster manifest: a notice', path: 'k8s/overlays/dev/deploy.yaml', code: K8S('redis'), errors: [{ line: 9, severity: 'notice' }] },
      // (A bare name such as python:slim is judged once the repository is read: it may be a base image built here.)
      { name: 'variant-only tags float', path: 'Dockerfile', code: 'FROM docker.io/library/python:slim\nFROM docker.io/library/redis:alpine\n', errors: [{ line: 1, message: /python:slim` is tagged `slim`, a moving tag with no version/ }, { line: 2 }] },
      { name: "a Dockerfile FROM of one's own base image as :latest stays TF0203", path: 'Dockerfile', code: 'FROM ghcr.io/acme/base:latest\n', errors: [{ line: 1 }] },
      { name: 'registry with port, no tag', path: 'Dockerfile', code: 'FROM localhost:5000/base\n', errors: [{ line: 1 }] }
    ]
  })
})

describe('TF0204 image-without-digest', () => {
  ruleTable(imageWithoutDigest, {
    valid: [
      { name: 'digest pinned', path: 'Dockerfile', code: 'FROM node:20.11-slim@sha256:abc AS build\nFROM build\n' },
      { name: 'latest is TF0203', path: 'Dockerfile', code: 'FROM node:latest\n' },
      { name: 'compose is local development', path: 'docker-compose.yml', code: 'services:\n  db:\n    image: postgres:16\n' },
      { name: 'dev Dockerfile', path: 'Dockerfile.dev', code: 'FROM node:20\n' },
      { name: 'variant-only tags are floating (TF0203), not pinned by tag', path: 'Dockerfile', code: 'FROM python:slim\nFROM redis:alpine\n' }
    ],
    invalid: [
      { name: 'tag only', path: 'Dockerfile', code: 'FROM node:20-slim\n', errors: [{ line: 1, column: 6, severity: 'notice', message: /`node:20-slim` is pinned by tag only/ }] },
      { name: 'one notice per file', path: 'Dockerfile', code: 'FROM node:20-slim AS build\nFROM node:20-slim\nFROM nginx:1.25@sha256:abc\nFROM redis:7.2\n', errors: [{ line: 1, message: /`node:20-slim` \(and `redis:7\.2` in this file\) are pinned by tag only/ }] },
      { name: 'kubernetes', path: 'deploy/web.yaml', code: K8S('acme/web:1.4.2'), errors: [{ line: 9 }] }
    ]
  })
})

describe('TF0203 and images the repository builds itself', () => {
  const rules = [imageWithoutTag]
  it('a bare FROM with no tag is reported once every file is read', () => {
    const tree = { 'package.json': '{"name":"web"}', Dockerfile: 'FROM node AS build\nRUN npm ci\nFROM nginx:latest\n' }
    const f = auditTree(tree, rules).findings
    expect(brief(tree, rules)).toEqual(['TF0203 Dockerfile:1 warning', 'TF0203 Dockerfile:3 warning'])
    expect(f[0].message).toMatch(/FROM `node` has no tag/)
    expect(f[0].column).toBe(6)
    expect(f[1].message).toMatch(/`nginx:latest` is tagged `latest`/)
  })
  it('a base image built by a sibling script, README or compose service is not a registry pull', () => {
    const services = { 'ml/service/Dockerfile': 'FROM recommendations_base\nCOPY . /app\nCMD ["python", "serve.py"]\n', 'ml/Dockerfile': 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n' }
    expect(brief({ ...services, 'ml/README.md': '# ML\n\nBuild the base first:\n\n    docker build -t recommendations_base .\n' }, rules)).toEqual([])
    expect(brief({ ...services, 'ml/build.sh': '#!/bin/sh\ndocker buildx build --tag recommendations_base:latest ml/\n' }, rules)).toEqual([])
    expect(brief({ ...services, 'docker-compose.yml': 'services:\n  base:\n    build: ml\n    image: recommendations_base\n' }, rules)).toEqual([])
    // Nothing in the repository builds it: a pull of whatever `latest` is.
    expect(brief(services, rules)).toEqual(['TF0203 ml/service/Dockerfile:1 warning'])
  })
})
