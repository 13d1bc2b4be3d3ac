// Files changed since a git ref, for changed-files mode (CLI --changed-since, and the action's
// fallback when the PR files API is unavailable). Paths come back relative to the audit root.
import { execFileSync } from 'node:child_process'
import { UsageError } from './errors.js'

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
}

/**
 * Added, modified, renamed or copied files between the merge base of `ref` and HEAD, plus
 * uncommitted and untracked changes in the working tree (what a local run wants to gate on).
 */
export function changedSince(root: string, ref: string): string[] {
  let base: string
  try {
    base = git(root, ['merge-base', ref, 'HEAD']).trim()
  } catch (e) {
    const why = (e as { stderr?: string }).stderr?.trim() || (e as Error).message
    throw new UsageError(`--changed-since: cannot find the merge base of '${ref}' and HEAD (is it fetched? a shallow clone needs fetch-depth: 0): ${why}`)
  }
  // --relative limits to the current folder and prints paths relative to it; ls-files does the same.
  const diff = git(root, ['diff', '--name-only', '--relative', '--diff-filter=ACMR', '-z', base])
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z'])
  return [...new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean))]
}

/** The folder relative to its repository's root ('' at the root or outside a repository). */
export function repoPrefix(root: string): string {
  try {
    return git(root, ['rev-parse', '--show-prefix']).trim().replace(/\/+$/, '')
  } catch {
    return ''
  }
}
