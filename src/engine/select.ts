// Which rules a file is offered to, decided from its path-derived facts before it is read.
import { KeywordScanner } from './keywords.js'
import type { FileInfo, FileSelector, Rule } from './rule.js'

export const DEFAULT_ROLES = ['app', 'dev'] as const

export function selects(selector: FileSelector | undefined, file: Pick<FileInfo, 'path' | 'kind' | 'language' | 'role'>): boolean {
  if (!selector) return false
  if (selector.kinds && !selector.kinds.includes(file.kind)) return false
  if (selector.languages && !selector.languages.includes(file.language)) return false
  const roles: readonly string[] = selector.roles ?? DEFAULT_ROLES
  if (!roles.includes(file.role)) return false
  if (selector.path && !selector.path.test(file.path)) return false
  return true
}

/**
 * Memoises the rule list per (kind, language, role) so a tree of 50k files computes it a few
 * dozen times, not 50k. Rules with a path selector are checked per file.
 */
export class RuleIndex {
  private readonly cache = new Map<string, { plain: Rule[]; pathBound: Rule[]; scanner?: KeywordScanner }>()
  /** Scanners by keyword set: file kinds meeting the same rules share one automaton. */
  private readonly scanners = new Map<string, KeywordScanner>()
  constructor(private readonly rules: readonly Rule[]) {}

  /** One combined keyword scanner for every rule this kind of file can meet. */
  scannerFor(file: Pick<FileInfo, 'path' | 'kind' | 'language' | 'role'>): KeywordScanner {
    this.rulesFor(file)
    const entry = this.cache.get(keyOf(file))!
    if (!entry.scanner) {
      const rules = [...entry.plain, ...entry.pathBound]
      const key = [...new Set(rules.flatMap((r) => r.keywords ?? []))].sort().join('\0')
      entry.scanner = this.scanners.get(key) ?? new KeywordScanner(rules)
      this.scanners.set(key, entry.scanner)
    }
    return entry.scanner
  }

  rulesFor(file: Pick<FileInfo, 'path' | 'kind' | 'language' | 'role'>): Rule[] {
    const key = keyOf(file)
    let entry = this.cache.get(key)
    if (!entry) {
      entry = { plain: [], pathBound: [] }
      for (const rule of this.rules) {
        if (!rule.check || !rule.files) continue
        // Committed build output a process runs is read for credentials only (Factor III rules, whatever roles they name).
        const selector = file.role === 'build' ? (rule.meta.factor === 'III' ? { ...rule.files, roles: ['build' as const] } : undefined) : rule.files
        if (!selector || !selects({ ...selector, path: undefined }, file)) continue
        ;(rule.files.path ? entry.pathBound : entry.plain).push(rule)
      }
      this.cache.set(key, entry)
    }
    if (entry.pathBound.length === 0) return entry.plain
    return [...entry.plain, ...entry.pathBound.filter((r) => r.files?.path?.test(file.path))]
  }
}

const keyOf = (file: Pick<FileInfo, 'kind' | 'language' | 'role'>): string => `${file.kind}|${file.language}|${file.role}`
