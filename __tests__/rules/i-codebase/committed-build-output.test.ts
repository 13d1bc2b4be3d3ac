import { describe, expect, it } from '@jest/globals'
import { committedBuildOutput } from '../../../src/rules/i-codebase/committed-build-output.js'
import { discover } from '../../../src/engine/discovery.js'
import { auditTree, brief } from '../../helpers/audit-tree-i-ii-iv.js'
import { makeTree } from '../../helpers/tree.js'

const rules = [committedBuildOutput]
const BUILDING_PKG = '{"scripts": {"build": "tsc -p ."}, "dependencies": {"express": "^4"}}'

describe('TF0102 committed-build-output', () => {
  it('discovery lists tracked files under excluded folders, one entry per folder', () => {
    const root = makeTree({ 'a.js': 'x', 'node_modules/x/index.js': 'x', 'node_modules/y/index.js': 'x', 'pkg/__pycache__/m.cpython-312.pyc': 'x', 'vendor/cache/rack-3.0.gem': 'x' }, { git: true })
    const d = discover({ root, include: [], exclude: [] })
    expect(d.trackedExcluded).toEqual([
      { dir: 'node_modules', example: 'node_modules/x/index.js', count: 2 },
      { dir: 'pkg/__pycache__', example: 'pkg/__pycache__/m.cpython-312.pyc', count: 1 },
      { dir: 'vendor/cache', example: 'vendor/cache/rack-3.0.gem', count: 1 }
    ])
    expect(discover({ root, include: [], exclude: [], useGit: false }).trackedExcluded).toEqual([])
  })

  it('flags committed dependencies, virtualenvs, bytecode and build output of apps that build', () => {
    const r = auditTree(
      {
        'web/package.json': BUILDING_PKG,
        'web/node_modules/express/index.js': 'module.exports = 1\n',
        'web/dist/server.js': 'x\n',
        'py/requirements.txt': 'flask==3.0.3\n',
        'py/.venv/lib/python3.12/site-packages/flask/__init__.py': '\n',
        'py/app/__pycache__/views.cpython-312.pyc': 'x',
        'rb/Gemfile': "gem 'rails'\n",
        'rb/vendor/bundle/ruby/3.3.0/gems/rack-3.0.0/lib/rack.rb': '\n',
        'java/pom.xml': '<project/>',
        'java/target/app.jar.original': 'x'
      },
      rules,
      { git: true }
    )
    expect(r.findings.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([
      'py/.venv/lib/python3.12/site-packages/flask/__init__.py:1 error',
      'rb/vendor/bundle/ruby/3.3.0/gems/rack-3.0.0/lib/rack.rb:1 error',
      'web/node_modules/express/index.js:1 error',
      'java/target/app.jar.original:1 warning',
      'py/app/__pycache__/views.cpython-312.pyc:1 warning',
      'web/dist/server.js:1 warning'
    ])
    expect(r.findings.find((f) => f.file.includes('node_modules'))!.message).toMatch(/`web\/node_modules\/` is committed \(1 tracked file/)
    expect(r.findings.find((f) => f.file.includes('node_modules'))!.remediation).toMatch(/git rm -r --cached web\/node_modules/)
  })

  it('names loose bytecode at the root', () => {
    const r = auditTree({ 'app.py': 'x = 1\n', 'app.pyc': 'x' }, rules, { git: true })
    expect(r.findings.map((f) => [f.file, f.message])).toEqual([['app.pyc', 'Compiled Python bytecode is committed at the repository root (1 tracked file, e.g. `app.pyc`): it is build output of one interpreter version']])
  })

  it('allows vendoring, a GitHub Action bundle, output of apps with no build step, and untracked folders', () => {
    expect(
      brief(
        {
          'go.mod': 'module x\n',
          'vendor/github.com/gin-gonic/gin/gin.go': 'package gin\n',
          'rb/Gemfile': "gem 'rails'\n",
          'rb/vendor/cache/rack-3.0.0.gem': 'x',
          'action.yml': "name: x\nruns:\n  using: node20\n  main: 'dist/index.js'\n",
          'package.json': BUILDING_PKG,
          'dist/index.js': 'x\n',
          'static/package.json': '{"dependencies": {"left-pad": "1.3.0"}}',
          'static/dist/site.css': 'x\n',
          '.gitignore': 'node_modules/\n',
          'node_modules/ignored/index.js': 'x\n'
        },
        rules,
        { git: true }
      )
    ).toEqual([])
  })

  it('a Maven project\'s tracked build/ holds scripts, not output; Gradle\'s build/ is output', () => {
    expect(brief({ 'svc/pom.xml': '<project/>', 'svc/build/docker/Dockerfile': 'FROM eclipse-temurin:21-jre\n' }, rules, { git: true })).toEqual([])
    expect(brief({ 'svc/build.gradle.kts': 'plugins { java }\n', 'svc/build/libs/svc.jar': 'x' }, rules, { git: true })).toEqual(['TF0102 svc/build/libs/svc.jar:1 warning'])
  })

  it('never looks at excluded folders when the audit walks the disk', () => {
    expect(brief({ 'package.json': BUILDING_PKG, 'node_modules/a/index.js': 'x' }, rules)).toEqual([])
  })
})
