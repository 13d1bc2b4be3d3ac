import type { Rule } from '../../engine/rule.js'
import { schemaChangeAtStart } from './schema-change-at-start.js'

export const XII_RULES: readonly Rule[] = [schemaChangeAtStart]
