// Reads one file for the audit, once. Anything that is not auditable text (a symlink, a binary,
// an oversized or unreadable file) comes back as a reason instead of a crash.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'

export type ReadResult = { text: string; bytes: number } | { skipped: SkipReason; bytes: number }
export type SkipReason = 'symlink' | 'binary' | 'too-large' | 'unreadable' | 'not-a-file'

const SNIFF = 8000

export function readText(absPath: string, maxBytes: number): ReadResult {
  let fd: number | undefined
  try {
    // O_NOFOLLOW: a symlink fails to open (ELOOP) instead of being followed out of the workspace;
    // one open + fstat replaces an lstat per file, which showed up in profiles of large trees.
    try {
      fd = openSync(absPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      return { skipped: code === 'ELOOP' || code === 'EMLINK' ? 'symlink' : 'unreadable', bytes: 0 }
    }
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { skipped: 'not-a-file', bytes: 0 }
    if (stat.size > maxBytes) return { skipped: 'too-large', bytes: stat.size }
    const size = stat.size
    const buf = Buffer.allocUnsafe(Math.min(size, maxBytes))
    let read = 0
    while (read < buf.length) {
      const n = readSync(fd, buf, read, buf.length - read, read)
      if (n === 0) break
      read += n
    }
    return decode(buf.subarray(0, read))
  } catch {
    return { skipped: 'unreadable', bytes: 0 }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** UTF-8 (BOM stripped) or UTF-16 with a BOM; a NUL byte in the first 8 KB means binary. */
export function decode(buf: Buffer): ReadResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le'), bytes: buf.length }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)))
    swapped.swap16()
    return { text: swapped.toString('utf16le'), bytes: buf.length }
  }
  const head = buf.subarray(0, SNIFF)
  if (head.includes(0)) return { skipped: 'binary', bytes: buf.length }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0
  return { text: buf.subarray(start).toString('utf8'), bytes: buf.length }
}
