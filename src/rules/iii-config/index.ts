// Factor III (Config): every rule of the factor, in id order.
import type { Rule } from '../../engine/rule.js'
import { credentialInUrl } from './credential-in-url.js'
import { hardcodedCredential } from './hardcoded-credential.js'
import { literalSigningSecret } from './literal-signing-secret.js'
import { secretAssignment } from './secret-assignment.js'

export const III_CONFIG_RULES: readonly Rule[] = [hardcodedCredential, credentialInUrl, secretAssignment, literalSigningSecret]
