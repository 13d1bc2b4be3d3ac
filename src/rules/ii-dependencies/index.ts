// Factor II — Dependencies: explicitly declare and isolate dependencies.
import type { Rule } from '../../engine/rule.js'
import { floatingDependencyVersion } from './floating-dependency-version.js'
import { imageWithoutDigest } from './image-without-digest.js'
import { imageWithoutTag } from './image-without-tag.js'
import { implicitSystemTool } from './implicit-system-tool.js'
import { installOutsideManifest } from './install-outside-manifest.js'
import { missingLockfile } from './missing-lockfile.js'

export const II_DEPENDENCIES_RULES: readonly Rule[] = [
  missingLockfile,
  floatingDependencyVersion,
  imageWithoutTag,
  imageWithoutDigest,
  installOutsideManifest,
  implicitSystemTool
]
