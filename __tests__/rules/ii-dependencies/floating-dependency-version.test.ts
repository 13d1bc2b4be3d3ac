import { describe, expect, it } from '@jest/globals'
import { floatingDependencyVersion } from '../../../src/rules/ii-dependencies/floating-dependency-version.js'
import { auditTree, brief } from '../../helpers/audit-tree-i-ii-iv.js'

const rules = [floatingDependencyVersion]

describe('TF0202 floating-dependency-version', () => {
  it('reports unpinned requirements once per file, at the first one, naming them', () => {
    const r = auditTree({ 'requirements.txt': '# deps\nDjango==5.0.6\ngunicorn\nrequests>=2.31\npsycopg[binary]~=3.1\n' }, rules)
    expect(r.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['requirements.txt:3'])
    expect(r.findings[0].message).toMatch(/`gunicorn`, `requests>=2\.31`, `psycopg~=3\.1` are not pinned .*3 of the file's requirements/)
  })

  it('flags git requirements and package.json specs that float without a lock', () => {
    expect(
      brief(
        {
          'requirements.txt': 'flask==3.0.3\ngit+https://github.com/org/lib.git#egg=lib\nother @ git+https://github.com/org/other.git@main\npinned @ git+https://github.com/org/p.git@v1.2.0\n',
          'web/package.json': '{\n  "dependencies": {\n    "express": "*",\n    "lodash": "latest",\n    "left-pad": ">=1.0.0",\n    "ok": "^1.2.3",\n    "fork": "github:me/fork",\n    "tagged": "github:me/fork#v2.0.0"\n  }\n}\n',
          'rb/Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'forked', git: 'https://github.com/me/forked'\ngem 'pinned', github: 'me/pinned', tag: 'v1.0'\n"
        },
        rules
      )
    ).toEqual([
      'TF0202 rb/Gemfile:3 warning',
      'TF0202 requirements.txt:2 warning',
      'TF0202 requirements.txt:3 warning',
      'TF0202 web/package.json:3 warning',
      'TF0202 web/package.json:4 warning',
      'TF0202 web/package.json:5 warning',
      'TF0202 web/package.json:7 warning'
    ])
  })

  it('reads the requirements/ folder layout (cookiecutter-django), skipping dev and test files', () => {
    expect(
      brief(
        {
          'requirements/base.txt': 'Django==5.0.6\ncelery\n',
          'requirements/production.txt': '-r base.txt\ngunicorn==22.0.0\n',
          'requirements/local.txt': '-r base.txt\nipdb\n',
          'requirements/test.txt': 'pytest\n',
          'compiled/requirements/base.in': 'django\n',
          'compiled/requirements/base.txt': 'django\n'
        },
        rules
      )
    ).toEqual(['TF0202 requirements/base.txt:2 warning'])
  })

  it('stays silent on pinned files, compiled requirements, dev requirements and locked manifests', () => {
    expect(
      brief(
        {
          'a/requirements.txt': '-r base.txt\n-e .\nflask==3.0.3  # web\n--hash=sha256:abc\nhttps://example.com/pkg-1.0.tar.gz\nuvicorn[standard]==0.29.0 ; python_version >= "3.8"\n',
          'b/requirements.in': 'flask\n',
          'b/requirements.txt': 'flask\n', // pip-compile output sits beside its .in
          'c/requirements-dev.txt': 'pytest\n',
          'd/poetry.lock': '',
          'd/requirements.txt': 'fastapi\n', // poetry export
          'e/package.json': '{"dependencies": {"express": "*"}}',
          'e/package-lock.json': '{}',
          'f/Gemfile': "gem 'forked', git: 'https://github.com/me/forked'\n",
          'f/Gemfile.lock': '',
          'docs/requirements.txt': 'sphinx\n'
        },
        rules
      )
    ).toEqual([])
  })

  it('reads hash-pinned requirements (pip-compile --generate-hashes) and honours -c constraints files', () => {
    expect(
      brief(
        {
          'a/requirements.txt': 'flask==3.0.3 \\\n    --hash=sha256:aaa \\\n    --hash=sha256:bbb\nwerkzeug==3.0.3 --hash=sha256:ccc\n',
          'b/requirements.txt': '-c constraints.txt\nFlask\ngunicorn[gthread]\n',
          'b/constraints.txt': 'flask==3.0.3\ngunicorn==22.0.0\n',
          'c/requirements/production.txt': '--constraint=../constraints.txt\ncelery\n',
          'c/constraints.txt': 'celery==5.4.0\n'
        },
        rules
      )
    ).toEqual([])
    expect(
      brief(
        {
          'a/requirements.txt': 'flask>=3.0 \\\n    --hash=sha256:aaa\n',
          'b/requirements.txt': '-c constraints.txt\nflask\nredis\n',
          'b/constraints.txt': 'flask==3.0.3\nredis>=5\n',
          'c/requirements.txt': '-c missing.txt\nflask\n'
        },
        rules
      )
    ).toEqual(['TF0202 a/requirements.txt:1 warning', 'TF0202 b/requirements.txt:3 warning', 'TF0202 c/requirements.txt:2 warning'])
  })
})
