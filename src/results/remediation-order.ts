// The order to fix things in, as data: what prevents secret exposure or data loss first, then what
// makes builds and releases trustworthy, then the rest; and which factors depend on others.
import { FACTORS, type Factor } from '../engine/types.js'

export interface PriorityGroup {
  title: string
  factors: readonly Factor[]
}

export const PRIORITY_GROUPS: readonly PriorityGroup[] = [
  { title: 'First: prevent secret exposure and data loss', factors: ['III', 'VI'] },
  { title: 'Then: make builds and releases reproducible', factors: ['V', 'II'] },
  { title: 'Then: the rest', factors: FACTORS.filter((f) => !['III', 'VI', 'V', 'II'].includes(f)) }
]

export interface Dependency {
  factor: Factor
  after: Factor
  why: string
}

/** `factor` is best fixed after `after`. Shown when both have findings. */
export const DEPENDENCIES: readonly Dependency[] = [
  { factor: 'IV', after: 'III', why: 'backing services become attachable resources once their URLs and credentials live in config' },
  { factor: 'VIII', after: 'VI', why: 'processes can only be scaled out once they are stateless' },
  { factor: 'IX', after: 'VI', why: 'a process can only be disposable once it keeps no state worth losing' },
  { factor: 'X', after: 'IV', why: 'dev and prod can use the same kinds of services once services are swapped by config' }
]

/** Factors in the order a remediation plan presents them. */
export function remediationOrder(): Factor[] {
  return PRIORITY_GROUPS.flatMap((g) => [...g.factors])
}
