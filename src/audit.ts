// runAudit: the one function both entry points call. discovery → file model → rules → results.
import { join } from 'node:path'
import type { AuditConfig } from './config/schema.js'
import { checkFile, finalizeReports } from './engine/check-file.js'
import { classifyKind, classifyLanguage, classifyRole } from './engine/classify.js'
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
  let bytes = 0

  for (const path of discovered.files) {
    if (isBinaryName(path)) continue
    let kind = classifyKind(path)
    const language = classifyLanguage(path)
    const role = classifyRole(path, kind)
    const info: FileInfo = { path, kind, language, role, size: 0 }
    // A plain YAML file may turn out to be a Kubernetes manifest once read.
    const wanted = index.rulesFor(info).length > 0 || RETAINED.has(kind) || (kind === 'yaml' && index.rulesFor({ ...info, kind: 'kubernetes' }).length > 0)
    if (!wanted) {
      infos.push(info)
      continue
    }
    const read = readText(join(root, path), config.maxFileSize)
    if ('skipped' in read) {
      if (read.skipped !== 'symlink' && read.skipped !== 'not-a-file') skippedFiles.push({ file: path, reason: read.skipped })
      continue
    }
    bytes += read.bytes
    if (kind === 'yaml' && K8S_SHAPE.test(read.text)) kind = 'kubernetes'
    const finalInfo: FileInfo = { ...info, kind, size: read.bytes }
    infos.push(finalInfo)
    const file = new SourceFile(path, read.text, kind, language, role)
    const outcome = checkFile(index.rulesFor(finalInfo), file, { facts })
    for (const id of outcome.offered) ran.add(id)
    findings.push(...outcome.findings)
    suppressed.push(...outcome.suppressed)
    if (RETAINED.has(kind) && read.bytes <= RETAIN_MAX_BYTES) retained.set(path, file)
  }

  const repo: RepoContext = {
    root,
    files: infos,
    facts,
    get: (p) => retained.get(p),
    git: discovered.git
  }
  for (const rule of repoRules) {
    ran.add(rule.meta.id)
    const reports: Report[] = []
    rule.checkRepo!(repo, (r) => reports.push(r))
    // Group by file so suppression comments and fingerprints work as for file rules.
    const byFile = new Map<string, Report[]>()
    for (const r of reports) byFile.set(r.file!, [...(byFile.get(r.file!) ?? []), r])
    for (const [path, list] of byFile) {
      const file = retained.get(path) ?? new SourceFile(path, '', classifyKind(path), classifyLanguage(path), 'app')
      const out = finalizeReports(list.map((report) => ({ rule, report: { ...report, file: undefined } })), file)
      findings.push(...out.findings)
      suppressed.push(...out.suppressed)
    }
  }

  for (const f of findings) {
    const override = config.rules[f.ruleId]
    if (override && override !== 'off') f.severity = override
  }
  findings.sort(compareFindings)

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
    gate: gate(findings, config)
  }
}
