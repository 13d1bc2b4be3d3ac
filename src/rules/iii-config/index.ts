// Factor III (Config): every rule of the factor, in id order.
import type { Rule } from '../../engine/rule.js'
import { configGroupedByEnvironment } from './config-grouped-by-environment.js'
import { committedDotenv } from './committed-dotenv.js'
import { credentialInUrl } from './credential-in-url.js'
import { debugEnabled } from './debug-enabled.js'
import { fallbackSecretLiteral } from './fallback-secret-literal.js'
import { frameworkConfigPassword } from './framework-config-password.js'
import { hardcodedCredential } from './hardcoded-credential.js'
import { k8sLiteralSecretEnv } from './k8s-literal-secret-env.js'
import { literalSigningSecret } from './literal-signing-secret.js'
import { secretAssignment } from './secret-assignment.js'
import { workflowLiteralSecret } from './workflow-literal-secret.js'

export const III_CONFIG_RULES: readonly Rule[] = [
  hardcodedCredential, credentialInUrl, secretAssignment, committedDotenv, literalSigningSecret, fallbackSecretLiteral, debugEnabled,
  k8sLiteralSecretEnv, workflowLiteralSecret, frameworkConfigPassword, configGroupedByEnvironment
]
