// TF0309: GitHub workflow env:/with: entries that hold a literal credential instead of
// ${{ secrets.X }}. Service containers and job containers (CI's throwaway databases) are exempt, and
// so is the job's client side of them (the same password in DATABASE_URL/PGPASSWORD), Stripe test-mode
// keys, the throwaway accounts a test run logs in with (TEST_USER_PASSWORD, E2E_*, CI_*), and the
// signing secret the app under test is started with in a test job (SECRET_KEY_BASE, JWT_SECRET).
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import type { SourceFile } from '../../engine/source-file.js'
import { yamlEntries } from '../../parsers/yaml.js'
import { isRealSecret } from './secret-assignment.js'
import { envName, workflowServiceSecrets } from './secret-patterns.js'

/** The accounts a test run logs in with: TEST_USER_PASSWORD, E2E_ADMIN_TOKEN, CI_PASSWORD, cypressPassword. */
const TEST_ACCOUNT = /^(test|tests|e2e|ci|cypress|playwright|qa)[_.-]/i
const TEST_ACCOUNT_CAMEL = /^(test|e2e|ci|cypress|playwright|qa)[A-Z]/
/** Secrets the app itself signs with (not a provider's credential): throwaway when a test job starts the app. */
const APP_SIGNING = /^(DJANGO_|FLASK_|RAILS_|APP_)?(SECRET_KEY_BASE|SECRET_KEY|JWT_SECRET(_KEY)?|SESSION_SECRET|COOKIE_SECRET|APP_KEY|NEXTAUTH_SECRET|AUTH_SECRET|SIGNING_KEY)$/i
/** A step that runs a test suite. */
const TEST_COMMAND = /\b(test|tests|pytest|rspec|jest|vitest|mocha|phpunit|tox|nox|cypress|playwright|cucumber|behave)\b|\bmanage\.py\s+test\b|\b(mvn|mvnw|gradle|gradlew)\b[^\n]{0,80}\b(verify|test|check)\b/

export const workflowLiteralSecret: Rule = {
  meta: {
    id: 'TF0309',
    name: 'workflow-literal-secret',
    factor: 'III',
    severity: 'error',
    summary: 'A GitHub Actions workflow passes a literal credential in env: or with: instead of ${{ secrets.X }}.',
    why:
      'Workflows are code in the repository; credentials are config kept outside it. A literal token in a workflow ' +
      'is readable by anyone who can read the repository (and by every fork), and cannot be rotated without a commit.',
    remediation: 'Store the value as a repository or environment secret and reference it: ${{ secrets.NAME }}.',
    // a provider credential (AWS secret key, GitHub token) is TF0301's on that line: one token, one finding
    deferTo: ['TF0301']
  },
  files: { kinds: ['workflow'] },
  keywords: ['env', 'with'],
  check(file, report) {
    const serviceSecrets = workflowServiceSecrets(file)
    const tests = testJobs(file)
    for (const e of yamlEntries(file)) {
      const parent = e.path[e.path.length - 2]
      if ((parent !== 'env' && parent !== 'with') || e.path.includes('services') || e.path.includes('container')) continue
      const v = e.value === null ? '' : String(e.value)
      if (!isRealSecret(e.key, v) || serviceSecrets.has(v) || /^(sk|rk)_test_/.test(v) || TEST_ACCOUNT.test(e.key) || TEST_ACCOUNT_CAMEL.test(e.key)) continue
      if (APP_SIGNING.test(e.key) && (e.path[0] === 'jobs' ? tests.jobs.has(String(e.path[1])) : tests.all)) continue
      report({
        ...file.position(e.offset + (e.quoted ? 1 : 0)),
        message: `${parent}: ${e.key} is the literal ${redact(v)}`,
        remediation: `Store it as a secret and use \${{ secrets.${envName(e.key)} }}; rotate the committed value.`,
        secret: v
      })
    }
  }
}

/** Jobs that run a test suite: they have service containers, or a step runs a test command. */
function testJobs(file: SourceFile): { jobs: Set<string>; all: boolean } {
  const jobs = new Set<string>()
  const all = new Set<string>()
  for (const e of yamlEntries(file)) {
    if (e.path[0] !== 'jobs' || e.path.length < 3) continue
    const job = String(e.path[1])
    all.add(job)
    if (e.path[2] === 'services' || (e.key === 'run' && e.path[2] === 'steps' && TEST_COMMAND.test(String(e.value ?? '')))) jobs.add(job)
  }
  return { jobs, all: all.size > 0 && [...all].every((j) => jobs.has(j)) }
}
