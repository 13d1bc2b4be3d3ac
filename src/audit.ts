// runAudit: the one function both entry points call. discovery → file model → rules → results.
import { join } from 'node:path'
import type { AuditConfig } from './config/schema.js'
import { checkFile, finalizeReports } from './engine/check-file.js'
import { classifyKind, classifyLanguage, classifyRole } from './engine/classify.js'
import { appOf, detectApps, isAppManifest, type App } from './engine/apps.js'
import { discover, isBinaryName } from './engine/discovery.js'
import { readText, type SkipReason } from './engine/read.js'
import { Facts, type FileInfo, type RepoContext, type Rule } from './engine/rule.js'
import { RuleIndex } from './engine/select.js'
import { SourceFile } from './engine/source-file.js'
import { FACTORS, type Factor, type FactorResult, type Finding, type Report, type Suppression } from './engine/types.js'
import { buildFactorResults, compareFindings, gate, score, type Gate } from './results/factor-results.js'
import { RULES } from './rules/registry.js'
import { VERSION } from './version.js'

export interface AuditOptions {
  root: string
  config: AuditConfig
  rules?: readonly Rule[]
  useGit?: boolean
}

export interface AuditStats {
  files: number
  bytes: number
  skipped: number
  durationMs: number
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
}

/** Kinds whose SourceFile stays in memory after the pass, for repository-level rules. */
const RETAINED = new Set(['manifest', 'dockerfile', 'compose', 'kubernetes', 'workflow', 'procfile', 'dotenv'])
const RETAIN_MAX_BYTES = 256 * 1024
const K8S_SHAPE = /^apiVersion:\s*\S+[\s\S]*^kind:\s*\S+|^kind:\s*\S+[\s\S]*^apiVersion:/m

export function activeRules(config: AuditConfig, rules: readonly Rule[] = RULES): Rule[] {
  const factors = new Set<Factor>(config.factors ?? FACTORS)
  return rules.filter((r) => factors.has(r.meta.factor) && config.rules[r.meta.id] !== 'off')
}

export function runAudit(options: AuditOptions): AuditResult {
  const started = Date.now()
  const { root, config } = options
  const rules = activeRules(config, options.rules ?? RULES)
  const index = new RuleIndex(rules)
  const repoRules = rules.filter((r) => r.checkRepo)
  const discovered = discover({ root, include: config.include, exclude: config.exclude, useGit: options.useGit })

  const facts = new Facts()
  const infos: FileInfo[] = []
  const retained = new Map<string, SourceFile>()
  const findings: Finding[] = []
  const suppressed: Suppression[] = []
  const skippedFiles: AuditResult['skippedFiles'] = []
  const ran = new Set<string>()
  /** Credentials the file rules reported, by file: repository rules' findings on those files redact them too. */
  const secretsByFile = new Map<string, string[]>()
  let bytes = 0

  const load = (path: string, info: FileInfo): SourceFile | undefined => {
    const read = readText(join(root, path), config.maxFileSize)
    if ('skipped' in read) {
      if (read.skipped !== 'symlink' && read.skipped !== 'not-a-file') skippedFiles.push({ file: path, reason: read.skipped })
      return undefined
    }
    bytes += read.bytes
    info.size = read.bytes
    // A plain YAML file may turn out to be a Kubernetes manifest once read.
    if (info.kind === 'yaml' && K8S_SHAPE.test(read.text)) info.kind = 'kubernetes'
    return new SourceFile(path, read.text, info.kind, info.language, info.role)
  }

  // Phase 1: manifests first (small, few), so every rule knows which app a file belongs to.
  const candidates = discovered.files.filter((p) => !isBinaryName(p)).map((path): FileInfo => {
    const kind = classifyKind(path)
    return { path, kind, language: classifyLanguage(path), role: classifyRole(path, kind), size: 0 }
  })
  const manifests: SourceFile[] = []
  for (const info of candidates) {
    if (!isAppManifest(info.path) || info.role === 'test' || info.role === 'docs' || info.role === 'example') continue
    const file = load(info.path, info)
    if (file) {
      manifests.push(file)
      retained.set(info.path, file)
    }
  }
  const apps = detectApps(manifests)
  // appOf scans every app; files of one folder share the answer.
  const appByDir = new Map<string, App | undefined>()
  const appFor = (path: string): App | undefined => {
    const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')))
    if (!appByDir.has(dir)) appByDir.set(dir, appOf(apps, path))
    return appByDir.get(dir)
  }

  // Phase 2: every file, read once, offered to the rules that select it.
  for (const info of candidates) {
    const wanted = retained.has(info.path) || index.rulesFor(info).length > 0 || RETAINED.has(info.kind) ||
      (info.kind === 'yaml' && index.rulesFor({ ...info, kind: 'kubernetes' }).length > 0)
    if (!wanted) {
      infos.push(info)
      continue
    }
    const file = retained.get(info.path) ?? load(info.path, info)
    if (!file) continue
    infos.push(info)
    const rules = index.rulesFor(info)
    const found = rules.length > 0 ? index.scannerFor(info).scan(file.lower) : new Set<string>()
    const secrets: string[] = []
    const outcome = checkFile(rules, file, { facts, app: appFor(info.path), apps }, found, secrets)
    for (const id of outcome.offered) ran.add(id)
    findings.push(...outcome.findings)
    suppressed.push(...outcome.suppressed)
    if (secrets.length > 0) secretsByFile.set(info.path, secrets)
    if (RETAINED.has(info.kind) && info.size <= RETAIN_MAX_BYTES) retained.set(info.path, file)
  }

  const repo: RepoContext = {
    root,
    files: infos,
    facts,
    get: (p) => retained.get(p),
    git: discovered.git,
    trackedExcluded: discovered.trackedExcluded,
    apps,
    appOf: appFor
  }
  const reread = (path: string): SourceFile | undefined => {
    const info = infos.find((i) => i.path === path)
    const read = info ? readText(join(root, path), config.maxFileSize) : undefined
    return info && read && 'text' in read ? new SourceFile(path, read.text, info.kind, info.language, info.role) : undefined
  }
  for (const rule of repoRules) {
    ran.add(rule.meta.id)
    const reports: Report[] = []
    rule.checkRepo!(repo, (r) => reports.push(r))
    // Group by file so suppression comments and fingerprints work as for file rules.
    const byFile = new Map<string, Report[]>()
    for (const r of reports) byFile.set(r.file!, [...(byFile.get(r.file!) ?? []), r])
    for (const [path, list] of byFile) {
      // A finding on a file not kept (a source line found by a repository rule): read it again so the
      // snippet and suppression comments work as for file rules.
      const file = retained.get(path) ?? (rule.rereadReportedFiles ? reread(path) : undefined) ?? new SourceFile(path, '', classifyKind(path), classifyLanguage(path), 'app')
      const out = finalizeReports(list.map((report) => ({ rule, report: { ...report, file: undefined } })), file, secretsByFile.get(path))
      findings.push(...out.findings)
      suppressed.push(...out.suppressed)
    }
  }

  // Severity overrides; 'off' also reaches engine-level findings (TF0001) that no rule object owns.
  const kept = findings.filter((f) => config.rules[f.ruleId] !== 'off')
  for (const f of kept) {
    const override = config.rules[f.ruleId]
    if (override && override !== 'off') f.severity = override
  }
  findings.length = 0
  findings.push(...kept.sort(compareFindings))

  const rulesRun = new Map<Factor, number>()
  for (const rule of rules) if (ran.has(rule.meta.id)) rulesRun.set(rule.meta.factor, (rulesRun.get(rule.meta.factor) ?? 0) + 1)
  const factors = buildFactorResults(findings, rulesRun, new Set(config.factors ?? FACTORS))
  return {
    version: VERSION,
    root,
    score: score(factors),
    factors,
    findings,
    suppressed,
    stats: { files: infos.length, bytes, skipped: skippedFiles.length, durationMs: Date.now() - started },
    skippedFiles,
    gate: gate(findings, config),
    apps
  }
}
