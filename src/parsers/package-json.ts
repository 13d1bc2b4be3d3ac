// package.json: the parsed object plus the line of each script, dependency and top-level key, so
// findings point at the exact line. Invalid JSON yields an error, never a throw.
import type { SourceFile } from '../engine/source-file.js'

export interface PackageJson {
  data?: {
    name?: string
    scripts?: Record<string, string>
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
    engines?: Record<string, string>
    workspaces?: unknown
    main?: string
    [key: string]: unknown
  }
  error?: { message: string; line: number }
  /** 1-based line of `"key":` inside the given top-level section ('' for top-level keys). */
  lineOf(section: string, key: string): number
}

export function packageJsonOf(file: SourceFile): PackageJson {
  return file.parse('package-json', (f) => parsePackageJson(f.text))
}

export function parsePackageJson(text: string): PackageJson {
  const lines = text.split(/\r\n|\r|\n/)
  const lineOf = (section: string, key: string): number => {
    const needle = `"${key}"`
    let from = 0
    if (section) {
      const s = lines.findIndex((l) => l.includes(`"${section}"`))
      if (s === -1) return 1
      from = s
    }
    for (let i = from; i < lines.length; i++) if (lines[i].includes(needle) && /"\s*:/.test(lines[i])) return i + 1
    return from + 1
  }
  try {
    const data: unknown = JSON.parse(text)
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: { message: 'package.json is not an object', line: 1 }, lineOf }
    return { data: data as PackageJson['data'], lineOf }
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message)
    const line = pos ? text.slice(0, Number(pos[1])).split(/\r\n|\r|\n/).length : 1
    return { error: { message: (e as Error).message, line }, lineOf }
  }
}
