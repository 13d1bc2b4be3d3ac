// Snippets are masked whatever rules run: a credential sitting on a line that another rule flags
// (a Procfile port, a build in a start script, a listen call) must not come out of the committed
// bundles whole, with a factor subset, with TF0301 off, or with every factor on. A k8s Secret value
// split over two lines is masked on its first line too.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FakeGitHub, pullRequestEvent } from '../helpers/fake-github.js'
import { runActionAsync, runCliBundle } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp.js'
import { makeTree } from '../helpers/tree.js'

const GITHUB_TOKEN = `ghp_${'Q7mZ2kL9xW4vB8nR1tY6uI3oP5aS0dF7gH2j'}`
const STRIPE = `sk_live_${'Wm3nP0sLr7Tv2Yx5cBd9FgHj'}`
const PROCFILE_KEY = 'Zx81kd02lsPqWe'
const SCRIPT_PASSWORD = 'hunter2xyzQ9'
const FLAG_PASSWORD = 's3cr3tV4lueK8'
const SPLIT_SECRET = 'Zq8mW3nP0sLr7Tv2Yx5cBd9Fg'
const PLANTED = [GITHUB_TOKEN, STRIPE, PROCFILE_KEY, SCRIPT_PASSWORD, FLAG_PASSWORD, SPLIT_SECRET]

const TREE = {
  Dockerfile: `FROM node:20.11.1\nCOPY . .\nEXPOSE 8080\nCMD GITHUB_TOKEN=${GITHUB_TOKEN} node server.js\n`,
  Procfile: `web: API_KEY=${PROCFILE_KEY} node server.js --port 5000\n`,
  'package.json': JSON.stringify({ name: 'shop', scripts: { start: `DB_PASSWORD=${SCRIPT_PASSWORD} tsc && node server.js` }, dependencies: { express: '4.19.2' } }, null, 2),
  'server.js': `const express = require('express')\nconst app = express()\nconst stripe = '${STRIPE}'; app.listen(8080)\n`,
  'k8s/deploy.yaml': [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  template:', '    spec:', '      containers:',
    '        - name: shop', '          image: shop:latest', `          command: ["node", "server.js", "--db-password=${FLAG_PASSWORD}", "--port", "8080"]`, ''
  ].join('\n'),
  'k8s/secret.yaml': ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: shop', 'stringData:', `  config: "${SPLIT_SECRET}`, '    Hj4Kl6Mn1Pq3Rs"', ''].join('\n')
}

/** A planted value, or any 10-character slice of it, in `text`. */
function leaked(text: string): string | undefined {
  for (const value of PLANTED) {
    for (let i = 0; i + 10 <= value.length; i++) if (text.includes(value.slice(i, i + 10))) return value
  }
  return undefined
}

describe('snippets are masked whatever rules run (committed CLI bundle)', () => {
  const root = makeTree(TREE, { git: true })
  const config = join(root, 'tf0301-off.yml')
  writeFileSync(config, 'rules:\n  TF0301: off\n  TF0309: off\n')
  const runs: [string, string[]][] = [
    ['a factor subset (V, VII, XI)', ['--factors', 'V,VII,XI']],
    ['TF0301 and TF0309 off', ['--config', config]],
    ['every factor', []]
  ]
  for (const [name, extra] of runs) {
    it(`${name}: no format prints a planted credential`, () => {
      for (const format of ['json', 'sarif', 'markdown', 'text']) {
        const r = runCliBundle([root, '--format', format, '--fail-on', 'none', ...extra], root)
        expect(r.status).toBe(0)
        expect(r.stdout.length).toBeGreaterThan(100)
        expect(leaked(r.stdout + r.stderr)).toBeUndefined()
      }
    })
  }

  it('the flagged lines are reported, with their credentials masked in the snippet', () => {
    const r = runCliBundle([root, '--format', 'json', '--fail-on', 'none', '--factors', 'V,VII,XI'], root)
    const findings = (JSON.parse(r.stdout) as { findings: { file: string; snippet: string }[] }).findings
    for (const file of ['Procfile', 'server.js']) {
      const f = findings.find((x) => x.file === file)
      expect(f?.snippet).toContain('****')
    }
  })

  it('a Secret value split over two lines is masked on its first line (every factor)', () => {
    const r = runCliBundle([root, '--format', 'json', '--fail-on', 'none'], root)
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; snippet: string }[] }).findings
    const secret = findings.find((x) => x.file === 'k8s/secret.yaml' && x.ruleId === 'TF0308')
    expect(secret?.snippet).toMatch(/^config: "?Zq\S*\*\*\*\*$/)
  })
})

describe('snippets are masked whatever rules run (committed action bundle)', () => {
  it('a factor subset: comment, summary, JSON report and SARIF hold no planted credential', async () => {
    const ws = makeTree(TREE, { git: true })
    const api = new FakeGitHub()
    await api.start()
    try {
      const dir = tempDir('tfa-event-')
      writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent()))
      const sarif = join(dir, 'out.sarif')
      const r = await runActionAsync(ws, { 'github-token': 'ghs_fake', comment: 'true', factors: 'V,VII,XI', 'fail-on': 'none', 'sarif-file': sarif },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_API_URL: api.url })
      expect(api.comments).toHaveLength(1)
      const texts = [r.stdout, r.stderr, r.summary, api.comments[0].body, readFileSync(r.outputs['findings-file'], 'utf8'), readFileSync(sarif, 'utf8')]
      expect(texts.join('\n')).toContain('Procfile')
      for (const t of texts) expect(leaked(t)).toBeUndefined()
    } finally {
      await api.stop()
    }
  })
})
