// Factor IV — Backing services: treat backing services as attached resources.
import type { Rule } from '../../engine/rule.js'
import { fileDatabaseInProduction } from './file-database-in-production.js'
import { frameworkServiceHost } from './framework-service-host.js'
import { hardcodedServiceLocator } from './hardcoded-service-locator.js'
import { localServiceBranching } from './local-service-branching.js'

export const IV_BACKING_SERVICES_RULES: readonly Rule[] = [hardcodedServiceLocator, localServiceBranching, frameworkServiceHost, fileDatabaseInProduction]
