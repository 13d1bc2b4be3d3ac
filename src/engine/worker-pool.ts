// Runs the file pass on worker threads for large trees. The pool is synchronous on purpose:
// runAudit stays a plain function for every caller. The main thread hands out chunks of files
// over MessagePorts and sleeps on a shared counter (Atomics.wait) that workers bump after each
// reply, then drains replies with receiveMessageOnPort. A worker that never answers (it failed
// to start, it crashed) costs one stall timeout; its chunks then run on the main thread.
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, isMainThread, workerData } from 'node:worker_threads'
import type { App } from './apps.js'
import { FilePass, type FileRecord } from './file-pass.js'
import type { FileInfo, Rule } from './rule.js'

export const WORKER_MARKER = 'twelve-factor-audit:file-pass-worker'
/** Files per message: small enough to balance the workers, large enough that messaging is noise. */
const MAX_CHUNK = 200
const MIN_CHUNK = 16

export interface WorkerSetup {
  root: string
  maxFileSize: number
  ruleIds: string[]
  apps: App[]
}

export interface PoolOptions {
  /** The module a worker runs: the bundle that called runAudit (its entry serves workers). */
  entry: string | URL
  jobs: number
  setup: WorkerSetup
  /** No reply from any worker for this long: the rest runs on the main thread. */
  stallMs?: number
}

type Request = { chunk: number; files: [number, FileInfo][] } | null
type Reply = { chunk: number; records: FileRecord[] } | { chunk: number; error: string }

/** True inside a worker started by runOnWorkers: the entry point must call serveAuditWorker. */
export function isAuditWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARKER] !== undefined
}

/** The worker side: build the same rule set, answer chunks until the main thread says stop. */
export function serveAuditWorker(registry: readonly Rule[]): void {
  const { setup, signal, port } = (workerData as Record<string, { setup: WorkerSetup; signal: Int32Array; port: MessagePort }>)[WORKER_MARKER]
  const ids = new Set(setup.ruleIds)
  const pass = new FilePass({ ...setup, rules: registry.filter((r) => ids.has(r.meta.id)) }, false)
  port.on('message', (request: Request) => {
    if (request === null) {
      port.close()
      return
    }
    let reply: Reply
    try {
      reply = { chunk: request.chunk, records: request.files.map(([order, info]) => pass.offer(info, order)) }
    } catch (e) {
      reply = { chunk: request.chunk, error: String((e as Error).stack ?? e) }
    }
    port.postMessage(reply)
    Atomics.add(signal, 0, 1)
    Atomics.notify(signal, 0)
  })
}

export interface PoolOutcome {
  /** Records of the chunks the workers finished, in no particular order. */
  records: FileRecord[]
  /** Files no worker answered for: the caller runs them itself. */
  leftover: [number, FileInfo][]
  /** Workers that answered at least once. */
  workers: number
  /** Why a chunk came back to the main thread, when one did. */
  problems: string[]
}

/** Offers `files` (with their candidate order) to `jobs` workers and waits for every answer. */
export function runOnWorkers(options: PoolOptions, files: [number, FileInfo][]): PoolOutcome {
  const size = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.ceil(files.length / (options.jobs * 8))))
  const chunks: [number, FileInfo][][] = []
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size))
  const signal = new Int32Array(new SharedArrayBuffer(4))
  const done = new Set<number>()
  const failed = new Set<number>()
  const answered = new Set<number>()
  const problems: string[] = []
  const records: FileRecord[] = []
  const pool: { worker?: Worker; port: MessagePort }[] = []
  let next = 0

  const send = (slot: number): void => {
    if (next >= chunks.length) return
    const chunk = next++
    pool[slot].port.postMessage({ chunk, files: chunks[chunk] } satisfies Request)
  }
  for (let slot = 0; slot < Math.min(options.jobs, chunks.length); slot++) {
    const { port1, port2 } = new MessageChannel()
    pool.push({ port: port1 })
    try {
      const worker = new Worker(options.entry, { workerData: { [WORKER_MARKER]: { setup: options.setup, signal, port: port2 } }, transferList: [port2] })
      worker.unref()
      worker.on('error', () => undefined) // reported as a stall; never an unhandled error
      pool[slot].worker = worker
    } catch (e) {
      problems.push(`worker ${slot} did not start: ${(e as Error).message}`)
      continue
    }
    // Two chunks in flight per worker, so it never idles while the main thread wakes up.
    send(slot)
    send(slot)
  }

  const stallMs = options.stallMs ?? 30_000
  let lastProgress = Date.now()
  while (done.size + failed.size < chunks.length && pool.some((p) => p.worker)) {
    const seen = Atomics.load(signal, 0)
    pool.forEach((p, slot) => {
      for (let m = receiveMessageOnPort(p.port); m; m = receiveMessageOnPort(p.port)) {
        const reply = m.message as Reply
        answered.add(slot)
        lastProgress = Date.now()
        if ('error' in reply) {
          problems.push(`a worker failed on a chunk (its files ran on the main thread): ${reply.error.split('\n')[0]}`)
          failed.add(reply.chunk)
        } else {
          done.add(reply.chunk)
          records.push(...reply.records)
        }
        send(slot)
      }
    })
    if (done.size + failed.size >= chunks.length) break
    if (Date.now() - lastProgress > stallMs) {
      problems.push(`no answer from the file workers for ${stallMs} ms: the remaining files ran on the main thread`)
      break
    }
    Atomics.wait(signal, 0, seen, 250)
  }
  for (const p of pool) {
    p.port.postMessage(null satisfies Request)
    p.port.close()
    void p.worker?.terminate()
  }
  const leftover = chunks.flatMap((c, i) => (done.has(i) ? [] : c))
  return { records, leftover, workers: answered.size, problems }
}
