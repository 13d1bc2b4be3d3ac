// A tiny rule for engine tests: reports every `HARDCODED_TOKEN = "<value>"` assignment.
import type { Rule } from '../../src/engine/rule.js'

export const fakeRule: Rule = {
  meta: {
    id: 'TF0399',
    name: 'fake-token',
    factor: 'III',
    severity: 'error',
    summary: 'test rule',
    why: 'test rule',
    remediation: 'Read the token from the environment.'
  },
  files: { kinds: ['source'] },
  keywords: ['hardcoded_token'],
  check(file, report) {
    const re = /HARDCODED_TOKEN = "([^"]+)"/g
    for (const m of file.code.matchAll(re)) {
      const pos = file.position(m.index)
      report({ line: pos.line, column: pos.column, message: `token ${m[1]} in code`, secret: m[1] })
    }
  }
}

export const fakeRepoRule: Rule = {
  meta: { ...fakeRule.meta, id: 'TF0198', name: 'fake-repo', factor: 'I', severity: 'notice' },
  checkRepo(repo, report) {
    if (!repo.git.isRepo) report({ file: repo.files[0]?.path ?? '.', line: 1, message: 'not a git checkout' })
  }
}
