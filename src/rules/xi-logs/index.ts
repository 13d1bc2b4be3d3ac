import type { Rule } from '../../engine/rule.js'
import { logToFile } from './log-to-file.js'
import { selfManagedLogRouting } from './self-managed-log-routing.js'

export const XI_RULES: readonly Rule[] = [logToFile, selfManagedLogRouting]
