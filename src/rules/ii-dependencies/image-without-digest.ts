// TF0204 (notice): a production image pinned by tag only. Tags are mutable; a digest is not.
import type { Rule } from '../../engine/rule.js'
import { floatingTag } from '../shared/deploy-images.js'
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
    // One notice per file: the fix (pin digests, let a bot update them) is one change for the file.
    // A tag with no version (latest, alpine, slim) floats outright: TF0203/TF0503 speak for it.
    const loose = imageUses(file).filter((img) => !img.digest && !floatingTag(img.tag))
    if (loose.length === 0) return
    const first = loose[0]
    const refs = [...new Set(loose.map((img) => img.ref))]
    const others = refs.filter((r) => r !== first.ref)
    report({
      line: first.line,
      ...(first.column !== undefined ? { column: first.column } : {}),
      message: `\`${first.ref}\`${others.length ? ` (and ${others.map((r) => `\`${r}\``).join(', ')} in this file)` : ''} ${refs.length === 1 ? 'is' : 'are'} pinned by tag only; a tag can be re-pushed with different content`,
      remediation: `Pin the content: \`${first.ref}@sha256:<digest>\` (\`docker buildx imagetools inspect ${first.ref}\` prints it) for each image, and let Renovate or Dependabot update tag and digest together.`
    })
  }
}
