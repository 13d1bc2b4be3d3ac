import type { Rule } from '../../engine/rule.js'
import { ackBeforeProcessing } from './ack-before-processing.js'
import { bootWaitLoop } from './boot-wait-loop.js'
import { gracePeriodTooShort } from './grace-period-too-short.js'
import { missingReadinessProbe } from './missing-readiness-probe.js'
import { noGracefulShutdown } from './no-graceful-shutdown.js'
import { signalsNotForwarded } from './signals-not-forwarded.js'

export const IX_RULES: readonly Rule[] = [noGracefulShutdown, signalsNotForwarded, bootWaitLoop, missingReadinessProbe, gracePeriodTooShort, ackBeforeProcessing]
