import { describe, expect, it } from '@jest/globals'
import { classifyKind, classifyLanguage } from '../../src/engine/classify.js'
import type { FileInfo } from '../../src/engine/rule.js'
import { SourceFile } from '../../src/engine/source-file.js'
import { inNonProductionBlock } from '../../src/model/blocks.js'
import { buildDeployModel, DeployModel } from '../../src/model/deploy-model.js'
import { isExamplePath, pathEnvironment } from '../../src/model/paths.js'
import { makeFile } from '../helpers/rule-tester.js'
import { detectApps, isAppManifest } from '../../src/engine/apps.js'

/** Builds the model over an in-memory tree, as runAudit does over the disk. */
function model(tree: Record<string, string>): DeployModel {
  const files: FileInfo[] = Object.keys(tree).map((path) => {
    const kind = classifyKind(path)
    return { path, kind, language: classifyLanguage(path), role: 'app', size: tree[path].length }
  })
  const read = (p: string): SourceFile | undefined => (tree[p] === undefined ? undefined : makeFile(p, tree[p]))
  const apps = detectApps(files.filter((f) => isAppManifest(f.path)).map((f) => read(f.path)!))
  return buildDeployModel({ files, read, apps })
}

describe('deploy model: path vocabulary', () => {
  it.each([
    ['src/main/java/com/example/demo/PaymentClient.java', 'source', 'production'],
    ['src/main/kotlin/com/example/shop/Keys.kt', 'source', 'production'],
    ['api/src/main/java/org/springframework/samples/petclinic/Vets.java', 'source', 'production'],
    ['examples/quickstart/app.js', 'source', 'example'],
    ['docs/samples/client.py', 'source', 'docs'],
    ['config/default.json', 'json', 'production'],
    ['config/default.example.json', 'json', 'example'],
    ['.env.example', 'dotenv', 'example'],
    ['Dockerfile.tilt', 'dockerfile', 'dev'],
    ['Dockerfile.ui.tilt', 'dockerfile', 'dev'],
    ['Dockerfile.junit', 'dockerfile', 'test'],
    ['Procfile.windows', 'procfile', 'dev'],
    ['Procfile.dev', 'procfile', 'dev'],
    ['Procfile', 'procfile', 'production'],
    ['apps/api/bin/docker-entrypoint-api-local.sh', 'source', 'dev'],
    ['scripts/dockerfiles/postgres/test_postgres.sh', 'source', 'test'],
    ['grafana-plugin/e2e-tests/utils/constants.ts', 'source', 'test'],
    ['config/secrets_ci.yml', 'yaml', 'ci'],
    ['packages/database/src/seed/constants.ts', 'source', 'dev'],
    ['seed-data/generate-votes.sh', 'source', 'dev'],
    ['db/seeds.rb', 'source', 'production'],
    ['db/populate.rb', 'source', 'dev'],
    ['mall-mbg/src/main/resources/generator.properties', 'properties', 'dev'],
    ['src/main/resources/application.properties', 'properties', 'production'],
    ['packages/create-acme-app/index.js', 'source', 'dev'],
    ['packages/js-core/vite.config.ts', 'source', 'dev'],
    ['apps/web/.prettierrc.js', 'source', 'dev'],
    ['src/vite.ts', 'source', 'production'],
    ['next.config.js', 'source', 'production']
  ] as const)('%s is %s code of %s', (path, kind, env) => {
    expect(pathEnvironment(path, kind)).toBe(env)
  })
  it('example folders are documentation folders, not package segments', () => {
    expect(isExamplePath('src/main/java/com/example/App.java')).toBe(false)
    expect(isExamplePath('com/example/App.java')).toBe(false)
    expect(isExamplePath('samples/app/src/main/java/com/acme/App.java')).toBe(true)
  })
})

describe('deploy model: one answer for non-production blocks', () => {
  const at = (code: string, line: number): boolean => inNonProductionBlock(code.split('\n'), line - 1)
  it.each([
    ["if (process.env.NODE_ENV !== 'production') {\n  db = 'localhost'\n}", 2, true],
    ["if (process.env.NODE_ENV === 'development') {\n  db = 'localhost'\n}", 2, true],
    ["if (process.env.NODE_ENV === 'production') {\n  db = 'db.internal'\n}", 2, false],
    ['if settings.DEBUG:\n    DB = "sqlite:///dev.db"\n', 2, true],
    ['if not settings.DEBUG:\n    DB = "postgres://db/app"\n', 2, false],
    ['unless Rails.env.production?\n  x = 1\nend', 2, true],
    ['configure :development do\n  set :db, "localhost"\nend', 2, true],
    ['x = 1 if Rails.env.test?', 1, true],
    ["const config = {\n  development: {\n    host: 'localhost'\n  },\n  production: {\n    host: 'db'\n  }\n}", 3, true],
    ["const config = {\n  development: {\n    host: 'localhost'\n  },\n  production: {\n    host: 'db'\n  }\n}", 6, false],
    ['class TestConfig(Config):\n    SECRET = "x"\n', 2, true]
  ] as const)('%j line %i: %s', (code, line, expected) => {
    expect(at(code, line)).toBe(expected)
  })
})

describe('deploy model: what the deploy files say', () => {
  const GOREMAN = [
    "api: sh -c 'go run ./cmd/api --loglevel debug --redis localhost:6379'",
    "worker: sh -c 'go run ./cmd/worker --redis localhost:6379'",
    'ui: sh -c "cd ui && yarn dev"',
    'fixtures: test/fixtures/start-git-server.sh'
  ].join('\n')
  const IMAGE = 'FROM golang:1.22 AS build\nCOPY . /src\nRUN go build -o /app ./cmd/api\nFROM gcr.io/distroless/base\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n'

  it('a goreman Procfile beside the image the deploy runs is a dev process list', () => {
    const m = model({ 'Dockerfile': IMAGE, Procfile: GOREMAN, 'go.mod': 'module x\n' })
    expect(m.environmentOf('Procfile', 'procfile')).toBe('dev')
    expect(m.reasonOf('Procfile')).toMatch(/local process manager/)
    expect(m.data.processes.filter((p) => p.environment === 'production').map((p) => p.name)).toEqual(['Dockerfile'])
  })
  it('a Heroku Procfile stays production, even with a Dockerfile', () => {
    const m = model({ 'Dockerfile': IMAGE, Procfile: GOREMAN, 'app.json': '{}' })
    expect(m.environmentOf('Procfile', 'procfile')).toBe('production')
    const heroku = model({ Procfile: 'web: gunicorn app:app\nworker: celery -A app worker\nclock: python clock.py\n', 'requirements.txt': 'flask\n' })
    expect(heroku.data.processes.map((p) => `${p.name}:${p.type}`)).toEqual(['web:web', 'worker:worker', 'clock:scheduler'])
  })
  it('a Procfile whose processes are production servers stays production beside a Dockerfile', () => {
    const m = model({ 'Dockerfile': IMAGE, Procfile: 'web: bin/server --port $PORT\nworker: bin/worker\n' })
    expect(m.environmentOf('Procfile', 'procfile')).toBe('production')
  })
  it('a Dockerfile only Tilt builds is dev; the one CI builds is production', () => {
    const m = model({
      Tiltfile: "docker_build('acme/api', '.', dockerfile='build/api.Dockerfile')\n",
      'build/api.Dockerfile': 'FROM golang:1.22\nCMD ["dlv", "debug"]\n',
      Dockerfile: IMAGE,
      '.github/workflows/release.yml': 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -f Dockerfile .\n'
    })
    expect(m.environmentOf('build/api.Dockerfile', 'dockerfile')).toBe('dev')
    expect(m.reasonOf('build/api.Dockerfile')).toMatch(/Tiltfile/)
    expect(m.environmentOf('Dockerfile', 'dockerfile')).toBe('production')
  })
  it('a plain docker-compose.yml building the Dockerfile says nothing against it', () => {
    const m = model({ 'docker-compose.yml': 'services:\n  web:\n    build: .\n', Dockerfile: IMAGE })
    expect(m.environmentOf('Dockerfile', 'dockerfile')).toBe('production')
  })
  it('a seed service and its image are dev; a dev compose file\'s env files are dev', () => {
    const m = model({
      'docker-compose.yml': 'services:\n  seed:\n    build: ./seed-tool\n    profiles: ["seed"]\n  api:\n    image: acme/api:1.2.0\n    env_file: .env.api\n',
      'seed-tool/Dockerfile': 'FROM python:3.12\nCMD ["python", "seed.py"]\n',
      '.env.api': 'LOG_LEVEL=debug\n'
    })
    expect(m.environmentOf('seed-tool/Dockerfile', 'dockerfile')).toBe('dev')
    expect(m.environmentOf('.env.api', 'dotenv')).toBe('dev')
  })
  it('a dev build stage the final stage does not build on applies to dev only', () => {
    const text = 'FROM python:3.12 AS base\nRUN pip install -r requirements.txt\nFROM base AS dev\nRUN pip install watchdog\nCMD ["flask", "run"]\nFROM base AS final\nCMD ["gunicorn", "app:app"]\n'
    const file = makeFile('Dockerfile', text)
    const m = DeployModel.empty()
    expect(m.environmentAt(file, 4)).toBe('dev')
    expect(m.environmentAt(file, 2)).toBe('production')
    expect(m.environmentAt(file, 7)).toBe('production')
    const builder = makeFile('Dockerfile', 'FROM node:20 AS dev-deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=dev-deps /app/node_modules ./node_modules\n')
    expect(m.environmentAt(builder, 2)).toBe('production')
    // The last stage is a dev target picked with --target; the production stage ships.
    const target = makeFile('Dockerfile', 'FROM node:20 AS base\nRUN npm ci\nFROM base AS production\nCMD ["node", "server.js"]\nFROM base AS development\nRUN npm install -g nodemon\nCMD ["nodemon"]\n')
    expect(m.environmentAt(target, 6)).toBe('dev')
    expect(m.environmentAt(target, 4)).toBe('production')
    expect(m.environmentOf('docker/dev/Dockerfile', 'dockerfile')).toBe('dev')
  })
  it('workspace packages without a start script are libraries, apps with one are not', () => {
    const m = model({
      'package.json': '{"private": true, "workspaces": ["apps/*", "packages/*"], "scripts": {"start": "turbo run start"}}',
      'apps/web/package.json': '{"scripts": {"start": "next start"}, "dependencies": {"next": "15"}}',
      'packages/database/package.json': '{"main": "dist/index.js", "scripts": {"build": "tsc"}, "dependencies": {"zod": "3"}}',
      'packages/api/package.json': '{"scripts": {"build": "tsc"}, "dependencies": {"express": "4"}}',
      'packages/api/Dockerfile': 'FROM node:20\nCMD ["node", "dist/server.js"]\n'
    })
    expect(m.isLibrary('packages/database')).toBe(true)
    expect(m.isLibrary('packages/api')).toBe(false)
    expect(m.isLibrary('apps/web')).toBe(false)
    expect(m.data.processes.find((p) => p.source === 'apps/web/package.json')?.command).toBe('next start')
  })
  it('a Pipfile the image never installs is a dev manifest', () => {
    const m = model({ 'api/Pipfile': '[packages]\nfastapi = "*"\n', 'api/requirements.txt': 'fastapi==0.110.0\n', 'api/Dockerfile': 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["uvicorn", "app:app"]\n' })
    expect(m.environmentOf('api/Pipfile', 'manifest')).toBe('dev')
    const pipenv = model({ 'api/Pipfile': '[packages]\n', 'api/Dockerfile': 'FROM python:3.12\nRUN pip install pipenv && pipenv install --deploy\n' })
    expect(pipenv.environmentOf('api/Pipfile', 'manifest')).toBe('production')
  })
  it('which processes ship a file: the image build context and COPY sources', () => {
    const m = model({ 'docker-compose.prod.yml': 'services:\n  api:\n    build:\n      context: ./services/api\n', 'services/api/Dockerfile': 'FROM node:20\nCOPY src ./src\nCMD ["node", "src/server.js"]\n', 'services/api/src/server.js': '', 'tools/gen.js': '' })
    expect(m.processesFor('services/api/src/server.js').map((p) => p.name)).toContain('api')
    expect(m.isShipped('services/api/src/server.js', 'source')).toBe(true)
    expect(m.isShipped('tools/gen.js', 'source')).toBe(false)
  })
})

describe('deploy model: committed build output', () => {
  it('the folder a start script runs is build output a process runs; a library\'s dist is not', () => {
    const m = model({ 'package.json': '{"scripts": {"start:prod": "node dist/main.js", "start:dev": "nodemon build/dev.js"}}', 'web/package.json': '{"scripts": {"build": "tsc"}}' })
    expect(m.runsBuildOutput('dist/config.js')).toBe(true)
    expect(m.runsBuildOutput('build/dev.js')).toBe(false)
    expect(m.runsBuildOutput('web/dist/index.js')).toBe(false)
  })
})
