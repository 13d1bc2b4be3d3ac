// Untrusted text (file paths, messages, snippets) going into Markdown or HTML. Everything that a
// repository author controls passes through here before it reaches a summary or a comment.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** For HTML contexts (inside <code>, <summary>, attributes). Newlines become spaces. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]).replace(/\r\n|\r|\n/g, ' ')
}

/**
 * For Markdown text and table cells: HTML-escaped, Markdown punctuation backslash-escaped, and
 * '@' broken with a zero-width space so a crafted name cannot mention (notify) anyone.
 */
export function escapeMarkdown(text: string): string {
  // Markdown punctuation first, then HTML: the other order would break the '#' of '&#39;'.
  return escapeHtml(text.replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)).replace(/@/g, '@\u200b')
}

/** Inline code that cannot be broken out of: an HTML <code> element with escaped content. */
export function code(text: string): string {
  return `<code>${escapeHtml(text).replace(/@/g, '@\u200b').replace(/\|/g, '&#124;')}</code>`
}
