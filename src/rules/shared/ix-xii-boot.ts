// Helpers shared by the Factor IX-XII rules: regex scanning over comment-blanked code with the
// long-line guard, the command a container image really boots with, dev-only paths and
// per-language remediation snippets.
import type { App } from '../../engine/apps.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Language } from '../../engine/types.js'
import { dockerfileOf, type DockerInstruction } from '../../parsers/dockerfile.js'

export const MAX_LINE = 4000

/**
 * `file.code` with every line longer than 4000 characters blanked to spaces (offsets unchanged), so
 * regexes never scan minified bundles or data blobs.
 */
export function shortCode(file: SourceFile): string {
  return file.parse('ix-xii-short-code', (f) => {
    if (!f.lines.some((l) => l.length > MAX_LINE)) return f.code
    // Walk the lines (a regex like /[^\r\n]{4001,}/g costs the square of each shorter line).
    const code = f.code
    const parts: string[] = []
    let at = 0
    for (const line of f.lines) {
      parts.push(line.length > MAX_LINE ? ' '.repeat(line.length) : code.slice(at, at + line.length))
      at += line.length
      const eol = code.startsWith('\r\n', at) ? 2 : at < code.length ? 1 : 0
      parts.push(code.slice(at, at + eol))
      at += eol
    }
    return parts.join('')
  })
}

/** Every match of a global regex over `file.code`, with its position; lines over 4000 chars are skipped. */
export function matchesIn(file: SourceFile, re: RegExp): { m: RegExpExecArray; line: number; column: number }[] {
  const out: { m: RegExpExecArray; line: number; column: number }[] = []
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`)
  const code = shortCode(file)
  const docs = file.language === 'python' ? pythonTripleQuoted(file) : []
  g.lastIndex = 0
  for (let m = g.exec(code); m; m = g.exec(code)) {
    if (m[0].length === 0) g.lastIndex++
    const at = m.index
    if (docs.some(([a, b]) => at > a && at < b)) continue // docstrings and other triple-quoted text are prose, not code
    const pos = file.position(m.index)
    if (file.line(pos.line).length > MAX_LINE) continue
    // A definition (`def serve_forever(`, `class FileHandler(`, `function migrate(`) is not a use.
    if (/\b(def|class|func|function)\s+[\w.]*$/.test(file.line(pos.line).slice(0, pos.column - 1))) continue
    out.push({ m, line: pos.line, column: pos.column })
  }
  return out
}

export interface BootCommand {
  instruction: DockerInstruction
  keyword: 'CMD' | 'ENTRYPOINT'
  /** The command as one string. */
  text: string
  /** Exec-form argv, or undefined for shell form. */
  exec?: string[]
}

/** The final stage's effective ENTRYPOINT and CMD (the last of each): what the container runs. */
export function bootCommands(file: SourceFile): { entrypoint?: BootCommand; cmd?: BootCommand } {
  const d = dockerfileOf(file)
  const last = d.stages.length - 1
  let entrypoint: BootCommand | undefined
  let cmd: BootCommand | undefined
  for (const ins of d.instructions) {
    if (ins.stage !== Math.max(0, last)) continue
    if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue
    const bc: BootCommand = { instruction: ins, keyword: ins.keyword, text: ins.exec ? ins.exec.join(' ') : ins.args, ...(ins.exec ? { exec: ins.exec } : {}) }
    if (ins.keyword === 'CMD') cmd = bc
    else entrypoint = bc
  }
  return { ...(entrypoint ? { entrypoint } : {}), ...(cmd ? { cmd } : {}) }
}

/** `sh -c "..."` / `bash -c` in an argv: the script, or undefined. */
export function shellScriptOf(argv: readonly string[] | undefined): string | undefined {
  if (!argv || argv.length < 3) return undefined
  if (!/^(\/usr)?(\/bin\/)?(ba|da|a)?sh$/.test(argv[0])) return undefined
  const c = argv.findIndex((a) => /^-[a-z]*c$/.test(a))
  return c === -1 ? undefined : argv[c + 1]
}

/** An entrypoint-like shell script by name: docker-entrypoint.sh, entrypoint, bin/docker-entrypoint, start.sh, boot.sh. */
export const ENTRYPOINT_SCRIPT = /(^|\/)((docker[-_])?entrypoint([-_.][\w.-]*)?|start(up)?(\.sh)?|boot(\.sh)?|run\.sh|start-server\.sh|launch\.sh)$/i
/**
 * A container start script: an entrypoint script, or a shell script named for starting a service
 * (`start_webapp.sh`, `start-tb.sh`, `boot-api.sh`); dev, test, debug and stop/restart helpers are not.
 */
export function isStartScript(path: string): boolean {
  if (ENTRYPOINT_SCRIPT.test(path)) return true
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  return /^(?:[\w.-]*[-_.])?(?:start|boot|launch|entrypoint)(?:[-_.][\w.-]*)?\.(?:sh|bash)$/.test(name) && !/(^|[-_.])(dev|development|local|test|tests|debug|stop|restart|e2e)([-_.]|$)/.test(name)
}

/** The language to speak in a remediation: the app's, else the file's. */
export function langOf(file: SourceFile, app?: App): Language {
  if (file.language !== 'none' && file.language !== 'shell') return file.language
  return app?.language ?? file.language
}

/** Picks a snippet by framework, then language, then 'default'. */
export function pick(snippets: Record<string, string>, framework: string | undefined, language: Language): string {
  return (framework && snippets[framework]) || snippets[language] || (language === 'typescript' ? snippets.javascript : undefined) || snippets.default || ''
}

/** Quotes a token for a message, trimmed to a readable length. */
export function tok(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return `\`${t.length > max ? `${t.slice(0, max - 1)}…` : t}\``
}

/** A simple shell command (no operators, substitutions or variables) as an exec-form JSON array. */
export function toExecForm(command: string): string | undefined {
  const c = command.replace(/^exec\s+/, '').trim()
  if (!c || /[|&;<>()$`\\*?{}[\]]/.test(c) || /["']/.test(c)) return undefined
  return JSON.stringify(c.split(/\s+/)).replace(/","/g, '", "')
}

/** One-off admin scripts: scripts/, bin/ (minus framework binstubs), tasks/, tools/, management/commands/, lib/tasks/*.rake. */
export function isAdminScript(path: string): boolean {
  if (/(^|\/)bin\/(rails|rake|bundle|setup|dev|update|yarn|webpack|spring|importmap|rubocop|brakeman|jobs|kamal|thrust|docker-entrypoint)$/.test(path)) return false
  return /(^|\/)(scripts?|bin|tasks|tools|admin|ops|management\/commands|lib\/tasks)\/[^/]+$/.test(path) && !/(^|\/)__init__\.py$/.test(path)
}

/** [start, end) offsets of Python triple-quoted strings (docstrings), found once per file. */
export function pythonTripleQuoted(file: SourceFile): [number, number][] {
  return file.parse('ix-xii-py-triple', (f) => {
    const out: [number, number][] = []
    const re = /"""|'''/g
    const t = f.code
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const end = t.indexOf(m[0], m.index + 3)
      if (end === -1) break
      out.push([m.index, end + 3])
      re.lastIndex = end + 3
    }
    return out
  })
}

/**
 * Is `offset` inside a Spring profile document for dev/local/test only: a YAML `---` or properties `#---`
 * section with `spring.config.activate.on-profile: dev` (or the older `spring.profiles: dev`)?
 */
export function inDevProfileDocument(code: string, offset: number): boolean {
  return profileDocumentKind(code, offset) !== undefined
}

/** `test` when the profile document is for tests only (test, ci, e2e, it), `dev` when for development (dev, local...). */
export function profileDocumentKind(code: string, offset: number): 'dev' | 'test' | undefined {
  const sep = /^(---|#---|!---)[ \t]*$/gm
  let start = 0
  let end = code.length
  for (let m = sep.exec(code); m; m = sep.exec(code)) {
    if (m.index < offset) start = m.index + m[0].length
    else {
      end = m.index
      break
    }
  }
  if (start === 0) return undefined // the first (default) document applies to every profile
  const doc = code.slice(start, end)
  const m = /^[ \t]*(?:spring\.config\.activate\.on-profile|on-profile|spring\.profiles|profiles)[ \t]*[:=][ \t]*["']?([\w ,|&-]{1,120}?)["']?[ \t]*$/m.exec(doc)
  if (!m) return undefined
  const names = m[1].split(/[\s,|&]+/).filter(Boolean)
  if (names.length === 0 || !names.every((n) => /^(dev|development|local|test|testing|ci|e2e|it|docker-dev)$/i.test(n))) return undefined
  return names.every((n) => /^(test|testing|ci|e2e|it)$/i.test(n)) ? 'test' : 'dev'
}

/** `file.code` split into lines (comments blanked), once per file. */
export function codeLines(file: SourceFile): string[] {
  return file.parse('ix-xii-code-lines', (f) => f.code.split(/\r\n|\r|\n/))
}
