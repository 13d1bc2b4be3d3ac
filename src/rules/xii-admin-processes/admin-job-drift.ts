// TF1206: a Kubernetes Job/CronJob that runs an admin task for the app with a different image (or a
// different release of it) or a different config source than the Deployment it administers.
import type { Rule } from '../../engine/rule.js'
import { composeOf } from '../../parsers/compose.js'
import { kubernetesOf, type K8sWorkload } from '../../parsers/kubernetes.js'
import { getIn, items, str, type YNode } from '../../parsers/yaml-nodes.js'
import { tok } from '../shared/ix-xii-boot.js'
import { MIGRATE } from './schema-change-at-start.js'
import { parseImageRef } from '../../parsers/image-ref.js'

const APP_TASK = /\b(manage\.py|rails|rake|bundle\s+exec|npm\s+run|yarn|pnpm|node|npx|python3?\s+-m|python3?\s+\S+\.py|flask|alembic|php\s+artisan|java\s+-jar)\b/
/** Tool images that run migrations shipped in a volume or baked by design: out of scope. */
const TOOL_IMAGE = /(^|\/)(flyway|liquibase|migrate|goose|atlas|dbmate|busybox|alpine|curlimages|bitnami\/kubectl|kubectl|postgres|mysql|mongo|redis|amazon\/aws-cli|google\/cloud-sdk)(:|@|$)/

interface Workload { file: string; w: K8sWorkload; envFrom: Set<string> }

function repoOf(image: string): { repo: string; tag?: string } {
  const { name, tag } = parseImageRef(image)
  return tag !== undefined ? { repo: name, tag } : { repo: name }
}

export const adminJobDrift: Rule = {
  meta: {
    id: 'TF1206',
    name: 'admin-job-drift',
    factor: 'XII',
    severity: 'warning',
    summary: 'A Kubernetes Job/CronJob runs an admin task with a different image, release or config source than the app it administers.',
    why:
      'One-off admin processes must run against the release: the same code (image and tag) and the same config as the long-running ' +
      'processes. A migration Job on another image or tag migrates to a schema the running code does not expect; one with a ' +
      'different ConfigMap/Secret talks to a different database.',
    remediation:
      'Give the Job the Deployment\'s image and tag (template both from one value, e.g. Helm `{{ .Values.image.tag }}` or a kustomize ' +
      'images: entry) and the same envFrom ConfigMap/Secret references.'
  },
  checkRepo(repo, report) {
    const deployments: Workload[] = []
    const jobs: Workload[] = []
    for (const f of repo.files) {
      if (f.kind !== 'kubernetes' || f.role !== 'app') continue
      const file = repo.get(f.path)
      if (!file) continue
      const m = kubernetesOf(file)
      if (m.isHelmTemplate) continue
      for (const w of m.workloads) {
        const obj = m.objects.find((o) => o.kind === w.kind && o.line === w.line)
        const envFrom = new Set<string>()
        const podSpec = w.kind === 'CronJob' ? getIn(obj?.doc, ['spec', 'jobTemplate', 'spec', 'template', 'spec']) : getIn(obj?.doc, ['spec', 'template', 'spec'])
        for (const c of items(getIn(podSpec, ['containers']))) {
          for (const e of items(getIn(c, ['envFrom']))) {
            const ref = str(getIn(e as YNode, ['configMapRef', 'name'])) ?? str(getIn(e as YNode, ['secretRef', 'name']))
            if (ref) envFrom.add(ref)
          }
        }
        const entry = { file: f.path, w, envFrom }
        if (w.kind === 'Job' || w.kind === 'CronJob') jobs.push(entry)
        else if (w.kind === 'Deployment' || w.kind === 'StatefulSet') deployments.push(entry)
      }
    }
    checkCompose(repo, report)
    if (deployments.length === 0) return
    const appImages = deployments.flatMap((d) => d.w.containers.filter((c) => !c.init && c.image).map((c) => ({ d, c, ...repoOf(c.image!) })))
    for (const j of jobs) {
      for (const c of j.w.containers) {
        if (c.init || !c.image) continue
        const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ')
        const isAdmin = MIGRATE.test(cmd) || APP_TASK.test(cmd) || /migrat|seed|backfill/i.test(j.w.name)
        if (!isAdmin || TOOL_IMAGE.test(repoOf(c.image).repo)) continue
        const { repo: jr, tag: jt } = repoOf(c.image)
        const same = appImages.filter((a) => a.repo === jr)
        if (same.length === 0) {
          if (!APP_TASK.test(cmd) && !MIGRATE.test(cmd)) continue
          // Another image is only comparable to a Deployment deployed beside the Job (same folder): in a
          // monorepo a Job of one app says nothing about another app's Deployment.
          const folder = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1)
          const a = appImages.find((x) => folder(x.d.file) === folder(j.file))
          if (!a) continue
          report({
            file: j.file,
            line: c.imageLine,
            message: `${j.w.kind} ${tok(j.w.name)} runs ${tok(cmd || j.w.name, 50)} on image ${tok(c.image)}, not the app image ${tok(a.c.image!)} (${a.d.file}:${a.c.imageLine}): the admin task does not run the release's code`,
            remediation: `Use the app image: image: ${a.c.image}`
          })
          continue
        }
        const pinned = same.filter((a) => a.tag && !/latest/.test(a.tag))
        if (jt && !/latest/.test(jt) && pinned.length === same.length && !pinned.some((a) => a.tag === jt)) {
          const a = pinned[0]
          report({
            file: j.file,
            line: c.imageLine,
            message: `${j.w.kind} ${tok(j.w.name)} runs ${tok(c.image)} but ${a.d.w.kind} ${tok(a.d.w.name)} runs ${tok(a.c.image!)} (${a.d.file}:${a.c.imageLine}): the admin task runs a different release`,
            remediation: `Pin the Job to the same tag as the app (image: ${a.c.image}), set from one value in your Helm chart or kustomization.`
          })
          continue
        }
        const d = same[0].d
        if (d.envFrom.size > 0) {
          const missing = [...d.envFrom].filter((r) => !j.envFrom.has(r))
          if (missing.length > 0 && !c.env.some((e) => e.fromRef)) {
            report({
              file: j.file,
              line: c.line,
              message: `${j.w.kind} ${tok(j.w.name)} does not load ${missing.map((m) => tok(m)).join(', ')} that ${d.w.kind} ${tok(d.w.name)} reads its config from: the admin task runs with different config`,
              remediation: `Add the same envFrom to the Job's container:\nenvFrom:\n${[...d.envFrom].map((r) => `  - configMapRef: {name: ${r}}  # or secretRef, as in the Deployment`).join('\n')}`
            })
          }
        }
      }
    }
  }
}

/** Compose one-off services (migrate, seed...) must run the app's image (or build) like the service they administer. */
function checkCompose(repo: Parameters<NonNullable<Rule['checkRepo']>>[0], report: Parameters<NonNullable<Rule['checkRepo']>>[1]): void {
  for (const f of repo.files) {
    if (f.kind !== 'compose' || f.role === 'test' || f.role === 'docs' || f.role === 'example') continue
    const file = repo.get(f.path)
    if (!file) continue
    const services = composeOf(file).services
    const cmdOf = (s: (typeof services)[number]): string => [...(s.entrypoint ?? []), ...(s.command ?? [])].join(' ')
    const admin = services.filter((s) => MIGRATE.test(cmdOf(s)) && !/&&|;/.test(cmdOf(s)))
    const apps = services.filter((s) => !admin.includes(s) && (s.build || (s.image && !TOOL_IMAGE.test(repoOf(s.image).repo))) && !/^(postgres|mysql|mariadb|mongo|redis|rabbitmq|memcached|elasticsearch|nginx|traefik|caddy)/.test(repoOf(s.image ?? '').repo.split('/').pop() ?? ''))
    if (apps.length === 0) continue
    for (const a of admin) {
      if (!a.image || a.build) continue // builds the same context, or no image to compare
      if (TOOL_IMAGE.test(repoOf(a.image).repo)) continue
      const same = apps.some((s) => s.image && repoOf(s.image).repo === repoOf(a.image!).repo && (repoOf(s.image).tag ?? '') === (repoOf(a.image!).tag ?? ''))
      if (same) continue
      const app = apps[0]
      report({
        file: f.path,
        line: a.imageLine,
        message: `One-off service ${tok(a.name)} runs ${tok(cmdOf(a), 50)} on image ${tok(a.image)}, while service ${tok(app.name)} runs ${app.image ? tok(app.image) : 'the image built from this repository'}: the admin task does not run the release's code`,
        remediation: app.image ? `Use the app image for the one-off service: image: ${app.image}` : `Build the one-off service from the same context as ${app.name} (build: .), or run it as \`docker compose run --rm ${app.name} ${cmdOf(a)}\`.`
      })
    }
  }
}
