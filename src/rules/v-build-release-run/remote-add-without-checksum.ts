// TF0505: Dockerfile ADD of a remote URL without --checksum: the build fetches whatever the URL
// serves that day, so two builds of one commit can differ.
import type { Rule } from '../../engine/rule.js'
import { dockerfileOf } from '../../parsers/dockerfile.js'
import { codeLines } from '../shared/v-viii-commands.js'

/** URL without query or fragment (a signed URL's query may carry a token: never echo it). */
export function displayUrl(url: string): string {
  const cut = url.search(/[?#]/)
  return cut === -1 ? url : `${url.slice(0, cut)}…`
}

export const remoteAddWithoutChecksum: Rule = {
  meta: {
    id: 'TF0505',
    name: 'remote-add-without-checksum',
    factor: 'V',
    severity: 'notice',
    summary: 'Dockerfile ADD downloads a remote URL without --checksum.',
    why: 'A build must turn one commit into one reproducible build artifact. ADD <url> fetches whatever the server returns at build time, so rebuilding the same commit can silently produce a different image, and a release can no longer be traced to its inputs.',
    remediation: 'Pin the download: `ADD --checksum=sha256:<digest> https://example.com/tool.tar.gz /opt/` (Dockerfile syntax 1.6+), or download in a RUN step and verify with `sha256sum -c`.'
  },
  files: { kinds: ['dockerfile'], roles: ['app'] },
  keywords: ['http://', 'https://'],
  check(file, report) {
    const lines = codeLines(file)
    for (const ins of dockerfileOf(file).instructions) {
      if (ins.keyword !== 'ADD' || ins.args.length > 4000) continue
      const parts = ins.args.split(/\s+/)
      if (parts.some((p) => /^--checksum=/i.test(p))) continue
      const sources = parts.filter((p) => !p.startsWith('--')).slice(0, -1)
      for (const src of sources) {
        const url = src.replace(/^["[,]+|[",\]]+$/g, '')
        if (!/^https?:\/\//i.test(url)) continue
        // A git source pinned to a full commit is immutable.
        if (/\.git(#|$)/i.test(url) && /#[0-9a-f]{40}\b/i.test(url)) continue
        let line = ins.line
        let column = 1
        for (let n = ins.line; n <= ins.endLine; n++) {
          const at = (lines[n - 1] ?? '').indexOf(url)
          if (at !== -1) {
            line = n
            column = at + 1
            break
          }
        }
        report({
          line,
          column,
          message: `ADD ${displayUrl(url)} downloads at build time without --checksum`,
          remediation: `Pin it: \`ADD --checksum=sha256:<digest> ${displayUrl(url)} <dest>\`, or fetch it in a RUN step and verify with \`echo "<digest>  file" | sha256sum -c -\`.`
        })
      }
    }
  }
}
