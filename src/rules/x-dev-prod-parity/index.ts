import type { Rule } from '../../engine/rule.js'
import { devServerInProduction } from './dev-server-in-production.js'
import { runtimeVersionDrift } from './runtime-version-drift.js'

export const X_RULES: readonly Rule[] = [runtimeVersionDrift, devServerInProduction]
