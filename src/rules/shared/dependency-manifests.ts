// Helpers shared by the Factor I, II and IV rules: where an app's manifests and lockfiles are,
// which folders a path sits under, and the lockfile each dependency tool writes.
import type { FileInfo, RepoContext } from '../../engine/rule.js'

/** Parent folder of a posix path ('.' for a top-level file). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '.' : path.slice(0, slash)
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** `dir` and every ancestor up to the root ('.'), innermost first. */
export function ancestors(dir: string): string[] {
  const out = [dir]
  let d = dir
  while (d !== '.') {
    d = dirOf(d)
    out.push(d)
  }
  return out
}

export function joinPath(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`
}

/** Paths of the files the audit saw. */
export function pathSet(repo: RepoContext): Set<string> {
  return new Set(repo.files.map((f) => f.path))
}

/** The first of `names` present in `dir` (or, when `upward`, in the nearest ancestor holding one). */
export function findNear(paths: Set<string>, dir: string, names: readonly string[], upward: boolean): string | undefined {
  for (const d of upward ? ancestors(dir) : [dir]) {
    for (const n of names) if (paths.has(joinPath(d, n))) return joinPath(d, n)
  }
  return undefined
}

/** Manifests of the deployed code: not tests, docs or examples. */
export function appManifests(repo: RepoContext, name: RegExp): FileInfo[] {
  return repo.files.filter((f) => f.kind === 'manifest' && (f.role === 'app' || f.role === 'dev') && name.test(baseName(f.path)))
}

export const NODE_LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'] as const
export const PYTHON_LOCKS = ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'pylock.toml'] as const

/** 1-based line of the first line matching `re` (1 when none). */
export function lineMatching(lines: readonly string[], re: RegExp): number {
  const i = lines.findIndex((l) => l.length <= 4000 && re.test(l))
  return i === -1 ? 1 : i + 1
}

/** A short human list: `a`, `b` and 3 more. */
export function listNames(names: readonly string[], max = 4): string {
  const shown = names.slice(0, max).map((n) => `\`${n}\``)
  const rest = names.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ')
}

/**
 * A package.json that is published as a library rather than deployed as an app: not private, and
 * with the fields only a published package needs. Libraries leave lockfiles and exact pins to the
 * apps that install them.
 */
export function isPublishedLibrary(pkg: Record<string, unknown> | undefined): boolean {
  if (!pkg || pkg.private === true) return false
  const keywords = Array.isArray(pkg.keywords) && pkg.keywords.length > 0
  return keywords || ['files', 'exports', 'types', 'typings', 'module', 'publishConfig', 'peerDependencies', 'bin'].some((k) => k in pkg)
}
