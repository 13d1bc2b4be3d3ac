// TF0101 (notice): the audited folder is not a git checkout, so the codebase cannot be tied to one
// repository and revision, and the git-index checks (TF0102) cannot run.
import type { Rule } from '../../engine/rule.js'
import { appManifests } from '../shared/dependency-manifests.js'

export const notVersionControlled: Rule = {
  meta: {
    id: 'TF0101',
    name: 'not-version-controlled',
    factor: 'I',
    severity: 'notice',
    summary: 'The audited folder is not a git checkout (no .git): a copy of a codebase, not the codebase.',
    why:
      'Factor I: there is exactly one codebase tracked in revision control, and every deploy is a revision of it. A folder without version control (a tarball, a copied directory) cannot be traced back to a revision, and this audit cannot tell committed files from local ones.',
    remediation: 'Audit a git checkout: in GitHub Actions run actions/checkout before the audit; locally run it inside the repository (git init, or clone the repository).'
  },
  checkRepo(repo, report) {
    if (repo.git.isRepo || repo.files.length === 0) return
    // Point at the root manifest when there is one, else at the first file.
    const anchor = appManifests(repo, /./).find((f) => !f.path.includes('/'))?.path ?? repo.files[0].path
    report({
      file: anchor,
      line: 1,
      message: 'The audited folder is not a git checkout: deploys cannot be traced to a revision, and committed build output or dependencies (TF0102) cannot be checked',
      remediation: 'Run the audit on a git checkout (actions/checkout in a workflow, or inside the cloned repository).'
    })
  }
}
