// Runs the file pass on worker threads for large trees. The pool is synchronous on purpose:
// runAudit stays a plain function for every caller. Workers are started as soon as the file list
// is known, so loading the bundle overlaps the main thread's own work; the main thread then hands
// out chunks of files over MessagePorts, reads chunks itself while workers are busy, and sleeps on
// a shared counter (Atomics.wait) that workers bump after each reply, draining replies with
// receiveMessageOnPort. A worker that never answers (it failed to start, it crashed) costs one
// stall timeout; its chunks then run on the main thread.
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, isMainThread, workerData } from 'node:worker_threads'
import type { App } from './apps.js'
import { append } from './arrays.js'
import { internOffered } from './check-file.js'
import { FilePass, type FileRecord } from './file-pass.js'
import type { FileInfo, Rule } from './rule.js'
import type { DeployModelData } from '../model/deploy-model.js'

export const WORKER_MARKER = 'twelve-factor-audit:file-pass-worker'
/** Files per message: small enough to balance the threads, large enough that messaging is noise. */
const MAX_CHUNK = 200
const MIN_CHUNK = 16
/** Loading the bundle takes 0.1-0.7 s; a worker silent this long after the main thread ran out of work is gone. */
const FIRST_ANSWER_MS = 10_000

export interface WorkerSetup {
  root: string
  maxFileSize: number
  ruleIds: string[]
  apps: App[]
  /** The deploy model as plain data, built on the main thread. */
  deploy: DeployModelData
}

export interface PoolOptions {
  /** The module a worker runs: the bundle that called runAudit (its entry serves workers). */
  entry: string | URL
  /** Worker threads to start (the main thread works too). */
  workers: number
  /** No reply from any worker for this long: the rest runs on the main thread. */
  stallMs?: number
}

type Request = { setup: WorkerSetup } | { chunk: number; files: [number, FileInfo][] } | null
type Reply = { chunk: number; records: FileRecord[] } | { chunk: number; error: string }
type Shared = { signal: Int32Array; port: MessagePort }

/** True inside a worker started by FileWorkerPool: the entry point must call serveAuditWorker. */
export function isAuditWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARKER] !== undefined
}

/** The worker side: build the same rule set, answer chunks until the main thread says stop. */
export function serveAuditWorker(registry: readonly Rule[]): void {
  const { signal, port } = (workerData as Record<string, Shared>)[WORKER_MARKER]
  let pass: FilePass | undefined
  port.on('message', (request: Request) => {
    if (request === null) {
      port.close()
      return
    }
    if ('setup' in request) {
      const ids = new Set(request.setup.ruleIds)
      pass = new FilePass({ ...request.setup, rules: registry.filter((r) => ids.has(r.meta.id)) }, false)
      return
    }
    let reply: Reply
    try {
      if (!pass) throw new Error('chunk before setup')
      const p = pass
      reply = { chunk: request.chunk, records: request.files.map(([order, info]) => p.offer(info, order)) }
    } catch (e) {
      reply = { chunk: request.chunk, error: String((e as Error).stack ?? e) }
    }
    port.postMessage(reply)
    Atomics.add(signal, 0, 1)
    Atomics.notify(signal, 0)
  })
}

export interface PoolOutcome {
  records: FileRecord[]
  /** Worker threads that answered at least once. */
  workers: number
  /** Why files came back to the main thread, when some did. */
  problems: string[]
}

export class FileWorkerPool {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4))
  private readonly slots: { worker?: Worker; port: MessagePort; inFlight: number }[] = []
  private readonly problems: string[] = []
  private closed = false

  /** Starts the workers now; they load the bundle while the main thread goes on. */
  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.workers; i++) {
      const { port1, port2 } = new MessageChannel()
      const slot: (typeof this.slots)[number] = { port: port1, inFlight: 0 }
      try {
        const shared: Shared = { signal: this.signal, port: port2 }
        slot.worker = new Worker(options.entry, { workerData: { [WORKER_MARKER]: shared }, transferList: [port2] })
        slot.worker.unref()
        slot.worker.on('error', () => undefined) // shows as a stall; never an unhandled error
      } catch (e) {
        this.problems.push(`a file worker did not start: ${(e as Error).message}`)
      }
      this.slots.push(slot)
    }
  }

  /**
   * Offers `files` (with their candidate order) to the workers and, between replies, to `local`
   * on this thread; `mainOnly` files go to `local` first, while the workers already read. Returns
   * when every file has a record. Stops the workers.
   */
  run(setup: WorkerSetup, files: [number, FileInfo][], local: (info: FileInfo, order: number) => FileRecord, mainOnly: [number, FileInfo][] = []): PoolOutcome {
    const live = this.slots.filter((s) => s.worker)
    const size = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.ceil(files.length / ((live.length + 1) * 8))))
    const chunks: [number, FileInfo][][] = []
    for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size))
    const records: FileRecord[] = []
    const pending = new Map<number, (typeof live)[number]>()
    const answered = new Set<(typeof live)[number]>()
    let next = 0
    const runHere = (chunk: number): void => {
      for (const [order, info] of chunks[chunk]) records.push(local(info, order))
    }
    const send = (slot: (typeof live)[number]): void => {
      // Two chunks in flight per worker, so it never idles while the main thread is busy.
      while (slot.inFlight < 2 && next < chunks.length) {
        const chunk = next++
        pending.set(chunk, slot)
        slot.inFlight++
        slot.port.postMessage({ chunk, files: chunks[chunk] } satisfies Request)
      }
    }
    for (const slot of live) {
      slot.port.postMessage({ setup } satisfies Request)
      send(slot)
    }
    const stallMs = this.options.stallMs ?? 30_000
    let lastProgress: number // set once the main thread has read its own files
    const drain = (): void => {
      for (const slot of live) {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          const reply = m.message as Reply
          if (pending.get(reply.chunk) !== slot) continue // not a chunk this worker holds: ignore
          pending.delete(reply.chunk)
          slot.inFlight--
          answered.add(slot)
          lastProgress = Date.now()
          if ('error' in reply) {
            this.problems.push(`a file worker failed (its files ran on the main thread): ${reply.error.split('\n')[0]}`)
            runHere(reply.chunk)
          } else {
            for (const r of reply.records) r.offered = internOffered(r.offered)
            append(records, reply.records)
          }
          send(slot)
        }
      }
    }
    mainOnly.forEach(([order, info], i) => {
      records.push(local(info, order))
      if (i % 8 === 7) drain() // keep the workers fed
    })
    lastProgress = Date.now() // the main thread's own reading is not a stall
    while (next < chunks.length || pending.size > 0) {
      const seen = Atomics.load(this.signal, 0)
      drain()
      if (next < chunks.length) {
        runHere(next++)
        lastProgress = Date.now()
        continue
      }
      if (pending.size === 0) break
      // A worker that never answered most likely failed to load: give up on it sooner.
      const limit = answered.size === 0 ? Math.min(stallMs, FIRST_ANSWER_MS) : stallMs
      if (Date.now() - lastProgress > limit) {
        this.problems.push(`no answer from a file worker for ${limit} ms: its files ran on the main thread`)
        for (const chunk of pending.keys()) runHere(chunk)
        break
      }
      Atomics.wait(this.signal, 0, seen, 100)
    }
    this.close()
    return { records, workers: answered.size, problems: this.problems }
  }

  /** Stops the workers (idempotent); run() calls it. */
  close(): void {
    if (this.closed) return
    this.closed = true
    for (const slot of this.slots) {
      slot.port.postMessage(null satisfies Request)
      slot.port.close()
      void slot.worker?.terminate()
      slot.worker = undefined
    }
  }
}
