import { afterEach } from '@jest/globals'
// A fake GitHub REST API on 127.0.0.1 for the endpoints the action uses: issue comments (list,
// create, update, delete), check runs (create, update), PR files (list, paginated, at most 3,000
// like GitHub's) and the token's user (GET /user: 403 as for GITHUB_TOKEN, or a personal access
// token's account). It records every request so tests assert on what the action sent; `respond`
// scripts faults: 5xx, rate limits, a request that never gets an answer, a connection reset, an
// answer that is not JSON, a slow answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
  html_url: string
}

export interface FakeGitHubOptions {
  /** Status to answer every write (POST/PATCH/DELETE) with, e.g. 403 for a read-only token. */
  denyWrites?: number
  /** Status to answer every request with. */
  denyAll?: number
  /** Files of the pull request (GET .../pulls/:n/files). */
  prFiles?: { filename: string; status: string }[]
  /** Answer the first N requests with 502 (to exercise retries). */
  failFirst?: number
  /**
   * Called for every request (n counts from 1) before the usual handling: a response to send
   * instead (a fault, a rate limit), or undefined to go on. May change the fake's state.
   */
  respond?: (request: RecordedRequest, n: number, fake: FakeGitHub) => FakeResponse | FakeFault | undefined
  /**
   * The token's own account (GET /user answers it, and comments are written as it), as for a
   * personal access token. Default: GET /user is 403, comments are github-actions[bot]'s (GITHUB_TOKEN).
   */
  user?: { login: string; type: string }
}

export interface FakeResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Send this text as the body instead of `body` as JSON (still labelled application/json). */
  raw?: string
  /** Answer after this long. */
  delayMs?: number
}

/** Faults below HTTP: never answer (the socket stays open), or reset the connection. */
export type FakeFault = { hang: true } | { reset: true }

/** GET /pulls/{n}/files lists at most this many files, whatever the pull request holds. */
export const PR_FILES_LIMIT = 3000

const GITHUB_ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' }

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  readonly comments: FakeComment[] = []
  readonly checkRuns = new Map<number, { name: string; conclusion: string; annotations: unknown[]; summary: string }>()
  private nextId = 1000
  private server: Server
  url = ''

  constructor(private readonly options: FakeGitHubOptions = {}) {
    this.server = createServer((req, res) => void this.handle(req, res))
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET')
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://x')
    const method = req.method ?? 'GET'
    const body = text ? JSON.parse(text) : undefined
    this.requests.push({ method, path: url.pathname + url.search, body })
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(data))
    }
    const canned = this.options.respond?.(this.requests[this.requests.length - 1], this.requests.length, this)
    if (canned && 'hang' in canned) return // the request stays open until the client gives up or the fake stops
    if (canned && 'reset' in canned) return void req.socket.destroy()
    if (canned) {
      if (canned.delayMs) await new Promise((resolve) => setTimeout(resolve, canned.delayMs))
      if (canned.raw === undefined) return send(canned.status, canned.body ?? { message: `HTTP ${canned.status}` }, canned.headers)
      res.writeHead(canned.status, { 'content-type': 'application/json; charset=utf-8', ...canned.headers })
      return void res.end(canned.raw)
    }
    if (this.options.failFirst && this.requests.length <= this.options.failFirst) return send(502, { message: 'Bad gateway' })
    if (this.options.denyAll) return send(this.options.denyAll, { message: 'Resource not accessible by integration' })
    if (this.options.denyWrites && method !== 'GET') return send(this.options.denyWrites, { message: 'Resource not accessible by integration' })

    const p = url.pathname
    let m: RegExpMatchArray | null
    if (p === '/user' && method === 'GET') {
      return this.options.user ? send(200, { ...this.options.user, id: 77 }) : send(403, { message: 'Resource not accessible by integration' })
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      if (method === 'GET') return this.page(url, this.comments, send)
      const comment: FakeComment = { id: this.nextId++, body: body.body, user: this.options.user ?? GITHUB_ACTIONS_BOT, html_url: '' }
      comment.html_url = `https://github.com/acme/shop/pull/${m[1]}#issuecomment-${comment.id}`
      this.comments.push(comment)
      return send(201, comment)
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/))) {
      const i = this.comments.findIndex((c) => c.id === Number(m![1]))
      if (i < 0) return send(404, { message: 'Not Found' })
      if (method === 'DELETE') {
        this.comments.splice(i, 1)
        res.writeHead(204).end()
        return
      }
      this.comments[i].body = body.body
      return send(200, this.comments[i])
    }
    if (p.match(/^\/repos\/[^/]+\/[^/]+\/check-runs$/) && method === 'POST') {
      const id = this.nextId++
      this.checkRuns.set(id, { name: body.name, conclusion: body.conclusion, annotations: [...(body.output?.annotations ?? [])], summary: body.output?.summary ?? '' })
      return send(201, { id, name: body.name, html_url: `https://github.com/acme/shop/runs/${id}` })
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/)) && method === 'PATCH') {
      const run = this.checkRuns.get(Number(m[1]))
      if (!run) return send(404, { message: 'Not Found' })
      run.annotations.push(...(body.output?.annotations ?? []))
      return send(200, { id: Number(m[1]) })
    }
    if (p.match(/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/) && method === 'GET') return this.page(url, (this.options.prFiles ?? []).slice(0, PR_FILES_LIMIT), send)
    send(404, { message: `fake GitHub does not implement ${method} ${p}` })
  }

  /** GitHub-style pagination: per_page/page and a Link header to the next page. */
  private page(url: URL, items: unknown[], send: (s: number, d: unknown, h?: Record<string, string>) => void): void {
    const perPage = Number(url.searchParams.get('per_page') ?? 30)
    const page = Number(url.searchParams.get('page') ?? 1)
    const slice = items.slice((page - 1) * perPage, page * perPage)
    const headers: Record<string, string> = {}
    if (page * perPage < items.length) {
      const next = new URL(url.toString().replace('http://x', this.url))
      next.searchParams.set('page', String(page + 1))
      headers.link = `<${next.toString()}>; rel="next"`
    }
    send(200, slice, headers)
  }
}

/** A realistic pull_request event payload (trimmed to what actions read). */
export function pullRequestEvent(options: { number?: number; fork?: boolean; baseSha?: string; changedFiles?: number } = {}): object {
  const n = options.number ?? 7
  const base = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' }, fork: false }
  const head = options.fork ? { full_name: 'mallory/shop', name: 'shop', owner: { login: 'mallory' }, fork: true } : base
  return {
    action: 'synchronize',
    number: n,
    pull_request: {
      number: n,
      state: 'open',
      title: 'Add payments',
      user: { login: 'dev', type: 'User' },
      head: { ref: 'feature', sha: 'feedfacefeedfacefeedfacefeedfacefeedface', repo: head },
      base: { ref: 'main', sha: options.baseSha ?? 'baseba5ebaseba5ebaseba5ebaseba5ebaseba5e', repo: base },
      ...(options.changedFiles !== undefined ? { changed_files: options.changedFiles } : {})
    },
    repository: base,
    sender: { login: 'dev', type: 'User' }
  }
}

/** A small app for API tests: one credential (AWS_KEY, which must never reach the API) and one server. */
export const AWS_KEY = `AKIA${'QX7ZT4MNB2KLPW9R'}`
export const SHOP_APP = {
  'src/config.js': `module.exports = {\n  accessKeyId: '${AWS_KEY}',\n  region: 'eu-west-1'\n}\n`,
  'src/server.js': "const express = require('express')\nconst app = express()\napp.listen(3000)\n",
  'package.json': '{ "name": "shop", "dependencies": { "express": "^4.19.2" } }\n'
}

/** One fake API per test: `start()` makes it, an afterEach stops it. Call at the top of a test file. */
export function fakeGitHubPerTest(): (options?: FakeGitHubOptions) => Promise<FakeGitHub> {
  let server: FakeGitHub | undefined
  afterEach(async () => {
    await server?.stop()
    server = undefined
  })
  return async (options = {}) => {
    server = new FakeGitHub(options)
    await server.start()
    return server
  }
}
