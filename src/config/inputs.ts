// The action's inputs, validated. Pure: main.ts passes core.getInput in, tests pass a map.
import { existsSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { UsageError } from '../engine/errors.js'
import { parseFactorList } from '../engine/factors.js'
import type { Factor } from '../engine/types.js'
import { failOnValue } from './load.js'
import type { FailOn } from './schema.js'

export interface ActionInputs {
  root: string
  config?: string
  factors?: Factor[]
  include: string[]
  exclude: string[]
  failOn?: FailOn
  /** Threads reading files (see AuditOptions.jobs); undefined = automatic. */
  jobs?: number
}

/** `jobs` (action input or --jobs): a whole number of threads from 1 to 64. */
export function parseJobs(value: string, where: string): number {
  const n = Number(value.trim())
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 64) throw new UsageError(`${where} must be a whole number from 1 to 64, got '${value}'`)
  return n
}

export function readInputs(get: (name: string) => string, workspace: string): ActionInputs {
  const path = get('path') || '.'
  const root = resolve(workspace, path)
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`input 'path': not a folder in the workspace: ${path}`)
  const rel = relative(workspace, root)
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`input 'path': ${path} is outside the workspace ${workspace}`)
  // A committed symbolic link as 'path' must not take the audit out of the workspace either.
  const real = relative(realpathSync(workspace), realpathSync(root))
  if (real.startsWith('..') || isAbsolute(real)) throw new UsageError(`input 'path': ${path} is a symbolic link out of the workspace; audit a folder inside it`)
  const lines = (name: string): string[] =>
    get(name)
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('#'))
  const factors = get('factors')
  const failOn = get('fail-on')
  const config = get('config')
  const jobs = get('jobs')
  return {
    root,
    ...(config ? { config: resolve(workspace, config) } : {}),
    ...(factors ? { factors: parseFactorList(factors, "input 'factors'") } : {}),
    include: lines('include'),
    exclude: lines('exclude'),
    ...(failOn ? { failOn: failOnValue(failOn, "input 'fail-on'") } : {}),
    ...(jobs.trim() ? { jobs: parseJobs(jobs, "input 'jobs'") } : {})
  }
}
