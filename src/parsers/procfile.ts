// Procfile: `type: command` per line (Heroku, Dokku, foreman, honcho).
import type { SourceFile } from '../engine/source-file.js'

export interface ProcessType {
  type: string
  command: string
  line: number
  /** 1-based column where the command starts. */
  column: number
}

export function procfileOf(file: SourceFile): ProcessType[] {
  return file.parse('procfile', (f) => parseProcfile(f.lines))
}

export function parseProcfile(lines: readonly string[]): ProcessType[] {
  const out: ProcessType[] = []
  lines.forEach((text, i) => {
    const m = /^([A-Za-z0-9_-]+):[ \t]*(.*?)\s*$/.exec(text)
    if (!m || text.trimStart().startsWith('#') || m[2] === '') return
    out.push({ type: m[1], command: m[2], line: i + 1, column: text.indexOf(m[2], m[1].length + 1) + 1 })
  })
  return out
}
