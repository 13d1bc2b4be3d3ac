// The action: inputs → runAudit → baseline / changed-files gate → annotations, job summary, JSON
// and SARIF files, outputs → check runs, PR comment → exit. Publishing to GitHub comes last, is
// optional and never costs the report: the summary, outputs and exit code are always produced, and
// are already written when the first publishing request leaves, so a hung API cannot hold them.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import * as core from '@actions/core'
import { runAudit } from './audit.js'
import { readInputs } from './config/inputs.js'
import { loadConfig } from './config/load.js'
import { readReportingInputs, type ReportingInputs } from './config/reporting-inputs.js'
import { UsageError } from './engine/errors.js'
import { describeSkipped } from './engine/read.js'
import type { Rule } from './engine/rule.js'
import { changedScope } from './github/changed-files.js'
import { readEvent, type EventInfo } from './github/event.js'
import { createOctokit, readApiLimits, type ApiLimits, type Octokit, type RetryOptions } from './github/octokit.js'
import { FEATURE_NAMES, type ApiProblem, type Feature } from './github/permissions.js'
import { publishCheckRuns, publishComment, reportProblems, type PublishContext } from './github/publish.js'
import { capAnnotations, hiddenAnnotationsNote, toAnnotations } from './report/annotations.js'
import { CHECK_RUN_NAME } from './report/check-run.js'
import { escapeMarkdown } from './report/escape.js'
import { formatJson } from './report/json.js'
import { formatMarkdown } from './report/markdown.js'
import { formatSarif } from './report/sarif.js'
import { applyBaseline, parseBaseline } from './results/baseline.js'
import { gateChangedOnly } from './results/changed-files.js'
import { RULES } from './rules/registry.js'

export interface RunOptions {
  /** The rule set (tests inject their own); default: every registered rule. */
  rules?: readonly Rule[]
  retry?: RetryOptions
  /** Per-request timeout and the run's API budget; default from the environment (readApiLimits). */
  apiLimits?: ApiLimits
  /** The bundled entry point, which also serves worker threads (see engine/worker-pool.ts). */
  workerEntry?: string | URL
}

/** The check run's summary must fit 65535 characters (the budget counts bytes, so this is safe). */
const CHECK_SUMMARY_BUDGET = 60_000

export async function run(env: NodeJS.ProcessEnv = process.env, options: RunOptions = {}): Promise<void> {
  try {
    const workspace = env.GITHUB_WORKSPACE || process.cwd()
    const inputs = readInputs((name) => core.getInput(name), workspace)
    const reporting = readReportingInputs((name) => core.getInput(name), workspace)
    const rules = options.rules ?? RULES
    const { config } = loadConfig(inputs.root, inputs.config, new Set(rules.map((r) => r.meta.id)))
    if (inputs.factors) config.factors = inputs.factors
    if (inputs.failOn) {
      config.failOn = inputs.failOn
      config.failOnByFactor = {}
    }
    config.include.push(...inputs.include)
    config.exclude.push(...inputs.exclude)

    const result = runAudit({ root: inputs.root, config, rules: options.rules, jobs: inputs.jobs, workerEntry: options.workerEntry })
    for (const warning of result.warnings) core.warning(`twelve-factor-audit: ${warning}`)
    const skipped = describeSkipped(result.stats.skippedByReason)
    if (skipped) core.info(`twelve-factor-audit: ${skipped}`)
    // Annotation and link paths are relative to the repository root, which is the workspace.
    const prefix = relative(workspace, inputs.root).split('\\').join('/')
    const repoPath = (file: string): string => (prefix ? `${prefix}/${file}` : file)
    const notes: string[] = []

    const baselined = reporting.baseline ? applyBaseline(result, parseBaseline(readBaseline(reporting.baseline), "input 'baseline'"), config) : 0

    const event = readEvent(env)
    const features: Feature[] = [
      ...(reporting.checkRun !== 'false' ? (['check-run'] as const) : []),
      ...(reporting.comment !== 'false' ? (['comment'] as const) : []),
      ...(reporting.onlyChanged ? (['only-changed'] as const) : [])
    ]
    const problems: ApiProblem[] = []
    const api = await connect(features, reporting, event, env, options)
    const octokit = api.octokit

    // The PR's changed files are needed before gating: the one API call made before the reports
    // are written, within its own timeout. Without the whole list, every finding gates.
    if (reporting.onlyChanged) {
      const scope = await changedScope(octokit, event, inputs.root, prefix, problems, api.off)
      if ('files' in scope) {
        result.gate = gateChangedOnly(result, scope, config)
        notes.push(`Gating on findings in the ${scope.files.size} files this pull request adds or modifies (from ${escapeMarkdown(scope.source)}); the counts cover every finding.`)
      } else {
        notes.push(`Input \`only-changed\`: every finding gates, because ${escapeMarkdown(scope.wholeAudit)}.`)
      }
    }

    const blob = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${event.pullRequest?.headSha ?? env.GITHUB_SHA}/`
      : undefined
    const link = blob ? (file: string, line: number): string => `${blob}${repoPath(file)}#L${line}` : undefined
    const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined

    // Every report that needs no API is written first, so a slow or dead API can only cost the
    // publishing (check runs, the comment), never the results.
    const findingsFile = findingsFilePath(env)
    writeFileSync(findingsFile, formatJson(result), { flag: 'wx' })
    const sarifFile = reporting.sarifFile && writeSarif(reporting.sarifFile, formatSarif(result, rules.map((r) => r.meta), { prefix })) ? reporting.sarifFile : ''

    const publishCheckRun = octokit !== undefined && reporting.checkRun !== 'false'
    const checkRunNotes = [...notes]
    const where = ['the job summary', 'the JSON report (output `findings-file`)']
    if (sarifFile) where.push('the SARIF file (output `sarif-file`)')
    if (publishCheckRun) where.push(reporting.checkRun === 'per-factor' ? 'the per-factor check runs' : `the check run "${CHECK_RUN_NAME}"`)
    const capped = capAnnotations(toAnnotations(result))
    for (const a of capped.shown) {
      const props = { ...a.properties, file: repoPath(a.properties.file) }
      if (a.level === 'error') core.error(a.message, props)
      else if (a.level === 'warning') core.warning(a.message, props)
      else core.notice(a.message, props)
    }
    const hiddenNote = hiddenAnnotationsNote(capped.hidden, where)
    if (hiddenNote) {
      core.info(hiddenNote.replace(/`/g, ''))
      notes.push(hiddenNote)
    }

    const markdown = formatMarkdown(result, { link, notes, fullReport: 'The JSON report (output `findings-file`)' })
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
    else core.info(markdown)

    const total = (k: 'errors' | 'warnings' | 'notices'): number => result.factors.reduce((n, f) => n + f[k], 0)
    core.setOutput('score', result.score)
    core.setOutput('errors', total('errors'))
    core.setOutput('warnings', total('warnings'))
    core.setOutput('notices', total('notices'))
    core.setOutput('failed-factors', result.gate.failedFactors.join(','))
    core.setOutput('findings-file', findingsFile)
    core.setOutput('sarif-file', sarifFile)
    core.setOutput('baselined', baselined)
    core.info(`Twelve-factor audit: score ${result.score}/100, ${total('errors')} errors, ${total('warnings')} warnings, ${total('notices')} notices` +
      `${baselined ? `, ${baselined} baselined` : ''} in ${result.stats.files} files`)

    // Publishing: every request has a timeout and all of them together a budget (github/octokit.ts).
    let checkRunIds: number[] = []
    let commentUrl = ''
    if (octokit) {
      const ctx: PublishContext = { octokit, event, inputs: reporting, features, repoPath, link, runUrl, problems }
      if (publishCheckRun) {
        const summaryFor = (factor: string): string =>
          formatMarkdown({ ...result, findings: result.findings.filter((f) => f.factor === factor) }, { link, budget: CHECK_SUMMARY_BUDGET, fullReport: 'The job summary' })
        checkRunIds = await publishCheckRuns(ctx, result, formatMarkdown(result, { link, notes: checkRunNotes, budget: CHECK_SUMMARY_BUDGET, fullReport: 'The job summary' }), summaryFor)
      }
      if (reporting.comment !== 'false') commentUrl = await publishComment(ctx, result)
    }
    reportProblems(problems, features, event)
    core.setOutput('comment-url', commentUrl)
    core.setOutput('check-run-ids', checkRunIds.join(','))

    if (result.gate.failed) core.setFailed(result.gate.reason)
  } catch (e) {
    core.setFailed(e instanceof UsageError ? e.message : `twelve-factor-audit crashed: ${(e as Error).stack ?? String(e)}`)
  }
}

function readBaseline(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    throw new UsageError(`input 'baseline': cannot read ${path}: ${(e as Error).message}`)
  }
}

/**
 * The JSON report's path: under RUNNER_TEMP, named after the step (GITHUB_ACTION) with a random
 * suffix, so two steps of one job (or two runs of one step) never write the same file.
 */
function findingsFilePath(env: NodeJS.ProcessEnv): string {
  const step = (env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._-]+/, '').slice(0, 64)
  return join(env.RUNNER_TEMP || tmpdir(), `twelve-factor-audit-${step ? `${step}-` : ''}${randomBytes(6).toString('hex')}.json`)
}

/** Writes the SARIF file, creating its folder; a failure is a warning (the gate decides the exit code). */
function writeSarif(path: string, text: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    return true
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    core.warning(`twelve-factor-audit: input 'sarif-file': cannot write ${path} (${code}); no SARIF file was written and output 'sarif-file' is empty. ` +
      'Name a path the job can write, e.g. results/twelve-factor.sarif in the workspace. The job summary, annotations and the JSON report are complete.')
    return false
  }
}

interface ApiClient {
  octokit?: Octokit
  /** Why there is no client although features asked for one. */
  off?: string
}

/**
 * The API client for the features asked for, or why there is none (said once, as a warning).
 * Creating it sends nothing.
 */
async function connect(features: readonly Feature[], reporting: ReportingInputs, event: EventInfo, env: NodeJS.ProcessEnv, options: RunOptions): Promise<ApiClient> {
  if (features.length === 0) return {}
  const names = features.map((f) => FEATURE_NAMES[f])
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]
  const off = (why: string, fix: string, gatesAll = false): ApiClient => {
    core.warning(`twelve-factor-audit: ${why}, so ${list} ${names.length === 1 ? 'is' : 'are'} skipped${gatesAll && features.includes('only-changed') ? ' and every finding gates' : ''}; ` +
      `the job summary, annotations and outputs have the full report. ${fix}`)
    return { off: why }
  }
  if (!reporting.token) return off("input 'github-token' is empty", "Pass one in input 'github-token' (its default is the job's GITHUB_TOKEN).")
  if (event.problem) {
    return off(`cannot use the triggering event: ${event.problem}`,
      'The runner writes this file for every job; check that no step before this one changes GITHUB_EVENT_PATH or the file.', true)
  }
  const repository = env.GITHUB_REPOSITORY ?? ''
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    return off(repository ? 'GITHUB_REPOSITORY is not owner/repo' : 'GITHUB_REPOSITORY is unset',
      'The runner sets it; when running the action elsewhere, set GITHUB_REPOSITORY=owner/repo.')
  }
  try {
    const limits = options.apiLimits ?? readApiLimits(env, (m) => core.warning(`twelve-factor-audit: ${m}`))
    return { octokit: await createOctokit(reporting.token, env.GITHUB_API_URL, options.retry, limits) }
  } catch (e) {
    return off(`cannot load the GitHub API client (${(e as Error).message})`, 'Report this at the action\'s repository.')
  }
}
