// TF0301: credentials with an unmistakable shape (provider token prefixes, private key blocks,
// cloud keys). A match is a leak whatever its entropy, so this rule needs no name heuristics.
// Distinctive tokens are found in comments too: a live key in a comment is still a live key.
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import type { SourceFile } from '../../engine/source-file.js'
import { isPlaceholder, isPublishedExample } from '../shared/placeholders.js'
import { envName, moveToEnv, nameBefore, roleSeverity, TOKEN_KEYWORDS, TOKEN_PATTERNS } from './secret-patterns.js'

const PEM_BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g
const AWS_SECRET = /(aws_?secret_?(?:access_?)?key|secret_?access_?key)['"]?\s*(?:=>|:=|[:=])\s*['"]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi

export const hardcodedCredential: Rule = {
  meta: {
    id: 'TF0301',
    name: 'hardcoded-credential',
    factor: 'III',
    severity: 'error',
    summary: 'Provider tokens, cloud keys and private keys committed in code or config.',
    why:
      'Credentials are config: they differ between deploys and must never be in the codebase. A repository could be ' +
      'made public at any moment without compromising any credential; a committed key is readable by everyone with ' +
      'access to the code and its history, and rotating it needs a code change.',
    remediation: 'Revoke and rotate the credential, then read it from the environment and keep the value in a secret store.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'go', 'kotlin', 'php', 'shell', 'none']
  },
  files: {
    // .env files are TF0304's (one finding per file); Markdown is documentation.
    kinds: ['source', 'dockerfile', 'compose', 'kubernetes', 'workflow', 'procfile', 'yaml', 'json', 'properties', 'toml', 'ini', 'xml', 'other']
  },
  keywords: [...TOKEN_KEYWORDS, 'private key', 'secret_access_key', 'secretaccesskey', 'aws_secret', 'secret_key'],
  check(file, report) {
    const text = file.text
    const severity = roleSeverity(file)
    let budget = 100 // a file with more is a dump of keys; the first hundred make the point
    for (const p of TOKEN_PATTERNS) {
      p.re.lastIndex = 0
      for (let m = p.re.exec(text); m && budget > 0; m = p.re.exec(text)) {
        const token = m[1]
        if (p.ignore?.(token) || isPublishedExample(token)) continue
        const at = m.index + m[0].indexOf(token)
        // The access key id in a presigned URL's X-Amz-Credential: public by design (the signature expires); not a key
        if (/Credential=$/i.test(text.slice(Math.max(0, at - 20), at))) continue
        budget--
        const name = nameBefore(text, at)
        report({
          ...file.position(at),
          severity,
          message: `${p.label} ${redact(token)}${name ? ` assigned to ${name}` : ''}`,
          remediation: moveToEnv(file, name ? envName(name) : envName(p.id.replace(/-(token|key|id)$/, '_$1')), true),
          secret: token
        })
      }
    }
    awsSecretKeys(file, severity, report)
    privateKeys(file, severity, report)
  }
}

function awsSecretKeys(file: SourceFile, severity: 'error' | 'notice', report: Parameters<NonNullable<Rule['check']>>[1]): void {
  AWS_SECRET.lastIndex = 0
  for (let m = AWS_SECRET.exec(file.text); m; m = AWS_SECRET.exec(file.text)) {
    const value = m[2]
    if (/EXAMPLE/.test(value) || isPlaceholder(value) || !/[A-Z]/.test(value) || !/[a-z]/.test(value)) continue
    const at = m.index + m[0].lastIndexOf(value)
    report({
      ...file.position(at),
      severity,
      message: `AWS secret access key ${redact(value)} assigned to ${m[1]}`,
      remediation: moveToEnv(file, 'AWS_SECRET_ACCESS_KEY', true) + ' Better: drop static keys for an IAM role (instance profile, IRSA, OIDC).',
      secret: value
    })
  }
}

function privateKeys(file: SourceFile, severity: 'error' | 'notice', report: Parameters<NonNullable<Rule['check']>>[1]): void {
  const text = file.text
  const gcp = /["']?type["']?\s*:\s*["']service_account["']/.test(text)
  PEM_BEGIN.lastIndex = 0
  let end = -1 // the next END line, searched again only once passed (a file of headers without one stays linear)
  let budget = 100 // as for tokens: a file of more key blocks is a dump, the first hundred make the point
  for (let m = PEM_BEGIN.exec(text); m && budget > 0; m = PEM_BEGIN.exec(text)) {
    const bodyStart = m.index + m[0].length
    if (end !== Infinity && end < bodyStart) end = text.indexOf('-----END', bodyStart)
    if (end === -1) end = Infinity
    const raw = text.slice(bodyStart, end !== Infinity && end - bodyStart < 12000 ? end : bodyStart + 400)
    // Escaped newlines (JSON, code strings) and string concatenation are not key material.
    if (!hasKeyBody(raw)) continue
    budget--
    const name = nameBefore(text, m.index)
    const isGcp = gcp && name === 'private_key'
    report({
      ...file.position(m.index),
      severity,
      message: isGcp ? 'GCP service-account private key in private_key' : `${m[1].replace('PRIVATE KEY', 'private key').replace(/^private/, 'Private')} block${name ? ` assigned to ${name}` : ''}`,
      remediation: isGcp
        ? 'Delete the service-account key in the GCP console, remove the JSON from the repository, and use workload identity (or GOOGLE_APPLICATION_CREDENTIALS pointing at a file mounted from a secret store).'
        : 'Treat the key as compromised: replace it, remove it from the repository, and mount the new key at runtime from a secret store (path given by an environment variable).',
      // A one-line key (JSON, code string) sits on the reported line: redact all of it.
      secret: /[\r\n]/.test(raw) ? undefined : raw
    })
  }
}

/**
 * Key material after a BEGIN line: the first line of the body (after Proc-Type/DEK-Info headers,
 * comment markers, quotes and escaped newlines) is base64 of 40+ characters, and there is enough of
 * it. A header quoted in a comment (`## key should start with -----BEGIN RSA PRIVATE KEY-----`) is
 * followed by prose, not a body.
 */
export function hasKeyBody(raw: string): boolean {
  const lines = raw
    .replace(/\\[nr]/g, '\n')
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s#/*;"'+,]+|[\s"'+,;]+$/g, ''))
    .filter((l) => l !== '' && !/^(Proc-Type|DEK-Info|Comment|Version):/i.test(l))
  if (lines.length === 0 || !/^[A-Za-z0-9+/=]{40,}$/.test(lines[0])) return false
  const body = lines.join('')
  return !isPlaceholder(body) && (body.match(/[A-Za-z0-9+/=]/g) ?? []).length >= 64 && !/\.\.\.|…|x{8}/i.test(body)
}
