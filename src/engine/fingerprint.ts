// Fingerprints identify a finding across commits: rule, file and the offending line's content
// (whitespace-folded), plus the occurrence number among identical lines. Lines moving up or down
// keep the fingerprint; editing the offending line changes it. SARIF partialFingerprints and the
// baseline both use it.
import { createHash } from 'node:crypto'

export function lineFingerprint(ruleId: string, file: string, lineText: string, occurrence: number): string {
  return normalizedLineFingerprint(ruleId, file, normalizeLine(lineText), occurrence)
}

export const normalizeLine = (lineText: string): string => lineText.replace(/\s+/g, ' ').trim()

/** The same fingerprint from a line already passed through normalizeLine (findings sharing a line). */
export function normalizedLineFingerprint(ruleId: string, file: string, normalized: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalized}\0${occurrence}`).digest('hex').slice(0, 32)
}
