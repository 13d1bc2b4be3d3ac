// Factor I — Codebase: one codebase tracked in revision control, many deploys.
import type { Rule } from '../../engine/rule.js'
import { committedBuildOutput } from './committed-build-output.js'
import { crossAppRelativeImport } from './cross-app-relative-import.js'
import { environmentFork } from './environment-fork.js'
import { notVersionControlled } from './not-version-controlled.js'

export const I_CODEBASE_RULES: readonly Rule[] = [notVersionControlled, committedBuildOutput, crossAppRelativeImport, environmentFork]
