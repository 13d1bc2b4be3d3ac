// The corpus and the checkouts on disk: loading the files, checking labels against the code,
// the checkout's HEAD, and running the CLI bundle on a checkout.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseLabels, parseRepos, parseTriage, type Problems } from './load.js'
import type { CorpusFinding, Label, LabelFile, RepoRow, TriageRow } from './types.js'

export interface Corpus {
  repos: RepoRow[]
  labels: Map<string, LabelFile>
  triage: Map<string, TriageRow[]>
}

/** `<dir>/<name>.<ext>` files, by name. */
function filesIn<T>(dir: string, ext: string, read: (text: string, source: string) => T | undefined): Map<string, T> {
  const out = new Map<string, T>()
  if (!existsSync(dir)) return out
  for (const f of readdirSync(dir).filter((f) => f.endsWith(ext)).sort()) {
    const value = read(readFileSync(join(dir, f), 'utf8'), join(dir, f))
    if (value !== undefined) out.set(f.slice(0, -ext.length), value)
  }
  return out
}

export function loadCorpus(dir: string, p: Problems): Corpus {
  const reposPath = join(dir, 'repos.tsv')
  if (!existsSync(reposPath)) {
    p.errors.push(`${reposPath}: not found (--corpus names the folder holding repos.tsv, labels/ and triage/)`)
    return { repos: [], labels: new Map(), triage: new Map() }
  }
  const repos = parseRepos(readFileSync(reposPath, 'utf8'), reposPath, p)
  const labels = filesIn(join(dir, 'labels'), '.yml', (t, s) => parseLabels(t, s, p))
  const triage = filesIn(join(dir, 'triage'), '.tsv', (t, s) => parseTriage(t, s, p))
  crossCheck(repos, labels, triage, p)
  return { repos, labels, triage }
}

function crossCheck(repos: RepoRow[], labels: Map<string, LabelFile>, triage: Map<string, TriageRow[]>, p: Problems): void {
  const byName = new Map(repos.map((r) => [r.name, r]))
  for (const [name, l] of labels) {
    const row = byName.get(name)
    if (!row) p.warnings.push(`labels/${name}.yml: no row named '${name}' in repos.tsv; not measured`)
    else if (l.repo !== row.repo || l.commit !== row.commit) p.errors.push(`labels/${name}.yml: repo/commit ${l.repo}@${l.commit} differ from repos.tsv's ${row.repo}@${row.commit}`)
  }
  for (const name of triage.keys()) if (!byName.has(name)) p.warnings.push(`triage/${name}.tsv: no row named '${name}' in repos.tsv; not measured`)
  for (const r of repos) if (!labels.has(r.name)) p.warnings.push(`repos.tsv: ${r.name} has no labels/${r.name}.yml; its recall is not measured`)
}

/** Warns, naming file:line, where a label's evidence is not on its line (and where it is, if near). */
export function checkEvidence(name: string, labels: LabelFile, checkout: string, p: Problems): void {
  const each = (l: Label, kind: string): void => {
    const path = join(checkout, l.file)
    const at = `labels/${name}.yml ${kind} ${l.file}:${l.line}`
    if (!existsSync(path)) return void p.warnings.push(`${at}: no such file in the checkout`)
    const lines = readFileSync(path, 'utf8').split(/\r?\n/)
    if (lines[l.line - 1]?.includes(l.evidence)) return
    const near = nearestLine(lines, l.line, l.evidence)
    p.warnings.push(`${at}: evidence ${JSON.stringify(l.evidence)} is not on that line${near ? ` (it is on line ${near})` : ''}`)
  }
  labels.must_find.forEach((l) => each(l, 'must_find'))
  labels.must_not_find.forEach((l) => each(l, 'must_not_find'))
}

/** The 1-based line within 10 of `line` nearest to it that holds `text`. */
function nearestLine(lines: string[], line: number, text: string): number | undefined {
  for (let d = 1; d <= 10; d++) {
    for (const n of [line - d, line + d]) if (lines[n - 1]?.includes(text)) return n
  }
  return undefined
}

export function checkoutHead(dir: string): string | undefined {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

export interface AuditRun {
  findings: CorpusFinding[]
  ms: number
  files: number
}

/** Runs the CLI bundle as a user would; the report goes to a file (large repositories, large JSON). */
export function auditCheckout(cli: string, dir: string): AuditRun | { error: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'corpus-'))
  const out = join(tmp, 'report.json')
  try {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, [cli, dir, '--format', 'json', '--fail-on', 'none', '--output', out], { encoding: 'utf8' })
    const ms = performance.now() - t0
    if (r.status !== 0 || !existsSync(out)) return { error: `the CLI exited ${r.status ?? r.signal}: ${(r.stderr || r.stdout).trim().split('\n')[0]}` }
    const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: CorpusFinding[]; stats: { files: number } }
    return { findings: report.findings, ms, files: report.stats.files }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}
