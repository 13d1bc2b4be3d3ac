// Every rule, listed once. Order here is the order rules run and are documented in.
import type { Rule } from '../engine/rule.js'
import { IX_RULES } from './ix-disposability/index.js'
import { XI_RULES } from './xi-logs/index.js'

export const RULES: readonly Rule[] = [
  ...IX_RULES,
  ...XI_RULES
]
