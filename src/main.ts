// The action: inputs → runAudit → reporters (annotations, job summary, JSON file) → outputs.
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import * as core from '@actions/core'
import { runAudit } from './audit.js'
import { readInputs } from './config/inputs.js'
import { loadConfig } from './config/load.js'
import { UsageError } from './engine/errors.js'
import { toAnnotations } from './report/annotations.js'
import { formatJson } from './report/json.js'
import { formatMarkdown } from './report/markdown.js'
import { RULES } from './rules/registry.js'

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const workspace = env.GITHUB_WORKSPACE || process.cwd()
    const inputs = readInputs((name) => core.getInput(name), workspace)
    const { config } = loadConfig(inputs.root, inputs.config, new Set(RULES.map((r) => r.meta.id)))
    if (inputs.factors) config.factors = inputs.factors
    if (inputs.failOn) {
      config.failOn = inputs.failOn
      config.failOnByFactor = {}
    }
    config.include.push(...inputs.include)
    config.exclude.push(...inputs.exclude)

    const result = runAudit({ root: inputs.root, config })
    // Annotation paths are relative to the repository root, which is the workspace.
    const prefix = relative(workspace, inputs.root).split('\\').join('/')
    const repoPath = (file: string): string => (prefix ? `${prefix}/${file}` : file)

    for (const a of toAnnotations(result)) {
      const props = { ...a.properties, file: repoPath(a.properties.file) }
      if (a.level === 'error') core.error(a.message, props)
      else if (a.level === 'warning') core.warning(a.message, props)
      else core.notice(a.message, props)
    }

    const blob = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/`
      : undefined
    const markdown = formatMarkdown(result, { link: blob ? (file, line) => `${blob}${repoPath(file)}#L${line}` : undefined })
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
    else core.info(markdown)

    const findingsFile = join(env.RUNNER_TEMP || tmpdir(), 'twelve-factor-audit.json')
    writeFileSync(findingsFile, formatJson(result))

    const total = (k: 'errors' | 'warnings' | 'notices'): number => result.factors.reduce((n, f) => n + f[k], 0)
    core.setOutput('score', result.score)
    core.setOutput('errors', total('errors'))
    core.setOutput('warnings', total('warnings'))
    core.setOutput('notices', total('notices'))
    core.setOutput('failed-factors', result.gate.failedFactors.join(','))
    core.setOutput('findings-file', findingsFile)
    core.info(`Twelve-factor audit: score ${result.score}/100, ${total('errors')} errors, ${total('warnings')} warnings, ${total('notices')} notices in ${result.stats.files} files`)
    if (result.gate.failed) core.setFailed(result.gate.reason)
  } catch (e) {
    core.setFailed(e instanceof UsageError ? e.message : `twelve-factor-audit crashed: ${(e as Error).stack ?? String(e)}`)
  }
}
