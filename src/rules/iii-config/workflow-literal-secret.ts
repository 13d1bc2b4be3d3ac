// TF0309: GitHub workflow env:/with: entries that hold a literal credential instead of
// ${{ secrets.X }}. Service containers and job containers (CI's throwaway databases) are exempt, and
// so is the job's client side of them (the same password in DATABASE_URL/PGPASSWORD), Stripe test-mode
// keys, and the throwaway accounts a test run logs in with (TEST_USER_PASSWORD, E2E_*, CI_*).
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import { yamlEntries } from '../../parsers/yaml.js'
import { isRealSecret } from './secret-assignment.js'
import { envName, workflowServiceSecrets } from './secret-patterns.js'

/** The accounts a test run logs in with: TEST_USER_PASSWORD, E2E_ADMIN_TOKEN, CI_PASSWORD, cypressPassword. */
const TEST_ACCOUNT = /^(test|tests|e2e|ci|cypress|playwright|qa)[_.-]/i
const TEST_ACCOUNT_CAMEL = /^(test|e2e|ci|cypress|playwright|qa)[A-Z]/

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
    remediation: 'Store the value as a repository or environment secret and reference it: ${{ secrets.NAME }}.'
  },
  files: { kinds: ['workflow'] },
  keywords: ['env', 'with'],
  check(file, report) {
    const serviceSecrets = workflowServiceSecrets(file)
    for (const e of yamlEntries(file)) {
      const parent = e.path[e.path.length - 2]
      if ((parent !== 'env' && parent !== 'with') || e.path.includes('services') || e.path.includes('container')) continue
      const v = e.value === null ? '' : String(e.value)
      if (!isRealSecret(e.key, v) || serviceSecrets.has(v) || /^(sk|rk)_test_/.test(v) || TEST_ACCOUNT.test(e.key) || TEST_ACCOUNT_CAMEL.test(e.key)) continue
      report({
        ...file.position(e.offset + (e.quoted ? 1 : 0)),
        message: `${parent}: ${e.key} is the literal ${redact(v)}`,
        remediation: `Store it as a secret and use \${{ secrets.${envName(e.key)} }}; rotate the committed value.`,
        secret: v
      })
    }
  }
}
