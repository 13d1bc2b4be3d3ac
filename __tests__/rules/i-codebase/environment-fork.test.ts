import { describe, expect, it } from '@jest/globals'
import { environmentFork } from '../../../src/rules/i-codebase/environment-fork.js'
import { auditTree, brief } from '../../helpers/audit-tree-i-ii-iv.js'
import { ruleTable } from '../../helpers/rule-tester.js'

const rules = [environmentFork]

describe('TF0104 environment-fork', () => {
  it('flags per-deploy copies that sit beside the file they copy', () => {
    const r = auditTree(
      {
        'src/app.js': "const express = require('express')\n",
        'src/app-prod.js': "const express = require('express')\n",
        'mysite/settings.py': 'DEBUG = True\n',
        'mysite/settings_prod.py': 'DEBUG = False\n',
        'lib/client.rb': 'class Client; end\n',
        'lib/client.staging.rb': 'class Client; end\n'
      },
      rules
    )
    expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`)).toEqual([
      'TF0104 lib/client.staging.rb:1 warning',
      'TF0104 mysite/settings_prod.py:1 warning',
      'TF0104 src/app-prod.js:1 warning'
    ])
    expect(r.findings[2].message).toBe('`app-prod.js` is a per-deploy copy of `app.js` (it does not import it): two versions of the same code for different environments')
    expect(r.findings[1].remediation).toMatch(/os\.environ/)
  })

  it('stays silent on layers that import the base, lone files, tooling configs and tests', () => {
    expect(
      brief(
        {
          'mysite/settings.py': 'DEBUG = True\n',
          'mysite/settings_prod.py': 'from .settings import *\nDEBUG = False\n',
          'src/app.js': 'x\n',
          'src/app.prod.js': "const base = require('./app')\nmodule.exports = { ...base }\n",
          'src/worker-prod.js': 'x\n', // no worker.js beside it
          'webpack.js': 'x\n',
          'webpack.prod.js': 'x\n',
          'config/environments/production.rb': 'Rails.application.configure {}\n',
          'test/db.js': 'x\n',
          'test/db_prod.js': 'x\n'
        },
        rules
      )
    ).toEqual([])
  })
})

describe('TF0104 environment-fork: build tags and domain words', () => {
  it('stays silent on Go build-tag variants and on qa/stage used as domain words', () => {
    expect(
      brief(
        {
          'web/assets.go': 'package web\n',
          'web/assets_prod.go': '//go:build !dev\n\npackage web\n\nimport "embed"\n',
          'bot/chat.py': 'def chat(q):\n    return q\n',
          'bot/chat_qa.py': 'from langchain.chains import RetrievalQA\n\ndef answer(question):\n    return RetrievalQA.run(question)\n',
          'etl/pipeline.py': 'def run():\n    pass\n',
          'etl/pipeline_stage.py': 'class Stage:\n    def run(self):\n        pass\n'
        },
        rules
      )
    ).toEqual([])
  })
  it('still flags a Go copy without a build tag and a qa/stage file that names the environment', () => {
    expect(
      brief(
        {
          'web/client.go': 'package web\n',
          'web/client_prod.go': 'package web\n\nconst api = "https://api.acme.com"\n',
          'app/api.py': 'URL = "https://api.acme.com"\n',
          'app/api_qa.py': 'URL = "https://api.qa.acme.com"\n',
          'src/client.js': 'x\n',
          'src/client-stage.js': "module.exports = { env: 'staging' }\n"
        },
        rules
      )
    ).toEqual(['TF0104 app/api_qa.py:1 warning', 'TF0104 src/client-stage.js:1 warning', 'TF0104 web/client_prod.go:1 warning'])
  })
})

describe('TF0104 environment-fork: per-environment deploy branches', () => {
  ruleTable(environmentFork, {
    valid: [
      { name: 'deploys from main, promotes with environments', path: '.github/workflows/deploy.yml', code: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n' },
      { name: 'CI on a staging branch that deploys nothing', path: '.github/workflows/ci.yml', code: 'on:\n  push:\n    branches: [staging]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n' },
      { name: 'release/* branches', path: '.github/workflows/release.yml', code: 'on:\n  push:\n    branches: [\'release/**\']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n' }
    ],
    invalid: [
      {
        name: 'one workflow per environment branch',
        path: '.github/workflows/deploy.yml',
        code: 'name: Deploy\non:\n  push:\n    branches:\n      - staging\n      - production\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh ${{ github.ref_name }}\n',
        errors: [{ line: 5, severity: 'notice', message: /per-environment branch `staging`/ }, { line: 6, severity: 'notice', message: /`production`/ }]
      }
    ]
  })
})
