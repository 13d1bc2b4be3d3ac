// Helpers shared by the Factor IX-XII rules: regex scanning over comment-blanked code with the
// long-line guard, the command a container image really boots with, dev-only paths and
// per-language remediation snippets.
import type { App } from '../../engine/apps.js'
import { isTestFilePath } from '../../engine/classify.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Language } from '../../engine/types.js'
import { dockerfileOf, type DockerInstruction } from '../../parsers/dockerfile.js'
import { inDevBranch } from './backing-service-urls.js'

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

/** Config that only development or tests use: application-dev.yml, settings/local.py, settings/dev_docker.py, settings/e2e.py, logback-dev.xml, config/environments/development.rb. */
export function isDevOnlyPath(path: string): boolean {
  return /(^|[/._-])(dev|development|local|debug|test|testing|e2e)([/._-]|$)/i.test(path)
}

/** A path under a test/spec folder or a test-named file (role 'test' covers most; this catches the rest). */
export function isTestPath(path: string): boolean {
  return isTestFilePath(path) || /(^|\/)(tests?|spec|__tests__|testing|fixtures?|test[-_]?(utils?|helpers?|support)|testutils|testhelpers)(\/|$)|(^|[/_.-])(test|spec|conftest)[_.-][^/]*$|_test\.[a-z]+$/i.test(path)
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

/** The production side negated: `NODE_ENV !== 'production'`, `unless Rails.env.production?`, `if not IS_PRODUCTION`. */
const NOT_PRODUCTION =
  /!==?\s*['"]prod(uction)?['"]|['"]prod(uction)?['"]\s*!==?|\bunless\s+[\w.]{0,60}production\?|\bif\s+not\s+[\w.]{0,40}(IS_PROD|IS_PRODUCTION|is_production|is_prod)\b|!\s*[\w.]{0,40}(isProd|isProduction|IS_PRODUCTION)\b|\bnot\s+[\w.]{0,40}\.(is_production|production\?)/
const DEV_HEADER_WORD = /\b(development|dev|testing|local|DEBUG|isDev|isDevelopment|__DEV__|isTest)\b|(?<![.\w])test\b(?!\s*\()/
const NEGATED_DEV_WORD = /!\s*[\w.]{0,40}\b(isDev|isDevelopment|DEBUG|__DEV__|isTest)\b|\bnot\s+[\w.[\]'"]{0,40}DEBUG\b|!==?\s*['"](development|dev|test|local)['"]|\bunless\s+[\w.]{0,40}(development|test)\?/
const IF_HEADER = /^\s*(\}\s*)?(if|elif|else\s+if|unless)\b|\bif\s*\(|\bunless\s/

/**
 * Is line `i` (0-based) code that runs only in development or tests: a dev/test branch
 * (`if (NODE_ENV === 'test')`, `if settings.DEBUG:`, `if Rails.env.development?`), the non-production
 * side of a flag (`if (NODE_ENV !== 'production')`, `unless Rails.env.production?`), or a one-line
 * `if (...) stmt` / `stmt if Rails.env.test?` on such a flag.
 */
export function inDevOrTestBranch(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? ''
  if (line.length > MAX_LINE) return false
  // One line: `if (NODE_ENV !== 'production') logger.add(...)`, `x.sync if Rails.env.test?`.
  if ((IF_HEADER.test(line) || /\s(if|unless)\s+\S/.test(line)) && !/\belse\b/.test(line)) {
    if (NOT_PRODUCTION.test(line) && !/(?<!!)===?\s*['"]prod(uction)?['"]/.test(line)) return true
    if (/\b(if|unless)\b/.test(line) && DEV_HEADER_WORD.test(line) && !/\bprod(uction)?\b/.test(line) && !/\bunless\b/.test(line) && !NEGATED_DEV_WORD.test(line)) return true
  }
  if (inDevBranch(lines, i)) return true
  let indent = line.search(/\S/)
  for (let j = i - 1; j >= Math.max(0, i - 12); j--) {
    const prev = lines[j]
    if (prev.length > MAX_LINE || prev.trim() === '') continue
    const pIndent = prev.search(/\S/)
    if (pIndent >= indent) continue
    if (!IF_HEADER.test(prev)) {
      indent = pIndent // an enclosing object, call or block: keep climbing
      continue
    }
    if (/(?<!!)===?\s*['"]prod(uction)?['"]|&&|\band\b/.test(prev)) return false
    return NOT_PRODUCTION.test(prev) || (DEV_HEADER_WORD.test(prev) && !NEGATED_DEV_WORD.test(prev) && !/\bprod(uction)?\b|\bunless\b/.test(prev))
  }
  return false
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
