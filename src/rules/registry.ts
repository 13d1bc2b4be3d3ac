// Every rule, listed once. Order here is the order rules run and are documented in.
import type { Rule } from '../engine/rule.js'
import { IX_RULES } from './ix-disposability/index.js'
import { X_RULES } from './x-dev-prod-parity/index.js'
import { XI_RULES } from './xi-logs/index.js'
import { XII_RULES } from './xii-admin-processes/index.js'

export const RULES: readonly Rule[] = [
  ...IX_RULES,
  ...X_RULES,
  ...XI_RULES,
  ...XII_RULES
]
