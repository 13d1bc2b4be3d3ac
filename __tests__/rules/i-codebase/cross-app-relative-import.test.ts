import { describe, expect, it } from '@jest/globals'
import { crossAppRelativeImport } from '../../../src/rules/i-codebase/cross-app-relative-import.js'
import { auditTree, brief } from '../../helpers/audit-tree-i-ii-iv.js'

const rules = [crossAppRelativeImport]
const PKG = '{"dependencies": {"express": "^4"}}'

describe('TF0103 cross-app-relative-import', () => {
  it('flags imports that leave the app for another app or an undeclared shared folder', () => {
    const r = auditTree(
      {
        'services/api/package.json': PKG,
        'services/api/src/orders.ts': "import { money } from '../../billing/src/money'\nimport { log } from '../../../shared/log'\nimport { db } from './db'\nconst x = require('../../billing/lib/tax.js')\n",
        'services/billing/package.json': PKG,
        'services/billing/src/money.ts': 'export const money = 1\n',
        'shared/log.ts': 'export const log = console.log\n',
        'workers/requirements.txt': 'celery==5.4.0\n',
        'workers/app/tasks.py': "import sys\nsys.path.append('../../shared/py')\n",
        'shop/Gemfile': "gem 'rails'\n",
        'shop/app/models/order.rb': "require_relative '../../../services/billing/lib/tax'\n"
      },
      rules
    )
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
      'services/api/src/orders.ts:1:24',
      'services/api/src/orders.ts:2:22',
      'services/api/src/orders.ts:4:20',
      'shop/app/models/order.rb:1:19',
      'workers/app/tasks.py:2:18'
    ])
    expect(r.findings[0].message).toBe('`../../billing/src/money` reaches into app `services/billing`: apps share code through a declared package, not a relative path')
    expect(r.findings[1].message).toMatch(/`shared\/log`, outside app `services\/api`/)
    expect(r.findings[0].remediation).toMatch(/workspace:\*/)
  })

  it('stays silent inside one app, in single-app repos, tests and comments', () => {
    expect(
      brief(
        {
          'services/api/package.json': PKG,
          'services/api/src/a/b.ts': "import { c } from '../c'\n// import x from '../../../billing/src/x'\n",
          'services/api/test/orders.test.ts': "import { money } from '../../billing/src/money'\n",
          'services/billing/package.json': PKG
        },
        rules
      )
    ).toEqual([])
    expect(brief({ 'package.json': PKG, 'src/a/b.ts': "import x from '../../shared/x'\n" }, rules)).toEqual([])
    // A nested {"type": "module"} marker is not a second app: its files may import the package's own code.
    expect(brief({ 'package.json': PKG, 'lib/x.js': 'x\n', 'esm/package.json': '{"type": "module"}', 'esm/index.js': "export * from '../lib/x.js'\n", 'other/package.json': PKG }, rules)).toEqual([])
  })
})
