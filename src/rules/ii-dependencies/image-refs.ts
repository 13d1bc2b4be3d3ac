// The container images a Dockerfile, compose file or Kubernetes manifest pulls, with their lines;
// shared by TF0203 (no tag / latest) and TF0204 (no digest).
import type { SourceFile } from '../../engine/source-file.js'
import { composeOf } from '../../parsers/compose.js'
import { dockerfileOf } from '../../parsers/dockerfile.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { parseImageRef } from '../../parsers/image-ref.js'

export interface ImageUse {
  ref: string
  name: string
  tag?: string
  digest?: string
  line: number
  column?: number
  where: 'dockerfile' | 'compose' | 'kubernetes'
}

/** Images pulled from a registry: stage references, scratch and templated refs are left out. */
export function imageUses(file: SourceFile): ImageUse[] {
  return file.parse('tf02-image-uses', (f) => {
    const out: ImageUse[] = []
    // dockerfile.ts / Dockerfile.js are code that the path classifier takes for Dockerfiles.
    if (f.language !== 'none') return out
    const add = (ref: string, line: number, where: ImageUse['where']): void => {
      const r = ref.trim()
      // ${VAR}, $VAR, {{ .Values.image }}: the tag is decided elsewhere (build arg, values file).
      if (!r || r.includes('$') || r.includes('{{') || r.toLowerCase() === 'scratch') return
      const col = f.line(line).indexOf(r)
      out.push({ ref: r, ...parseImageRef(r), line, ...(col >= 0 ? { column: col + 1 } : {}), where })
    }
    if (f.kind === 'dockerfile') {
      const d = dockerfileOf(f)
      const stageNames = new Set<string>()
      for (const s of d.stages) {
        if (!stageNames.has(s.image.toLowerCase()) && !/^\d+$/.test(s.image)) add(s.image, s.line, 'dockerfile')
        if (s.name) stageNames.add(s.name)
      }
      // COPY --from=<image> pulls an image too; stage names and indexes do not.
      for (const ins of d.instructions) {
        if (ins.keyword !== 'COPY') continue
        const m = /--from=(\S+)/.exec(ins.args)
        if (m && !stageNames.has(m[1].toLowerCase()) && !/^\d+$/.test(m[1]) && m[1].includes(':')) add(m[1], ins.line, 'dockerfile')
      }
    } else if (f.kind === 'compose') {
      for (const s of composeOf(f).services) if (s.image !== undefined && !s.build) add(s.image, s.imageLine, 'compose')
    } else if (f.kind === 'kubernetes') {
      const k = kubernetesOf(f)
      if (!k.isHelmTemplate) for (const w of k.workloads) for (const c of w.containers) if (c.image !== undefined) add(c.image, c.imageLine, 'kubernetes')
    }
    return out
  })
}

/**
 * Names of the images a script, workflow or README builds: `docker build -t name[:tag] .`,
 * `docker buildx build --tag name`, `podman build -t name` (registry and tag dropped to the name).
 */
export function builtImageNames(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/\b(?:docker(?:\s+buildx)?|podman)\s+build\b[^\n]{0,400}?(?:\s-t|\s--tag)(?:\s+|=)["']?([a-z0-9][\w./:-]{0,200}?)["']?(?=\s|$)/gim)) {
    if (m[1].includes('$')) continue
    out.push(parseImageRef(m[1]).name.toLowerCase())
  }
  return out
}
