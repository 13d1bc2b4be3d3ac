// The CLI: argv → config → runAudit → one format on stdout (or --output) → exit code.
// Exit 0 under the threshold, 1 over it, 2 on a usage or config error.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { runAudit } from '../audit.js'
import { failOnValue, loadConfig } from '../config/load.js'
import { parseJobs } from '../config/inputs.js'
import { UsageError } from '../engine/errors.js'
import { describeSkipped } from '../engine/read.js'
import { parseFactorList } from '../engine/factors.js'
import { changedSince, repoPrefix } from '../engine/git-diff.js'
import { formatApps, listApps } from './list-apps.js'
import { explainDeploy, formatDeploy } from './explain-deploy.js'
import { explainRule, listRules } from './rule-docs.js'
import { printable } from '../report/escape.js'
import { formatJson } from '../report/json.js'
import { formatMarkdown } from '../report/markdown.js'
import { formatSarif } from '../report/sarif.js'
import { formatText } from '../report/text.js'
import { applyBaseline, formatBaseline, makeBaseline, parseBaseline } from '../results/baseline.js'
import { gateChangedOnly } from '../results/changed-files.js'
import type { Rule } from '../engine/rule.js'
import { RULES } from '../rules/registry.js'
import { VERSION } from '../version.js'

export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const

export const USAGE = `Usage: twelve-factor-audit [PATH] [options]

Audits PATH (default: the current folder) against the Twelve-Factor App methodology.

Options:
  --format FORMAT     text (default), json, markdown or sarif (SARIF 2.1.0)
  --config FILE       config file (default: PATH/.twelve-factor.yml if present)
  --factors LIST      only these factors, e.g. III,IV or 3,4
  --fail-on LEVEL     error (default), warning, notice or none
  --include GLOB      only files matching GLOB (repeatable)
  --exclude GLOB      skip files matching GLOB (repeatable)
  --output FILE       write the report to FILE instead of stdout
  --baseline FILE     findings listed in FILE are shown as baselined: not counted, not gating
  --write-baseline FILE
                      record today's findings in FILE; they show as baselined
  --changed-since REF gate only on findings in files changed since the merge base with REF
  --list-rules        print every rule: id, factor, severity, corpus precision, languages,
                      what it detects
  --explain RULE_ID   print the rule's documentation page
  --list-apps         print the detected apps and exit (with --format json: [{path, language, framework}])
  --explain-deploy    print the deploy model and exit: the process types found, the files they
                      ship, and the environment (production, dev, test, ci) of notable files
  --jobs N            threads reading files, this one included (default: one per CPU, at
                      most 4, for trees of 10000+ files; 1 = no worker threads)
  --no-color          plain text even on a terminal
  -h, --help          this help
  -v, --version       the version

Exit codes: 0 under the threshold, 1 over it, 2 on a usage or config error.
`

export interface CliIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
  isTty: boolean
  cwd: string
  env: Record<string, string | undefined>
  /** The rule set (tests inject their own); default: every registered rule. */
  rules?: readonly Rule[]
  /** The bundled entry point, which also serves worker threads; without it the audit runs on one thread. */
  workerEntry?: string | URL
}

export function runCli(argv: string[], io: CliIo): number {
  try {
    return cli(argv, io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`twelve-factor-audit: ${e.message.split('\n').map(printable).join('\n')}\n`)
      return 2
    }
    io.stderr(`twelve-factor-audit: internal error: ${(e as Error).stack ?? String(e)}\n`)
    return 2
  }
}

function cli(argv: string[], io: CliIo): number {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        factors: { type: 'string' },
        'fail-on': { type: 'string' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        output: { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        'changed-since': { type: 'string' },
        'no-color': { type: 'boolean' },
        jobs: { type: 'string' },
        'list-apps': { type: 'boolean' },
        'explain-deploy': { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        explain: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      }
    })
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${USAGE}`)
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(USAGE)
    return 0
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  if (values['list-rules']) {
    const f = values.format ?? 'text'
    if (f !== 'text' && f !== 'json') throw new UsageError(`--list-rules prints text or json, got --format ${f}`)
    io.stdout(listRules(io.rules ?? RULES, f))
    return 0
  }
  if (values.explain !== undefined) {
    io.stdout(explainRule(io.rules ?? RULES, values.explain))
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`expected at most one PATH, got ${positionals.length}: ${positionals.join(' ')}`)
  const format = values.format ?? 'text'
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`)
  const root = resolve(io.cwd, positionals[0] ?? '.')
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`PATH is not a folder: ${positionals[0] ?? '.'}`)

  const rules = io.rules ?? RULES
  const knownIds = new Set(rules.map((r) => r.meta.id))
  const { config } = loadConfig(root, values.config ? resolve(io.cwd, values.config) : undefined, knownIds)
  if (values.factors !== undefined) config.factors = parseFactorList(values.factors, '--factors')
  if (values['fail-on'] !== undefined) {
    config.failOn = failOnValue(values['fail-on'], '--fail-on')
    config.failOnByFactor = {}
  }
  if (values.include) config.include = [...config.include, ...values.include]
  if (values.exclude) config.exclude = [...config.exclude, ...values.exclude]

  if (values['list-apps']) {
    io.stdout(formatApps(listApps(root, config), format))
    return 0
  }
  if (values['explain-deploy']) {
    if (format !== 'text' && format !== 'json') throw new UsageError(`--explain-deploy prints text or json, got --format ${format}`)
    io.stdout(formatDeploy(explainDeploy(root, config), format))
    return 0
  }
  const jobs = values.jobs === undefined ? undefined : parseJobs(values.jobs, '--jobs')
  const result = runAudit({ root, config, rules: io.rules, jobs, workerEntry: io.workerEntry })
  for (const warning of result.warnings) io.stderr(`twelve-factor-audit: ${printable(warning)}\n`)
  const skipped = describeSkipped(result.stats.skippedByReason)
  if (skipped) io.stderr(`twelve-factor-audit: ${skipped}\n`)
  if (values['write-baseline']) {
    // The new baseline applies at once: this run shows every finding as baselined and passes.
    const fresh = makeBaseline(result.findings)
    write(io, values['write-baseline'], formatBaseline(fresh), '--write-baseline')
    applyBaseline(result, fresh, config)
    io.stderr(`twelve-factor-audit: wrote ${fresh.findings.length} findings to ${values['write-baseline']}\n`)
  } else if (values.baseline) {
    applyBaseline(result, parseBaseline(read(io, values.baseline, '--baseline'), '--baseline'), config)
  }
  if (values['changed-since']) {
    const files = new Set(changedSince(root, values['changed-since']))
    result.gate = gateChangedOnly(result, { files, source: `git diff ${values['changed-since']}` }, config)
  }
  const color = format === 'text' && io.isTty && !values.output && !values['no-color'] && !io.env.NO_COLOR
  const report = format === 'json' ? formatJson(result)
    : format === 'markdown' ? formatMarkdown(result)
    : format === 'sarif' ? formatSarif(result, rules.map((r) => r.meta), { prefix: repoPrefix(root) })
    : formatText(result, { color })
  if (values.output) {
    write(io, values.output, report, '--output')
    if (result.gate.failed) io.stderr(`${result.gate.reason}\n`)
  } else {
    io.stdout(report)
  }
  return result.gate.failed ? 1 : 0
}

function write(io: CliIo, path: string, text: string, flag: string): void {
  try {
    writeFileSync(resolve(io.cwd, path), text)
  } catch (e) {
    throw new UsageError(`${flag}: cannot write ${path}: ${(e as Error).message}`)
  }
}

function read(io: CliIo, path: string, flag: string): string {
  try {
    return readFileSync(resolve(io.cwd, path), 'utf8')
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${path}: ${(e as Error).message}`)
  }
}
