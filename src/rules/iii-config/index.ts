// Factor III (Config): every rule of the factor, in id order.
import type { Rule } from '../../engine/rule.js'
import { hardcodedCredential } from './hardcoded-credential.js'

export const III_CONFIG_RULES: readonly Rule[] = [hardcodedCredential]
