import type { Rule } from '../../engine/rule.js'
import { adminHttpEndpoint } from './admin-http-endpoint.js'
import { adminJobDrift } from './admin-job-drift.js'
import { adminScriptHardcodedTarget } from './admin-script-hardcoded-target.js'
import { adminScriptInstallsDeps } from './admin-script-installs-deps.js'
import { adminScriptMissing } from './admin-script-missing.js'
import { schemaChangeAtStart } from './schema-change-at-start.js'

export const XII_RULES: readonly Rule[] = [schemaChangeAtStart, adminScriptHardcodedTarget, adminScriptInstallsDeps, adminScriptMissing, adminHttpEndpoint, adminJobDrift]
