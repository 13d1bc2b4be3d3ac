import { describe, expect, it } from '@jest/globals'
import { runCli } from '../src/cli/main.js'
import { makeTree } from './helpers/tree.js'

const MONOREPO = {
  'package.json': '{"private": true, "workspaces": ["services/*"]}',
  'services/api/package.json': '{"dependencies": {"express": "^4", "typescript": "^5"}}',
  'services/api/src/index.ts': "const pw = 'x'\n",
  'services/shop/Gemfile': "gem 'rails', '~> 7.1'\n",
  'workers/requirements.txt': 'celery==5.4.0\n',
  'examples/demo/package.json': '{"dependencies": {"express": "^4"}}'
}

function cli(args: string[], cwd: string) {
  let stdout = ''
  let stderr = ''
  const code = runCli(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false, cwd, env: {}, rules: [] })
  return { code, stdout, stderr }
}

describe('--list-apps', () => {
  it('prints the apps as JSON for a workflow matrix', () => {
    const r = cli(['.', '--list-apps', '--format', 'json'], makeTree(MONOREPO))
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([
      { path: 'services/api', language: 'typescript', framework: 'express' },
      { path: 'services/shop', language: 'ruby', framework: 'rails' },
      { path: 'workers', language: 'python', framework: null }
    ])
  })
  it('prints one app per line as text, path first', () => {
    const r = cli(['--list-apps'], makeTree(MONOREPO))
    expect(r.stdout).toBe('services/api\ttypescript\texpress\nservices/shop\truby\trails\nworkers\tpython\t-\n')
  })
  it('prints an empty list when there is no manifest', () => {
    expect(cli(['--list-apps', '--format', 'json'], makeTree({ 'a.txt': 'x' })).stdout).toBe('[]\n')
  })
})
