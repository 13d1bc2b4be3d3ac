// TF0309: GitHub workflow env:/with: entries that hold a literal credential instead of
// ${{ secrets.X }}. Service containers and job containers (CI's throwaway databases) are exempt.
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import { yamlEntries } from '../../parsers/yaml.js'
import { isRealSecret } from './secret-assignment.js'
import { envName } from './secret-patterns.js'

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
    for (const e of yamlEntries(file)) {
      const parent = e.path[e.path.length - 2]
      if ((parent !== 'env' && parent !== 'with') || e.path.includes('services') || e.path.includes('container')) continue
      const v = e.value === null ? '' : String(e.value)
      if (!isRealSecret(e.key, v)) continue
      report({
        ...file.position(e.offset + (e.quoted ? 1 : 0)),
        message: `${parent}: ${e.key} is the literal ${redact(v)}`,
        remediation: `Store it as a secret and use \${{ secrets.${envName(e.key)} }}; rotate the committed value.`,
        secret: v
      })
    }
  }
}
