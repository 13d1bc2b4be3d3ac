// TF0104: environment-specific forks of the code: a source file named for one deploy (app-prod.js,
// settings_prod.py, client.staging.ts) beside the file it copies, without building on it.
import type { ReportFn, Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { yamlOf } from '../../parsers/yaml.js'
import { get, items, lineOf, str, type YNode } from '../../parsers/yaml-nodes.js'
import { baseName, dirOf, joinPath } from '../shared/dependency-manifests.js'
import { isBuildToolFile } from '../../model/paths.js'

const FACT = 'tf0104:fork'
const FORK_NAME = /^([A-Za-z0-9][\w-]{0,100}?)([._-])(prod|production|staging|stage|preprod|qa|uat)\.(js|mjs|cjs|ts|py|rb|go|java|kt|php)$/i
/** Build-tool configs split per environment are Factor V/X territory, not copies of app code. */
const TOOLING = /(webpack|vite|rollup|babel|jest|karma|gulp|grunt|tsconfig|eslint|prettier|tailwind|postcss|next\.config|nuxt\.config|playwright|cypress|config)/i

const ENV_BRANCH = /^(prod|production|staging|stage|preprod|pre-prod|qa|uat|env\/[\w-]{1,40}|environments?\/[\w-]{1,40})$/i

/** A workflow that deploys when a per-environment branch (production, staging...) is pushed: a notice. */
function deployBranches(file: SourceFile, report: ReportFn): void {
  if (!/deploy|release|environment\s*:/i.test(file.code)) return
  const { docs, lineCounter } = yamlOf(file)
  const doc = docs[0]
  if (!doc || doc.errors.length > 0) return
  const root = doc.contents as YNode
  const on = get(root, 'on') ?? get(root, 'true')
  for (const node of items(get(get(on, 'push'), 'branches'))) {
    const name = str(node)
    if (!name || !ENV_BRANCH.test(name)) continue
    report({
      line: lineOf(lineCounter, node),
      severity: 'notice',
      message: `Deploys run from the per-environment branch \`${name}\`: each environment gets its own copy of the code instead of a promoted revision`,
      remediation: 'Deploy every environment from one branch (main) and promote the same commit or image tag from staging to production, e.g. with GitHub environments and a manual approval, instead of merging between environment branches.'
    })
  }
}

/** Does the code name the environment `env` in a string literal ("https://api.qa.acme.com", 'staging') or a config identifier (API_URL_QA)? */
function namesEnvironment(code: string, env: string): boolean {
  const word = new RegExp(`\\b(${env}|staging)\\b`, 'i')
  for (const lit of code.matchAll(/(['"`])([^'"`\n]{0,400})\1/g)) if (word.test(lit[2])) return true
  const upper = env.toUpperCase()
  return new RegExp(`\\b${upper}_[A-Z]|_${upper}\\b`).test(code)
}

interface Fork {
  path: string
  base: string
}

export const environmentFork: Rule = {
  meta: {
    id: 'TF0104',
    name: 'environment-fork',
    factor: 'I',
    severity: 'warning',
    summary: 'A source file is forked per deploy (app-prod.js beside app.js, settings_prod.py that copies settings.py).',
    why:
      'Factor I: one codebase, many deploys; the deploys differ only in config (Factor III). A per-environment copy of a source file is a second codebase hiding in the first: fixes land in one copy and not the other, and the production code path is never run anywhere else.',
    remediation: 'Merge the copy back into the one file and move what differs into environment variables read at startup; if a layer per environment is unavoidable, make it import the base and override only config values.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'go', 'java', 'kotlin', 'php']
  },
  files: { kinds: ['source', 'workflow'], roles: ['app'], path: /[._-](prod|production|staging|stage|preprod|qa|uat)\.\w+$|(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i },
  check(file, report, ctx) {
    if (file.kind === 'workflow') return deployBranches(file, report)
    const m = FORK_NAME.exec(file.name)
    if (!m || TOOLING.test(file.name) || isBuildToolFile(file.path)) return
    // Go files selected by a build constraint (assets_prod.go with //go:build !dev) are a build variant the toolchain picks, not a deploy fork.
    if (m[4] === 'go' && /^\s*\/\/\s*(go:build|\+build)\s/m.test(file.text)) return
    // `qa`, `stage` and `uat` are also domain words (chat_qa.py answers questions, pipeline_stage.py is a step):
    // such a file is a fork only if it names that environment in a string or a config identifier.
    if (/^(qa|stage|uat)$/i.test(m[3]) && !namesEnvironment(file.code, m[3])) return
    const stem = m[1]
    // A layer that imports the base and overrides values is config grouping (Factor III), not a fork.
    const importsBase = new RegExp(`(from\\s+\\.?\\.?${stem}\\s+import|import\\s+${stem}\\b|require(_relative)?\\s*\\(?\\s*['"]\\.{0,2}/?${stem}(\\.\\w+)?['"]|from\\s+['"]\\./${stem}(\\.\\w+)?['"])`).test(file.code)
    if (importsBase) return
    ctx.facts.add<Fork>(FACT, { path: file.path, base: joinPath(dirOf(file.path), `${stem}.${m[4]}`) })
  },
  rereadReportedFiles: true,
  checkRepo(repo, report) {
    const paths = new Set(repo.files.map((f) => f.path))
    for (const fork of repo.facts.get<Fork>(FACT)) {
      if (!paths.has(fork.base)) continue
      report({
        file: fork.path,
        line: 1,
        message: `\`${baseName(fork.path)}\` is a per-deploy copy of \`${baseName(fork.base)}\` (it does not import it): two versions of the same code for different environments`,
        remediation: `Keep one \`${baseName(fork.base)}\` and read what differs from the environment (${/\.py$/.test(fork.base) ? "os.environ['X']" : /\.rb$/.test(fork.base) ? "ENV.fetch('X')" : /\.(go)$/.test(fork.base) ? 'os.Getenv("X")' : /\.(java|kt)$/.test(fork.base) ? 'System.getenv("X") or @Value("${x}")' : 'process.env.X'}); delete \`${baseName(fork.path)}\`.`
      })
    }
  }
}
