// Every rule, listed once. Order here is the order rules run and are documented in.
import type { Rule } from '../engine/rule.js'

export const RULES: readonly Rule[] = []
