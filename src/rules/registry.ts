// Every rule, listed once. Order here is the order rules run and are documented in.
import type { Rule } from '../engine/rule.js'
import { FACTOR_V_RULES } from './v-build-release-run/index.js'

export const RULES: readonly Rule[] = [...FACTOR_V_RULES]
