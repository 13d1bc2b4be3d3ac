// Factor VIII — Concurrency.
import type { Rule } from '../../engine/rule.js'
import { selfDaemonizing } from './self-daemonizing.js'

export const FACTOR_VIII_RULES: readonly Rule[] = [selfDaemonizing]
