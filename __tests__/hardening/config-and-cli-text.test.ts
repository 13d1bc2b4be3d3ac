// Config files and repository text reaching the CLI's and the action's messages: a committed config
// that links out of the workspace is refused (quoting nothing of its target), a config's content is
// never echoed in an error, and control characters cannot ride into a terminal or a workflow command.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction, runCliBundle } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp.js'
import { makeTree } from '../helpers/tree.js'

const CREDENTIAL_LINE = 'https://deploy-bot:Zq8mW3nP0sLr7Tv2Yx5c@git.example.com'
const APP = { 'server.js': 'require("http").createServer().listen(process.env.PORT)\n', 'package.json': '{ "name": "shop" }\n' }

function outsideFile(content: string): string {
  const dir = tempDir('tfa-outside-')
  writeFileSync(join(dir, 'credentials'), content)
  return join(dir, 'credentials')
}

describe('a config that is a symbolic link out of the workspace', () => {
  it('the CLI refuses it: exit 2, naming the link, quoting nothing of the target', () => {
    const root = makeTree(APP)
    symlinkSync(outsideFile(`${CREDENTIAL_LINE}\n`), join(root, '.twelve-factor.yml'))
    const r = runCliBundle([root], root)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('.twelve-factor.yml is a symbolic link out of the audited folder')
    expect(r.stdout + r.stderr).not.toContain('Zq8mW3nP')
    expect(r.stdout + r.stderr).not.toContain('deploy-bot')
  })

  it('the action refuses it and annotates nothing of the target', () => {
    const ws = makeTree(APP)
    symlinkSync(outsideFile(`${CREDENTIAL_LINE}\n`), join(ws, '.twelve-factor.yml'))
    const r = runAction(ws, {})
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('symbolic link out of the audited folder')
    expect(r.stdout + r.stderr + r.summary).not.toContain('Zq8mW3nP')
  })

  it('a link inside the workspace is followed', () => {
    const root = makeTree({ ...APP, 'config/audit.yml': 'fail-on: none\n' })
    symlinkSync(join(root, 'config/audit.yml'), join(root, '.twelve-factor.yml'))
    expect(runCliBundle([root, '--format', 'json'], root).status).toBe(0)
  })

  it("input 'path' that is a link out of the workspace is refused", () => {
    const ws = makeTree(APP)
    const outside = tempDir('tfa-outside-app-')
    writeFileSync(join(outside, 'server.js'), 'x\n')
    symlinkSync(outside, join(ws, 'app'))
    const r = runAction(ws, { path: 'app' })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain("input 'path': app is a symbolic link out of the workspace")
  })
})

describe('config errors never echo the config', () => {
  it('a .env passed as --config: exit 2, the cause named, the value not quoted', () => {
    const root = makeTree({ ...APP, '.env': 'DB_PASSWORD=Zq8mW3nP0sLr7Tv2\n' })
    const r = runCliBundle([root, '--config', join(root, '.env')], root)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/must be a mapping.*a string of \d+ characters/)
    expect(r.stderr).not.toContain('Zq8mW3nP')
  })

  it('invalid YAML: the position and the fix, no excerpt of the file', () => {
    const root = makeTree({ ...APP, 'bad.yml': `rules: {\n  TF0301: [${CREDENTIAL_LINE}\n` })
    const r = runCliBundle([root, '--config', join(root, 'bad.yml')], root)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/invalid YAML at line \d+, column \d+/)
    expect(r.stderr).not.toContain('Zq8mW3nP')
  })

  it('a key holding a newline and a workflow command is not quoted', () => {
    const root = makeTree({ ...APP, 'c.yml': '"zz\\n::error title=Injected::pwned": 1\n' })
    const r = runCliBundle([root, '--config', join(root, 'c.yml')], root)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('unknown key')
    expect(r.stderr.split('\n').some((l) => l.startsWith('::'))).toBe(false)
  })
})

describe('repository text in CLI output', () => {
  it('--list-apps prints folder names with control characters escaped', () => {
    const root = makeTree({})
    const name = 'svc\n::error title=Injected::pwned\u001b[31m'
    mkdirSync(join(root, name))
    writeFileSync(join(root, name, 'package.json'), '{ "name": "x", "dependencies": { "express": "4.19.2" } }\n')
    const r = runCliBundle(['--list-apps'], root)
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('svc\\x0a::error title=Injected::pwned\\x1b[31m')
    expect(r.stdout.split('\n').some((l) => l.startsWith('::'))).toBe(false)
  })

  it('--format markdown strips terminal controls and right-to-left overrides from file names', () => {
    const root = makeTree({ 'src/a\u001b]0;x\u0007\u202egnp.js': 'const t = "AKIA' + 'Z7Q2XW4PLM8KD3RT"\n' })
    const r = runCliBundle([root, '--format', 'markdown', '--fail-on', 'none'], root)
    expect(r.stdout).toContain('gnp.js')
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0007\u001b\u202e]/)
  })
})
