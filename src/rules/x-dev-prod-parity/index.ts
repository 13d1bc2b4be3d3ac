import type { Rule } from '../../engine/rule.js'
import { devServerInProduction } from './dev-server-in-production.js'

export const X_RULES: readonly Rule[] = [devServerInProduction]
