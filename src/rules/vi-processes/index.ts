// Factor VI — Processes.
import type { Rule } from '../../engine/rule.js'
import { inMemorySessionStore } from './in-memory-session-store.js'
import { localDiskUserData } from './local-disk-user-data.js'
import { processLocalSharedState } from './process-local-shared-state.js'
import { stickySessions } from './sticky-sessions.js'

export const FACTOR_VI_RULES: readonly Rule[] = [inMemorySessionStore, localDiskUserData, stickySessions, processLocalSharedState]
