// Redaction happens where a finding is made (engine/check-file.ts), so no reporter can leak a
// secret by forgetting to call this.

/** At most a 4-character prefix of a credential survives, and never more than a quarter of it. */
export function redact(secret: string): string {
  const keep = Math.min(4, Math.floor(secret.length / 4))
  return `${secret.slice(0, keep)}${'*'.repeat(4)}`
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Replaces every occurrence of each secret in `text` with its redacted form. A credential shorter
 * than 4 characters (`password=q1w`) is replaced only where it stands as a whole token, so 'sa' is
 * masked in `password=sa` without mangling 'datasource'.
 */
export function redactAll(text: string, secrets: readonly string[]): string {
  let out = text
  for (const s of secrets) {
    if (s.length === 0) continue
    out = s.length >= 4 ? out.split(s).join(redact(s)) : out.replace(new RegExp(`(?<![\\w])${escapeRe(s)}(?![\\w])`, 'g'), redact(s))
  }
  return out
}
