// Code quoted inside a string (a remediation snippet, a docstring) is not the construct itself:
// construct-detecting rules (servers starting, schedulers, daemonizing) must not fire on it.
import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { makeFile } from '../helpers/rule-tester.js'
import { makeTree } from '../helpers/tree.js'

describe('inStringLiteral', () => {
  it('tells quoted code from code', () => {
    const f = makeFile('src/a.ts', "app.listen(3000)\nconst fix = `await app.listen(process.env.PORT)`\nconst s = 'new Agenda()'\n")
    expect(f.inStringLiteral(0)).toBe(false)
    expect(f.inStringLiteral(f.text.indexOf('await app'))).toBe(true)
    expect(f.inStringLiteral(f.text.indexOf('new Agenda'))).toBe(true)
    expect(makeFile('k8s/a.yaml', 'a: "x"').inStringLiteral(4)).toBe(false)
    // A quote inside a regex literal does not open a string: the mask stays aligned after it.
    const r = makeFile('src/b.ts', `if (/["'](?:agenda)["']/.test(code)) add(i, 'new Agenda()')\nconst x = a / b / c; new Agenda()`)
    expect(r.inStringLiteral(r.text.indexOf("'new Agenda") + 1)).toBe(true)
    expect(r.inStringLiteral(r.text.lastIndexOf('new Agenda'))).toBe(false)
  })

  it('rule sources and remediation texts do not trip TF0801, TF0802 or TF0901, real code still does', () => {
    const quoted = {
      'package.json': '{"name":"tool","dependencies":{"express":"4.19.2"},"scripts":{"start":"node src/server.js"}}',
      'src/messages.js': [
        "const fix = `const server = app.listen(port)\\nprocess.on('SIGTERM', () => server.close())`",
        "const what = \"require('daemon')() detaches the process\"",
        "const token = 'new Agenda()'",
        'module.exports = { fix, what, token }'
      ].join('\n')
    }
    const ids = (files: Record<string, string>) =>
      runAudit({ root: makeTree(files), config: { ...defaultConfig(), factors: ['VIII', 'IX'] }, useGit: false }).findings.map((f) => f.ruleId)
    expect(ids(quoted)).toEqual([])
    const real = { ...quoted, 'src/server.js': "const app = require('express')()\nrequire('daemon')()\nconst Agenda = require('agenda')\nconst agenda = new Agenda({ db: { address: process.env.MONGO_URL } })\nagenda.every('5 minutes', 'report')\napp.listen(process.env.PORT)\n" }
    expect(ids(real).sort()).toEqual(['TF0801', 'TF0802', 'TF0901'])
  })
})
