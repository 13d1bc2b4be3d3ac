import { describe, expect, it } from '@jest/globals'
import { missingLockfile } from '../../../src/rules/ii-dependencies/missing-lockfile.js'
import { auditTree, brief } from '../../helpers/audit-tree-i-ii-iv.js'

const PKG = '{\n  "name": "api",\n  "dependencies": {\n    "express": "^4.19.2"\n  }\n}\n'

describe('TF0201 missing-lockfile', () => {
  it('flags each manifest whose tool writes a lockfile that is not committed', () => {
    expect(
      brief(
        {
          'package.json': PKG,
          'py/Pipfile': '[[source]]\nurl = "https://pypi.org/simple"\n\n[packages]\nflask = "*"\n',
          'poetry/pyproject.toml': '[tool.poetry]\nname = "x"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nfastapi = "^0.110"\n',
          'rb/Gemfile': "source 'https://rubygems.org'\n\ngem 'rails', '~> 7.1'\n",
          'go/go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
          'php/composer.json': '{\n  "name": "acme/shop",\n  "require": {\n    "laravel/framework": "^11.0"\n  }\n}\n',
          'rs/Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\nserde = "1"\n',
          'rs/src/main.rs': 'fn main() {}\n'
        },
        [missingLockfile]
      )
    ).toEqual([
      'TF0201 go/go.mod:5 warning',
      'TF0201 package.json:3 warning',
      'TF0201 php/composer.json:3 warning',
      'TF0201 poetry/pyproject.toml:4 warning',
      'TF0201 py/Pipfile:4 warning',
      'TF0201 rb/Gemfile:3 warning',
      'TF0201 rs/Cargo.toml:4 warning'
    ])
  })

  it('names the manifest, the dependency count and the npm fix', () => {
    const f = auditTree({ 'package.json': PKG }, [missingLockfile]).findings[0]
    expect(f.message).toMatch(/`package\.json` declares 1 dependency but has no committed lockfile/)
    expect(f.remediation).toMatch(/npm ci/)
  })

  it('stays silent when the lock is there, at a workspace root, or not expected', () => {
    expect(
      brief(
        {
          'package.json': '{"private": true, "workspaces": ["apps/*"], "devDependencies": {"turbo": "^2"}}',
          'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
          'apps/web/package.json': PKG, // lock at the workspace root
          'py/Pipfile': '[packages]\nflask = "*"\n',
          'py/Pipfile.lock': '{}',
          'lib/Gemfile': "source 'https://rubygems.org'\ngemspec\n", // a gem library
          'lib/x.gemspec': '',
          'setuptools/pyproject.toml': '[project]\nname = "x"\ndependencies = ["requests>=2"]\n', // no lock tool
          'go/go.mod': 'module example.com/tool\n\ngo 1.22\n', // no requirements
          'crate/Cargo.toml': '[package]\nname = "lib"\n[dependencies]\nserde = "1"\n', // a library crate
          'nodeps/package.json': '{"name": "x", "scripts": {"start": "node ."}}',
          'examples/demo/package.json': PKG, // not the deployed app
          'test/fixtures/app/package.json': PKG,
          'lib/package.json': '{"name": "left-pad", "version": "1.3.0", "main": "index.js", "files": ["index.js"], "dependencies": {"x": "^1"}}', // a published library
          'bun/package.json': '{"packageManager": "bun@1.1.0", "dependencies": {"hono": "^4"}}'
        },
        [missingLockfile]
      )
    ).toEqual([])
  })

  it('honours a lockfile that git ignores as missing', () => {
    const files = { '.gitignore': 'package-lock.json\n', 'package.json': PKG, 'package-lock.json': '{}' }
    expect(brief(files, [missingLockfile], { git: true })).toEqual(['TF0201 package.json:3 warning'])
  })
})
