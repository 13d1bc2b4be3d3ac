// What the committed bundle touches besides its report. The workspace (with its .git) is byte-,
// size- and mtime-identical after a run with every reporting input on, unless `sarif-file` names a
// path inside it, which is then the only change. With default inputs the action sends nothing: no
// request reaches GITHUB_API_URL, nor an HTTP(S) proxy that would see any other destination.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { createServer as createHttpServer, type Server } from 'node:http'
import { lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { connect, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { FakeGitHub, pullRequestEvent, type FakeGitHubOptions } from '../helpers/fake-github.js'
import { runActionAsync, runCliBundle } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'
import { tempDir } from '../helpers/temp.js'

const AWS_KEY = `AKIA${'QX7ZT4MNB2KLPW9R'}`
const SAMPLE = {
  'src/config.js': `module.exports = {\n  accessKeyId: '${AWS_KEY}',\n  region: 'eu-west-1'\n}\n`,
  'src/server.js': "const express = require('express')\nconst app = express()\napp.listen(3000)\n",
  'package.json': '{ "name": "shop", "dependencies": { "express": "^4.19.2" } }\n',
  '.twelve-factor.yml': 'fail-on: error\n',
  '.gitignore': 'tmp/\n'
}

let servers: { stop: () => Promise<void> }[] = []
afterEach(async () => {
  for (const s of servers) await s.stop()
  servers = []
})

async function fakeApi(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const api = new FakeGitHub(options)
  await api.start()
  servers.push(api)
  return api
}

function prEnv(apiUrl: string, baseSha?: string): Record<string, string> {
  const dir = tempDir('tfa-event-')
  writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent(baseSha ? { baseSha } : {})))
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_API_URL: apiUrl, GITHUB_RUN_ID: '42' }
}

/** Every entry under `root` (the .git folder too): type, size, mtime and a content hash. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (rel: string): void => {
    const abs = join(root, rel)
    const st = lstatSync(abs)
    const key = rel || '.'
    if (st.isSymbolicLink()) out[key] = `link ${readlinkSync(abs)} ${st.mtimeMs}`
    else if (st.isDirectory()) {
      out[key] = `dir ${st.mtimeMs}`
      for (const name of readdirSync(abs)) walk(rel ? `${rel}/${name}` : name)
    } else out[key] = `file ${st.size} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`
  }
  walk('')
  return out
}

function workspace(): { ws: string; head: string } {
  const ws = makeTree(SAMPLE, { git: true })
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ws, encoding: 'utf8' }).trim()
  return { ws, head }
}

/** Inputs turning every reporting feature on, with the files the action reads or writes outside the workspace. */
function allInputs(ws: string): Record<string, string> {
  const outside = tempDir('tfa-outside-')
  const baseline = join(outside, 'baseline.json')
  expect(runCliBundle(['.', '--write-baseline', baseline, '--format', 'json'], ws).status).toBe(0)
  return {
    'github-token': 'ghs_fake', 'check-run': 'per-factor', comment: 'true', 'only-changed': 'true',
    'sarif-file': join(outside, 'tfa.sarif'), baseline, config: '.twelve-factor.yml', 'fail-on': 'warning'
  }
}

describe('the action leaves the workspace as it found it', () => {
  it('every reporting input on, the GitHub API answering: nothing in the workspace changes', async () => {
    const { ws } = workspace()
    const inputs = allInputs(ws)
    const before = snapshot(ws)
    const api = await fakeApi({ prFiles: [{ filename: 'src/config.js', status: 'modified' }] })
    const r = await runActionAsync(ws, inputs, prEnv(api.url))
    expect(r.stderr).toBe('')
    // Every feature really ran.
    expect(r.outputs['check-run-ids'].split(',').length).toBeGreaterThan(1)
    expect(r.outputs['comment-url']).not.toBe('')
    expect(api.requests.some((q) => q.path.startsWith('/repos/acme/shop/pulls/7/files'))).toBe(true)
    expect(r.summary).toContain('Gating on findings in the 1 files')
    expect(Number(r.outputs.baselined)).toBeGreaterThan(0)
    expect(readFileSync(inputs['sarif-file'], 'utf8')).toContain('"version": "2.1.0"')
    expect(snapshot(ws)).toEqual(before)
  }, 60_000)

  it('the PR files API denied, only-changed falls back to git diff: still nothing in the workspace (nor .git) changes', async () => {
    const { ws, head } = workspace()
    const inputs = allInputs(ws)
    const before = snapshot(ws)
    const api = await fakeApi({ denyAll: 403 })
    const r = await runActionAsync(ws, inputs, prEnv(api.url, head))
    expect(r.summary).toContain('from git diff against the pull request base')
    expect(snapshot(ws)).toEqual(before)
  }, 60_000)

  it('a sarif-file inside the workspace is the only change', async () => {
    const { ws } = workspace()
    const before = snapshot(ws)
    const r = await runActionAsync(ws, { 'sarif-file': 'twelve-factor.sarif' }, {})
    expect(r.outputs['sarif-file']).toBe(join(ws, 'twelve-factor.sarif'))
    const after = snapshot(ws)
    expect(Object.keys(after).filter((k) => !(k in before))).toEqual(['twelve-factor.sarif'])
    const changed = Object.keys(before).filter((k) => after[k] !== before[k])
    expect(changed.filter((k) => k !== '.')).toEqual([]) // the root folder's mtime moves with the new entry
  }, 60_000)
})

/** An HTTP proxy that records what it is asked for and tunnels CONNECT to `target` (or refuses). */
async function recordingProxy(target?: string): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = []
  const server: Server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    res.writeHead(502).end()
  })
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`)
    if (!target) return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    const { hostname, port } = new URL(target)
    const upstream = connect(Number(port), hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push({ stop: () => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }) })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const proxyEnv = (url: string): Record<string, string> => ({ HTTP_PROXY: url, HTTPS_PROXY: url, http_proxy: url, https_proxy: url })

describe('the action sends nothing it was not asked to', () => {
  it('default inputs on a pull request: no request to GITHUB_API_URL', async () => {
    const { ws } = workspace()
    const api = await fakeApi()
    const r = await runActionAsync(ws, { 'github-token': 'ghs_fake' }, prEnv(api.url))
    expect(r.status).toBe(1) // it did audit (the AWS key fails the step)
    expect(r.summary).toContain('## Twelve-Factor App audit')
    expect(api.requests).toEqual([])
  }, 60_000)

  it('default inputs: nothing reaches an HTTP(S) proxy either, which does see the API calls when asked for', async () => {
    const { ws } = workspace()
    const api = await fakeApi()
    const proxy = await recordingProxy(api.url)
    // A non-loopback API host, so the client goes through the proxy (loopback bypasses it).
    const env = { ...prEnv('http://api.github.test'), ...proxyEnv(proxy.url) }
    // Control: with the comment asked for, its requests do go through the proxy (to the fake API).
    const asked = await runActionAsync(ws, { 'github-token': 'ghs_fake', comment: 'true' }, env)
    expect(proxy.seen.length).toBeGreaterThan(0)
    expect(proxy.seen.every((s) => s.includes('api.github.test'))).toBe(true)
    expect(asked.outputs['comment-url']).not.toBe('')
    proxy.seen.length = 0
    api.requests.length = 0
    const r = await runActionAsync(ws, { 'github-token': 'ghs_fake' }, env)
    expect(r.status).toBe(1)
    expect(proxy.seen).toEqual([])
    expect(api.requests).toEqual([])
  }, 60_000)
})
