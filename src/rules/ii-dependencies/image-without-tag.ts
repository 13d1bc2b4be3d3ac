// TF0203: a base or service image without a tag, or tagged `latest`.
import type { Rule } from '../../engine/rule.js'
import { describeTag, floatingTag, judgedAsDeployImage } from '../shared/deploy-images.js'
import { imageUses } from './image-refs.js'

export const imageWithoutTag: Rule = {
  meta: {
    id: 'TF0203',
    name: 'image-without-tag',
    factor: 'II',
    severity: 'warning',
    summary: 'A Dockerfile FROM (or a development compose/Kubernetes file) pulls an image with no tag, `latest`, or a tag with no version (`alpine`, `slim`).',
    why:
      'The base image is a dependency like any library: Factor II wants it declared exactly. `latest` (or no tag, which means latest) is whatever the registry serves that day, so two builds of one commit can run on different operating systems and runtimes.',
    remediation: 'Name a version tag (node:20.11-bookworm-slim, postgres:16.2), and for production images add the digest (image:tag@sha256:...), updated by Renovate or Dependabot.'
  },
  files: { kinds: ['dockerfile', 'compose', 'kubernetes'] },
  keywords: ['from', 'image'],
  check(file, report) {
    // An image a deploy manifest runs is a release: TF0503 (Factor V) judges it, once.
    if (file.kind !== 'dockerfile' && judgedAsDeployImage(file)) return
    for (const img of imageUses(file)) {
      if (img.digest) continue // a digest pins the content whatever the tag says
      if (!floatingTag(img.tag)) continue
      const floating = describeTag(img.tag)
      const where = img.where === 'dockerfile' ? 'FROM' : img.where === 'compose' ? 'compose image' : 'container image'
      report({
        line: img.line,
        ...(img.column !== undefined ? { column: img.column } : {}),
        // Development compose and local-cluster manifests: the image still floats, but quietly.
        ...(file.kind !== 'dockerfile' || file.role === 'dev' ? { severity: 'notice' as const } : {}),
        message: `${where} \`${img.ref}\` ${floating}: every pull may bring a different image`,
        remediation: `Pin a version: \`${img.name}:<version>\` (e.g. the exact release you test with), optionally with \`@sha256:<digest>\`; let Renovate or Dependabot bump it.`
      })
    }
  }
}
