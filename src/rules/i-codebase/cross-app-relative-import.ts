// TF0103: in a repository holding several apps, code of one app imports another app's (or an
// undeclared shared folder's) files by a relative path instead of through a declared package.
import { posix } from 'node:path'
import { appOf, type App } from '../../engine/apps.js'
import type { RepoContext, Rule } from '../../engine/rule.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { baseName, dirOf } from '../shared/dependency-manifests.js'

const FACT = 'tf0103:relative-import'

interface Candidate {
  path: string
  line: number
  column: number
  spec: string
  target: string
  language: string
}

/**
 * A package.json with no dependencies and no scripts ({"type": "module"} markers, exports shims)
 * does not make a folder a separate app.
 */
function isRealApp(repo: RepoContext, app: App): boolean {
  if (baseName(app.manifest) !== 'package.json') return true
  const data = repo.get(app.manifest) ? packageJsonOf(repo.get(app.manifest)!).data : undefined
  if (!data) return true
  const has = (k: string): boolean => typeof data[k] === 'object' && data[k] !== null && Object.keys(data[k] as object).length > 0
  return has('dependencies') || has('devDependencies') || has('scripts')
}

/** Import specifiers that climb out of the file's folder, per language. */
const IMPORTS: Partial<Record<string, RegExp>> = {
  javascript: /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^[ \t]*import\s+)(['"])(\.\.\/[^'"\n]{1,300})\1/gm,
  ruby: /\b(?:require_relative|require|load)\s*\(?\s*(['"])(\.{0,2}\/?\.\.\/[^'"\n]{1,300})\1/g,
  python: /\bsys\.path\.(?:append|insert)\s*\((?:\s*\d+\s*,)?\s*(?:os\.path\.\w+\([^)\n]{0,200}?)?(['"])(\.\.\/[^'"\n]{0,300}|\.\.)\1/g
}
IMPORTS.typescript = IMPORTS.javascript

export const crossAppRelativeImport: Rule = {
  meta: {
    id: 'TF0103',
    name: 'cross-app-relative-import',
    factor: 'I',
    severity: 'warning',
    summary: 'One app of a multi-app repository imports another app\'s code (or an undeclared shared folder) by relative path.',
    why:
      'Factor I: each app is one codebase with its own deploys; code shared by several apps is factored into a library that each app declares as a dependency (Factor II). A relative import across the app boundary couples their builds and deploys invisibly: the app cannot be built from its own folder, and a change in the other app ships without a version.',
    remediation: 'Move the shared code into a package (an npm/pnpm/yarn workspace package, a Python package installed with pip -e or from an index, a gem) and depend on it by name and version from each app.',
    languages: ['javascript', 'typescript', 'ruby', 'python']
  },
  files: { kinds: ['source'], languages: ['javascript', 'typescript', 'ruby', 'python'], roles: ['app'] },
  keywords: ['../', "'..'", '".."'],
  check(file, _report, ctx) {
    if (!ctx.app || ctx.apps.length < 2) return
    const re = IMPORTS[file.language]
    if (!re) return
    const code = file.code
    // Only lines holding the specifier's `..` are looked at, with the two lines before them
    // (`require(\n  '../x'\n)`): the regex's alternation cost 5x as much run over every line.
    const needle = file.language === 'python' ? '..' : '../'
    for (let at = code.indexOf(needle); at !== -1; ) {
      const lineStart = code.lastIndexOf('\n', at) + 1
      const newline = code.indexOf('\n', at)
      const lineEnd = newline === -1 ? code.length : newline
      let windowStart = lineStart
      for (let k = 0; k < 2 && windowStart > 0; k++) windowStart = code.lastIndexOf('\n', windowStart - 2) + 1
      const window = code.slice(windowStart, lineEnd)
      re.lastIndex = 0
      for (let m = re.exec(window); m; m = re.exec(window)) {
        const spec = m[2]
        const offset = windowStart + m.index + m[0].lastIndexOf(spec)
        if (offset < lineStart) continue // its own line's turn
        const pos = file.position(offset)
        if (file.line(pos.line).length > 4000) continue
        const base = file.language === 'ruby' && !/require_relative/.test(m[0]) ? '.' : dirOf(file.path)
        const target = posix.normalize(posix.join(base, spec))
        if (target.startsWith('..')) continue // above the repository: not ours to judge
        ctx.facts.add<Candidate>(FACT, { path: file.path, line: pos.line, column: pos.column, spec, target, language: file.language })
      }
      at = newline === -1 ? -1 : code.indexOf(needle, newline + 1)
    }
  },
  rereadReportedFiles: true,
  checkRepo(repo, report) {
    const candidates = repo.facts.get<Candidate>(FACT)
    if (candidates.length === 0) return
    const apps = repo.apps.filter((a) => isRealApp(repo, a) && !repo.deploy.isLibrary(a.path)) // workspace libraries (packages/*) are not apps
    if (apps.length < 2) return
    for (const c of candidates) {
      const own = appOf(apps, c.path)
      if (!own) continue
      const leaves = own.path !== '.' && c.target !== own.path && !c.target.startsWith(`${own.path}/`)
      const other = appOf(apps, `${c.target}/x`)
      const intoOther = other !== undefined && other.path !== own.path && other.path !== '.'
      if (!leaves && !intoOther) continue
      const into = intoOther ? `app \`${other!.path}\`` : other && other.path === '.' && own.path !== '.' ? `the root app (\`${c.target}\`)` : `\`${c.target}\`, outside app \`${own.path}\``
      const pkg = c.language === 'python' ? 'a Python package (pyproject.toml) installed with `pip install -e ../shared` or from your index' : c.language === 'ruby' ? "a gem (`gem 'shared', path: '../shared'` in the Gemfile, later a versioned gem)" : 'a workspace package that each app declares (`"@acme/shared": "workspace:*"` in package.json) and imports by name (`import { x } from \'@acme/shared\'`)'
      report({
        file: c.path,
        line: c.line,
        column: c.column,
        message: `\`${c.spec}\` reaches into ${into}: apps share code through a declared package, not a relative path`,
        remediation: `Factor the shared code into ${pkg}.`
      })
    }
  }
}
