// Every rule, listed once. Order here is the order rules run and are documented in.
import type { Rule } from '../engine/rule.js'
import { FACTOR_V_RULES } from './v-build-release-run/index.js'
import { FACTOR_VI_RULES } from './vi-processes/index.js'
import { FACTOR_VII_RULES } from './vii-port-binding/index.js'
import { FACTOR_VIII_RULES } from './viii-concurrency/index.js'

export const RULES: readonly Rule[] = [...FACTOR_V_RULES, ...FACTOR_VI_RULES, ...FACTOR_VII_RULES, ...FACTOR_VIII_RULES]
