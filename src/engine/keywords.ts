// One pass over a file's text finds every prefilter keyword of every rule the file is offered
// to, instead of one `includes` per keyword per rule (which cost more than all rule regexes
// together on a 25k-file tree). Keywords are ASCII and matched case-insensitively.
import type { Rule } from './rule.js'

export class KeywordScanner {
  private readonly re?: RegExp

  constructor(rules: readonly Rule[]) {
    const words = [...new Set(rules.flatMap((r) => r.keywords ?? []).map((k) => k.toLowerCase()))]
    // Longest first: at a position the longest keyword is recorded, and any shorter keyword that
    // starts there is a prefix of it (two keywords matching at one position are prefix-related).
    words.sort((a, b) => b.length - a.length)
    // Case-sensitive over the lower-cased text: an 'i' flag made V8's regexp compiler run out of
    // memory on two-byte (non-Latin-1) subjects with a few hundred keywords.
    if (words.length > 0) this.re = new RegExp(`(?=(${words.map(escape).join('|')}))`, 'g')
  }

  /** The keywords found, each as the longest keyword matched at its position (lower-case). */
  /** `lower` is the file's lower-cased text (SourceFile.lower). */
  scan(lower: string): Set<string> {
    const found = new Set<string>()
    if (!this.re) return found
    this.re.lastIndex = 0
    for (const m of lower.matchAll(this.re)) found.add(m[1])
    return found
  }
}

/** Does the scan result contain one of the rule's keywords? (A rule without keywords always runs.) */
export function hasKeyword(rule: Rule, found: ReadonlySet<string>): boolean {
  const keywords = rule.keywords
  if (!keywords || keywords.length === 0) return true
  for (const k of keywords) {
    if (found.has(k)) return true
    for (const m of found) if (m.length > k.length && m.startsWith(k)) return true
  }
  return false
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
