// TF0202: dependency versions that float where no lockfile freezes them: unpinned requirements.txt
// lines, "*"/"latest"/"" or unbounded ">=" in a package.json without a lock, git dependencies
// without a commit or tag.
import type { RepoContext, Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Report } from '../../engine/types.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { appManifests, dirOf, findNear, isPublishedLibrary, joinPath, listNames, NODE_LOCKS, pathSet, PYTHON_LOCKS } from '../shared/dependency-manifests.js'

type Out = (r: Report & { file: string }) => void

/** A requirement name at the start of a requirements.txt line (PEP 508). */
const REQ_NAME = /^([A-Za-z0-9][A-Za-z0-9._-]{0,99})(\[[^\]]{0,200}\])?\s*(.*)$/
const GIT_REF_PY = /^git\+[a-z]+:\/\/[^@#\s]{1,500}(?:@[^@#\s/]{0,200}\/[^@#\s]{0,500})?@([^#\s/]{1,200})(?:#|\s|$)/

const BRANCHES = /^(main|master|develop|dev|trunk|head|latest)$/i
/** Does a pip git URL name a commit or tag (not a branch)? */
function pinnedGit(url: string): boolean {
  const m = GIT_REF_PY.exec(url)
  return m !== null && !BRANCHES.test(m[1])
}

interface RequirementsScan {
  unpinned: { name: string; base: string; line: number }[]
  gitFloating: { name: string; line: number; column: number }[]
  /** Normalized names pinned with == in this file. */
  pinned: string[]
  /** Paths given to -c / --constraint, relative to this file. */
  constraints: string[]
}

const FACT = 'tf0202:requirements-dir'

function requirementsTxt(repo: RepoContext, path: string, paths: Set<string>, report: Out): void {
  const file = repo.get(path)
  if (!file) return
  // A compiled or exported requirements file sits beside the real lock (pip-tools, poetry export, uv export).
  if (findNear(paths, dirOf(path), [...PYTHON_LOCKS, 'requirements.in'], false)) return
  reportRequirements(path, withConstraints(repo, path, scanRequirements(file)), report)
}

/** Names pinned (`name==1.2.3`) by the `-c constraints.txt` files a requirements file names: pip installs those versions. */
function withConstraints(repo: RepoContext, path: string, scan: RequirementsScan): RequirementsScan {
  if (scan.constraints.length === 0 || scan.unpinned.length === 0) return scan
  const pinned = new Set<string>()
  for (const c of scan.constraints) {
    const file = repo.get(resolvePath(dirOf(path), c))
    if (!file) continue
    const inner = scanRequirements(file)
    for (const name of inner.pinned) pinned.add(name)
  }
  return { ...scan, unpinned: scan.unpinned.filter((u) => !pinned.has(normalize(u.base))) }
}

/** `dir` joined with a relative path, `.` and `..` resolved ('' when it leaves the tree). */
function resolvePath(dir: string, rel: string): string {
  const out: string[] = []
  for (const part of joinPath(dir, rel).split('/')) {
    if (part === '..') out.pop()
    else if (part !== '.' && part !== '') out.push(part)
  }
  return out.join('/')
}

/** PEP 503 name normalization: Flask_SQLAlchemy and flask-sqlalchemy are one package. */
const normalize = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-')

function scanRequirements(file: SourceFile): RequirementsScan {
  const unpinned: { name: string; base: string; line: number }[] = []
  const gitFloating: { name: string; line: number; column: number }[] = []
  const pinned: string[] = []
  const constraints: string[] = []
  file.code.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.length > 4000) return
    // `flask==3.0.3 \` continued by `--hash=sha256:...` lines (pip-compile --generate-hashes): options are not the version.
    const line = raw.replace(/\s+#.*$/, '').replace(/\s*\\$/, '').replace(/\s--hash[=\s]\S+/g, '').trim()
    const c = /^(?:-c|--constraint)(?:\s+|=)(\S+)$/.exec(line)
    if (c) constraints.push(c[1])
    if (!line || line.startsWith('-') || line.startsWith('.') || line.startsWith('/')) return // -r, -c, -e, --hash, local paths
    if (/^git\+/.test(line)) {
      if (!pinnedGit(line)) gitFloating.push({ name: line.slice(0, 120), line: i + 1, column: raw.indexOf('git+') + 1 })
      return
    }
    if (/^https?:\/\//.test(line)) return // an archive URL names one exact file
    const m = REQ_NAME.exec(line)
    if (!m) return
    const spec = m[3].replace(/;.*$/, '').trim()
    if (spec.startsWith('@')) {
      const url = spec.slice(1).trim()
      if (/^git\+/.test(url) && !pinnedGit(url)) gitFloating.push({ name: m[1], line: i + 1, column: raw.indexOf('git+') + 1 })
      return
    }
    if (/^===?\s*[^\s,*]+$/.test(spec) && !spec.includes('*')) {
      pinned.push(normalize(m[1]))
      return // name==1.2.3
    }
    unpinned.push({ name: `${m[1]}${spec ? spec.replace(/\s+/g, '') : ''}`, base: m[1], line: i + 1 })
  })
  return { unpinned, gitFloating, pinned, constraints }
}

function reportRequirements(path: string, { unpinned, gitFloating }: RequirementsScan, report: Out): void {
  if (unpinned.length > 0) {
    const first = unpinned[0]
    report({
      file: path,
      line: first.line,
      column: 1,
      message: `${listNames(unpinned.map((u) => u.name))} ${unpinned.length === 1 ? 'is' : 'are'} not pinned in \`${path.slice(path.lastIndexOf('/') + 1)}\` (${unpinned.length} of the file's requirements): pip installs whatever is newest at build time`,
      remediation: 'Pin every requirement with `==` (e.g. `flask==3.0.3`), or keep loose ranges in requirements.in and commit the `pip-compile` output as requirements.txt (or move to a locking tool: uv, Poetry, Pipenv).'
    })
  }
  for (const g of gitFloating) {
    report({ file: path, line: g.line, column: g.column, message: `git requirement \`${g.name}\` names no commit or tag: it installs whatever the branch head is at build time`, remediation: 'Pin the git dependency to a tag or commit: `git+https://github.com/org/lib.git@v1.4.2#egg=lib` (or `@<commit-sha>`).' })
  }
}

const FLOATING_NPM = /^(\*|latest|x|X|next|)$/

function packageJson(repo: RepoContext, path: string, paths: Set<string>, report: Out): void {
  if (findNear(paths, dirOf(path), NODE_LOCKS, true)) return // the lock pins what the ranges allow
  const file = repo.get(path)
  if (!file) return
  const pkg = packageJsonOf(file)
  if (!pkg.data || isPublishedLibrary(pkg.data) || (typeof pkg.data.packageManager === 'string' && pkg.data.packageManager.startsWith('bun@'))) return
  for (const section of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
    const deps = pkg.data[section]
    if (!deps || typeof deps !== 'object') continue
    for (const [name, v] of Object.entries(deps as Record<string, unknown>)) {
      if (typeof v !== 'string') continue
      const spec = v.trim()
      let why: string | undefined
      if (FLOATING_NPM.test(spec)) why = spec === '' ? 'an empty version (any version)' : `\`${spec}\` (any version)`
      else if (/^>=?\s*[\d.]+$/.test(spec)) why = `the unbounded range \`${spec}\``
      else if (/^(github:|gitlab:|bitbucket:|git\+|git:\/\/|[\w.-]{1,100}\/[\w.-]{1,100}$)/.test(spec) && !/#(?!(main|master|develop|dev|trunk|head)$)./i.test(spec)) why = `the git source \`${spec}\` without a commit or tag`
      if (!why) continue
      report({
        file: path,
        line: pkg.lineOf(section, name),
        message: `\`${name}\` is declared with ${why} and no lockfile freezes it: each install can pick a different release`,
        remediation: why.includes('git') ? `Pin the git dependency to a tag or commit: \`"${name}": "github:org/${name}#v1.2.3"\`, and commit a lockfile.` : `Declare a bounded range (\`"${name}": "^1.4.0"\`) and commit a lockfile (\`npm install\` writes package-lock.json; install with \`npm ci\`).`
      })
    }
  }
}

function gemfile(repo: RepoContext, path: string, paths: Set<string>, report: Out): void {
  if (findNear(paths, dirOf(path), ['Gemfile.lock'], false)) return // the lock records the git revision
  const file = repo.get(path)
  if (!file) return
  file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.length > 4000) return
    const m = /^\s*gem\s+['"]([\w.-]+)['"].*\b(git|github):\s*['"]/.exec(line)
    if (!m || /\b(ref|tag):\s*['"]/.test(line)) return
    report({ file: path, line: i + 1, column: line.indexOf(m[2]) + 1, message: `gem \`${m[1]}\` comes from git without \`ref:\` or \`tag:\` and no Gemfile.lock records the revision`, remediation: `Pin it: \`gem '${m[1]}', git: '...', tag: 'v1.2.3'\` (or \`ref: '<sha>'\`), and commit Gemfile.lock.` })
  })
}

export const floatingDependencyVersion: Rule = {
  meta: {
    id: 'TF0202',
    name: 'floating-dependency-version',
    factor: 'II',
    severity: 'warning',
    summary: 'Dependency versions that float where no lockfile freezes them (unpinned requirements.txt, "*", "latest", git without a ref).',
    why:
      'Factor II requires dependencies to be declared completely and exactly. A version of "*", "latest", an unbounded ">=" or a git branch is not a declaration: the same commit builds against different code on different days, so what was tested is not what is deployed.',
    remediation: 'Pin each dependency (== in requirements.txt, a bounded range plus a committed lockfile for npm, a tag or commit for git sources).'
  },
  // requirements/base.txt, requirements/production.txt (cookiecutter-django layout): not manifests by
  // name, so the file pass reads them and the repository pass checks for a lock beside the project.
  files: { kinds: ['other'], roles: ['app'], path: /(^|\/)requirements\/(?![\w.-]*(dev|local|test|lint|docs|ci))[\w.-]{1,80}\.txt$/i },
  check(file, _report, ctx) {
    ctx.facts.add<{ path: string; scan: RequirementsScan }>(FACT, { path: file.path, scan: scanRequirements(file) })
  },
  rereadReportedFiles: true,
  checkRepo(repo, report) {
    const paths = pathSet(repo)
    for (const { path, scan } of repo.facts.get<{ path: string; scan: RequirementsScan }>(FACT)) {
      const project = dirOf(dirOf(path))
      if (findNear(paths, project, [...PYTHON_LOCKS], false) || findNear(paths, dirOf(path), ['base.in', 'production.in', 'prod.in'], false)) continue
      reportRequirements(path, withConstraints(repo, path, scan), report)
    }
    for (const info of appManifests(repo, /^(requirements\.txt|requirements[-_.][\w.-]*\.txt|package\.json|Gemfile)$/)) {
      if (info.role !== 'app') continue // requirements-dev.txt and friends are not deployed
      const name = info.path.slice(info.path.lastIndexOf('/') + 1)
      if (name === 'package.json') packageJson(repo, info.path, paths, report)
      else if (name === 'Gemfile') gemfile(repo, info.path, paths, report)
      else requirementsTxt(repo, info.path, paths, report)
    }
  }
}
