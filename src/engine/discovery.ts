// Lists the files to audit under a root. In a git checkout git itself answers (tracked plus
// untracked-but-not-ignored files: .gitignore semantics exactly as the user sees them); elsewhere a
// walker that prunes ignored and excluded folders before descending into them. Excluded trees are
// never walked: @actions/glob's negated patterns do not prune, which costs seconds on node_modules.
import { execFileSync } from 'node:child_process'
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs'
import { join } from 'node:path'
import ignore, { type Ignore } from 'ignore'
import { Minimatch } from 'minimatch'

/** Folder names never audited: installed dependencies, VCS data, build output, caches. */
export const DEFAULT_EXCLUDED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', 'vendor', '.venv', 'venv',
  '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', '.bundle',
  'dist', 'build', 'out', 'target', 'coverage', '.nyc_output', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache',
  '.parcel-cache', '.gradle', '.idea', '.vscode', '.terraform', '.serverless', '.aws-sam', '.yarn'
])

/** Extensions that are never text worth auditing. */
const BINARY_EXT = new Set(
  ('png jpg jpeg gif bmp ico webp svgz tif tiff psd pdf zip gz tgz bz2 xz 7z rar tar jar war ear class so dylib dll exe ' +
    'o a lib obj bin dat db sqlite sqlite3 woff woff2 ttf otf eot mp3 mp4 m4a wav ogg webm mov avi flac wasm pyc pyo ' +
    'lockb node keystore jks p12 pfx der DS_Store min.js map min.css snap').split(' ')
)

export interface DiscoveryOptions {
  root: string
  include: string[]
  exclude: string[]
  /** Use git when the root is in a work tree (default true). */
  useGit?: boolean
}

export interface Discovered {
  /** Posix paths relative to the root, sorted. */
  files: string[]
  /** How the list was made, for the report's stats. */
  source: 'git' | 'walk'
  git: { isRepo: boolean; shallow: boolean }
  /** Directories the walker visited (0 with git); a test asserts excluded trees stay unvisited. */
  dirsVisited: number
  /**
   * Git mode only: default-excluded folders (node_modules, dist, .venv...) that hold files TRACKED in
   * the index, one entry per folder with its first tracked file, plus tracked *.pyc files. Empty
   * when walking: the walker never descends into those trees.
   */
  trackedExcluded: TrackedExcluded[]
  /** Include patterns (as written) that matched no file. */
  unmatchedIncludes: string[]
  /**
   * Git mode only: tracked files under build-output folders (dist/, build/, out/) that are otherwise
   * excluded, at most BUILD_OUTPUT_MAX_FILES. The audit reads those a deployed process runs (a
   * `start` script running dist/main.js) for credentials only.
   */
  buildOutput: string[]
}

/** Folder names of build output, among the default-excluded ones. */
const BUILD_OUTPUT_DIRS = new Set(['dist', 'build', 'out'])
export const BUILD_OUTPUT_MAX_FILES = 20000

export interface TrackedExcluded {
  /** The excluded folder, e.g. services/api/node_modules (vendor/<sub> for vendor trees). */
  dir: string
  /** The first tracked file under it. */
  example: string
  /** Tracked files under it (capped at TRACKED_EXCLUDED_MAX_FILES). */
  count: number
}

/** At most this many folders are listed, and files are counted up to this per folder. */
export const TRACKED_EXCLUDED_MAX_DIRS = 200
export const TRACKED_EXCLUDED_MAX_FILES = 100000

export function discover(options: DiscoveryOptions): Discovered {
  const filter = new PathFilter(options.include, options.exclude)
  const git = options.useGit === false ? undefined : gitFiles(options.root)
  if (git) {
    const files = git.files.filter((p) => !hasExcludedDir(p) && filter.accepts(p)).sort()
    const buildOutput = git.files.filter((p) => isUnderBuildOutputOnly(p) && filter.accepts(p)).sort().slice(0, BUILD_OUTPUT_MAX_FILES)
    const trackedExcluded = trackedUnderExcluded(options.root, new PathFilter(options.include, options.exclude))
    return { files, source: 'git', git: { isRepo: true, shallow: git.shallow }, dirsVisited: 0, trackedExcluded, buildOutput, unmatchedIncludes: filter.unmatchedIncludes() }
  }
  const walked = walk(options.root, filter)
  return { files: walked.files.sort(), source: 'walk', git: { isRepo: false, shallow: false }, dirsVisited: walked.dirs, trackedExcluded: [], buildOutput: [], unmatchedIncludes: filter.unmatchedIncludes() }
}

/** Skip by name before reading: binary formats and minified bundles. */
export function isBinaryName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  if (/\.min\.(js|css)$|\.bundle\.js$|-min\.js$/.test(name)) return true
  const dot = name.lastIndexOf('.')
  return dot > 0 && BINARY_EXT.has(name.slice(dot + 1))
}

/** Under a build-output folder, and under no other excluded folder (node_modules/x/dist is not ours). */
function isUnderBuildOutputOnly(path: string): boolean {
  const parts = path.split('/')
  let build = false
  for (let i = 0; i < parts.length - 1; i++) {
    if (!DEFAULT_EXCLUDED_DIRS.has(parts[i])) continue
    if (!BUILD_OUTPUT_DIRS.has(parts[i])) return false
    build = true
  }
  return build
}

function hasExcludedDir(path: string): boolean {
  const parts = path.split('/')
  for (let i = 0; i < parts.length - 1; i++) if (DEFAULT_EXCLUDED_DIRS.has(parts[i])) return true
  return false
}

/**
 * Tracked (index) files under default-excluded folders, grouped per folder. One `git ls-files` with
 * glob pathspecs: git filters the index, nothing is walked on disk. Honours the user's excludes.
 */
export function trackedUnderExcluded(root: string, filter?: PathFilter): TrackedExcluded[] {
  const specs = [...DEFAULT_EXCLUDED_DIRS].filter((d) => d !== '.git').map((d) => `:(glob)**/${d}/**`)
  specs.push(':(glob)**/*.pyc')
  let out: Buffer
  try {
    out = execFileSync('git', ['ls-files', '-z', '--', ...specs], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1024 * 1024 * 1024 })
  } catch {
    return []
  }
  const byDir = new Map<string, TrackedExcluded>()
  for (const path of out.toString('utf8').split('\0')) {
    if (!path || (filter && !filter.accepts(path))) continue
    const dir = excludedDirOf(path)
    if (dir === undefined) continue
    const entry = byDir.get(dir)
    if (entry) {
      if (entry.count < TRACKED_EXCLUDED_MAX_FILES) entry.count++
    } else if (byDir.size < TRACKED_EXCLUDED_MAX_DIRS) {
      byDir.set(dir, { dir, example: path, count: 1 })
    }
  }
  return [...byDir.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1))
}

/** The outermost default-excluded folder on a path (vendor/<sub> for vendor); '' for a loose *.pyc. */
function excludedDirOf(path: string): string | undefined {
  const parts = path.split('/')
  for (let i = 0; i < parts.length - 1; i++) {
    if (!DEFAULT_EXCLUDED_DIRS.has(parts[i])) continue
    const depth = parts[i] === 'vendor' && i + 2 < parts.length ? i + 2 : i + 1
    return parts.slice(0, depth).join('/')
  }
  return path.endsWith('.pyc') ? path.slice(0, Math.max(0, path.lastIndexOf('/'))) || '.' : undefined
}

function gitFiles(root: string): { files: string[]; shallow: boolean } | undefined {
  try {
    const inside = execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
    if (inside.toString().trim() !== 'true') return undefined
    const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z', '--', '.'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1024 * 1024 * 1024
    })
    const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
    // git prints paths relative to cwd, posix, raw bytes (no quoting with -z).
    const files = [...new Set(out.toString('utf8').split('\0').filter(Boolean))]
    return { files, shallow: shallow.toString().trim() === 'true' }
  } catch {
    return undefined // no git, not a work tree, or a broken repository: walk instead
  }
}

function walk(root: string, filter: PathFilter): { files: string[]; dirs: number } {
  const files: string[] = []
  let dirs = 0
  // Each stack entry carries the .gitignore matchers of its ancestors (relative to each one's dir).
  const stack: { rel: string; ignores: { base: string; ig: Ignore }[]; depth: number }[] = [{ rel: '', ignores: [], depth: 0 }]
  while (stack.length > 0) {
    const { rel, ignores, depth } = stack.pop()!
    const abs = rel ? join(root, rel) : root
    let entries: Dirent[]
    try {
      entries = readdirSync(abs, { withFileTypes: true })
    } catch {
      continue // unreadable folder: skipped, the audit goes on
    }
    dirs++
    // The listing already says whether a .gitignore is here: no lstat per folder.
    const own = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? readGitignore(abs) : undefined
    const active = own ? [...ignores, { base: rel, ig: own }] : ignores
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name
      // Never follow symlinks: they may loop or point outside the workspace.
      const isDir = entry.isDirectory()
      if (!isDir && !entry.isFile()) continue
      if (isIgnored(active, path, isDir)) continue
      if (isDir) {
        if (DEFAULT_EXCLUDED_DIRS.has(entry.name) || filter.excludesDir(path) || depth >= 256) continue
        stack.push({ rel: path, ignores: active, depth: depth + 1 })
      } else if (filter.accepts(path)) {
        files.push(path)
      }
    }
  }
  return { files, dirs }
}

function readGitignore(dir: string): Ignore | undefined {
  try {
    const p = join(dir, '.gitignore')
    if (!lstatSync(p).isFile()) return undefined
    return ignore().add(readFileSync(p, 'utf8'))
  } catch {
    return undefined
  }
}

function isIgnored(matchers: { base: string; ig: Ignore }[], path: string, isDir: boolean): boolean {
  for (const { base, ig } of matchers) {
    const rel = base ? path.slice(base.length + 1) : path
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true
  }
  return false
}

/**
 * Include/exclude globs in the @actions/glob dialect: a pattern also matches everything below a
 * folder it matches, and a '!' line in the include list excludes.
 */
export class PathFilter {
  private readonly includes: Minimatch[]
  private readonly excludes: Minimatch[]
  /** Include patterns as written, and whether each matched a file: one that matched none is named in a warning. */
  readonly includePatterns: string[]
  private readonly matched: boolean[]
  constructor(include: string[], exclude: string[]) {
    // Paths are relative to the audited root, so a leading '/' anchors there (as in .gitignore).
    const norm = (p: string): string => p.trim().replace(/^\.?\/+/, '').replace(/\/+$/, '')
    const inc = include.map((p) => p.trim()).filter((p) => p && !p.startsWith('#'))
    this.includePatterns = inc.filter((p) => !p.startsWith('!'))
    this.matched = this.includePatterns.map(() => false)
    this.includes = this.includePatterns.map((p) => new Minimatch(norm(p), { dot: true }))
    this.excludes = [...inc.filter((p) => p.startsWith('!')).map((p) => p.slice(1)), ...exclude]
      .map((p) => p.trim())
      .filter((p) => p && !p.startsWith('#'))
      .map((p) => new Minimatch(norm(p), { dot: true }))
  }

  accepts(path: string): boolean {
    if (this.excludes.some((m) => matchesOrUnder(m, path))) return false
    if (this.includes.length === 0) return true
    let accepted = false
    this.includes.forEach((m, i) => {
      // Patterns that already matched need no second look once the path is in.
      if ((accepted && this.matched[i]) || !matchesOrUnder(m, path)) return
      accepted = true
      this.matched[i] = true
    })
    return accepted
  }

  /** Include patterns that matched no file so far. */
  unmatchedIncludes(): string[] {
    return this.includePatterns.filter((_, i) => !this.matched[i])
  }

  excludesDir(dir: string): boolean {
    return this.excludes.some((m) => m.match(dir) || m.match(`${dir}/`))
  }
}

function matchesOrUnder(m: Minimatch, path: string): boolean {
  if (m.match(path)) return true
  // A pattern naming a folder covers its contents: check each ancestor.
  let i = path.indexOf('/')
  while (i !== -1) {
    if (m.match(path.slice(0, i))) return true
    i = path.indexOf('/', i + 1)
  }
  return false
}
