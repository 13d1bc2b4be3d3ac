// TF0503: releases shipped under a mutable name: no tag, `:latest`, a branch or a variant-only tag
// as the image a deploy manifest runs (Kubernetes, Swarm stacks, deploy compose files, Elastic
// Beanstalk), a committed .env tag variable they read, kustomize newTag, and deploy workflows.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { parseImageRef } from '../../parsers/image-ref.js'
import { workflowOf } from '../../parsers/workflow.js'
import { yamlEntries, yamlOf } from '../../parsers/yaml.js'
import { collectDeployImageFacts, mutableDeployImages } from '../shared/deploy-images.js'
import { codeLines, isNonProductionPath } from '../shared/v-viii-commands.js'

const MUTABLE = new Set(['latest', 'main', 'master', 'develop', 'development', 'dev', 'staging', 'stage', 'prod', 'production', 'stable', 'edge', 'nightly', 'trunk', 'head'])
/** `<name>:<mutable tag>` inside a command; the name may be an expression (`${{ env.IMAGE }}`). */
const TAG_IN_TEXT = /[\w.}-]:(latest|main|master|develop|development|staging|production|stable|edge|nightly|trunk)(?=$|[\s"',;)\]])/gi
const IMMUTABLE_EVIDENCE = /github\.sha|GITHUB_SHA|github\.run_(?:number|id)|rev-parse|metadata-action|steps\.[\w-]+\.outputs\.(?:tags|version|sha|tag)|github\.ref_name|GITHUB_REF_NAME|github\.event\.release|\$\{?(?:TAG|VERSION|IMAGE_TAG|SHA|GIT_SHA|COMMIT_SHA|SHORT_SHA|RELEASE)\b|env\.(?:TAG|VERSION|IMAGE_TAG|SHA|GIT_SHA|RELEASE)\b|:v?\d+\.\d+\.\d+/i
const DEPLOY_CMD = /\bkubectl\s+set\s+image\b|\bgcloud\s+(?:run|app)\s+deploy\b|\baz\s+(?:webapp|containerapp|container)\b|\bdocker\s+service\s+(?:update|create)\b|\bfly(?:ctl)?\s+deploy\b|\bhelm\s+(?:upgrade|install)\b|\becs-deploy\b|\bnomad\s+job\b/
const SERVER_PULL = /\bdocker(?:-compose|\s+compose)?\s+(?:pull|run)\b/
const PUSH_CMD = /\bdocker\s+(?:push|tag|build|buildx)\b|\bpodman\s+(?:push|build)\b/
const DEPLOY_WITH_KEYS = new Set(['image', 'images', 'container-image', 'image-name', 'container_image'])

const FIX = 'Tag every release with something unique and immutable, e.g. the commit SHA (`ghcr.io/acme/web:${{ github.sha }}`) or a version, deploy that exact tag (or the `@sha256:` digest), and keep `latest` at most as an extra convenience alias.'

function isMutable(ref: string): string | undefined {
  // The repository part may be an expression (`ghcr.io/${{ github.repository }}:latest`); the tag may not.
  const t = ref.trim()
  const after = t.lastIndexOf('}}') === -1 ? t : t.slice(t.lastIndexOf('}}') + 2)
  if (/[${}<>]/.test(after) || t.includes('@')) return undefined
  const m = /:([\w.-]+)$/.exec(after)
  if (!m || (after === t && parseImageRef(t).tag === undefined)) return undefined
  return MUTABLE.has(m[1].toLowerCase()) ? m[1] : undefined
}

export const mutableReleaseTag: Rule = {
  meta: {
    id: 'TF0503',
    name: 'mutable-release-tag',
    factor: 'V',
    severity: 'warning',
    summary: 'A deploy manifest (Kubernetes, Swarm stack, deploy compose, Elastic Beanstalk) or deploy workflow runs an image with no tag, `latest`, or another moving tag instead of a unique release id.',
    why: 'Every release should have a unique, immutable id so it can be traced and rolled back. No tag, `:latest` or `:main` names whatever was pushed last: two nodes can pull different builds for one "release", and rolling back means rebuilding instead of redeploying a known artifact.',
    remediation: FIX
  },
  // Compose files are offered whatever their role: whether one deploys is decided from its content.
  files: { kinds: ['kubernetes', 'compose', 'workflow', 'yaml', 'json', 'dotenv', 'other', 'source'], roles: ['app', 'dev'] },
  keywords: ['image', 'docker', 'kubectl', 'helm', 'gcloud', 'newtag', 'latest', 'tag', 'version'],
  check(file, report, ctx) {
    const script = file.language === 'shell' || (file.kind === 'other' && /^#!.*\b(ba|z|da)?sh\b/.test(file.text.slice(0, 80)))
    if ((script || file.kind === 'workflow') && file.role === 'app' && !isNonProductionPath(file.path)) checkRemoteApply(file, report)
    if (file.kind === 'source' || script) return
    if (file.kind === 'workflow') {
      if (file.role === 'app' && !isNonProductionPath(file.path)) checkWorkflow(file, report)
      return
    }
    if (/(^|\/)kustomization\.ya?ml$/i.test(file.path) && file.role === 'app' && !isNonProductionPath(file.path)) checkKustomization(file, report)
    // Kubernetes manifests under dev/test/demo paths are not deploys.
    if (file.kind === 'kubernetes' && isNonProductionPath(file.path)) return
    collectDeployImageFacts(file, ctx.facts)
  },
  // Manifests are judged once every file was read: skaffold/Tilt builds, kustomizations and .env
  // files elsewhere in the repository decide what an image reference really deploys.
  checkRepo(repo, report) {
    for (const f of mutableDeployImages(repo.facts)) report({ file: f.file, line: f.line, ...(f.column !== undefined ? { column: f.column } : {}), message: f.message, remediation: f.remediation })
  }
}

type Report = Parameters<NonNullable<Rule['check']>>[1]

function col(file: SourceFile, line: number, token: string): number | undefined {
  const at = file.line(line).indexOf(token)
  return at === -1 ? undefined : at + 1
}

/** `kubectl apply -f https://.../main/manifest.yaml`: what gets deployed is whatever the branch holds that day. */
const REMOTE_APPLY = /\bkubectl\s+(?:apply|create|replace)\b[^\n]*?\s-f\s*["']?(https?:\/\/[^\s"']+)/g
const MOVING_REF = /\/(?:refs\/heads\/)?(main|master|develop|development|trunk|HEAD)\/|\/releases\/latest\/download\//

function checkRemoteApply(file: SourceFile, report: Report): void {
  codeLines(file).forEach((code, i) => {
    if (code.length > 4000) return
    for (const m of code.matchAll(REMOTE_APPLY)) {
      const ref = MOVING_REF.exec(m[1])
      if (!ref) continue
      report({
        line: i + 1,
        column: (m.index ?? 0) + 1,
        message: `\`kubectl\` applies a manifest fetched from ${ref[1] ? `the moving branch \`${ref[1]}\`` : 'the latest release download'} (${m[1].length > 90 ? m[1].slice(0, 87) + '…' : m[1]}): what is deployed changes without a release`,
        remediation: 'Apply a manifest pinned to a release tag or commit (`.../raw/v1.4.2/manifests/db.yaml` or `.../raw/<commit-sha>/...`), or ship it with the release and apply the local copy.'
      })
    }
  })
}

function checkKustomization(file: SourceFile, report: Report): void {
  const lc = yamlOf(file).lineCounter
  for (const e of yamlEntries(file)) {
    if (e.key !== 'newTag' || typeof e.value !== 'string' || !MUTABLE.has(e.value.toLowerCase())) continue
    const p = lc.linePos(e.offset)
    report({ line: p.line, column: p.col, message: `kustomization sets newTag "${e.value}": not an immutable release`, remediation: 'Let CI pin the tag per release: `kustomize edit set image web=ghcr.io/acme/web:$GITHUB_SHA`.' })
  }
}

function checkWorkflow(file: SourceFile, report: Report): void {
  const wf = workflowOf(file)
  if (wf.jobs.length === 0) return
  const lines = codeLines(file)
  const jobs = [...wf.jobs].sort((a, b) => a.line - b.line)
  const jobEnd = (i: number): number => (i + 1 < jobs.length ? jobs[i + 1].line - 1 : lines.length)
  jobs.forEach((job, i) => {
    const text = lines.slice(job.line - 1, jobEnd(i)).join('\n')
    const immutable = IMMUTABLE_EVIDENCE.test(text)
    const pushes = /\bdocker\s+push\b|\bpush:\s*true\b|--push\b|\bpodman\s+push\b/.test(text)
    const deployish = job.environment !== undefined || /deploy|release|prod/i.test(job.id)
    // Pushing a mutable tag is reported once per job, on the push line when there is one.
    const pushHits: { line: number; column: number; token: string; isPush: boolean }[] = []
    for (let n = job.line; n <= jobEnd(i); n++) {
      const code = lines[n - 1]
      if (code.length > 4000) continue
      const deploy = DEPLOY_CMD.test(code) || (deployish && SERVER_PULL.test(code))
      const push = !immutable && pushes && PUSH_CMD.test(code)
      if (!deploy && !push) continue
      for (const m of code.matchAll(TAG_IN_TEXT)) {
        let start = code.lastIndexOf(' ', m.index) + 1
        // Keep a `${{ ... }}` expression in the token whole.
        const open = code.lastIndexOf('${{', m.index)
        if (open !== -1 && open < start && code.indexOf('}}', open) < m.index + 1) start = code.lastIndexOf(' ', open) + 1
        const token = code.slice(start, m.index + m[0].length).replace(/^["'=]+|^--?[\w-]+=|^[\w-]+=/, '')
        if (deploy) report({ line: n, column: start + 1, message: `deploys "${token}": ":${m[1]}" is a mutable tag, not a release id` })
        else pushHits.push({ line: n, column: start + 1, token, isPush: /\bpush\b/.test(code) })
        break
      }
    }
    const hit = pushHits.find((h) => h.isPush) ?? pushHits[0]
    if (hit) report({ line: hit.line, column: hit.column, message: `pushes "${hit.token}" with no immutable tag in job "${job.id}": the release has no unique id` })
    // Deploy actions' `with: image:` inputs.
    for (const step of job.steps) {
      if (step.uses && /^docker\/build-push-action/.test(step.uses) && !immutable) {
        const tags = step.with.find((w) => w.key === 'tags')
        const pushOn = step.with.some((w) => w.key === 'push' && /true/.test(w.value))
        const list = tags ? tags.value.split(/[\n,]+/).map((t) => t.trim()).filter(Boolean) : []
        const bad = list.find((t) => isMutable(t))
        if (tags && pushOn && bad) {
          let line = tags.line
          for (let n = tags.line; n < Math.min(lines.length, tags.line + list.length + 2); n++) if (lines[n - 1].includes(bad)) { line = n; break }
          report({ line, column: col(file, line, bad), message: `pushes "${bad}" with no immutable tag in job "${job.id}": the release has no unique id` })
        }
      }
      if (!step.uses || /^docker\/(build-push|metadata)-action/.test(step.uses)) continue
      for (const w of step.with) {
        if (!DEPLOY_WITH_KEYS.has(w.key)) continue
        const tag = isMutable(w.value.split(/\s+/)[0] ?? '')
        if (tag) report({ line: w.line, column: col(file, w.line, w.value), message: `${step.uses.split('@')[0]} deploys "${w.value.trim()}": ":${tag}" is a mutable tag, not a release id` })
      }
    }
  })
}
