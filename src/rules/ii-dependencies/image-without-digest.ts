// TF0204 (notice): a production image pinned by tag only. Tags are mutable; a digest is not.
import type { Rule } from '../../engine/rule.js'
import { imageUses } from './image-refs.js'

export const imageWithoutDigest: Rule = {
  meta: {
    id: 'TF0204',
    name: 'image-without-digest',
    factor: 'II',
    severity: 'notice',
    summary: 'A Dockerfile FROM or Kubernetes container image is pinned by a tag but not by a digest.',
    why:
      'A tag such as node:20-slim is re-pushed with every patch release, so the declared dependency still moves under the same commit. A digest makes the declaration exact, which is what Factor II asks for; Renovate or Dependabot keep it fresh.',
    remediation: 'Append the digest: FROM node:20.11-slim@sha256:<digest> (docker buildx imagetools inspect node:20.11-slim prints it), and let Renovate/Dependabot update it.'
  },
  // Compose files are for local development; their images are not what production runs.
  files: { kinds: ['dockerfile', 'kubernetes'], roles: ['app'] },
  keywords: ['from', 'image'],
  check(file, report) {
    for (const img of imageUses(file)) {
      if (img.digest || img.tag === undefined || img.tag.toLowerCase() === 'latest') continue // TF0203 speaks for those
      report({
        line: img.line,
        ...(img.column !== undefined ? { column: img.column } : {}),
        message: `\`${img.ref}\` is pinned by tag only; the tag can be re-pushed with different content`,
        remediation: `Pin the content: \`${img.ref}@sha256:<digest>\` (\`docker buildx imagetools inspect ${img.ref}\` prints it) and let Renovate or Dependabot update tag and digest together.`
      })
    }
  }
}
