// Fingerprints identify a finding across commits: rule, file and the offending line's content
// (whitespace-folded), plus the occurrence number among identical lines. Lines moving up or down
// keep the fingerprint; editing the offending line changes it. SARIF partialFingerprints and the
// baseline both use it.
import { createHash, type Hash } from 'node:crypto'

export function lineFingerprint(ruleId: string, file: string, lineText: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalizeLine(lineText)}\0${occurrence}`).digest('hex').slice(0, 32)
}

export const normalizeLine = (lineText: string): string => lineText.replace(/\s+/g, ' ').trim()

/**
 * Fingerprints of findings that share a rule and a line (a long minified line with many matches):
 * the line is hashed once and the hash state copied per occurrence. Same values as lineFingerprint.
 */
export class LineFingerprints {
  private readonly prefixes = new Map<string, Hash>()

  of(ruleId: string, file: string, line: number, normalized: string, occurrence: number): string {
    const key = `${ruleId}\0${file}\0${line}`
    let prefix = this.prefixes.get(key)
    if (!prefix) {
      prefix = createHash('sha256').update(`${ruleId}\0${file}\0${normalized}\0`)
      this.prefixes.set(key, prefix)
    }
    return prefix.copy().update(String(occurrence)).digest('hex').slice(0, 32)
  }
}
