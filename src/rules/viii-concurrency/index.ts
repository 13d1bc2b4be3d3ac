// Factor VIII — Concurrency.
import type { Rule } from '../../engine/rule.js'
import { backgroundWorkInWebProcess } from './background-work-in-web-process.js'
import { selfDaemonizing } from './self-daemonizing.js'
import { singleReplicaWithoutAutoscaler } from './single-replica-without-autoscaler.js'

export const FACTOR_VIII_RULES: readonly Rule[] = [backgroundWorkInWebProcess, selfDaemonizing, singleReplicaWithoutAutoscaler]
