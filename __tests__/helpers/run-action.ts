// Runs the committed bundle dist/index.js exactly as the runner does: inputs as INPUT_* variables
// (hyphens kept), a workspace, and the summary/output files the runner provides.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ACTION = resolve('dist/index.js')
export const CLI = resolve('dist/cli/index.js')

export interface ActionRun {
  status: number | null
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
  temp: string
}

export function runAction(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}): ActionRun {
  const temp = mkdtempSync(join(tmpdir(), 'tfa-runner-'))
  const summaryFile = join(temp, 'summary.md')
  const outputFile = join(temp, 'output')
  writeFileSync(summaryFile, '')
  writeFileSync(outputFile, '')
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567'
  }
  const r = spawnSync(process.execPath, [ACTION], { cwd: workspace, env: { ...base, ...inputEnv, ...env }, encoding: 'utf8', timeout: 60_000 })
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    temp
  }
}

/** GITHUB_OUTPUT's heredoc format: name<<delimiter\nvalue\ndelimiter */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}

export function runCliBundle(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
