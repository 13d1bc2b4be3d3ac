// Dockerfile instructions with positions: continuation lines joined, comments and parser
// directives dropped, heredoc bodies kept, stages tracked, exec form (JSON array) told apart from
// shell form. The grammar is dockerfile-ast's; this module maps it to what rules need.
import { Copy, DockerfileParser, Run, type Heredoc } from 'dockerfile-ast'
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
  /** Here-documents of RUN/COPY (`RUN <<EOF ... EOF`): their bodies are also in `args`, one per line. */
  heredocs?: { name: string; body: string }[]
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

/** `Dockerfile.dockerignore`, `api.Dockerfile.dockerignore`: BuildKit's per-Dockerfile ignore file, not a Dockerfile. */
const IGNORE_FILE = /\.dockerignore$/i

export function dockerfileOf(file: SourceFile): Dockerfile {
  if (IGNORE_FILE.test(file.name)) return { instructions: [], stages: [] }
  return file.parse('dockerfile', (f) => parseDockerfile(f.lines))
}

/** Instructions Docker knows; any other first word (`entrypoint_alerts.sh`, `b` after a stray escape) is not one. */
const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'])

/**
 * Parsed by dockerfile-ast (the parser behind the Dockerfile language server): it follows BuildKit on
 * the escape directive, continuation lines with comments inside, heredocs (`RUN <<EOF`) and
 * instruction keywords (a keyword needs whitespace after it). `args` joins continuation lines with a
 * space, as before; a heredoc's body follows on its own lines.
 */
export function parseDockerfile(lines: readonly string[]): Dockerfile {
  const instructions: DockerInstruction[] = []
  const stages: DockerStage[] = []
  const parsed = DockerfileParser.parse(lines.join('\n'))
  const escape = parsed.getEscapeCharacter()
  for (const ins of parsed.getInstructions()) {
    const keyword = ins.getKeyword().toUpperCase()
    if (!KEYWORDS.has(keyword)) continue
    const range = ins.getRange()
    const first = range.start.line
    const last = Math.min(range.end.line, lines.length - 1)
    const heredocs: Heredoc[] = ins instanceof Run || ins instanceof Copy ? ins.getHeredocs() : []
    const inHeredoc = new Set<number>()
    const bodies: string[] = []
    for (const h of heredocs) {
      const content = h.getContentRange()
      const delimiter = h.getDelimiterRange()
      if (content) {
        for (let l = content.start.line; l <= content.end.line; l++) inHeredoc.add(l)
        bodies.push(lines.slice(content.start.line, content.end.line + 1).join('\n'))
      }
      if (delimiter) inHeredoc.add(delimiter.start.line)
    }
    const parts: string[] = []
    for (let l = first; l <= last; l++) {
      if (inHeredoc.has(l)) continue
      let text = l === first ? lines[l].slice(ins.getInstructionRange().end.character) : lines[l]
      // Comment lines inside a continuation are dropped, as BuildKit does.
      if (l !== first && /^\s*#/.test(text)) continue
      text = text.trim()
      if (text.endsWith(escape)) text = text.slice(0, -1)
      parts.push(text)
    }
    const args = [parts.join(' ').trim(), ...bodies].join('\n').trim()
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((p) => !p.startsWith('--'))
      const asAt = words.findIndex((p) => p.toLowerCase() === 'as')
      stages.push({ index: stages.length, image: words[0] ?? '', ...(asAt > 0 && words[asAt + 1] ? { name: words[asAt + 1].toLowerCase() } : {}), line: first + 1 })
    }
    const instruction: DockerInstruction = { keyword, args, line: first + 1, endLine: last + 1, stage: Math.max(0, stages.length - 1) }
    if (heredocs.length > 0) instruction.heredocs = heredocs.map((h, k) => ({ name: h.getName(), body: bodies[k] ?? '' }))
    if (['CMD', 'ENTRYPOINT', 'RUN', 'SHELL'].includes(keyword) && args.startsWith('[')) {
      try {
        const json: unknown = JSON.parse(args)
        if (Array.isArray(json) && json.every((p) => typeof p === 'string')) instruction.exec = json
      } catch {
        // Not valid JSON: Docker runs it in shell form, and so do we.
      }
    }
    instructions.push(instruction)
  }
  return { instructions, stages, final: stages[stages.length - 1] }
}

/**
 * The registry image the final stage is built on: through `FROM <earlier stage>` chains, with global
 * `ARG` defaults substituted (`FROM ruby:${RUBY_VERSION} AS base` ... `FROM base AS production`).
 */
export function baseImageOf(parsed: Dockerfile): string | undefined {
  const args = new Map<string, string>()
  for (const i of parsed.instructions) {
    if (i.keyword === 'FROM') break
    const m = /^([A-Za-z_]\w*)=(?:"([^"]*)"|'([^']*)'|(\S*))/.exec(i.keyword === 'ARG' ? i.args : '')
    if (m) args.set(m[1], m[2] ?? m[3] ?? m[4] ?? '')
  }
  let stage = parsed.final
  for (let hops = 0; stage && hops < 20; hops++) {
    const image = stage.image.toLowerCase()
    const parent = parsed.stages.find((s) => s.name === image && s.index < (stage?.index ?? 0))
    if (!parent) break
    stage = parent
  }
  return stage?.image.replace(/\$\{?(\w+)(?::-([^}]*))?\}?/g, (whole, name: string, fallback?: string) => args.get(name) ?? fallback ?? whole)
}

/**
 * The stages whose work ends up in the image: the final stage, the stages it is built `FROM`, and the
 * stages any of those copy from (`COPY --from=build`), transitively. A `dev` or `test` target stage
 * that nothing descends from is built only on request (`--target dev`) and ships nothing.
 */
export function shippedStages(d: Dockerfile): Set<number> {
  const shipped = new Set<number>()
  const byName = (ref: string): DockerStage | undefined => (/^\d+$/.test(ref) ? d.stages[Number(ref)] : d.stages.find((s) => s.name === ref.toLowerCase()))
  const visit = (stage: DockerStage | undefined): void => {
    if (!stage || shipped.has(stage.index)) return
    shipped.add(stage.index)
    visit(d.stages.find((s) => s.name === stage.image.toLowerCase() && s.index < stage.index))
    for (const i of d.instructions) {
      if (i.stage !== stage.index || (i.keyword !== 'COPY' && i.keyword !== 'ADD')) continue
      const from = /--from=(\S+)/.exec(i.args)?.[1]
      if (from) visit(byName(from))
    }
  }
  visit(d.final)
  return shipped
}

/** The command line an instruction runs, for CMD/ENTRYPOINT/RUN in either form. */
export function commandText(instruction: DockerInstruction): string {
  return instruction.exec ? instruction.exec.join(' ') : instruction.args
}
