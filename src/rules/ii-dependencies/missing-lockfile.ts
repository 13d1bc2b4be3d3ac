// TF0201: a dependency manifest whose tool writes a lockfile, committed without that lockfile.
import type { RepoContext, Rule } from '../../engine/rule.js'
import type { Report } from '../../engine/types.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { appManifests, baseName, dirOf, findNear, isPublishedLibrary, lineMatching, NODE_LOCKS, pathSet } from '../shared/dependency-manifests.js'

interface Check {
  manifest: RegExp
  /** Undefined when this manifest needs no lock (a library, no requirements...). */
  expect(repo: RepoContext, path: string, paths: Set<string>): { locks: readonly string[]; upward: boolean; tool: string; fix: string; line: number; count?: number } | undefined
}

const CHECKS: Check[] = [
  {
    manifest: /^package\.json$/,
    expect(repo, path) {
      const file = repo.get(path)
      if (!file) return undefined
      const pkg = packageJsonOf(file).data
      if (!pkg || isPublishedLibrary(pkg)) return undefined
      const count = Object.keys(pkg.dependencies ?? {}).length + Object.keys(pkg.devDependencies ?? {}).length
      if (count === 0) return undefined
      // bun.lockb is binary and never reaches the audit: trust a bun project rather than guess.
      if (typeof pkg.packageManager === 'string' && pkg.packageManager.startsWith('bun@')) return undefined
      const pm = typeof pkg.packageManager === 'string' ? pkg.packageManager.split('@')[0] : 'npm'
      const fix = pm === 'pnpm' ? 'Run `pnpm install` and commit pnpm-lock.yaml; install in CI and images with `pnpm install --frozen-lockfile`.'
        : pm === 'yarn' ? 'Run `yarn install` and commit yarn.lock; install in CI and images with `yarn install --immutable`.'
        : 'Run `npm install` and commit package-lock.json; install in CI and images with `npm ci`.'
      const line = pkg.dependencies ? packageJsonOf(file).lineOf('', 'dependencies') : packageJsonOf(file).lineOf('', 'devDependencies')
      return { locks: NODE_LOCKS, upward: true, tool: pm, fix, line, count }
    }
  },
  {
    manifest: /^Pipfile$/,
    expect: (repo, path) => ({ locks: ['Pipfile.lock'], upward: false, tool: 'pipenv', fix: 'Run `pipenv lock` and commit Pipfile.lock; install with `pipenv install --deploy`.', line: lineMatching(repo.get(path)?.lines ?? [], /^\[packages\]/) })
  },
  {
    manifest: /^pyproject\.toml$/,
    expect(repo, path) {
      const file = repo.get(path)
      if (!file) return undefined
      const lines = file.lines
      const poetry = /^\[tool\.poetry(\.dependencies)?\]/m.test(file.text) && /^\[tool\.poetry\.(group\.\w+\.)?dependencies\]/m.test(file.text)
      if (poetry) return { locks: ['poetry.lock'], upward: true, tool: 'Poetry', fix: 'Run `poetry lock` and commit poetry.lock; install with `poetry install --no-root --only main`.', line: lineMatching(lines, /^\[tool\.poetry\.dependencies\]/) }
      if (/^\[tool\.pdm\b/m.test(file.text)) return { locks: ['pdm.lock'], upward: true, tool: 'PDM', fix: 'Run `pdm lock` and commit pdm.lock; install with `pdm sync --prod`.', line: lineMatching(lines, /^\[tool\.pdm/) }
      if (/^\[tool\.uv\b/m.test(file.text)) return { locks: ['uv.lock'], upward: true, tool: 'uv', fix: 'Run `uv lock` and commit uv.lock; install with `uv sync --locked`.', line: lineMatching(lines, /^\[tool\.uv/) }
      return undefined // setuptools/hatch projects have no lockfile of their own
    }
  },
  {
    manifest: /^Gemfile$/,
    expect(repo, path) {
      const file = repo.get(path)
      if (!file || /^[ \t]*gemspec\b/m.test(file.code)) return undefined // a gem library: Bundler advises against committing its lock
      if (!/^[ \t]*gem\s+['"]/m.test(file.code)) return undefined
      return { locks: ['Gemfile.lock'], upward: false, tool: 'Bundler', fix: 'Run `bundle lock` (or `bundle install`) and commit Gemfile.lock; install with `bundle config set deployment true && bundle install`.', line: lineMatching(file.lines, /^\s*gem\s+['"]/) }
    }
  },
  {
    manifest: /^go\.mod$/,
    expect(repo, path) {
      const file = repo.get(path)
      if (!file || !/^require\b/m.test(file.code)) return undefined
      return { locks: ['go.sum'], upward: false, tool: 'Go modules', fix: 'Run `go mod tidy` and commit go.sum; builds then verify every module checksum.', line: lineMatching(file.lines, /^require\b/) }
    }
  },
  {
    manifest: /^composer\.json$/,
    expect(repo, path) {
      const file = repo.get(path)
      if (!file) return undefined
      let data: { type?: string; require?: Record<string, string> }
      try {
        data = JSON.parse(file.text) as typeof data
      } catch {
        return undefined
      }
      if (data.type === 'library' || !data.require || !Object.keys(data.require).some((k) => k.includes('/'))) return undefined
      return { locks: ['composer.lock'], upward: false, tool: 'Composer', fix: 'Run `composer update --lock` and commit composer.lock; install with `composer install --no-dev`.', line: lineMatching(file.lines, /"require"\s*:/) }
    }
  },
  {
    manifest: /^Cargo\.toml$/,
    expect(repo, path, paths) {
      const file = repo.get(path)
      if (!file) return undefined
      const dir = dirOf(path)
      const isApp = /^\[\[bin\]\]/m.test(file.text) || paths.has(dir === '.' ? 'src/main.rs' : `${dir}/src/main.rs`)
      if (!isApp) return undefined // library crates leave Cargo.lock to their users
      return { locks: ['Cargo.lock'], upward: true, tool: 'Cargo', fix: 'Run `cargo generate-lockfile` and commit Cargo.lock; build with `cargo build --locked`.', line: lineMatching(file.lines, /^\[dependencies\]/) }
    }
  }
]

export const missingLockfile: Rule = {
  meta: {
    id: 'TF0201',
    name: 'missing-lockfile',
    factor: 'II',
    severity: 'warning',
    summary: 'A dependency manifest is committed without the lockfile its tool writes.',
    why:
      'Factor II asks for an exact, explicit declaration of every dependency so that every deploy of one commit installs the same thing. A manifest alone names ranges; without its lockfile each build resolves them again and two deploys of the same commit can run different library versions.',
    remediation: 'Generate the lockfile with the project\'s dependency tool, commit it, and install from it in CI and images (npm ci, pipenv install --deploy, poetry install, bundle install in deployment mode).'
  },
  checkRepo(repo, report) {
    const paths = pathSet(repo)
    const byName = appManifests(repo, /^(package\.json|Pipfile|pyproject\.toml|Gemfile|go\.mod|composer\.json|Cargo\.toml)$/)
    for (const info of byName) {
      if (repo.deploy.environmentOf(info.path, info.kind) !== 'production') continue // a manifest only development uses (a Pipfile beside an image that installs requirements.txt)
      const check = CHECKS.find((c) => c.manifest.test(baseName(info.path)))
      const want = check?.expect(repo, info.path, paths)
      if (!want) continue
      if (findNear(paths, dirOf(info.path), want.locks, want.upward)) continue
      const what = want.count !== undefined ? ` declares ${want.count} ${want.count === 1 ? 'dependency' : 'dependencies'} but` : ''
      const r: Report & { file: string } = {
        file: info.path,
        line: want.line,
        message: `\`${baseName(info.path)}\`${what} has no committed lockfile (${want.locks.filter((l) => l !== 'bun.lockb').join(', ')}): each ${want.tool} install re-resolves the versions`,
        remediation: want.fix
      }
      report(r)
    }
  }
}
