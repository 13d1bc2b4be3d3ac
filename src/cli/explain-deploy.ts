// --explain-deploy: the deploy model the rules ask, as the audit built it: the process types
// found (where declared, what they run, which files they ship) and the environment of notable
// files (deploy files, env files, and every file whose environment is not production). JSON
// prints {processes, libraries, files}; text prints a short report.
import { runAudit } from '../audit.js'
import type { AuditConfig } from '../config/schema.js'
import type { DeployProcess, Environment } from '../model/deploy-model.js'

export interface ExplainedFile {
  path: string
  environment: Environment
  /** What decided it: a deploy file's reason, else 'path'. */
  reason: string
  /** Line ranges of the file that apply to another environment (a Dockerfile's dev stage). */
  blocks?: { start: number; end: number; environment: Environment; reason: string }[]
}

export interface DeployExplanation {
  processes: DeployProcess[]
  libraries: string[]
  files: ExplainedFile[]
}

const NOTABLE_KINDS = new Set(['dockerfile', 'procfile', 'compose', 'kubernetes', 'dotenv'])

export function explainDeploy(root: string, config: AuditConfig): DeployExplanation {
  // No rules: discovery, app detection and the deploy model only (deploy files are the only files read).
  const result = runAudit({ root, config, rules: [] })
  const model = result.deploy!
  const files: ExplainedFile[] = []
  // Deploy files always; other files when the deploy files decided their environment.
  for (const info of model.files) {
    const decided = model.reasonOf(info.path)
    const blocks = model.data.blocks[info.path]
    if (!decided && !blocks && !NOTABLE_KINDS.has(info.kind)) continue
    const environment = model.environmentOf(info.path, info.kind)
    if (!decided && !blocks && (environment === 'test' || environment === 'docs' || environment === 'example')) continue // test fixtures and docs: not news
    files.push({ path: info.path, environment, reason: decided ?? 'path', ...(blocks ? { blocks } : {}) })
  }
  return { processes: model.data.processes, libraries: model.data.libraries, files }
}

export function formatDeploy(x: DeployExplanation, format: string): string {
  if (format === 'json') return `${JSON.stringify(x, null, 2)}\n`
  const out: string[] = []
  const prod = x.processes.filter((p) => p.environment === 'production')
  const other = x.processes.filter((p) => p.environment !== 'production')
  out.push(`Processes (production): ${prod.length}`)
  for (const p of prod) out.push(...processLines(p))
  if (other.length > 0) {
    out.push('', `Processes outside production: ${other.length}`)
    for (const p of other) out.push(...processLines(p))
  }
  if (x.libraries.length > 0) out.push('', `Workspace libraries (not apps): ${x.libraries.join(', ')}`)
  out.push('', 'Files')
  for (const f of x.files) {
    out.push(`  ${f.environment.padEnd(10)} ${f.path}${f.reason === 'path' ? '' : `: ${f.reason}`}`)
    for (const b of f.blocks ?? []) out.push(`  ${b.environment.padEnd(10)}   lines ${b.start}-${b.end}: ${b.reason}`)
  }
  return `${out.join('\n')}\n`
}

function processLines(p: DeployProcess): string[] {
  const lines = [`  ${p.type.padEnd(9)} ${p.name}  (${p.source}:${p.line}${p.environment === 'production' ? '' : `, ${p.environment}`})`]
  if (p.command) lines.push(`            runs: ${p.command.length > 100 ? `${p.command.slice(0, 99)}…` : p.command}`)
  if (p.dockerfile) lines.push(`            image: ${p.dockerfile}`)
  if (p.ships.length > 0) lines.push(`            ships: ${p.ships.join(', ')}`)
  return lines
}
