// One file as the rules see it: decoded once, with lazy views (lines, lower-case text for keyword
// prefilters, comment-blanked code) computed at most once and only if a rule asks.
import { blankComments, commentStyleOf, type CommentStyle } from './comments.js'
import type { FileKind, FileRole, Language } from './types.js'

export class SourceFile {
  readonly commentStyle: CommentStyle
  private _lines?: string[]
  private _lineStarts?: number[]
  private _lower?: string
  private _code?: string
  private _bare?: string
  private readonly parsed = new Map<string, unknown>()

  constructor(
    readonly path: string,
    readonly text: string,
    readonly kind: FileKind,
    readonly language: Language,
    readonly role: FileRole
  ) {
    this.commentStyle = commentStyleOf(kind, language)
  }

  /** Base name, e.g. 'settings.py'. */
  get name(): string {
    const slash = this.path.lastIndexOf('/')
    return slash === -1 ? this.path : this.path.slice(slash + 1)
  }

  /** Lines without their terminators; CRLF and lone CR both end a line. */
  get lines(): string[] {
    if (!this._lines) this._lines = this.text.split(/\r\n|\r|\n/)
    return this._lines
  }

  get lower(): string {
    if (this._lower === undefined) this._lower = this.text.toLowerCase()
    return this._lower
  }

  /** The text with comments blanked to spaces; offsets and line numbers equal the original's. */
  get code(): string {
    if (this._code === undefined) this._code = blankComments(this.text, this.commentStyle, this.language)
    return this._code
  }

  /**
   * Is this offset inside a string literal of source code? Rules that detect code constructs
   * (a server starting, a scheduler) use it so a snippet quoted in a message or a docstring is
   * not mistaken for the construct itself.
   */
  inStringLiteral(offset: number): boolean {
    if (this.language === 'none' || this.commentStyle === 'none') return false
    if (this._bare === undefined) this._bare = blankComments(this.text, this.commentStyle, this.language, true)
    const c = this.code[offset]
    return c !== undefined && c !== ' ' && c !== '\n' && this._bare[offset] === ' '
  }

  /** 1-based line and column of a character offset into `text` (or `code`, which aligns). */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts()
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 }
  }

  /** The text of a 1-based line ('' when out of range). */
  line(n: number): string {
    return this.lines[n - 1] ?? ''
  }

  /** Memoises a parse of this file (YAML documents, Dockerfile instructions...) under a key. */
  parse<T>(key: string, parser: (file: SourceFile) => T): T {
    if (!this.parsed.has(key)) this.parsed.set(key, parser(this))
    return this.parsed.get(key) as T
  }

  private lineStarts(): number[] {
    if (!this._lineStarts) {
      const starts = [0]
      const t = this.text
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i)
        if (c === 10) starts.push(i + 1)
        else if (c === 13) {
          if (t.charCodeAt(i + 1) === 10) i++
          starts.push(i + 1)
        }
      }
      this._lineStarts = starts
    }
    return this._lineStarts
  }
}
