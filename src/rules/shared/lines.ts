// Generic scans skip very long lines: minified bundles and data blobs are not hand-written config,
// and reporting on them costs (each finding's snippet and fingerprint read the whole line).
import type { SourceFile } from '../../engine/source-file.js'

export const MAX_LINE_LENGTH = 4000

/** Is the character at `offset` on a line longer than MAX_LINE_LENGTH? */
export function onLongLine(file: SourceFile, offset: number): boolean {
  return file.line(file.position(offset).line).length > MAX_LINE_LENGTH
}
