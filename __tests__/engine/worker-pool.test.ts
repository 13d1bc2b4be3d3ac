// The worker pool's failure paths, with stand-in workers (data: URL modules speaking the pool's
// protocol): a worker that never answers or fails every chunk must cost time, never files or
// findings. The happy path runs the real bundle in __tests__/dist/parallel.test.ts.
import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import type { FileInfo } from '../../src/engine/rule.js'
import type { FileRecord } from '../../src/engine/file-pass.js'
import { FileWorkerPool, WORKER_MARKER } from '../../src/engine/worker-pool.js'
import { makeTree } from '../helpers/tree.js'
import { DeployModel } from '../../src/model/deploy-model.js'

const workerModule = (body: string): URL =>
  new URL(`data:text/javascript,${encodeURIComponent(`import { workerData } from 'node:worker_threads'\nconst { signal, port } = workerData[${JSON.stringify(WORKER_MARKER)}]\n${body}`)}`)

// Listens (so the thread stays alive) and never answers.
const SILENT = workerModule("port.on('message', () => {})")
// Answers every chunk with an error, as serveAuditWorker does when a rule throws.
const FAILING = workerModule(`port.on('message', (m) => {
  if (m === null) return port.close()
  if (m.setup) return
  port.postMessage({ chunk: m.chunk, error: 'Error: boom' })
  Atomics.add(signal, 0, 1)
  Atomics.notify(signal, 0)
})`)

// A bundle that is not there: the worker dies loading it (its 'error' event must not crash the audit).
const MISSING = new URL('file:///nonexistent/twelve-factor-audit/index.js')

const info = (path: string): FileInfo => ({ path, kind: 'source', language: 'javascript', role: 'app', size: 0 })
const setup = { root: '/nowhere', maxFileSize: 1024, ruleIds: [], apps: [], deploy: DeployModel.empty().data }
const files: [number, FileInfo][] = Array.from({ length: 450 }, (_, i) => [i, info(`f${i}.js`)])

/** Runs the pool, recording which files the main thread had to read itself. */
function runPool(entry: URL, stallMs: number): { local: number[]; out: ReturnType<FileWorkerPool['run']> } {
  const local: number[] = []
  const here = (i: FileInfo, order: number): FileRecord => {
    local.push(order)
    return { order, info: i, findings: [], suppressed: [], offered: [], facts: [] }
  }
  const out = new FileWorkerPool({ entry, workers: 2, stallMs }).run(setup, files, here)
  return { local: local.sort((a, b) => a - b), out }
}

describe('worker pool failures', () => {
  it('workers that never answer: the main thread reads every file, the stalled chunks after the timeout, with a warning', () => {
    const { local, out } = runPool(SILENT, 300)
    expect(local).toEqual(files.map(([order]) => order))
    expect(out.records).toHaveLength(450)
    expect(out.workers).toBe(0)
    expect(out.problems.join('\n')).toMatch(/no answer from a file worker for 300 ms/)
  })

  it('workers that fail their chunks: those chunks run on the main thread at once, each failure named', () => {
    const { local, out } = runPool(FAILING, 60_000)
    expect(local).toEqual(files.map(([order]) => order))
    expect(out.workers).toBe(2)
    expect(out.problems.length).toBeGreaterThan(0)
    expect(out.problems[0]).toMatch(/a file worker failed .*boom/)
  })

  it('runAudit with broken workers gives the same findings as one thread, plus a warning', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 30; i++) files[`src/mod${i}.js`] = `const db = "postgres://admin:Pa55word${i}x@db.example.com/app"\napp.listen(${3000 + i})\n`
    files['package.json'] = '{ "name": "svc", "dependencies": { "express": "^4.19.2" } }\n'
    const root = makeTree(files)
    const alone = runAudit({ root, config: defaultConfig(), useGit: false })
    for (const entry of [SILENT, FAILING, MISSING]) {
      const pooled = runAudit({ root, config: defaultConfig(), useGit: false, jobs: 2, workerEntry: entry, workerStallMs: 300 })
      expect(pooled.findings).toEqual(alone.findings)
      expect(pooled.stats.files).toBe(alone.stats.files)
      // The silent and missing workers never answered; the failing one answered (with errors) and is counted.
      if (entry === FAILING) expect(pooled.stats.workers).toBeGreaterThan(0)
      else expect(pooled.stats.workers).toBe(0)
      expect(pooled.warnings.length).toBeGreaterThan(0)
    }
    expect(alone.findings.length).toBeGreaterThan(30)
    expect(alone.warnings).toEqual([])
  })
})
