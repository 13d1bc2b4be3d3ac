// TF0102: installed dependencies or build output committed to the repository, read from the git
// index (RepoContext.trackedExcluded): node_modules/, virtualenvs, __pycache__/*.pyc, PHP vendor/,
// Ruby vendor/bundle, and dist/ build/ target/ of an app that has a build step. Allowed: Go vendor/,
// Ruby vendor/cache (vendoring), and dist/ of a GitHub Action whose action.yml runs from it.
import type { Rule } from '../../engine/rule.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { yamlOf } from '../../parsers/yaml.js'
import { get, str, type YNode } from '../../parsers/yaml-nodes.js'
import { baseName, dirOf, joinPath } from '../shared/dependency-manifests.js'

const FACT = 'tf0102:action-entry'
const DEPS = new Set(['node_modules', 'bower_components', 'jspm_packages'])
const VENVS = new Set(['.venv', 'venv', 'site-packages'])
const BUILD = new Set(['dist', 'build', 'out', 'target', '.next', '.nuxt', '.svelte-kit'])
const BUILD_SCRIPT = /\b(tsc|webpack|vite|rollup|esbuild|ncc|parcel|babel|next\s+build|nuxt\s+(build|generate)|ng\s+build|svelte-kit\s+build|tsup|swc)\b/

export const committedBuildOutput: Rule = {
  meta: {
    id: 'TF0102',
    name: 'committed-build-output',
    factor: 'I',
    severity: 'error',
    summary: 'Installed dependencies (node_modules, virtualenvs, vendor/bundle) or build output (dist/, target/, *.pyc) are tracked in git.',
    why:
      'Factor I: the codebase is the source that every deploy is built from; Factor V: the build stage turns it into a release. Installed dependencies and build output are products of that build for one platform and one moment. Committed, they drift from the manifest and the source, bloat every clone, and make the repository hold two truths.',
    remediation: 'Untrack the folder (git rm -r --cached <dir>), add it to .gitignore, and let CI install (npm ci, pip install -r requirements.txt) and build on every deploy.'
  },
  // action.yml files tell which dist/ folders a JavaScript action runs from (committed on purpose).
  files: { kinds: ['yaml'], path: /(^|\/)action\.ya?ml$/ },
  keywords: ['runs'],
  check(file, _report, ctx) {
    const doc = yamlOf(file).docs[0]
    if (!doc || doc.errors.length > 0) return
    const runs = get(doc.contents as YNode, 'runs')
    for (const key of ['main', 'pre', 'post']) {
      const entry = str(get(runs, key))
      if (entry) ctx.facts.add(FACT, joinPath(dirOf(file.path), entry.replace(/^\.\//, '')))
    }
  },
  checkRepo(repo, report) {
    const actionEntries = repo.facts.get<string>(FACT)
    for (const t of repo.trackedExcluded ?? []) {
      const name = baseName(t.dir)
      const parent = dirOf(t.dir)
      const count = t.count >= 100000 ? '100,000+' : t.count.toLocaleString('en-US')
      const eg = `${count} tracked file${t.count === 1 ? '' : 's'}, e.g. \`${t.example}\``
      const out = (message: string, remediation: string, severity?: 'warning' | 'notice'): void =>
        report({ file: t.example, line: 1, message, remediation, ...(severity ? { severity } : {}) })
      const untrack = `git rm -r --cached ${t.dir} && echo '/${t.dir}/' >> .gitignore`
      if (DEPS.has(name)) {
        out(`\`${t.dir}/\` is committed (${eg}): installed dependencies belong to the build, not the codebase`, `Run \`${untrack}\`, commit the lockfile instead, and install in CI and images with \`npm ci\`.`)
      } else if (VENVS.has(name)) {
        out(`Virtualenv \`${t.dir}/\` is committed (${eg}): installed packages for one machine's Python belong to the build`, `Run \`${untrack}\`; declare packages in requirements.txt/pyproject.toml and create the environment in the build (\`python -m venv .venv && pip install -r requirements.txt\`).`)
      } else if (name === '__pycache__' || t.example.endsWith('.pyc')) {
        out(`Compiled Python bytecode is committed ${t.dir === '.' ? 'at the repository root' : `under \`${t.dir}/\``} (${eg}): it is build output of one interpreter version`, "Run `git rm -r --cached '*.pyc' '**/__pycache__'` and add `__pycache__/` and `*.pyc` to .gitignore.", 'warning')
      } else if (parent.endsWith('vendor') || /(^|\/)vendor$/.test(parent)) {
        const appDir = dirOf(parent)
        const files = new Set(repo.files.map((f) => f.path))
        if (name === 'bundle' && files.has(joinPath(appDir, 'Gemfile'))) {
          out(`\`${t.dir}/\` is committed (${eg}): installed gems belong to the build; Bundler's vendor/cache (packaged .gem files) is the vendoring Factor II allows`, `Run \`${untrack}\`; to vendor, use \`bundle cache\` (vendor/cache) and install with \`bundle install --local\`.`)
        } else if (files.has(joinPath(appDir, 'composer.json')) && !files.has(joinPath(appDir, 'go.mod'))) {
          out(`Composer's \`${parent}/\` is committed (${eg}): installed packages belong to the build`, `Run \`git rm -r --cached ${parent} && echo '/${parent}/' >> .gitignore\`, commit composer.lock, and run \`composer install --no-dev\` in CI and images.`, 'warning')
        }
      } else if (BUILD.has(name)) {
        if (actionEntries.some((e) => e.startsWith(`${t.dir}/`))) continue // a JavaScript action ships its bundle on purpose
        const app = repo.apps.find((a) => a.path === parent)
        if (!app) continue
        const manifest = repo.get(app.manifest)
        let builds = false
        if (baseName(app.manifest) === 'package.json' && manifest) {
          const scripts = packageJsonOf(manifest).data?.scripts ?? {}
          builds = 'build' in scripts || Object.values(scripts).some((s) => typeof s === 'string' && BUILD_SCRIPT.test(s))
        } else if (baseName(app.manifest) === 'pom.xml') {
          builds = name === 'target' // Maven writes target/; a tracked build/ holds scripts (build/docker/Dockerfile)
        } else if (/^build\.gradle(\.kts)?$/.test(baseName(app.manifest))) {
          builds = name === 'build' || name === 'out'
        }
        if (!builds) continue
        out(`Build output \`${t.dir}/\` of ${app.path === '.' ? 'the app' : `app \`${app.path}\``} is committed (${eg}): the build stage produces it from the source on every deploy`, `Run \`${untrack}\` and let CI build it (\`npm run build\` / \`mvn package\`) into the release artifact or image.`, 'warning')
      }
    }
  }
}
