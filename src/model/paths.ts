// The deploy model's path vocabulary: what a file's path alone says about where it runs. This is
// the only place that knows dev, test, CI, example, docs and build-tool path words; the deploy model
// (deploy-model.ts) refines these answers with what the repository's deploy files say, and rules
// ask the model, never a list of their own.
import type { FileKind, FileRole } from '../engine/types.js'

/**
 * Where a file or block applies. `production` is the deployed app; `dev` a developer's machine
 * (local stacks, dev loops, seed data, build tooling); `test` the test suite; `ci` a CI job's
 * container or config; `docs` and `example` are read by people, never run.
 */
export type Environment = 'production' | 'dev' | 'test' | 'ci' | 'docs' | 'example'

/** The role a file gets from its environment (the rule selectors speak roles). */
export function roleOfEnvironment(env: Environment): FileRole {
  switch (env) {
    case 'production':
      return 'app'
    case 'test':
    case 'ci':
      return 'test'
    case 'docs':
      return 'docs'
    case 'example':
      return 'example'
    default:
      return 'dev'
  }
}

// Test code, test runner setup and test-only config: never deployed, so never judged as the app.
const TEST_DIR =
  /(^|\/)(__tests__|__mocks__|__snapshots__|tests?|spec|specs|testdata|test-data|fixtures?|__fixtures__|e2e|e2e[-_]tests?|integration[-_]tests?|cypress|playwright|mocks?|testing|testutils?|test[-_](utils?|helpers?|support)|jest|\.storybook|src\/test)\//i
const TEST_FILE = new RegExp(
  '(^|/)(' +
    [
      'test_[^/]*\\.(py|sh|bash)', '[^/]*_test\\.(sh|bash)', 'tests?\\.(py|[cm]?[jt]s)', 'features/(step_definitions|support)/[^/]+', '[^/]*\\.feature', '[^/]*_test\\.(py|go|rb|[cm]?[jt]sx?)', '[^/]*\\.(test|spec|e2e-spec|e2e|stories|story)\\.[cm]?[jt]sx?',
      '[^/]*\\.stories\\.mdx', '[^/]*_spec\\.rb', 'conftest\\.py', 'mock_[^/]*\\.go', '[^/]*_mock\\.go',
      // runner setup and config
      '(jest|vitest|cypress|playwright)(\\.[\\w-]+)?\\.(config|setup|workspace)\\.[cm]?[jt]s', '(jest|vitest)\\.setup[\\w.-]*\\.[cm]?[jt]s',
      'setup-?tests\\.[cm]?[jt]sx?', 'test-?utils\\.[cm]?[jt]sx?', 'karma\\.conf\\.[cm]?js', '\\.mocharc(\\.[\\w]+)?',
      'pytest\\.ini', 'tox\\.ini', 'noxfile\\.py',
      // test-only environment and config files
      '\\.env\\.(test|testing|ci|e2e)(\\.[\\w.-]+)?', 'config/(test|testing|ci|e2e)(\\.[\\w-]+)?\\.(json|ya?ml|[cm]?[jt]s|toml)',
      '(application|bootstrap)-(test|ci|it|e2e|integration-?test)\\.(ya?ml|properties)', 'config/environments/(test|ci)\\.rb',
      // images and stacks that run the test suite or a CI job
      'dockerfile\\.(test|tests|ci|e2e|junit|lint)', '(test|tests|ci|e2e|junit)\\.dockerfile', '(docker-)?compose[.-](test|tests|ci|e2e)\\.ya?ml'
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

/** A path under a test/spec folder or a test-named file (isTestFilePath plus looser name shapes: test-helpers.js, spec_utils.rb). */
export function isTestPath(path: string): boolean {
  return isTestFilePath(path) || /(^|\/)(tests?|spec|__tests__|testing|fixtures?|test[-_]?(utils?|helpers?|support)|testutils|testhelpers)(\/|$)|(^|[/_.-])(test|spec|conftest)[_.-][^/]*$|_test\.[a-z]+$/i.test(path)
}

const CI_CONFIG = /(^|\/)[\w-]+[._-](ci|e2e)\.(ya?ml|json|toml|properties)$/i
const DOCS_PATH = /(^|\/)(docs?|documentation|site|website)\//i
const EXAMPLE_NAME = /(^|[./_-])(example|examples|sample|samples|template|templates|dist|tpl|default|defaults)([./_-]|$)/i
/** node-config and friends: config/default.json is the config the app loads, not a template. */
const LOADED_DEFAULT_CONFIG = /(^|\/)config\/default(\.(?!(example|sample|template|dist|tpl)\b)[\w-]+)?\.(json5?|ya?ml|toml|[cm]?js|properties)$/i
const EXAMPLE_DIR = /(^|\/)(examples?|samples?)\//gi
/** Source sets whose folders are package segments (com/example/demo), never documentation folders. */
const PACKAGE_ROOT = /(^|\/)src\/(main|test|it|integrationTest|testFixtures|commonMain|jvmMain)\/(java|kotlin|scala|groovy|resources)\//
/** Reverse-domain package roots: com/example, org/springframework/samples. */
const REVERSE_DOMAIN = /(^|\/)(com|org|net|io|dev|de|fr|nl|uk|me|app|co|edu|gov)\/([\w-]+\/)*$/

/** Is a folder of examples or samples on this path (a documentation folder, not a Java/Kotlin package segment)? */
export function isExamplePath(path: string): boolean {
  EXAMPLE_DIR.lastIndex = 0
  for (let m = EXAMPLE_DIR.exec(path); m; m = EXAMPLE_DIR.exec(path)) {
    const before = path.slice(0, m.index + m[1].length)
    if (PACKAGE_ROOT.test(before) || REVERSE_DOMAIN.test(before)) continue // com/example/..., src/main/java/.../samples/...
    return true
  }
  return false
}

const DEV_NAME = /(^|[./_-])(dev|development|local)([./_-]|$)/i
/** Local-cluster and dev-loop folders: Kustomize dev/local overlays, kind, minikube, Tilt, dev containers. */
const DEV_PATH = /(^|\/)(overlays\/(dev|development|local)|kind|minikube|tilt|dev-tilt|\.devcontainer)\/|(^|\/)(tiltfile|(kind|minikube)([-_.][\w-]+)?\.ya?ml)$/i
/** Images for a developer's loop: Dockerfile.dev, Dockerfile.tilt, Dockerfile.ui.tilt, debug.Dockerfile. */
const DEV_DOCKERFILE = /(^|\/)(dockerfile([._-][\w-]+)*[._-](dev|development|local|debug|tilt|devcontainer)|(dev|development|local|debug|tilt)\.dockerfile|[\w.-]+\.tilt)$/i
/** Local process managers' Procfiles: Procfile.dev (foreman, overmind), Procfile.windows (heroku local on Windows). */
const DEV_PROCFILE = /(^|\/)procfile[._-](dev|development|local|windows|win|test|e2e|debug)$/i
/** Seed and sample data: db/seeds/, seed.ts, seed-data/, populate.rb (rows a developer loads, not config). */
const SEED_PATH = /(^|\/)(seed[-_]data|sample[-_]data|demo[-_]data|fake[-_]data)\/|(^|\/)src\/(seed|seeds|seeders)\/|(^|\/)(db|scripts?)\/populate[\w-]*\.(rb|py|[cm]?[jt]s)$/i
/** Scaffolding CLIs (create-next-app style generators): run once on a developer's machine. */
const SCAFFOLD_PATH = /(^|\/)create-[\w-]+-app\//i
/** Build-tool and linter configs: run at build time or in an editor, never in the deployed process. */
const BUILD_TOOL_FILE =
  /(^|\/)(\.?(webpack|vite|vitest|rollup|babel|tsup|esbuild|postcss|tailwind|prettier|eslint|stylelint|commitlint|lint-staged|svelte|astro|turbo|metro|craco)(\.[\w-]+)?\.config(\.[\w-]+)?\.[cm]?[jt]s|webpack[._-][\w.-]*\.[cm]?[jt]s|(gulpfile|gruntfile)\.[cm]?[jt]s|\.(prettierrc|eslintrc|babelrc|stylelintrc|lintstagedrc)(\.\w+)?)$/i
/** Code generators' configs (MyBatis Generator): read on a developer's machine to write code, never at run time. */
const GENERATOR_CONFIG = /(^|\/)(generator\.properties|generatorConfig\.xml|mybatis-generator[\w.-]*\.(xml|properties))$/i
/** Angular's per-build-mode environment files: the build swaps one in for another, no deploy reads them. */
const BUILD_MODE_FILE = /(^|\/)src\/environments\/environment(\.[\w-]+)?\.ts$/

/** Is this a build-tool, linter or build-mode file (webpack.config.js, .prettierrc.js, src/environments/environment.prod.ts)? */
export function isBuildToolFile(path: string): boolean {
  return BUILD_TOOL_FILE.test(path) || BUILD_MODE_FILE.test(path)
}

/** A folder of development-only deploy files: docker/dev/Dockerfile, .docker/local/Dockerfile, development/Procfile. */
export function isDevFolder(path: string): boolean {
  return /(^|\/)(dev|development|local)\//i.test(path)
}

/** Shell scripts for a developer's machine: docker-entrypoint-local.sh, run_dev.sh. */
const DEV_SCRIPT = /(^|\/)[\w.-]*[._-](local|dev|development|debug)\.(sh|bash)$/i

/**
 * The environment a path alone implies (before the deploy files are read). Compose files are
 * local stacks unless named for production; dotenv and config files named example/sample/template
 * are templates.
 */
export function pathEnvironment(path: string, kind: FileKind): Environment {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (isTestFilePath(path)) return 'test'
  // secrets_ci.yml, database.e2e.json: config for a CI or end-to-end run (workflows are judged as CI config by their own rules)
  if (kind !== 'workflow' && CI_CONFIG.test(path)) return 'ci'
  if (kind === 'markdown' || DOCS_PATH.test(path)) return 'docs'
  if (isExamplePath(path)) return 'example'
  const config = kind === 'dotenv' || kind === 'yaml' || kind === 'json' || kind === 'properties' || kind === 'ini' || kind === 'toml'
  // .env.example, config.sample.yml, settings.template.py; 'dist' as in .env.dist
  if (config && EXAMPLE_NAME.test(name) && !LOADED_DEFAULT_CONFIG.test(path)) return 'example'
  if (kind === 'dotenv' && /\.(example|sample|template|dist|tpl|defaults?)$/i.test(name)) return 'example'
  if (kind === 'compose') return /(prod|production|staging|release)/i.test(name) ? 'production' : 'dev'
  if (kind === 'dockerfile' && DEV_DOCKERFILE.test(path)) return 'dev'
  if ((kind === 'dockerfile' || kind === 'procfile') && isDevFolder(path)) return 'dev'
  if (kind === 'procfile' && DEV_PROCFILE.test(path)) return 'dev'
  if (SEED_PATH.test(path) || SCAFFOLD_PATH.test(path) || BUILD_TOOL_FILE.test(path) || GENERATOR_CONFIG.test(path)) return 'dev'
  if (kind === 'source' && DEV_SCRIPT.test(path)) return 'dev'
  if ((DEV_NAME.test(name) || DEV_PATH.test(path)) && kind !== 'source') return 'dev'
  return 'production'
}

/** The role a path alone implies. */
export function pathRole(path: string, kind: FileKind): FileRole {
  return roleOfEnvironment(pathEnvironment(path, kind))
}

// ---- Narrower questions some rules ask about a path (each one answer of the vocabulary above) ----

/** Config that only development or tests use: application-dev.yml, settings/local.py, settings/dev_docker.py, settings/e2e.py, logback-dev.xml, config/environments/development.rb. */
export function isDevOnlyPath(path: string): boolean {
  return /(^|[/._-])(dev|development|local|debug|test|testing|e2e)([/._-]|$)/i.test(path)
}

/** Files named for development or tests (settings_dev.py, config/environments/test.rb, application-local.yml). */
export function isDevOrTestName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return (
    /(^|[._-])(dev|devel|development|local|test|tests|testing|ci|e2e|spec)([._-]|$)/i.test(name) ||
    // JVM integration tests (Failsafe `*IT.java`, `*IntegrationTest.kt`) and Gradle test source sets (src/integrationTest/...).
    /[a-z0-9](IT|ITCase|IntegrationTests?)\.(java|kt|groovy|scala)$/.test(name) ||
    /(^|\/)src\/(integrationTest|intTest|it|testFixtures|functionalTest)\//.test(path) ||
    // Go/JS test-helper packages: internal/testutil/db.go, pkg/testhelpers/redis.go
    /(^|\/)(testutils?|testhelpers?|testsupport|testfixtures|testing)\//.test(path)
  )
}

/** Settings files meant for development or tests (settings/dev.py, settings/dev_docker.py, settings/e2e.py, local_settings.py, test_settings.py). */
export function isDevSettings(path: string): boolean {
  return (
    /(^|[/_.-])(dev|development|local|test|tests|testing|ci)(_settings)?\.py$/i.test(path) ||
    /(^|\/)(local|test|dev)_?settings\.py$/i.test(path) ||
    /(^|\/)settings\/(dev|development|local|debug|test|tests|testing|e2e|ci)([_.-][^/]*)?\.py$/i.test(path)
  )
}

/** Test-runner setup and config: jest.setup.js, setupTests.ts, vitest.config.ts, playwright.config.ts, cypress.config.js. */
const TEST_RUNNER_FILE = /(^|\/)((jest|vitest|playwright|cypress|karma|wdio|ava|mocha)[.-](setup|config|globals?|env)[^/]*|setup-?tests|test-?setup|\.mocharc[^/]*)\.[cm]?[jt]sx?$/i

/** Files that only a developer's machine, a dev container or the test suite loads. */
export function isDevOrTestSupportPath(path: string): boolean {
  return (
    TEST_RUNNER_FILE.test(path) ||
    /(^|\/)\.devcontainer\//.test(path) ||
    /(^|\/)tests?\.py$|\.(cy|e2e|e2e-spec)\.[cm]?[jt]sx?$/.test(path) || // Django's app/tests.py, Cypress *.cy.ts, *.e2e.ts
    /(^|\/)config\/(development|dev|local|test)\.[cm]?[jt]s$|(^|\/)[^/]*[._-](local|development)\.[cm]?[jt]s$/.test(path) || // node-config, config.local.js
    /(^|\/)config\/environments\/(development|test)\.rb$/.test(path) || // Rails
    /(^|\/)db\/seeds\/(development|test|dev)(\/|\.rb$)/.test(path) || // per-environment seeds
    SEED_PATH.test(path) ||
    isDevSettings(path) || // Django/Flask settings modules
    /(^|\/)\.storybook\/|\.stories\.[jt]sx?$|\.stories\.mdx$/.test(path) // Storybook demo data
  )
}

/** settings_local_example.py, config.sample.js: templates to copy, not deployed code. */
export function isTemplatePath(path: string): boolean {
  return /(^|[/_.-])(example|sample|template|tpl|dist)([._-][^/]*)?$/i.test(path.slice(path.lastIndexOf('/') + 1))
}
