// Shape tests for literal values: is this random enough to be a generated credential, or is it an
// id, a hash, a path, prose? Ids and checksums are the classic false positives of entropy scanners.

/** Shannon entropy in bits per character. */
export function shannon(s: string): number {
  if (s.length === 0) return 0
  const counts = new Map<string, number>()
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let h = 0
  for (const c of counts.values()) {
    const p = c / s.length
    h -= p * Math.log2(p)
  }
  return h
}

export const isUuid = (v: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
/** Subresource-integrity and lockfile hashes: sha512-<base64>. */
export const isIntegrity = (v: string): boolean => /^sha(1|256|384|512)-[A-Za-z0-9+/=]{20,100}$/.test(v)
export const isHexDigest = (v: string): boolean => /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(v)
/** A file path (/var/secrets/key.json, ./certs/tls.key, key.json): where a credential is mounted, not the credential. */
export const looksLikePath = (v: string): boolean => /^(\.{0,2}\/|~\/)[^\s]*$/.test(v) || /^[\w.-]{1,100}\.(json|ya?ml|pem|key|crt|cer|p12|pfx|jks|txt|js|ts|py|rb|go|java|env)$/i.test(v)
const looksLikePathOrUrl = (v: string): boolean => looksLikePath(v) || /^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(v)
/**
 * An identifier, not a credential: ENV_VAR_NAME, dotted.keys, camelCase, and names joined by
 * : . / - _ whose parts are all words (ort:invalidate-token, tb.calculated-field-latestTs,
 * app/tls-secret, SFTPPassword): route and message-type ids, Secret names, constants.
 */
export const looksLikeIdentifier = (v: string): boolean =>
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) || /^[a-z]+(?:[._-][a-z]+)+$/.test(v) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(v) || isWordCompound(v)

/** Letters only, split into words by separators and case, most of it words of 3+ letters with a vowel (X-Authorization-Token, latestTs). */
function isWordCompound(v: string): boolean {
  if (v.length > 80 || !/^[A-Za-z]+(?:[:./_-][A-Za-z]+)*$/.test(v)) return false
  const parts = v
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
  if (parts.length < 2 || !parts.every((w) => /^[A-Z]?[a-z]*$|^[A-Z]{1,6}$/.test(w))) return false
  const wordy = parts.filter((w) => w.length >= 3 && /[aeiouy]/i.test(w)).join('').length
  return wordy >= 0.7 * parts.join('').length
}

/** Code, not a value: a "literal" that is really the text between two string literals (`"X=").append(creds.get()).append("`). */
export const looksLikeCode = (v: string): boolean => /^[)\],;+]|\w\(|\)\.\w/.test(v)

/** A run of consecutive characters or a repeated unit: 0123456789abcdef, abcdefgh, 12341234, abcabcabc. */
export function looksLikeSequence(v: string): boolean {
  if (v.length < 6) return false
  if (/^(.{1,8})\1{2,}$/.test(v)) return true
  let steps = 0
  for (let i = 1; i < v.length; i++) {
    const d = v.charCodeAt(i) - v.charCodeAt(i - 1)
    if (d === 1 || (v[i - 1] === '9' && /[aA]/.test(v[i])) || (/[fF]/.test(v[i - 1]) && v[i] === '0')) steps++
  }
  return steps / (v.length - 1) >= 0.8
}

/** A column type or schema type (varchar(255), string?), the value of a schema map. */
const looksLikeType = (v: string): boolean => /^(n?varchar|char|character varying|text|string|str|integer|int|bigint|smallint|uuid|bool|boolean|number|blob|bytea|binary|varbinary|bytes)(\(\d{1,5}\))?[?!]?$/i.test(v)
/** A regular expression (a password policy): anchored at both ends, or with lookarounds or escapes. */
const looksLikeRegex = (v: string): boolean => /^\^.{2,}\$$/.test(v) || /\(\?[=!:<]|\\[dwsbDWS]/.test(v)

export interface ShapeOptions {
  /** Passwords are chosen by humans: shorter and less random than generated tokens. */
  kind: 'password' | 'token'
}

/**
 * Could `v` be a real credential value? Prose (spaces), paths, URLs, identifiers (ENV_VAR_NAME,
 * dotted.keys), UUIDs, integrity hashes and low-entropy strings are not.
 */
export function looksLikeSecret(v: string, opts: ShapeOptions): boolean {
  if (v.length > 500 || /\s/.test(v)) return false
  if (looksLikePathOrUrl(v) || looksLikeIdentifier(v) || looksLikeCode(v) || looksLikeSequence(v) || isUuid(v) || isIntegrity(v) || looksLikeType(v) || looksLikeRegex(v)) return false
  if (/^\d+(\.\d+)*$/.test(v)) return opts.kind === 'password' && v.length >= 8 // numeric PINs of 8+ digits only
  if (opts.kind === 'password') return v.length >= 6 && shannon(v) >= 2.5
  // generated tokens: long, varied, more than one character class
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length
  return v.length >= 16 && shannon(v) >= 3.2 && classes >= 2
}
