// Runs the committed bundle dist/index.js exactly as the runner does: inputs as INPUT_* variables
// (hyphens kept), a workspace, and the summary/output files the runner provides.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from './temp.js'

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

interface Prepared {
  temp: string
  summaryFile: string
  outputFile: string
  env: Record<string, string>
}

/** Where the runner's files go: a given folder (to watch them while the action runs) or a new one. */
export interface RunnerOptions {
  temp?: string
}

function prepare(workspace: string, inputs: Record<string, string>, env: Record<string, string>, runner: RunnerOptions = {}): Prepared {
  const temp = runner.temp ?? tempDir('tfa-runner-')
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
  return { temp, summaryFile, outputFile, env: { ...base, ...inputEnv, ...env } }
}

function collect(p: Prepared, status: number | null, stdout: string, stderr: string): ActionRun {
  return {
    status,
    stdout,
    stderr,
    summary: readFileSync(p.summaryFile, 'utf8'),
    outputs: parseOutputs(readFileSync(p.outputFile, 'utf8')),
    temp: p.temp
  }
}

export function runAction(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}): ActionRun {
  const p = prepare(workspace, inputs, env)
  const r = spawnSync(process.execPath, [ACTION], { cwd: workspace, env: p.env, encoding: 'utf8', timeout: 60_000 })
  return collect(p, r.status, r.stdout, r.stderr)
}

/**
 * The same, without blocking the event loop, so an in-process HTTP server (a fake GitHub API)
 * can answer the action's requests.
 */
export function runActionAsync(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}, runner: RunnerOptions = {}): Promise<ActionRun> {
  const p = prepare(workspace, inputs, env, runner)
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ACTION], { cwd: workspace, env: p.env, timeout: 60_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => void (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => void (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise(collect(p, code, stdout, stderr)))
  })
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
