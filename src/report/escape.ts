// Untrusted text (file paths, messages, snippets) going into Markdown or HTML. Everything that a
// repository author controls passes through here before it reaches a summary or a comment.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Terminal controls (ESC, BEL...) and bidirectional overrides: they hide or reorder what a reader sees. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g

export function stripControls(text: string): string {
  return text.replace(INVISIBLE, '')
}

/**
 * For terminals and logs: control characters (escape sequences, CR, a newline that would start a
 * `::error::` workflow command) shown as \xNN, bidirectional overrides as \uNNNN.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0)
    return n > 0xff ? `\\u${n.toString(16).padStart(4, '0')}` : `\\x${n.toString(16).padStart(2, '0')}`
  })
}

/** For HTML contexts (inside <code>, <summary>, attributes). Newlines become spaces. */
export function escapeHtml(text: string): string {
  return stripControls(text).replace(/[&<>"']/g, (c) => HTML[c]).replace(/\r\n|\r|\n/g, ' ')
}

/**
 * What GitHub turns into live references after rendering, whatever the Markdown: @mentions notify
 * people, #123 and GH-123 link issues, bare URLs and www. names become links. A zero-width space
 * keeps the text readable and dead.
 */
function neutraliseReferences(text: string): string {
  return text
    .replace(/@/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/\b(GH|gh)-(?=\d)/g, '$1-\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`)
}

/**
 * For Markdown text and table cells: HTML-escaped, Markdown punctuation backslash-escaped, and
 * references (mentions, issue numbers, autolinks) neutralised.
 */
export function escapeMarkdown(text: string): string {
  // Markdown punctuation first, then HTML: the other order would break the '#' of '&#39;'.
  return escapeHtml(neutraliseReferences(text).replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`))
}

/** Markdown punctuation as numeric entities: literal text in Markdown and inside HTML elements alike. */
const CODE_SPECIAL = /[&<>"'\\`*_{}[\]()#+!|~-]/g

/**
 * Inline code that cannot be broken out of: an HTML <code> element with escaped content. GitHub
 * still parses Markdown inside <code>, so its punctuation is written as entities too: a snippet
 * holding `[x](https://evil.example)` shows as text, not as a link.
 */
export function code(text: string): string {
  // One pass, so no entity is escaped twice.
  const escaped = neutraliseReferences(stripControls(text))
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(CODE_SPECIAL, (c) => HTML[c] ?? `&#${c.charCodeAt(0)};`)
  return `<code>${escaped}</code>`
}
