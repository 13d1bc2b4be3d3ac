// Decides a file's kind, language and role from its path alone (no read), so the rule index can
// drop files no rule wants before they are opened.
import type { FileKind, FileRole, Language } from './types.js'

const LANG_BY_EXT: Record<string, Language> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
  py: 'python',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby', ru: 'ruby',
  java: 'java',
  kt: 'kotlin', kts: 'kotlin',
  go: 'go',
  php: 'php',
  sh: 'shell', bash: 'shell'
}

const MANIFESTS = new Set([
  'package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'npm-shrinkwrap.json',
  'requirements.txt', 'pipfile', 'pipfile.lock', 'pyproject.toml', 'poetry.lock', 'uv.lock', 'pdm.lock', 'setup.py', 'setup.cfg',
  'gemfile', 'gemfile.lock', 'go.mod', 'go.sum', 'composer.json', 'composer.lock', 'cargo.toml', 'cargo.lock',
  'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'gradle.properties', '.nvmrc', '.node-version',
  '.tool-versions', '.python-version', '.ruby-version', 'runtime.txt', 'aptfile'
])

const K8S_DIR = /(^|\/)(k8s|kube|kubernetes|manifests|deploy|deployments?|charts|helm|kustomize|overlays|base)\//i

export function classifyKind(path: string): FileKind {
  const lowerPath = path.toLowerCase()
  const name = lowerPath.slice(lowerPath.lastIndexOf('/') + 1)
  if (MANIFESTS.has(name) || /^(requirements|constraints)([-_.][\w.-]*)?\.txt$/.test(name)) return 'manifest'
  const dotExt = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  // Dockerfile.prod is a Dockerfile; dockerfile.ts (a parser for them) is source code.
  const sourceExt = dotExt in LANG_BY_EXT
  if (name === 'dockerfile' || (name.startsWith('dockerfile.') && !sourceExt) || name.endsWith('.dockerfile') || name === 'containerfile') return 'dockerfile'
  if (name === 'procfile' || (name.startsWith('procfile.') && !sourceExt)) return 'procfile'
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'dotenv'
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  if (ext === 'yml' || ext === 'yaml') {
    if (/^\.github\/workflows\//.test(lowerPath) || /\/\.github\/workflows\//.test(lowerPath)) return 'workflow'
    if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return 'compose'
    if (K8S_DIR.test(lowerPath)) return 'kubernetes'
    return 'yaml'
  }
  if (LANG_BY_EXT[ext]) return 'source'
  switch (ext) {
    case 'json':
      return 'json'
    case 'properties':
      return 'properties'
    case 'toml':
      return 'toml'
    case 'ini':
    case 'cfg':
    case 'conf':
      return 'ini'
    case 'xml':
      return 'xml'
    case 'md':
    case 'markdown':
    case 'mdx':
    case 'rst':
      return 'markdown'
    default:
  }
  if (name === 'gemfile' || name === 'rakefile') return 'source'
  return 'other'
}

export function classifyLanguage(path: string): Language {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  if (LANG_BY_EXT[ext]) return LANG_BY_EXT[ext]
  if (name === 'gemfile' || name === 'rakefile' || name === 'guardfile') return 'ruby'
  if (name === 'entrypoint' || name === 'docker-entrypoint') return 'shell'
  return 'none'
}

// Test code, test runner setup and test-only config: never deployed, so never judged as the app.
const TEST_DIR =
  /(^|\/)(__tests__|__mocks__|__snapshots__|tests?|spec|specs|testdata|test-data|fixtures?|__fixtures__|e2e|cypress|playwright|mocks?|testing|testutils?|test[-_](utils?|helpers?|support)|jest|\.storybook|src\/test)\//i
const TEST_FILE = new RegExp(
  '(^|/)(' +
    [
      'test_[^/]*\\.py', 'tests?\\.(py|[cm]?[jt]s)', 'features/(step_definitions|support)/[^/]+', '[^/]*\\.feature', '[^/]*_test\\.(py|go|rb|[cm]?[jt]sx?)', '[^/]*\\.(test|spec|e2e-spec|e2e|stories|story)\\.[cm]?[jt]sx?',
      '[^/]*\\.stories\\.mdx', '[^/]*_spec\\.rb', 'conftest\\.py', 'mock_[^/]*\\.go', '[^/]*_mock\\.go',
      // runner setup and config
      '(jest|vitest|cypress|playwright)(\\.[\\w-]+)?\\.(config|setup|workspace)\\.[cm]?[jt]s', '(jest|vitest)\\.setup[\\w.-]*\\.[cm]?[jt]s',
      'setup-?tests\\.[cm]?[jt]sx?', 'test-?utils\\.[cm]?[jt]sx?', 'karma\\.conf\\.[cm]?js', '\\.mocharc(\\.[\\w]+)?',
      'pytest\\.ini', 'tox\\.ini', 'noxfile\\.py',
      // test-only environment and config files
      '\\.env\\.(test|testing|ci|e2e)(\\.[\\w.-]+)?', 'config/(test|testing|ci|e2e)(\\.[\\w-]+)?\\.(json|ya?ml|[cm]?[jt]s|toml)',
      '(application|bootstrap)-(test|ci|it|e2e|integration-?test)\\.(ya?ml|properties)', 'config/environments/(test|ci)\\.rb',
      // images and stacks that run the test suite
      'dockerfile\\.(test|tests|ci|e2e)', '(test|tests|ci|e2e)\\.dockerfile', '(docker-)?compose[.-](test|tests|ci|e2e)\\.ya?ml'
    ].join('|') +
    ')$',
  'i'
)
/** JVM test source sets and class names: case-sensitive, so Manifest.java and Latest.java stay app code. */
const JVM_TEST = /(^|\/)src\/(test|it|integrationTest|intTest|functionalTest|testFixtures|jvmTest|commonTest|androidTest|testIntegration)\/(java|kotlin|groovy|scala|resources)\/|(^|\/)([A-Z]\w*)?(Test|Tests|TestCase)\.(java|kt|groovy|scala)$|(^|\/)[A-Z]\w*[a-z0-9](IT|ITCase)\.(java|kt|groovy|scala)$/

/** Is this path test code, a test runner's setup/config, or test-only config? */
export function isTestFilePath(path: string): boolean {
  return TEST_DIR.test(path) || TEST_FILE.test(path) || JVM_TEST.test(path)
}

const DOCS_PATH = /(^|\/)(docs?|documentation|site|website)\//i
const EXAMPLE_NAME = /(^|[./_-])(example|examples|sample|samples|template|templates|dist|tpl|default|defaults)([./_-]|$)/i
const EXAMPLE_PATH = /(^|\/)(examples?|samples?)\//i
const DEV_NAME = /(^|[./_-])(dev|development|local)([./_-]|$)/i
/** Local-cluster and dev-loop folders: Kustomize dev/local overlays, kind, minikube, Tilt, dev containers. */
const DEV_PATH = /(^|\/)(overlays\/(dev|development|local)|kind|minikube|tilt|\.devcontainer)\/|(^|\/)(tiltfile|(kind|minikube)([-_.][\w-]+)?\.ya?ml)$/i

export function classifyRole(path: string, kind: FileKind): FileRole {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (isTestFilePath(path)) return 'test'
  if (kind === 'markdown' || DOCS_PATH.test(path)) return 'docs'
  if (EXAMPLE_PATH.test(path)) return 'example'
  // .env.example, config.sample.yml, settings.template.py; 'dist' as in .env.dist
  if ((kind === 'dotenv' || kind === 'yaml' || kind === 'json' || kind === 'properties' || kind === 'ini' || kind === 'toml') && EXAMPLE_NAME.test(name)) return 'example'
  if (kind === 'dotenv' && /\.(example|sample|template|dist|tpl|defaults?)$/i.test(name)) return 'example'
  if (kind === 'compose') {
    // Compose files are for local development unless named for production.
    return /(prod|production|staging|release)/i.test(name) ? 'app' : 'dev'
  }
  if ((DEV_NAME.test(name) || DEV_PATH.test(path)) && kind !== 'source') return 'dev'
  return 'app'
}
