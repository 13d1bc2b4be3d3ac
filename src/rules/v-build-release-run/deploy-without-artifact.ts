// TF0504: a deploy job that builds and then copies the build output straight to servers (rsync,
// scp, FTP) without producing a versioned artifact: the release exists only on the servers.
import type { Rule } from '../../engine/rule.js'
import { workflowOf } from '../../parsers/workflow.js'
import { codeLines } from '../shared/v-viii-commands.js'

const BUILD = /\b(?:npm|pnpm|yarn)\s+(?:run\s+)?build\b|\bmvn\w*\s+[^\n]*\bpackage\b|\bgradlew?\s+[^\n]*\b(?:build|assemble|bootJar)\b|\bgo\s+build\b|\bhugo\b|\bjekyll\s+build\b|\bdotnet\s+publish\b|\bcomposer\s+install\b|\bbundle\s+exec\s+(?:rails|rake)\s+assets:precompile\b/
const COPY_RUN = /(?:^|[\s;&|])(?:rsync|scp|sftp|lftp)\s[^\n]*\S+@?[\w.-]*:\S*/
const COPY_ACTION = /^(?:SamKirkland\/FTP-Deploy-Action|easingthemes\/ssh-deploy|burnett01\/rsync-deployments|appleboy\/scp-action|wlixcc\/SFTP-Deploy-Action|Pendect\/action-rsyncer|AEnterprise\/rsync-deploy)@/i
const ARTIFACT = /actions\/upload-artifact|docker\/build-push-action|\bdocker\s+push\b|\bpodman\s+push\b|\bgh\s+release\b|softprops\/action-gh-release|\bnpm\s+publish\b|\bmvn\w*\s+[^\n]*\bdeploy\b|\baws\s+s3\s+cp\s+[^\n]*\.(?:tar|tgz|zip|jar|war)\b|\b(?:tar|zip)\s[^\n]*(?:github\.sha|GITHUB_SHA|VERSION|\bv?\d+\.\d+)|\bjf\s+rt\s+upload\b|\bcurl\s[^\n]*--upload-file\b/

export const deployWithoutArtifact: Rule = {
  meta: {
    id: 'TF0504',
    name: 'deploy-without-artifact',
    factor: 'V',
    severity: 'warning',
    summary: 'A deploy job builds and copies the output straight to servers without producing a versioned artifact.',
    why: 'A release is a build combined with config under a unique id, kept so it can be redeployed or rolled back. Building in the deploy job and rsyncing the output onto servers leaves no artifact: the only copy of the release is whatever is on the servers now, a rollback means rebuilding an old commit, and two servers can end up with different builds.',
    remediation: 'Make the build produce a versioned artifact (an image pushed as `ghcr.io/acme/web:${{ github.sha }}`, or `actions/upload-artifact` / a release archive named by the commit), then deploy that artifact by id.'
  },
  files: { kinds: ['workflow'], roles: ['app'] },
  keywords: ['rsync', 'scp', 'sftp', 'ftp', 'ssh-deploy'],
  check(file, report) {
    const wf = workflowOf(file)
    const lines = codeLines(file)
    const jobs = [...wf.jobs].sort((a, b) => a.line - b.line)
    jobs.forEach((job, i) => {
      const end = i + 1 < jobs.length ? jobs[i + 1].line - 1 : lines.length
      const text = lines.slice(job.line - 1, end).join('\n')
      const deployish = job.environment !== undefined || /deploy|release|prod|publish|ship/i.test(job.id)
      if (!deployish || !BUILD.test(text) || ARTIFACT.test(text)) return
      for (const step of job.steps) {
        const copyAction = step.uses !== undefined && COPY_ACTION.test(step.uses)
        let line = step.line
        let token = step.uses?.split('@')[0] ?? ''
        if (!copyAction) {
          if (!step.run) continue
          let found = false
          for (let n = step.line; n <= Math.min(end, step.line + step.run.split('\n').length + 1); n++) {
            const m = COPY_RUN.exec(lines[n - 1] ?? '')
            if (m) {
              line = n
              token = m[0].trim().split(/\s+/)[0]
              found = true
              break
            }
          }
          if (!found) continue
        }
        const at = file.line(line).indexOf(token)
        report({
          line,
          ...(at >= 0 ? { column: at + 1 } : {}),
          message: `job "${job.id}" builds and ships the output with ${token} without producing a versioned artifact`
        })
        return
      }
    })
  }
}
