// One pass over a file's text finds every prefilter keyword of every rule the file is offered
// to, instead of one `includes` per keyword per rule (which cost more than all rule regexes
// together on a 25k-file tree). An Aho-Corasick automaton compiled to a flat transition table:
// one table lookup per character, whatever the number of keywords, and ASCII case folding in the
// character-class table, so the text is never lower-cased (a V8 regexp alternation of a few
// hundred keywords cost 2-3× as much, and toLowerCase a copy of every file).
import type { Rule } from './rule.js'

/**
 * A keyword starting with `\b` must begin a word: the character before it is not an ASCII letter,
 * digit or `_`. `\bport` finds `process.env.PORT` and `port=3000` but not every `import`.
 */
export const WORD_START = '\\b'

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95

export class KeywordScanner {
  private readonly words: string[]
  /** Character code → class (0: a character no keyword contains). Upper-case ASCII folds to lower. */
  private readonly classOf = new Uint8Array(65536)
  /** delta[state + class] = next state; states are premultiplied by `classes`. */
  private readonly delta: Int32Array
  /** Keyword ids ending at a state (including via suffix links), by premultiplied state. */
  private readonly outputs = new Map<number, number[]>()
  /** 1 where `outputs` has an entry: a typed-array test in the hot loop instead of a Map lookup. */
  private readonly ends: Uint8Array

  /** 1 for keywords that must start a word (see WORD_START), by keyword id. */
  private readonly wordStart: Uint8Array
  /** Keyword lengths without the WORD_START marker, by id. */
  private readonly lengths: Int32Array

  constructor(rules: readonly Rule[]) {
    this.words = [...new Set(rules.flatMap((r) => r.keywords ?? []).map((k) => k.toLowerCase()))].filter((k) => k && k !== WORD_START)
    this.wordStart = Uint8Array.from(this.words, (w) => (w.startsWith(WORD_START) ? 1 : 0))
    const bare = this.words.map((w) => (w.startsWith(WORD_START) ? w.slice(WORD_START.length) : w))
    this.lengths = Int32Array.from(bare, (w) => w.length)
    let classes = 1
    for (const w of bare) {
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i)
        if (this.classOf[c] === 0) {
          if (classes === 255) throw new Error('keyword prefilter: more than 254 distinct keyword characters')
          this.classOf[c] = classes++
        }
      }
    }
    for (let c = 65; c <= 90; c++) this.classOf[c] = this.classOf[c + 32]

    // The trie, then failure links breadth-first, folded into a complete transition table.
    const trie: Int32Array[] = [new Int32Array(classes).fill(-1)]
    const ends: number[][] = [[]]
    bare.forEach((w, id) => {
      let s = 0
      for (let i = 0; i < w.length; i++) {
        const k = this.classOf[w.charCodeAt(i)]
        if (trie[s][k] === -1) {
          trie[s][k] = trie.length
          trie.push(new Int32Array(classes).fill(-1))
          ends.push([])
        }
        s = trie[s][k]
      }
      ends[s].push(id)
    })
    const delta = new Int32Array(trie.length * classes)
    const fail = new Int32Array(trie.length)
    const queue: number[] = []
    for (let k = 1; k < classes; k++) {
      const t = trie[0][k]
      if (t !== -1) {
        delta[k] = t
        queue.push(t)
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]
      ends[s] = [...ends[s], ...ends[fail[s]]]
      for (let k = 0; k < classes; k++) {
        const t = k === 0 ? -1 : trie[s][k]
        if (t === -1) {
          delta[s * classes + k] = delta[fail[s] * classes + k]
        } else {
          fail[t] = delta[fail[s] * classes + k]
          delta[s * classes + k] = t
          queue.push(t)
        }
      }
    }
    for (let i = 0; i < delta.length; i++) delta[i] *= classes
    this.ends = new Uint8Array(delta.length + 1)
    ends.forEach((ids, s) => {
      if (ids.length === 0) return
      this.outputs.set(s * classes, ids)
      this.ends[s * classes] = 1
    })
    this.delta = delta
  }

  /** Every keyword (lower-case) that occurs in `text`, ASCII case-insensitively. */
  scan(text: string): Set<string> {
    const found = new Set<string>()
    if (this.words.length === 0) return found
    const { delta, classOf, outputs, words, ends, wordStart, lengths } = this
    const seen = new Uint8Array(words.length)
    let remaining = words.length
    let s = 0
    for (let i = 0; i < text.length; i++) {
      s = delta[s + classOf[text.charCodeAt(i)]]
      if (ends[s] === 0) continue
      for (const id of outputs.get(s)!) {
        if (seen[id] === 1) continue
        if (wordStart[id] === 1) {
          const before = i - lengths[id]
          if (before >= 0 && isWordChar(text.charCodeAt(before))) continue
        }
        seen[id] = 1
        found.add(words[id])
        if (--remaining === 0) return found
      }
    }
    return found
  }
}

/** Does the scan result contain one of the rule's keywords? (A rule without keywords always runs.) */
export function hasKeyword(rule: Rule, found: ReadonlySet<string>): boolean {
  const keywords = rule.keywords
  if (!keywords || keywords.length === 0) return true
  for (const k of keywords) if (found.has(k.toLowerCase())) return true
  return false
}
