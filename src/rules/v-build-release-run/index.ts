// Factor V — Build, release, run.
import type { Rule } from '../../engine/rule.js'
import { buildAtRunTime } from './build-at-run-time.js'
import { codeChangedAtRunTime } from './code-changed-at-run-time.js'
import { deployWithoutArtifact } from './deploy-without-artifact.js'
import { mutableReleaseTag } from './mutable-release-tag.js'
import { remoteAddWithoutChecksum } from './remote-add-without-checksum.js'
import { unparseableConfig } from './unparseable-config.js'

export const FACTOR_V_RULES: readonly Rule[] = [buildAtRunTime, codeChangedAtRunTime, mutableReleaseTag, deployWithoutArtifact, remoteAddWithoutChecksum, unparseableConfig]
