// TF0905: terminationGracePeriodSeconds shorter than the app's own shutdown timeout: Kubernetes
// sends SIGKILL before the app has finished draining.
import type { RepoContext, Rule } from '../../engine/rule.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { inDevProfileDocument, tok } from '../shared/ix-xii-boot.js'
import { isDevOnlyPath } from '../../model/paths.js'

export interface ShutdownTimeoutFact { app: string; seconds: number; file: string; line: number; source: string }
/** Fact key: an app's own shutdown timeout (Spring lifecycle timeout, gunicorn --graceful-timeout, sidekiq -t, puma worker_shutdown_timeout). */
export const FACT_SHUTDOWN_TIMEOUT = 'ix-shutdown-timeout'

const DEFAULT_GRACE = 30
const COMMAND_TIMEOUTS: [RegExp, string][] = [
  [/--graceful-timeout[= ](\d+)/, 'gunicorn --graceful-timeout'],
  [/--timeout-graceful-shutdown[= ](\d+)/, 'uvicorn --timeout-graceful-shutdown'],
  [/\bsidekiq\b[^\n]*\s(?:-t|--timeout)[= ](\d+)/, 'sidekiq --timeout']
]

/** Servers whose shutdown timeouts are known; a container command naming another one does not run them. */
const SERVER_WORD = /\b(gunicorn|uvicorn|sidekiq|puma|java|celery|rq|node|bundle|rails|python|dramatiq)\b/

function seconds(v: string, unit: string | undefined): number {
  const n = Number(v)
  if (unit === 'm') return n * 60
  if (unit === 'ms') return n / 1000
  return n
}

export const gracePeriodTooShort: Rule = {
  meta: {
    id: 'TF0905',
    name: 'grace-period-too-short',
    factor: 'IX',
    severity: 'notice',
    summary: "terminationGracePeriodSeconds is shorter than the app's own shutdown timeout.",
    why:
      'Graceful shutdown only works if the platform waits for it. When the pod grace period is shorter than the time the app gives ' +
      'itself to drain, Kubernetes sends SIGKILL while requests or jobs are still finishing.',
    remediation: "Set terminationGracePeriodSeconds a few seconds above the app's shutdown timeout (plus any preStop sleep), or shorten the app's timeout."
  },
  files: { kinds: ['properties', 'yaml', 'source'], path: /(^|\/)(application[^/]*\.(properties|ya?ml)|gunicorn[^/]*\.py|puma\.rb|sidekiq[^/]*\.ya?ml)$/ },
  keywords: ['timeout'],
  check(file, _report, ctx) {
    const app = ctx.app?.path ?? '.'
    // Development config (application-local.yml, a `dev` profile document, gunicorn.dev.py) never runs in the cluster.
    if (isDevOnlyPath(file.path)) return
    const add = (at: number, secs: number, source: string): void => {
      if (!inDevProfileDocument(file.text, at)) ctx.facts.add<ShutdownTimeoutFact>(FACT_SHUTDOWN_TIMEOUT, { app, seconds: secs, file: file.path, line: file.position(at).line, source })
    }
    const code = file.code
    let m = /timeout-per-shutdown-phase\s*[=:]\s*["']?(\d+)\s*(ms|s|m)?\b/.exec(code)
    if (m) add(m.index, seconds(m[1], m[2] ?? 'ms'), 'spring.lifecycle.timeout-per-shutdown-phase')
    m = /^[ \t]*graceful_timeout\s*=\s*(\d+)/m.exec(code)
    if (m) add(m.index, Number(m[1]), 'gunicorn graceful_timeout')
    m = /^[ \t]*worker_shutdown_timeout\s*\(?\s*(\d+)/m.exec(code)
    if (m) add(m.index, Number(m[1]), 'puma worker_shutdown_timeout')
    m = /^[ \t]*:?timeout:?\s*(\d+)/m.exec(code)
    if (m && /sidekiq/.test(file.path)) add(m.index, Number(m[1]), 'sidekiq timeout')
  },
  checkRepo(repo, report) {
    const facts = repo.facts.get<ShutdownTimeoutFact>(FACT_SHUTDOWN_TIMEOUT)
    // Timeouts on the command lines of Dockerfiles and Procfiles.
    for (const f of repo.files) {
      if (f.kind !== 'dockerfile' && f.kind !== 'procfile') continue
      if (f.role !== 'app') continue
      const file = repo.get(f.path)
      if (!file) continue
      for (const [re, source] of COMMAND_TIMEOUTS) {
        const m = re.exec(file.code)
        if (m) facts.push({ app: repo.appOf(f.path)?.path ?? '.', seconds: Number(m[1]), file: f.path, line: file.position(m.index).line, source })
      }
    }
    for (const f of repo.files) {
      if (f.kind !== 'kubernetes' || f.role !== 'app') continue
      const file = repo.get(f.path)
      if (!file) continue
      for (const w of kubernetesOf(file).workloads) {
        if (w.kind === 'Job' || w.kind === 'CronJob' || w.kind === 'Pod') continue
        const own: ShutdownTimeoutFact[] = []
        for (const c of w.containers) {
          const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ')
          for (const [re, source] of COMMAND_TIMEOUTS) {
            const m = re.exec(cmd)
            if (m) own.push({ app: '', seconds: Number(m[1]), file: f.path, line: c.commandLine, source })
          }
        }
        // A container that starts a known server only waits for that server's timeout (a celery worker is not gunicorn).
        const started = w.containers.map((c) => [...(c.command ?? []), ...(c.args ?? [])].join(' ')).join(' ')
        const runs = (t: ShutdownTimeoutFact): boolean => {
          if (!SERVER_WORD.test(started)) return true // the image's own CMD: unknown, any of the app's servers
          const server = /^(\w+)/.exec(t.source)?.[1] ?? ''
          return server === 'spring' ? /\bjava\b/.test(started) : new RegExp(`\\b${server}\\b`).test(started)
        }
        const candidates = own.length ? own : facts.filter((t) => t.app === appFor(repo, f.path, w.containers.map((c) => c.image ?? '')) && runs(t))
        if (candidates.length === 0) continue
        const worst = candidates.reduce((a, b) => (b.seconds > a.seconds ? b : a))
        const grace = w.terminationGracePeriodSeconds ?? DEFAULT_GRACE
        if (grace >= worst.seconds) continue
        const graceLine = lineOfGrace(file.lines, w.line)
        report({
          file: f.path,
          line: graceLine ?? w.line,
          message:
            `${w.kind} ${tok(w.name)} gives pods ${grace}s to stop (terminationGracePeriodSeconds${graceLine ? '' : ' default'}), ` +
            `but ${worst.source} is ${worst.seconds}s (${worst.file}:${worst.line}): SIGKILL arrives before the app finishes draining`,
          remediation: `Set terminationGracePeriodSeconds: ${Math.ceil(worst.seconds) + 10} in the pod spec of ${w.name}, or lower ${worst.source}.`
        })
      }
    }
  }
}

/** The app a manifest deploys: the app folder that holds it, else the only app with a timeout, else one whose folder name is in the image. */
function appFor(repo: RepoContext, path: string, images: string[]): string | undefined {
  const owner = repo.appOf(path)
  if (owner && owner.path !== '.') return owner.path
  if (repo.apps.length === 1) return repo.apps[0].path
  const named = repo.apps.filter((a) => a.path !== '.' && images.some((i) => i.includes(a.path.slice(a.path.lastIndexOf('/') + 1))))
  return named.length === 1 ? named[0].path : owner?.path
}

function lineOfGrace(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length && i < from + 400; i++) {
    if (/^\s*---\s*$/.test(lines[i])) return undefined
    if (/^\s*terminationGracePeriodSeconds\s*:/.test(lines[i])) return i + 1
  }
  return undefined
}
