// Factor V — Build, release, run.
import type { Rule } from '../../engine/rule.js'
import { buildAtRunTime } from './build-at-run-time.js'

export const FACTOR_V_RULES: readonly Rule[] = [buildAtRunTime]
