import type { Rule } from '../../engine/rule.js'
import { backingServiceDrift } from './backing-service-drift.js'
import { devServerInProduction } from './dev-server-in-production.js'
import { envBranchServiceSwap } from './env-branch-service-swap.js'
import { runtimeVersionDrift } from './runtime-version-drift.js'

export const X_RULES: readonly Rule[] = [backingServiceDrift, runtimeVersionDrift, devServerInProduction, envBranchServiceSwap]
