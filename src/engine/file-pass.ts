// The per-file half of an audit: read a file once, offer it to the rules selected for it, and
// keep what it yields as one FileRecord. Records are plain data, so the same pass runs on the main
// thread or in a worker (worker-pool.ts) and the main thread merges records in path order: the
// result is the same whichever thread read which file.
import { join } from 'node:path'
import { appOf, type App } from './apps.js'
import { checkFile } from './check-file.js'
import { readText, type SkipReason } from './read.js'
import { Facts, type FileInfo, type Rule } from './rule.js'
import { RuleIndex } from './select.js'
import { SourceFile } from './source-file.js'
import type { Finding, Suppression } from './types.js'
import { DeployModel, type DeployModelData } from '../model/deploy-model.js'

/** What one file yields. `order` is the file's index in the sorted candidate list. */
export interface FileRecord {
  order: number
  info: FileInfo
  findings: Finding[]
  suppressed: Suppression[]
  /** Rule ids the file was offered to (selected by kind/language/role, before keywords). */
  offered: string[]
  /** Facts rules recorded while checking this file, in the order they were added. */
  facts: [string, unknown][]
  skipped?: SkipReason
  /** Credentials the rules reported in this file: repository rules' findings on it are redacted of them too. */
  secrets?: string[]
}

/** Kinds whose SourceFile stays in memory after the pass, for repository-level rules. */
export const RETAINED_KINDS = new Set(['manifest', 'dockerfile', 'compose', 'kubernetes', 'workflow', 'procfile', 'dotenv'])
export const RETAIN_MAX_BYTES = 256 * 1024
const K8S_SHAPE = /^apiVersion:\s*\S+[\s\S]*^kind:\s*\S+|^kind:\s*\S+[\s\S]*^apiVersion:/m

/** Facts that also note which file added each one, so records can carry them across threads. */
class RecordingFacts extends Facts {
  current?: [string, unknown][]
  override add<T>(key: string, value: T): void {
    super.add(key, value)
    this.current?.push([key, value])
  }
}

export interface FilePassSetup {
  root: string
  maxFileSize: number
  rules: readonly Rule[]
  apps: readonly App[]
  /** The deploy model as plain data (it crosses to worker threads). */
  deploy: DeployModelData
}

export class FilePass {
  readonly index: RuleIndex
  /** Small structural files kept for repository-level rules (main thread only). */
  readonly retained = new Map<string, SourceFile>()
  private readonly facts = new RecordingFacts()
  private readonly appByDir = new Map<string, App | undefined>()
  private readonly deploy: DeployModel

  constructor(private readonly setup: FilePassSetup, private readonly retain: boolean) {
    this.index = new RuleIndex(setup.rules)
    this.deploy = new DeployModel(setup.deploy)
  }

  /** The innermost app holding a path; files of one folder share the answer. */
  appFor(path: string): App | undefined {
    const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')))
    if (!this.appByDir.has(dir)) this.appByDir.set(dir, appOf(this.setup.apps, path))
    return this.appByDir.get(dir)
  }

  /** Reads a file (sets info.size; a YAML file may turn out to be Kubernetes). */
  load(info: FileInfo): SourceFile | SkipReason {
    const read = readText(join(this.setup.root, info.path), this.setup.maxFileSize)
    if ('skipped' in read) return read.skipped
    info.size = read.bytes
    if (info.kind === 'yaml' && K8S_SHAPE.test(read.text)) info.kind = 'kubernetes'
    return new SourceFile(info.path, read.text, info.kind, info.language, info.role)
  }

  /** Does the file need reading at all? Kinds no rule selects are counted, never opened. */
  wants(info: FileInfo): boolean {
    return this.retained.has(info.path) || this.index.rulesFor(info).length > 0 || RETAINED_KINDS.has(info.kind) ||
      (info.kind === 'yaml' && this.index.rulesFor({ ...info, kind: 'kubernetes' }).length > 0)
  }

  offer(info: FileInfo, order: number): FileRecord {
    const record: FileRecord = { order, info, findings: [], suppressed: [], offered: [], facts: [] }
    if (!this.wants(info)) return record
    const file = this.retained.get(info.path) ?? this.load(info)
    if (typeof file === 'string') {
      record.skipped = file
      return record
    }
    const rules = this.index.rulesFor(info)
    const found = rules.length > 0 ? this.index.scannerFor(info).scan(file.text) : new Set<string>()
    this.facts.current = record.facts
    const secrets: string[] = []
    try {
      const outcome = checkFile(rules, file, { facts: this.facts, app: this.appFor(info.path), apps: this.setup.apps, deploy: this.deploy }, found, secrets)
      if (secrets.length > 0) record.secrets = secrets
      record.findings = outcome.findings
      record.suppressed = outcome.suppressed
      record.offered = outcome.offered
    } finally {
      this.facts.current = undefined
    }
    if (this.retain && RETAINED_KINDS.has(info.kind) && info.size <= RETAIN_MAX_BYTES) this.retained.set(info.path, file)
    return record
  }
}

/** Is this file read on the main thread when the pass is split (structural files, kept for repository rules)? */
export function staysOnMainThread(pass: FilePass, info: FileInfo): boolean {
  return pass.retained.has(info.path) || RETAINED_KINDS.has(info.kind) || info.kind === 'yaml'
}
