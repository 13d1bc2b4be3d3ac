// Dockerfile instructions with positions: continuation lines joined, comments and parser
// directives dropped, stages tracked, exec form (JSON array) told apart from shell form.
import type { SourceFile } from '../engine/source-file.js'

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, CMD, ENTRYPOINT, EXPOSE, ENV, ADD, COPY, ... */
  keyword: string
  /** Everything after the keyword, continuation lines joined with a space. */
  args: string
  /** 1-based line of the keyword and the last line of the instruction. */
  line: number
  endLine: number
  /** For CMD/ENTRYPOINT/RUN/SHELL: the JSON-array arguments when written in exec form. */
  exec?: string[]
  /** Index of the build stage this instruction belongs to (0 = first FROM). */
  stage: number
}

export interface DockerStage {
  index: number
  /** Image reference as written after FROM (flags removed), e.g. node:20-alpine. */
  image: string
  /** `AS name`, lower-cased, when given. */
  name?: string
  line: number
}

export interface Dockerfile {
  instructions: DockerInstruction[]
  stages: DockerStage[]
  /** The last stage: what the image runs. */
  final?: DockerStage
}

export function dockerfileOf(file: SourceFile): Dockerfile {
  return file.parse('dockerfile', (f) => parseDockerfile(f.lines))
}

export function parseDockerfile(lines: readonly string[]): Dockerfile {
  const instructions: DockerInstruction[] = []
  const stages: DockerStage[] = []
  let escape = '\\'
  let i = 0
  let seenInstruction = false
  while (i < lines.length) {
    const raw = lines[i]
    const trimmed = raw.trim()
    if (!seenInstruction) {
      const directive = /^#\s*escape\s*=\s*(\S)/i.exec(trimmed)
      if (directive) escape = directive[1]
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++
      continue
    }
    seenInstruction = true
    const start = i
    let text = trimmed
    // Join continuation lines; comment lines inside a continuation are skipped, as Docker does.
    while (text.endsWith(escape) && i + 1 < lines.length) {
      text = text.slice(0, -1)
      i++
      while (i < lines.length && /^\s*#/.test(lines[i])) i++
      if (i < lines.length) text += ` ${lines[i].trim()}`
    }
    const m = /^([A-Za-z]+)\s*(.*)$/.exec(text)
    i++
    if (!m) continue
    const keyword = m[1].toUpperCase()
    const args = m[2].trim()
    if (keyword === 'FROM') {
      const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'))
      const asAt = parts.findIndex((p) => p.toLowerCase() === 'as')
      stages.push({ index: stages.length, image: parts[0] ?? '', ...(asAt > 0 && parts[asAt + 1] ? { name: parts[asAt + 1].toLowerCase() } : {}), line: start + 1 })
    }
    const instruction: DockerInstruction = { keyword, args, line: start + 1, endLine: i, stage: Math.max(0, stages.length - 1) }
    if (['CMD', 'ENTRYPOINT', 'RUN', 'SHELL'].includes(keyword) && args.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(args)
        if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) instruction.exec = parsed
      } catch {
        // Not valid JSON: Docker runs it in shell form, and so do we.
      }
    }
    instructions.push(instruction)
  }
  return { instructions, stages, final: stages[stages.length - 1] }
}

/** The command line an instruction runs, for CMD/ENTRYPOINT/RUN in either form. */
export function commandText(instruction: DockerInstruction): string {
  return instruction.exec ? instruction.exec.join(' ') : instruction.args
}

/** Splits an image reference: registry/repo, tag and digest (tag undefined when absent). */
export function parseImageRef(ref: string): { name: string; tag?: string; digest?: string } {
  const [beforeDigest, digest] = ref.split('@', 2)
  const lastSlash = beforeDigest.lastIndexOf('/')
  const colon = beforeDigest.lastIndexOf(':')
  const hasTag = colon > lastSlash
  return {
    name: hasTag ? beforeDigest.slice(0, colon) : beforeDigest,
    ...(hasTag ? { tag: beforeDigest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {})
  }
}
