// Factor III (Config): every rule of the factor, in id order.
import type { Rule } from '../../engine/rule.js'
import { committedDotenv } from './committed-dotenv.js'
import { credentialInUrl } from './credential-in-url.js'
import { debugEnabled } from './debug-enabled.js'
import { fallbackSecretLiteral } from './fallback-secret-literal.js'
import { hardcodedCredential } from './hardcoded-credential.js'
import { literalSigningSecret } from './literal-signing-secret.js'
import { secretAssignment } from './secret-assignment.js'

export const III_CONFIG_RULES: readonly Rule[] = [
  hardcodedCredential, credentialInUrl, secretAssignment, committedDotenv, literalSigningSecret, fallbackSecretLiteral, debugEnabled
]
