// Reads one file for the audit, once. Anything that is not auditable text (a symlink, a binary,
// an oversized or unreadable file) comes back as a reason instead of a crash.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'

export type ReadResult = { text: string; bytes: number } | { skipped: SkipReason; bytes: number }
export type SkipReason = 'symlink' | 'binary' | 'too-large' | 'unreadable' | 'not-a-file' | 'lfs-pointer' | 'not-checked-out' | 'submodule'

/** Why each kind of file was not audited, for the log and the reports. */
export const SKIP_REASONS: Record<SkipReason, string> = {
  symlink: 'symbolic links (never followed)',
  binary: 'binary files',
  'too-large': "files over 'max-file-size'",
  unreadable: 'unreadable files (permissions)',
  'not-a-file': 'special files (FIFOs, sockets)',
  'lfs-pointer': 'Git LFS pointers (the content is not checked out: fetch it with git lfs pull to audit it)',
  'not-checked-out': 'files in the index but not in the work tree (a sparse checkout, or deleted)',
  submodule: 'submodules (their files belong to another repository: audit it on its own)'
}

/** One line on what was not audited and why, for the log (a silent skip reads as a clean file); '' when nothing was. */
export function describeSkipped(counts: Partial<Record<SkipReason, number>>): string {
  const parts = (Object.entries(counts) as [SkipReason, number][]).filter(([reason, n]) => n > 0 && reason !== 'symlink' && reason !== 'not-a-file')
  if (parts.length === 0) return ''
  return `not audited: ${parts.map(([reason, n]) => `${n} × ${SKIP_REASONS[reason]}`).join('; ')}`
}

const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1'

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
      return { skipped: code === 'ELOOP' || code === 'EMLINK' ? 'symlink' : code === 'ENOENT' ? 'not-checked-out' : 'unreadable', bytes: 0 }
    }
    const stat = fstatSync(fd)
    if (stat.isDirectory()) return { skipped: 'submodule', bytes: 0 } // git lists a submodule as one path
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
  if (head.includes(0)) {
    const utf16 = utf16WithoutBom(head)
    if (utf16 === 'le') return { text: buf.toString('utf16le'), bytes: buf.length }
    if (utf16 === 'be') return { text: Buffer.from(buf.subarray(0, buf.length & ~1)).swap16().toString('utf16le'), bytes: buf.length }
    return { skipped: 'binary', bytes: buf.length }
  }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0
  if (buf.length < 200 && buf.subarray(start, start + LFS_POINTER.length).toString('latin1') === LFS_POINTER) return { skipped: 'lfs-pointer', bytes: buf.length }
  return { text: buf.subarray(start).toString('utf8'), bytes: buf.length }
}

/**
 * UTF-16 text without a byte-order mark (Windows tools write it): mostly-ASCII text has a NUL in
 * every other byte, on the odd positions for little-endian, the even ones for big-endian.
 */
function utf16WithoutBom(head: Buffer): 'le' | 'be' | undefined {
  if (head.length < 4 || head.length % 2 !== 0) return undefined
  let oddNul = 0
  let evenNul = 0
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenNul++
    if (head[i + 1] === 0) oddNul++
  }
  const pairs = head.length / 2
  if (oddNul > pairs * 0.9 && evenNul === 0) return 'le'
  if (evenNul > pairs * 0.9 && oddNul === 0) return 'be'
  return undefined
}
