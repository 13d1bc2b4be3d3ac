// Every rule, listed once. Order here is the order rules run and are documented in.
import type { Rule } from '../engine/rule.js'
import { III_CONFIG_RULES } from './iii-config/index.js'

export const RULES: readonly Rule[] = [...III_CONFIG_RULES]
