// The twelve factors as 12factor.net names them, in the methodology's order.
import { UsageError } from './errors.js'
import { FACTORS, type Factor } from './types.js'

export interface FactorInfo {
  factor: Factor
  number: number
  name: string
  /** The factor's page on 12factor.net. */
  url: string
}

const NAMES: Record<Factor, [string, string]> = {
  I: ['Codebase', 'codebase'],
  II: ['Dependencies', 'dependencies'],
  III: ['Config', 'config'],
  IV: ['Backing services', 'backing-services'],
  V: ['Build, release, run', 'build-release-run'],
  VI: ['Processes', 'processes'],
  VII: ['Port binding', 'port-binding'],
  VIII: ['Concurrency', 'concurrency'],
  IX: ['Disposability', 'disposability'],
  X: ['Dev/prod parity', 'dev-prod-parity'],
  XI: ['Logs', 'logs'],
  XII: ['Admin processes', 'admin-processes']
}

export const FACTOR_INFO: readonly FactorInfo[] = FACTORS.map((factor, i) => ({
  factor,
  number: i + 1,
  name: NAMES[factor][0],
  url: `https://12factor.net/${NAMES[factor][1]}`
}))

export function factorInfo(factor: Factor): FactorInfo {
  return FACTOR_INFO[FACTORS.indexOf(factor)]
}

/** Parses a factor list ("III, iv 7") into numerals; throws naming the bad token. */
export function parseFactorList(text: string, source: string): Factor[] {
  const out: Factor[] = []
  for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
    const token = raw.toUpperCase()
    const byNumber = /^\d+$/.test(token) ? FACTORS[Number(token) - 1] : undefined
    const factor = (FACTORS as readonly string[]).includes(token) ? (token as Factor) : byNumber
    if (!factor) throw new UsageError(`${source}: '${raw}' is not a factor; use I..XII or 1..12 (e.g. "III,IV")`)
    if (!out.includes(factor)) out.push(factor)
  }
  if (out.length === 0) throw new UsageError(`${source}: names no factor; use I..XII or 1..12 (e.g. "III,IV"), or leave it unset for all`)
  return out
}
