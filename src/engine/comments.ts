// Comment blanking: rules match on code with comments replaced by spaces, so commented-out code
// stays quiet while offsets, lines and columns stay exactly those of the real file.
import type { FileKind, Language } from './types.js'

export type CommentStyle = 'c' | 'hash' | 'xml' | 'none'

export function commentStyleOf(kind: FileKind, language: Language): CommentStyle {
  switch (language) {
    case 'javascript':
    case 'typescript':
    case 'java':
    case 'go':
    case 'kotlin':
    case 'php':
      return 'c'
    case 'python':
    case 'ruby':
    case 'shell':
      return 'hash'
    default:
  }
  switch (kind) {
    case 'dockerfile':
    case 'compose':
    case 'kubernetes':
    case 'workflow':
    case 'yaml':
    case 'dotenv':
    case 'procfile':
    case 'properties':
    case 'toml':
    case 'ini':
      return 'hash'
    case 'xml':
      return 'xml'
    default:
      return 'none'
  }
}

/** Line-comment markers for suppression comments and docs, by style. */
export const LINE_COMMENT: Record<CommentStyle, string> = { c: '//', hash: '#', xml: '<!--', none: '#' }

// One replacement per run of characters, not per character (10x faster on comment-heavy code).
const blank = (s: string): string => s.replace(/[^\n]+/g, (run) => ' '.repeat(run.length))

/**
 * Returns `text` with comment bodies replaced by spaces (newlines kept). A small lexer, linear in
 * the text: it tracks string literals so a '#' or '//' inside a string is not a comment.
 */
export function blankComments(text: string, style: CommentStyle, language: Language, blankStrings = false): string {
  if (style === 'none') return text
  if (style === 'xml') return text.replace(/<!--[\s\S]*?-->/g, blank)
  const out: string[] = []
  let i = 0
  let start = 0
  const n = text.length
  const hashStartsComment = (at: number): boolean => {
    // In config formats a '#' starts a comment only at the start of a token (YAML: after space).
    if (style !== 'hash') return false
    if (language !== 'none') return true
    return at === 0 || /\s/.test(text[at - 1] ?? ' ')
  }
  const flushBlank = (from: number, to: number): void => {
    const body = text.slice(from, to)
    out.push(text.slice(start, from), body.includes('\n') ? blank(body) : ' '.repeat(to - from))
    start = to
  }
  // Only these characters can open a comment, a string or a regex literal: jump between them.
  const interesting = /[/#"'`=]/g
  while (i < n) {
    const ch = text[i]
    if (style === 'c' && ch === '/' && text[i + 1] === '/') {
      // `https://` inside code is never reached here: it is inside a string literal.
      const end = text.indexOf('\n', i)
      const stop = end === -1 ? n : end
      flushBlank(i, stop)
      i = stop
    } else if (style === 'c' && ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      const stop = end === -1 ? n : end + 2
      flushBlank(i, stop)
      i = stop
    } else if ((ch === '#' && hashStartsComment(i)) || (style === 'c' && language === 'php' && ch === '#')) {
      const end = text.indexOf('\n', i)
      const stop = end === -1 ? n : end
      flushBlank(i, stop)
      i = stop
    } else if (language === 'ruby' && ch === '=' && text.startsWith('=begin', i) && (i === 0 || text[i - 1] === '\n')) {
      const end = text.indexOf('\n=end', i)
      const stop = end === -1 ? n : end + 5
      flushBlank(i, stop)
      i = stop
    } else if (blankStrings && ch === '/' && (language === 'javascript' || language === 'typescript') && regexMayStart(text, i)) {
      // A regex literal: its quotes are not strings. Blank its body like a string's.
      const end = skipRegex(text, i)
      if (end - i > 2) flushBlank(i + 1, end - 1)
      i = end
    } else if ((ch === '"' || ch === "'" || ch === '`') && language !== 'none') {
      const end = skipString(text, i, language)
      if (language === 'python' && end - i >= 6 && text.startsWith(ch.repeat(3), i) && isDocstring(text, i, end)) {
        // A docstring is documentation: its doctests and examples are not code. Blank it whole.
        flushBlank(i, end)
        i = end
        continue
      }
      // Keep the quotes, blank what is between them (newlines kept, so lines still align).
      if (blankStrings && end - i > 2) flushBlank(i + 1, end - 1)
      i = end
    } else if (language === 'none' && (ch === '"' || ch === "'") && style === 'hash') {
      // Quoted scalars in config files: a '#' inside them is data. Single line only.
      const close = text.indexOf(ch, i + 1)
      const eol = text.indexOf('\n', i + 1)
      i = close !== -1 && (eol === -1 || close < eol) ? close + 1 : i + 1
    } else {
      interesting.lastIndex = i + 1
      i = interesting.exec(text)?.index ?? n
    }
  }
  out.push(text.slice(start))
  return out.join('')
}

const STATEMENT_HEADER = /^(async\s+def|def|class|if|elif|else|try|except|finally|with|async\s+with|for|async\s+for|while|match|case)\b|^\)/

/**
 * Is the triple-quoted string text[start, end) a statement of its own (a docstring: module, class,
 * function or attribute documentation) rather than a value (`Q = ("""SELECT ...""")`, a call argument)?
 * It must stand alone on its lines, and the previous code line must not leave an expression open.
 */
function isDocstring(text: string, start: number, end: number): boolean {
  let p = start
  while (p > 0 && start - p < 2 && /[rRuUbBfF]/.test(text[p - 1])) p--
  const lineStart = text.lastIndexOf('\n', p - 1) + 1
  if (text.slice(lineStart, p).trim() !== '') return false
  const after = /^[ \t]*(?:[#;\r\n]|$)/.exec(text.slice(end, end + 200))
  if (!after) return false
  // Inside brackets the next code line continues the expression: `)`, `]`, `,`, `+`, `.format(`...
  if (/^\s*([)\]},+%]|\.(?!\.\.))/.test(text.slice(end, end + 400).replace(/^[ \t]*#[^\n]*/, ''))) return false
  // The previous non-blank, non-comment line, at most 20 lines up.
  let stop = lineStart - 1
  for (let n = 0; n < 20 && stop > 0; n++) {
    const from = text.lastIndexOf('\n', stop - 1) + 1
    const prev = text.slice(from, stop).trim()
    stop = from - 1
    if (prev === '' || prev.startsWith('#')) continue
    if (prev.endsWith(':')) return STATEMENT_HEADER.test(prev)
    return !/[([{,=+\-*/%|&<>\\]$|\b(return|yield|in|and|or|not|lambda|await|else|if)$/.test(prev)
  }
  return true // the module docstring (or only comments above)
}

function skipString(text: string, i: number, language: Language): number {
  const q = text[i]
  // Python triple-quoted strings
  if (language === 'python' && text.startsWith(q.repeat(3), i)) {
    const end = text.indexOf(q.repeat(3), i + 3)
    return end === -1 ? text.length : end + 3
  }
  if (q === '`' && language !== 'javascript' && language !== 'typescript' && language !== 'go') return i + 1
  const multiline = q === '`'
  let j = i + 1
  while (j < text.length) {
    const c = text[j]
    if (c === '\\') j += 2
    else if (c === q) return j + 1
    else if (c === '\n' && !multiline) return j // unterminated: stop at end of line
    else j++
  }
  return j
}

/** A '/' starts a regex literal (not a division) after these characters or at the start of a line. */
function regexMayStart(text: string, i: number): boolean {
  let j = i - 1
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--
  return j < 0 || '(,=:[!&|?{};\n'.includes(text[j]) || /\b(return|typeof|case|in|of)$/.test(text.slice(Math.max(0, j - 6), j + 1))
}

/** End (exclusive) of a regex literal starting at i, flags included; stops at the end of the line. */
function skipRegex(text: string, i: number): number {
  let j = i + 1
  let inClass = false
  while (j < text.length && text[j] !== '\n') {
    const c = text[j]
    if (c === '\\') j += 2
    else if (c === '[') {
      inClass = true
      j++
    } else if (c === ']') {
      inClass = false
      j++
    } else if (c === '/' && !inClass) {
      j++
      while (j < text.length && /[a-z]/.test(text[j])) j++
      return j
    } else j++
  }
  return i + 1 // not a regex after all: treat the '/' as an operator
}
