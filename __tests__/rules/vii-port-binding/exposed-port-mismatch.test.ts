import { describe, expect, it } from '@jest/globals'
import { exposedPortMismatch } from '../../../src/rules/vii-port-binding/exposed-port-mismatch.js'
import { auditTreeV8, briefV8 } from '../../helpers/audit-tree-v-viii.js'

const run = (files: Record<string, string>): string[] => auditTreeV8(files, [exposedPortMismatch]).map(briefV8)
const express = { 'package.json': '{"dependencies":{"express":"4"}}', 'server.js': 'app.listen(process.env.PORT || 3000)\n' }

describe('TF0703 exposed-port-mismatch', () => {
  it('EXPOSE of another port than the env default', () => {
    const f = auditTreeV8({ ...express, Dockerfile: 'FROM node:20\nEXPOSE 8080\nCMD ["node", "server.js"]\n' }, [exposedPortMismatch])
    expect(f.map(briefV8)).toEqual(['TF0703 Dockerfile:2 notice'])
    expect(f[0].message).toBe('EXPOSE 8080 but the app binds 3000 (server.js:1)')
  })
  it('silent when the Dockerfile injects the exposed port', () => {
    expect(run({ ...express, Dockerfile: 'FROM node:20\nENV PORT=8080\nEXPOSE 8080\nCMD ["node", "server.js"]\n' })).toEqual([])
  })
  it('silent when ports agree, or one of several exposed ports matches', () => {
    expect(run({ ...express, Dockerfile: 'FROM node:20\nEXPOSE 3000 9090\n' })).toEqual([])
  })
  it('kubernetes containerPort vs a literal bind; k8s env PORT fixes it', () => {
    const k8s = (env: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:1.0.0\n${env}          ports:\n            - containerPort: 8080\n`
    const go = { 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() {\n\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "9000"\n\t}\n\thttp.ListenAndServe(":"+port, nil)\n}\n' }
    expect(run({ ...express, 'k8s/deploy.yaml': k8s('') })).toEqual(['TF0703 k8s/deploy.yaml:12 notice'])
    expect(run({ ...express, 'k8s/deploy.yaml': k8s('          env:\n            - name: PORT\n              value: "8080"\n') })).toEqual([])
    // The Go `if port == "" { port = "9000" }` default is the bound port.
    expect(run({ ...go, 'k8s/deploy.yaml': k8s('') })).toEqual(['TF0703 k8s/deploy.yaml:12 notice'])
    // No known bind site at all: stay silent rather than guess.
    expect(run({ 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() { serve(cfg.Addr) }\n', 'k8s/deploy.yaml': k8s('') })).toEqual([])
  })
  it('backing services in the same manifests are not the app', () => {
    const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.2\n          ports:\n            - containerPort: 5432\n'
    const redis = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: redis\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: bitnami/redis:7.2\n          ports:\n            - containerPort: 6379\n'
    expect(run({ ...express, 'k8s/postgres.yaml': sts, 'k8s/redis.yaml': redis })).toEqual([])
  })
  it('compose container side of a port mapping', () => {
    expect(run({ ...express, 'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports:\n      - "80:5000"\n' })).toEqual(['TF0703 docker-compose.yml:5 notice'])
    expect(run({ ...express, 'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports:\n      - "80:3000"\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n' })).toEqual([])
  })
  it('Spring server.port against EXPOSE', () => {
    expect(run({ 'pom.xml': '<project>spring-boot</project>', 'src/main/resources/application.properties': 'server.port=8081\n', Dockerfile: 'FROM eclipse-temurin:21\nEXPOSE 8080\n' })).toEqual(['TF0703 Dockerfile:2 notice'])
  })
  it('monorepo root manifests are ambiguous', () => {
    expect(run({ 'api/package.json': '{"dependencies":{"express":"4"}}', 'api/server.js': 'app.listen(process.env.PORT || 3000)\n', 'web/package.json': '{"dependencies":{"next":"14"}}', 'k8s/api.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: x\n      image: a/b:1\n      ports:\n        - containerPort: 8080\n' })).toEqual([])
  })
})
