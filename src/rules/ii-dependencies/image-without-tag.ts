// TF0203: a base or service image without a tag, or tagged `latest`.
import type { Rule } from '../../engine/rule.js'
import { describeTag, floatingTag, judgedAsDeployImage } from '../shared/deploy-images.js'
import { composeOf } from '../../parsers/compose.js'
import { builtImageNames, imageUses, type ImageUse } from './image-refs.js'
import { parseImageRef } from '../../parsers/image-ref.js'

const LOCAL_FROM = 'tf0203:local-from'
const BUILT = 'tf0203:built-image'
interface LocalFrom { file: string; line: number; column?: number; message: string; remediation: string; notice: boolean; name: string }

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
  // Shell scripts, workflows and READMEs are read only for the images the repository builds itself.
  files: { kinds: ['dockerfile', 'compose', 'kubernetes', 'source', 'workflow', 'markdown'], roles: ['app', 'dev', 'docs'] },
  keywords: ['from', 'image', 'docker build', 'buildx', 'podman build'],
  check(file, report, ctx) {
    // A Dockerfile under docs/ is an example: it only tells which images get built, like a README.
    if (file.kind === 'source' || file.kind === 'workflow' || file.kind === 'markdown' || file.role === 'docs') {
      if (file.kind === 'source' && file.language !== 'shell') return
      for (const name of builtImageNames(file.code)) ctx.facts.add<{ name: string }>(BUILT, { name })
      return
    }
    // An image a deploy manifest runs is a release: TF0503 (Factor V) judges it, once.
    if (file.kind !== 'dockerfile' && judgedAsDeployImage(file)) return
    for (const img of imageUses(file)) {
      if (img.digest) continue // a digest pins the content whatever the tag says
      if (!floatingTag(img.tag)) continue
      const floating = describeTag(img.tag)
      const where = img.where === 'dockerfile' ? 'FROM' : img.where === 'compose' ? 'compose image' : 'container image'
      // `FROM recommendations_base`: a bare local name may be a base image the repository builds itself
      // (`docker build -t recommendations_base .` in a script or README): decided once every file is read.
      if (img.where === 'dockerfile' && isBareLocalName(img)) {
        ctx.facts.add<LocalFrom>(LOCAL_FROM, { file: file.path, line: img.line, ...(img.column !== undefined ? { column: img.column } : {}), notice: file.role === 'dev', name: img.name.toLowerCase(), message: `${where} \`${img.ref}\` ${floating}: every pull may bring a different image`, remediation: `Pin a version: \`${img.name}:<version>\` (e.g. the exact release you test with), optionally with \`@sha256:<digest>\`; let Renovate or Dependabot bump it.` })
        continue
      }
      report({
        line: img.line,
        ...(img.column !== undefined ? { column: img.column } : {}),
        // Development compose and local-cluster manifests: the image still floats, but quietly.
        ...(file.kind !== 'dockerfile' || file.role === 'dev' ? { severity: 'notice' as const } : {}),
        message: `${where} \`${img.ref}\` ${floating}: every pull may bring a different image`,
        remediation: `Pin a version: \`${img.name}:<version>\` (e.g. the exact release you test with), optionally with \`@sha256:<digest>\`; let Renovate or Dependabot bump it.`
      })
    }
  },
  checkRepo(repo, report) {
    const pending = repo.facts.get<LocalFrom>(LOCAL_FROM)
    if (pending.length === 0) return
    const built = new Set(repo.facts.get<{ name: string }>(BUILT).map((b) => b.name))
    // Compose services that build an image and name it.
    for (const info of repo.files) {
      if (info.kind !== 'compose') continue
      const file = repo.get(info.path)
      if (file) for (const s of composeOf(file).services) if (s.build && s.image) built.add(parseImageRef(s.image).name.toLowerCase())
    }
    for (const p of pending) {
      if (built.has(p.name)) continue
      report({ file: p.file, line: p.line, ...(p.column !== undefined ? { column: p.column } : {}), ...(p.notice ? { severity: 'notice' as const } : {}), message: p.message, remediation: p.remediation })
    }
  }
}

/** `recommendations_base`, `myapp-base`: no registry, no namespace. Official images (node, python) are looked up too: a repository may build its own `node`. */
function isBareLocalName(img: ImageUse): boolean {
  return !img.name.includes('/')
}
