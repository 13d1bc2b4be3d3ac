// Every rule, listed once. Order here is the order rules run and are documented in.
import { precisionOf } from '../engine/precision.js'
import type { Rule } from '../engine/rule.js'
import { PRECISION } from './precision.js'
import { I_CODEBASE_RULES } from './i-codebase/index.js'
import { II_DEPENDENCIES_RULES } from './ii-dependencies/index.js'
import { III_CONFIG_RULES } from './iii-config/index.js'
import { IV_BACKING_SERVICES_RULES } from './iv-backing-services/index.js'
import { FACTOR_V_RULES } from './v-build-release-run/index.js'
import { FACTOR_VI_RULES } from './vi-processes/index.js'
import { FACTOR_VII_RULES } from './vii-port-binding/index.js'
import { FACTOR_VIII_RULES } from './viii-concurrency/index.js'
import { IX_RULES } from './ix-disposability/index.js'
import { X_RULES } from './x-dev-prod-parity/index.js'
import { XI_RULES } from './xi-logs/index.js'
import { XII_RULES } from './xii-admin-processes/index.js'

const ALL: readonly Rule[] = [
  ...I_CODEBASE_RULES,
  ...II_DEPENDENCIES_RULES,
  ...III_CONFIG_RULES,
  ...IV_BACKING_SERVICES_RULES,
  ...FACTOR_V_RULES,
  ...FACTOR_VI_RULES,
  ...FACTOR_VII_RULES,
  ...FACTOR_VIII_RULES,
  ...IX_RULES,
  ...X_RULES,
  ...XI_RULES,
  ...XII_RULES
]

/** Each rule with its corpus precision; rule files stay free of measured data. */
export const RULES: readonly Rule[] = ALL.map((rule) => ({ ...rule, meta: { ...rule.meta, precision: precisionOf(PRECISION[rule.meta.id]) } }))
