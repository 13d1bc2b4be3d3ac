// The action: inputs → runAudit → baseline / changed-files gate → check runs, PR comment →
// annotations, job summary, JSON and SARIF files → outputs and exit. Publishing to GitHub is
// optional and never costs the report: the summary, outputs and exit code are always produced.
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import * as core from '@actions/core'
import { runAudit } from './audit.js'
import { readInputs } from './config/inputs.js'
import { loadConfig } from './config/load.js'
import { readReportingInputs } from './config/reporting-inputs.js'
import { UsageError } from './engine/errors.js'
import type { Rule } from './engine/rule.js'
import { changedScope } from './github/changed-files.js'
import { readEvent } from './github/event.js'
import { createOctokit, type RetryOptions } from './github/octokit.js'
import type { ApiProblem, Feature } from './github/permissions.js'
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
    const octokit = features.length > 0 && reporting.token ? await createOctokit(reporting.token, env.GITHUB_API_URL, options.retry) : undefined
    if (features.length > 0 && !reporting.token) core.warning("twelve-factor-audit: input 'github-token' is empty; check runs, the comment and the PR files API are skipped.")

    if (reporting.onlyChanged) {
      const scope = await changedScope(octokit, event, inputs.root, prefix, problems)
      if (scope) {
        result.gate = gateChangedOnly(result, scope, config)
        notes.push(`Gating on findings in the ${scope.files.size} files this pull request adds or modifies (from ${escapeMarkdown(scope.source)}); the counts cover every finding.`)
      }
    }

    const blob = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${event.pullRequest?.headSha ?? env.GITHUB_SHA}/`
      : undefined
    const link = blob ? (file: string, line: number): string => `${blob}${repoPath(file)}#L${line}` : undefined
    const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined

    const findingsFile = join(env.RUNNER_TEMP || tmpdir(), 'twelve-factor-audit.json')
    writeFileSync(findingsFile, formatJson(result))
    if (reporting.sarifFile) writeOrFail(reporting.sarifFile, formatSarif(result, rules.map((r) => r.meta), { prefix }), 'sarif-file')

    let checkRunIds: number[] = []
    let commentUrl = ''
    if (octokit) {
      const ctx: PublishContext = { octokit, event, inputs: reporting, features, repoPath, link, runUrl, problems }
      if (reporting.checkRun !== 'false') {
        const summaryFor = (factor: string): string =>
          formatMarkdown({ ...result, findings: result.findings.filter((f) => f.factor === factor) }, { link, budget: CHECK_SUMMARY_BUDGET, fullReport: 'The job summary' })
        checkRunIds = await publishCheckRuns(ctx, result, formatMarkdown(result, { link, notes, budget: CHECK_SUMMARY_BUDGET, fullReport: 'The job summary' }), summaryFor)
      }
      if (reporting.comment !== 'false') commentUrl = await publishComment(ctx, result)
    }

    reportProblems(problems, features, event)

    const where = ['the job summary', 'the JSON report (output `findings-file`)']
    if (reporting.sarifFile) where.push('the SARIF file (output `sarif-file`)')
    if (checkRunIds.length > 0) where.push(reporting.checkRun === 'per-factor' ? 'the per-factor check runs' : `the check run "${CHECK_RUN_NAME}"`)
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
    core.setOutput('sarif-file', reporting.sarifFile ?? '')
    core.setOutput('comment-url', commentUrl)
    core.setOutput('check-run-ids', checkRunIds.join(','))
    core.setOutput('baselined', baselined)
    core.info(`Twelve-factor audit: score ${result.score}/100, ${total('errors')} errors, ${total('warnings')} warnings, ${total('notices')} notices` +
      `${baselined ? `, ${baselined} baselined` : ''} in ${result.stats.files} files`)
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

function writeOrFail(path: string, text: string, input: string): void {
  try {
    writeFileSync(path, text)
  } catch (e) {
    throw new UsageError(`input '${input}': cannot write ${path}: ${(e as Error).message}`)
  }
}
