// runAudit: the one function both entry points call. discovery → file model → rules → results.
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import type { AuditConfig } from './config/schema.js'
import { finalizeReports } from './engine/check-file.js'
import { classifyKind, classifyLanguage, classifyRole } from './engine/classify.js'
import { detectApps, isAppManifest, type App } from './engine/apps.js'
import { discover, isBinaryName } from './engine/discovery.js'
import { UsageError } from './engine/errors.js'
import { FilePass, RETAIN_MAX_BYTES, staysOnMainThread, type FileRecord } from './engine/file-pass.js'
import { readText, type SkipReason } from './engine/read.js'
import { Facts, type FileInfo, type RepoContext, type Rule } from './engine/rule.js'
import { SourceFile } from './engine/source-file.js'
import { append } from './engine/arrays.js'
import { FileWorkerPool } from './engine/worker-pool.js'
import { FACTORS, type Factor, type FactorResult, type Finding, type Report, type Suppression } from './engine/types.js'
import { buildFactorResults, compareFindings, gate, score, type Gate } from './results/factor-results.js'
import { RULES } from './rules/registry.js'
import { VERSION } from './version.js'
import { buildDeployModel, DeployModel, isModelInput } from './model/deploy-model.js'

export interface AuditOptions {
  root: string
  config: AuditConfig
  rules?: readonly Rule[]
  useGit?: boolean
  /**
   * Threads reading files, the main thread included: undefined = automatic (one per CPU, at most
   * 4, and only for trees of PARALLEL_MIN_FILES files or more), 1 = no workers. Needs `workerEntry`.
   */
  jobs?: number
  /** The bundled entry point that serves workers (see worker-pool.ts); unbundled callers omit it. */
  workerEntry?: string | URL
  /** How long the main thread waits on silent workers before reading their files itself (tests shorten it). */
  workerStallMs?: number
}

/** Below this many files, starting workers (each loads the bundle: 100-200 ms) costs more than it saves. */
export const PARALLEL_MIN_FILES = 10000

const EMPTY_MODEL = DeployModel.empty()

export interface AuditStats {
  files: number
  bytes: number
  skipped: number
  /** Files not audited, counted by why (symbolic links and special files included, though not listed). */
  skippedByReason: Partial<Record<SkipReason, number>>
  durationMs: number
  /** Worker threads that read files (0: the main thread read them all). */
  workers: number
}

export interface AuditResult {
  version: string
  root: string
  score: number
  factors: FactorResult[]
  findings: Finding[]
  suppressed: Suppression[]
  stats: AuditStats
  skippedFiles: { file: string; reason: SkipReason }[]
  gate: Gate
  /** Apps detected from manifests: a monorepo holds several. */
  apps: App[]
  /** The deploy model the rules asked: processes, shipped files, environments (see --explain-deploy). */
  deploy?: DeployModel
  /** Engine problems that did not change the result (a worker that failed; its files ran on the main thread). */
  warnings: string[]
}

export function activeRules(config: AuditConfig, rules: readonly Rule[] = RULES): Rule[] {
  const factors = new Set<Factor>(config.factors ?? FACTORS)
  return rules.filter((r) => factors.has(r.meta.factor) && config.rules[r.meta.id] !== 'off')
}

export function runAudit(options: AuditOptions): AuditResult {
  const started = Date.now()
  const { root, config } = options
  const rules = activeRules(config, options.rules ?? RULES)
  // (A caller passing no rule at all, --list-apps, wants discovery and app detection only.)
  if (rules.length === 0 && (options.rules ?? RULES).length > 0) throw new UsageError(noRuleMessage(config))
  const discovered = discover({ root, include: config.include, exclude: config.exclude, useGit: options.useGit })
  if (discovered.files.length === 0) throw new UsageError(noFileMessage(config, discovered.unmatchedIncludes))
  const candidates = discovered.files.filter((p) => !isBinaryName(p)).map((path): FileInfo => {
    const kind = classifyKind(path)
    return { path, kind, language: classifyLanguage(path), role: classifyRole(path, kind), size: 0 }
  })
  // Workers start now, so loading the bundle overlaps the manifests and structural files below.
  const jobs = options.jobs ?? Math.min(availableParallelism(), 4)
  const pool = options.workerEntry !== undefined && jobs > 1 && !options.rules && (options.jobs !== undefined || candidates.length >= PARALLEL_MIN_FILES)
    ? new FileWorkerPool({ entry: options.workerEntry, workers: jobs - 1, stallMs: options.workerStallMs })
    : undefined

  try {
    return auditCandidates(options, started, rules, discovered, candidates, pool)
  } finally {
    pool?.close() // also when a rule or the disk throws: no worker outlives the audit
  }
}

/**
 * An audit of no rule or no file passes on nothing (score 100, exit 0): that is a configuration
 * error, named by the setting that selected nothing.
 */
function noRuleMessage(config: AuditConfig): string {
  if (config.factors && config.factors.length === 0) return "'factors' selects no factor: name at least one of I..XII (or 1..12), or leave it unset for all"
  const factors = config.factors ? `of factors ${config.factors.join(', ')} ` : ''
  return `no rule to run: every rule ${factors}is turned off ('rules:' in the config, or 'factors'); turn at least one on`
}

function noFileMessage(config: AuditConfig, unmatched: string[]): string {
  if (unmatched.length > 0) {
    const looksLikeRegex = unmatched.some((p) => /[$^\\]|\.\*|\(\?/.test(p))
    return `'include' selected no file: ${unmatched.map((p) => `'${p}'`).join(', ')} matched nothing. Patterns are globs relative to the audited folder (e.g. src/**/*.js)${looksLikeRegex ? ', not regular expressions' : ''}`
  }
  if (config.exclude.length > 0 || config.include.length > 0) return `'include'/'exclude' left no file to audit (exclude: ${config.exclude.map((p) => `'${p}'`).join(', ') || 'none'})`
  return 'no file to audit: the folder is empty, or every file is ignored (.gitignore) or in a folder never audited (node_modules, dist, vendor...)'
}

/** The rest of runAudit once the file list is known (runAudit owns the worker pool's lifetime). */
function auditCandidates(options: AuditOptions, started: number, rules: Rule[], discovered: ReturnType<typeof discover>, candidates: FileInfo[], pool?: FileWorkerPool): AuditResult {
  const { root, config } = options
  // Phase 1: manifests and deploy files first (small, few), so every rule knows which app a file
  // belongs to and the deploy model knows what ships where.
  const early = new FilePass({ root, maxFileSize: config.maxFileSize, rules: [], apps: [], deploy: EMPTY_MODEL.data }, false)
  const manifests: SourceFile[] = []
  const structural = new Map<string, SourceFile>()
  for (const info of candidates) {
    const manifest = isAppManifest(info.path) && info.role !== 'test' && info.role !== 'docs' && info.role !== 'example'
    if (!manifest && !isModelInput(info)) continue
    const file = early.load(info)
    if (typeof file === 'string') continue
    structural.set(info.path, file)
    if (manifest) manifests.push(file)
  }
  const apps = detectApps(manifests)
  const deploy = buildDeployModel({ files: candidates, read: (p) => structural.get(p), apps })
  // The model may know better than the path: a goreman Procfile, a Dockerfile only Tilt builds.
  for (const info of candidates) info.role = deploy.roleOf(info.path, info.kind)
  // Committed build output a production process runs (dist/main.js behind `start:prod`): read for credentials only.
  for (const path of discovered.buildOutput) {
    if (isBinaryName(path) || !deploy.runsBuildOutput(path)) continue
    candidates.push({ path, kind: classifyKind(path), language: classifyLanguage(path), role: 'build', size: 0 })
  }
  const pass = new FilePass({ root, maxFileSize: config.maxFileSize, rules, apps, deploy: deploy.data }, true)
  const infoOf = new Map(candidates.map((c) => [c.path, c]))
  const manifestSet = new Set(manifests)
  for (const [path, f] of structural) {
    const info = infoOf.get(path)!
    if (!manifestSet.has(f) && info.size > RETAIN_MAX_BYTES) continue // read again in the pass, not kept
    pass.retained.set(path, info.role !== f.role ? new SourceFile(f.path, f.text, f.kind, f.language, info.role) : f)
  }

  // Phase 2: every file, read once, offered to the rules that select it. Source files may go to
  // worker threads; structural files stay here, where repository rules will look at them again.
  const records: FileRecord[] = []
  const warnings: string[] = discovered.unmatchedIncludes.map((p) => `include pattern '${p}' matched no file`)
  let workers = 0
  if (pool) {
    const remote: [number, FileInfo][] = []
    const mainOnly: [number, FileInfo][] = []
    candidates.forEach((info, order) => (!staysOnMainThread(pass, info) && pass.wants(info) ? remote : mainOnly).push([order, info]))
    const setup = { root, maxFileSize: config.maxFileSize, ruleIds: rules.map((r) => r.meta.id), apps, deploy: deploy.data }
    const out = pool.run(setup, remote, (info, order) => pass.offer(info, order), mainOnly)
    append(records, out.records)
    workers = out.workers
    append(warnings, out.problems)
  } else {
    candidates.forEach((info, order) => records.push(pass.offer(info, order)))
  }
  records.sort((a, b) => a.order - b.order)

  const facts = new Facts()
  const infos: FileInfo[] = []
  const findings: Finding[] = []
  const suppressed: Suppression[] = []
  const skippedFiles: AuditResult['skippedFiles'] = []
  const skippedByReason: AuditStats['skippedByReason'] = {}
  const ran = new Set<string>()
  /** Credentials the file rules reported, by file: repository rules' findings on those files redact them too. */
  const secretsByFile = new Map<string, string[]>()
  let bytes = 0
  for (const r of records) {
    if (r.skipped) {
      skippedByReason[r.skipped] = (skippedByReason[r.skipped] ?? 0) + 1
      if (r.skipped !== 'symlink' && r.skipped !== 'not-a-file') skippedFiles.push({ file: r.info.path, reason: r.skipped })
      continue
    }
    bytes += r.info.size
    if (r.info.role !== 'build') infos.push(r.info) // repository rules judge the source, not its build output
    for (const [key, value] of r.facts) facts.add(key, value)
    for (const id of r.offered) ran.add(id)
    append(findings, r.findings)
    append(suppressed, r.suppressed)
    if (r.secrets) secretsByFile.set(r.info.path, r.secrets)
  }

  const repo: RepoContext = {
    root,
    files: infos,
    facts,
    get: (p) => pass.retained.get(p),
    git: discovered.git,
    trackedExcluded: discovered.trackedExcluded,
    apps,
    appOf: (p) => pass.appFor(p),
    deploy
  }
  const byPath = new Map(infos.map((i) => [i.path, i]))
  const reread = (path: string): SourceFile | undefined => {
    const info = byPath.get(path)
    const read = info ? readText(join(root, path), config.maxFileSize) : undefined
    return info && read && 'text' in read ? new SourceFile(path, read.text, info.kind, info.language, info.role) : undefined
  }
  for (const rule of rules.filter((r) => r.checkRepo)) {
    ran.add(rule.meta.id)
    const reports: Report[] = []
    rule.checkRepo!(repo, (r) => reports.push(r))
    // Group by file so suppression comments and fingerprints work as for file rules.
    const byFile = new Map<string, Report[]>()
    for (const r of reports) byFile.set(r.file!, [...(byFile.get(r.file!) ?? []), r])
    for (const [path, list] of byFile) {
      // A finding on a file not kept (a source line found by a repository rule): read it again so the
      // snippet and suppression comments work as for file rules.
      const file = pass.retained.get(path) ?? (rule.rereadReportedFiles ? reread(path) : undefined) ?? new SourceFile(path, '', classifyKind(path), classifyLanguage(path), 'app')
      const out = finalizeReports(list.map((report) => ({ rule, report: { ...report, file: undefined } })), file, secretsByFile.get(path))
      append(findings, out.findings)
      append(suppressed, out.suppressed)
    }
  }

  // Severity overrides; 'off' also reaches engine-level findings (TF0001) that no rule object owns.
  const kept = findings.filter((f) => config.rules[f.ruleId] !== 'off')
  for (const f of kept) {
    const override = config.rules[f.ruleId]
    if (override && override !== 'off') f.severity = override
  }
  kept.sort(compareFindings)

  const rulesRun = new Map<Factor, number>()
  for (const rule of rules) if (ran.has(rule.meta.id)) rulesRun.set(rule.meta.factor, (rulesRun.get(rule.meta.factor) ?? 0) + 1)
  const factors = buildFactorResults(kept, rulesRun, new Set(config.factors ?? FACTORS))
  return {
    version: VERSION,
    root,
    score: score(factors),
    factors,
    findings: kept,
    suppressed,
    stats: { files: infos.length, bytes, skipped: skippedFiles.length, skippedByReason, durationMs: Date.now() - started, workers },
    skippedFiles,
    gate: gate(kept, config),
    apps,
    deploy,
    warnings
  }
}
