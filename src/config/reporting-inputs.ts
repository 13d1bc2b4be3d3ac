// The action's reporting inputs (check runs, PR comment, SARIF, baseline, changed-files mode),
// validated. Pure: main.ts passes core.getInput in, tests pass a map.
import { resolve } from 'node:path'
import { UsageError } from '../engine/errors.js'

export const CHECK_RUN_VALUES = ['false', 'true', 'per-factor'] as const
export const COMMENT_VALUES = ['false', 'true', 'on-failure'] as const

export interface ReportingInputs {
  checkRun: (typeof CHECK_RUN_VALUES)[number]
  comment: (typeof COMMENT_VALUES)[number]
  sarifFile?: string
  baseline?: string
  onlyChanged: boolean
  token: string
}

function oneOf<T extends string>(get: (name: string) => string, name: string, values: readonly T[]): T {
  const raw = get(name).trim().toLowerCase() || values[0]
  if (!(values as readonly string[]).includes(raw)) throw new UsageError(`input '${name}' must be one of ${values.join(', ')}, found "${get(name)}"`)
  return raw as T
}

export function readReportingInputs(get: (name: string) => string, workspace: string): ReportingInputs {
  const sarif = get('sarif-file').trim()
  const baseline = get('baseline').trim()
  const onlyChanged = oneOf(get, 'only-changed', ['false', 'true'] as const) === 'true'
  return {
    checkRun: oneOf(get, 'check-run', CHECK_RUN_VALUES),
    comment: oneOf(get, 'comment', COMMENT_VALUES),
    ...(sarif ? { sarifFile: resolve(workspace, sarif) } : {}),
    ...(baseline ? { baseline: resolve(workspace, baseline) } : {}),
    onlyChanged,
    token: get('github-token').trim()
  }
}
