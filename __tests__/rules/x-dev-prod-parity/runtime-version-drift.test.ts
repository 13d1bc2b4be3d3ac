import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { runtimeVersionDrift } from '../../../src/rules/x-dev-prod-parity/runtime-version-drift.js'
import { conflicts, imageRuntime, parseRange, versionSources } from '../../../src/rules/shared/x-runtime-versions.js'
import { makeFile } from '../../helpers/rule-tester.js'
import { makeTree } from '../../helpers/tree.js'

const run = (files: Record<string, string>): string[] =>
  runAudit({ root: makeTree(files), config: defaultConfig(), rules: [runtimeVersionDrift] }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)
const messages = (files: Record<string, string>): string[] =>
  runAudit({ root: makeTree(files), config: defaultConfig(), rules: [runtimeVersionDrift] }).findings.map((f) => f.message)

const ci = (uses: string, key: string, v: string): string =>
  `on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ${uses}\n        with:\n          ${key}: ${v}\n`

describe('TF1002 runtime-version-drift', () => {
  it('reads versions from images', () => {
    expect(imageRuntime('node:20-alpine')).toEqual({ runtime: 'node', version: '20' })
    expect(imageRuntime('maven:3.9.6-eclipse-temurin-21')).toEqual({ runtime: 'java', version: '21' })
    expect(imageRuntime('gradle:8.5-jdk17')).toEqual({ runtime: 'java', version: '17' })
    expect(imageRuntime('eclipse-temurin:17-jre-alpine')).toEqual({ runtime: 'java', version: '17' })
    expect(imageRuntime('gcr.io/distroless/nodejs20-debian12')).toEqual({ runtime: 'node', version: '20' })
    expect(imageRuntime('python:3.11-slim')).toEqual({ runtime: 'python', version: '3.11' })
    expect(imageRuntime('golang:1.22-alpine')).toEqual({ runtime: 'go', version: '1.22' })
    expect(imageRuntime('node:lts-alpine')).toBeUndefined()
    expect(imageRuntime('nginx:1.25')).toBeUndefined()
    // Dev Containers tag <image version>-<runtime version>-<os>
    expect(imageRuntime('mcr.microsoft.com/devcontainers/python:1-3.12-bookworm')).toEqual({ runtime: 'python', version: '3.12' })
    expect(imageRuntime('mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm')).toEqual({ runtime: 'node', version: '20' })
    expect(imageRuntime('mcr.microsoft.com/devcontainers/python:3.11')).toEqual({ runtime: 'python', version: '3.11' })
    expect(imageRuntime('mcr.microsoft.com/devcontainers/python:1')).toBeUndefined()
  })
  it('a dev container on another Python minor is drift; on the same one it agrees', () => {
    const base = { 'manage.py': 'import django\n', 'requirements.txt': 'Django==5.0\n', '.python-version': '3.12.2\n', Dockerfile: 'FROM python:3.12-slim\n' }
    expect(run({ ...base, '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/python:1-3.12-bookworm\n' })).toEqual([])
    expect(run({ ...base, '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/python:1-3.11-bookworm\n' })).toEqual(['TF1002 .devcontainer/Dockerfile:1'])
  })
  it('a docs, lint or release job runs a tool, not the app', () => {
    const base = { 'manage.py': 'import django\n', 'requirements.txt': 'Django==5.0\n', Dockerfile: 'FROM python:3.12-slim\n' }
    const job = (run: string): string => `on: [push]\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: "3.11"\n      - run: ${run}\n`
    expect(run({ ...base, '.github/workflows/docs.yml': job('pip install mkdocs-material && mkdocs build') })).toEqual([])
    expect(run({ ...base, '.github/workflows/ci.yml': job('pip install -r requirements.txt && python manage.py test') })).toEqual(['TF1002 Dockerfile:1'])
  })
  it('compares at the stated granularity', () => {
    const src = (stated: string, exact?: number[], range?: string) => ({ runtime: 'node' as const, file: 'f', line: 1, stated, label: stated, ...(exact ? { exact } : {}), ...(range ? { range: parseRange(range)! } : {}) })
    expect(conflicts([src('20', [20]), src('20.11', [20, 11])])).toHaveLength(0)
    expect(conflicts([src('>=18', undefined, '>=18'), src('20', [20])])).toHaveLength(0)
    expect(conflicts([src('^18', undefined, '^18'), src('20', [20])])).toHaveLength(1)
    expect(conflicts([src('18', [18]), src('20', [20])])).toHaveLength(1)
    expect(conflicts([src('18 || 20', undefined, '18 || 20'), src('20', [20])])).toHaveLength(0)
  })
  it('reads .tool-versions, Gemfile and pyproject', () => {
    expect(versionSources(makeFile('.tool-versions', 'nodejs 20.11.0\nruby 3.3.0\n')).map((s) => [s.runtime, s.line])).toEqual([['node', 1], ['ruby', 2]])
    expect(versionSources(makeFile('pyproject.toml', '[project]\nname = "x"\nrequires-python = ">=3.11"\n')).map((s) => s.line)).toEqual([3])
    expect(versionSources(makeFile('Gemfile', "source 'https://rubygems.org'\nruby '3.2.2'\n")).map((s) => s.stated)).toEqual(['3.2.2'])
  })

  it('reports Node drift at the Dockerfile FROM, naming every source', () => {
    const files = {
      'package.json': '{\n  "name": "api",\n  "dependencies": {"express": "^4"},\n  "engines": {\n    "node": ">=18"\n  }\n}\n',
      '.nvmrc': '18\n',
      Dockerfile: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n',
      '.github/workflows/ci.yml': ci('actions/setup-node@v4', 'node-version', '20')
    }
    expect(run(files)).toEqual(['TF1002 Dockerfile:1'])
    const [m] = messages(files)
    expect(m).toContain('.nvmrc .nvmrc:1 `18`')
    expect(m).toContain('Dockerfile FROM Dockerfile:1 `node:20-alpine`')
    expect(m).toContain('setup-node .github/workflows/ci.yml:9 `20`')
    expect(m).toContain('package.json engines.node package.json:5 `>=18` (agrees)')
  })
  it('stays silent when sources agree at their granularity', () => {
    expect(run({
      'package.json': '{"dependencies": {"express": "^4"}, "engines": {"node": ">=20"}}',
      '.nvmrc': 'v20.11.1\n',
      Dockerfile: 'ARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}-alpine\n',
      '.github/workflows/ci.yml': ci('actions/setup-node@v4', 'node-version', '20.x')
    })).toEqual([])
  })
  it('ignores CI matrices and lts aliases', () => {
    expect(run({
      'package.json': '{"dependencies": {"express": "^4"}}',
      '.nvmrc': 'lts/iron\n',
      Dockerfile: 'FROM node:20\n',
      '.github/workflows/ci.yml': ci('actions/setup-node@v4', 'node-version', '${{ matrix.node }}')
    })).toEqual([])
  })
  it('Python: .python-version vs Dockerfile vs requires-python', () => {
    expect(run({ 'requirements.txt': 'django==5.0\n', '.python-version': '3.11.7\n', Dockerfile: 'FROM python:3.12-slim\n' })).toEqual(['TF1002 Dockerfile:1'])
    expect(run({ 'pyproject.toml': '[project]\nrequires-python = ">=3.12"\n', 'runtime.txt': 'python-3.11.4\n' })).toEqual(['TF1002 runtime.txt:1'])
    expect(run({ 'pyproject.toml': '[project]\nrequires-python = ">=3.10"\n', Dockerfile: 'FROM python:3.12\n', '.python-version': '3.12\n' })).toEqual([])
  })
  it('Java: build target is a minimum; CI and image must agree', () => {
    const pom = '<project><properties>\n<java.version>17</java.version>\n</properties><artifactId>spring-boot-starter-web</artifactId></project>\n'
    expect(run({ 'pom.xml': pom, Dockerfile: 'FROM eclipse-temurin:21-jre\n' })).toEqual([])
    expect(run({ 'pom.xml': pom, Dockerfile: 'FROM eclipse-temurin:11-jre\n' })).toEqual(['TF1002 Dockerfile:1'])
    expect(run({ 'pom.xml': pom, Dockerfile: 'FROM eclipse-temurin:21-jre\n', '.github/workflows/ci.yml': ci('actions/setup-java@v4', 'java-version', "'17'") })).toEqual(['TF1002 Dockerfile:1'])
  })
  it('Go: go.mod is a minimum', () => {
    expect(run({ 'go.mod': 'module x\n\ngo 1.22\n', Dockerfile: 'FROM golang:1.23 AS build\nFROM scratch\n' })).toEqual([])
    expect(run({ 'go.mod': 'module x\n\ngo 1.22\n', Dockerfile: 'FROM golang:1.21 AS build\nFROM scratch\n' })).toEqual(['TF1002 Dockerfile:1'])
  })
  it('Ruby: .ruby-version vs Gemfile', () => {
    expect(run({ Gemfile: "source 'https://rubygems.org'\nruby '3.2.2'\ngem 'rails'\n", '.ruby-version': '3.3.0\n' })).toEqual(['TF1002 .ruby-version:1'])
  })
  it('keeps apps of a monorepo apart', () => {
    expect(run({
      'services/a/package.json': '{"dependencies": {"express": "^4"}}', 'services/a/.nvmrc': '18\n', 'services/a/Dockerfile': 'FROM node:18\n',
      'services/b/package.json': '{"dependencies": {"express": "^4"}}', 'services/b/.nvmrc': '20\n', 'services/b/Dockerfile': 'FROM node:20\n',
      '.github/workflows/ci.yml': ci('actions/setup-node@v4', 'node-version', '22')
    })).toEqual([])
  })
})
