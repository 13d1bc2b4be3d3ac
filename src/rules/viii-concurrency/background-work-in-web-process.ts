// TF0801: an app whose web process also runs schedulers, queue consumers or background threads
// (node-cron, setInterval jobs, APScheduler, threads started at import, rufus-scheduler in an
// initializer, Active Job :async in production...) and that declares no separate process type.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { composeOf } from '../../parsers/compose.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { procfileOf } from '../../parsers/procfile.js'
import { codeLines, inQuotes, isNonProductionPath } from '../shared/v-viii-commands.js'
import { balanced, importNames, splitArgs } from '../shared/js-calls.js'

interface Detection {
  line: number
  column: number
  token: string
  /** The same file starts the web server, or always runs in it (Rails initializers, Django AppConfig.ready). */
  inWebProcess: boolean
}
interface DetectionFact extends Detection {
  file: string
  app: string
  language: string
  framework?: string
}

const KEY = 'tf0801:detections'
const WORKER_NAME = /(^|[/_.-])(worker|workers|scheduler|schedule|cron|crons|clock|jobs?|queue|consumer|consumers|tasks?|beat|sidekiq|celery)([/_.-]|$)/i
const WORKER_TYPE = /^(?!web$|release$)/
const WORKERISH = /worker|schedul|cron|clock|beat|consumer|jobs?\b|queue|sidekiq|celery|\brq\b|good_job|solid_queue|delayed_job/i
const ENV_GUARD = /\b(?:if|unless|when)\b[^\n]*(?:process\.env|os\.environ|os\.getenv|getenv|ENV\[|ENV\.fetch|System\.getenv|settings\.)[^\n]*(?:CRON|SCHEDUL|WORKER|JOB|ROLE|PROCESS_TYPE|DYNO|ENABLE|RUN_)/i
/** A scheduled job that checks it owns the work (partition, leader, distributed lock) runs once per cluster. */
const CLUSTER_AWARE = /\b(?:isMyPartition|partitionService|isLeader|leaderElect\w*|LeaderLatch|tryLock|RedissonClient|getLock|DistributedLock|SchedulerLock)\b/
/** Names of work every process does for itself: stats and metrics, local caches, heartbeats, token or config refresh. */
const PER_PROCESS = /cache|metric|stats?(?![a-z])|Stats|heartbeat|health|ping|keep-?alive|memory|print|log(?![a-z])|Log|refresh|Refresh|reload|Reload|jwks|certs?\b|evict|Evict/
/** A mode-specific entry point: `if (process.argv[2] === 'scheduler')`, `case "worker":`, `if args.mode == "cron":`. */
const MODE_GUARD = /\b(?:if|elif|elsif|unless|when)\b[^\n]*(?:argv|ARGV|os\.Args|\bmode\b|\bMODE\b|\brole\b|\bROLE\b|\bcommand\b|\bcmd\b)[^\n]*(?:worker|schedul|cron|jobs?\b|clock|beat|consumer)|\bcase\s+["'`:]?(?:worker|scheduler|schedule|cron|jobs?|clock|beat|consumer)\b/i
const SERVER_START = /\.listen\(|createServer\(|ListenAndServe|\.Run\(\s*["':)]|NestFactory\.create|Flask\(|FastAPI\(|get_wsgi_application|get_asgi_application|\buvicorn\.run\(|\bapp\.run\(/

const FIX: Record<string, string> = {
  node: 'Move the scheduler/consumer into its own entry point and declare it as a process type: `worker: node dist/worker.js` (Procfile), a second compose service, or a second Deployment (or a CronJob for periodic work). The web process then only serves HTTP and scales independently.',
  python: 'Run the scheduler or consumer as its own process type: Procfile `worker: celery -A proj worker` + `beat: celery -A proj beat` (or `clock: python clock.py` with APScheduler\'s BlockingScheduler), or a Kubernetes CronJob; keep the web process to `gunicorn proj.wsgi`.',
  ruby: 'Run background work in its own process type: Procfile `worker: bundle exec sidekiq` (or `bin/jobs`, `good_job start`) and set `config.active_job.queue_adapter = :sidekiq`; schedule with sidekiq-cron or a Kubernetes CronJob instead of an initializer.',
  go: 'Start the scheduler from its own binary (`cmd/worker/main.go`) and declare it as a separate process type (Procfile `worker: ./worker`, a second Deployment or a CronJob).',
  java: 'Run scheduled jobs in a separate process type (a worker Spring profile/app or a Kubernetes CronJob), or guard them so only a dedicated worker Deployment enables scheduling (`@ConditionalOnProperty("app.scheduler.enabled")`).'
}

export const backgroundWorkInWebProcess: Rule = {
  meta: {
    id: 'TF0801',
    name: 'background-work-in-web-process',
    factor: 'VIII',
    severity: 'warning',
    summary: 'The web process also runs schedulers, queue consumers or background threads, and no worker process type is declared.',
    why: 'Twelve-factor apps scale by process type: web processes handle HTTP, worker and clock processes handle background work, and each type is scaled on its own. A scheduler inside the web process runs once per web replica (jobs fire N times when you scale to N), dies with every web deploy, and competes with requests for the same CPU.',
    remediation: 'Declare a separate process type for the background work (Procfile `worker:`/`clock:`, a second compose service or Deployment, or a CronJob) and start the scheduler/consumer only there.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'go', 'java']
  },
  files: { kinds: ['source'], roles: ['app'] },
  // Reports land on source lines the engine does not keep: have them re-read for snippets and suppressions.
  rereadReportedFiles: true,
  keywords: ['cron', 'schedul', '@scheduled', 'setinterval', 'thread', 'worker', 'agenda', 'queue_adapter', 'execution_mode', '.process(', '@processor('],
  check(file, _report, ctx) {
    if (isNonProductionPath(file.path)) return
    const found = detect(file)
    const lines = codeLines(file)
    for (const d of found) {
      if (inQuotes(lines[d.line - 1] ?? '', d.column - 1)) continue
      const context = lines.slice(Math.max(0, d.line - 6), d.line).join('\n')
      if (ENV_GUARD.test(context) || MODE_GUARD.test(context)) continue
      ctx.facts.add<DetectionFact>(KEY, { ...d, file: file.path, app: ctx.app?.path ?? '.', language: file.language, ...(ctx.app?.framework ? { framework: ctx.app.framework } : {}) })
    }
  },
  checkRepo(repo, report) {
    const detections = repo.facts.get<DetectionFact>(KEY)
    if (detections.length === 0) return
    const declared = declaredProcessTypes(repo)
    for (const d of detections) {
      if (declared.has(d.app) || declared.has('.')) continue
      // The app is itself a worker, scheduler or consumer service: its own process type.
      if (d.app !== '.' && WORKER_NAME.test(d.app)) continue
      // Outside the server file, only report what clearly loads into the web process.
      if (!d.inWebProcess && (WORKER_NAME.test(d.file) || !isWebFramework(d.framework))) continue
      const eco = d.language === 'typescript' ? 'node' : d.language === 'javascript' ? 'node' : d.language === 'kotlin' ? 'java' : d.language
      report({
        file: d.file,
        line: d.line,
        column: d.column,
        message: `${d.token} runs background work inside the web process, and the app declares no worker process type`,
        remediation: FIX[eco] ?? backgroundWorkInWebProcess.meta.remediation
      })
    }
  }
}

function isWebFramework(framework: string | undefined): boolean {
  return framework !== undefined && /express|nestjs|next|nuxt|fastify|koa|hapi|django|flask|fastapi|rails|sinatra|spring-boot|quarkus|micronaut|gin|echo|fiber|chi|laravel|symfony/.test(framework)
}

/** Apps (by path) that declare a non-web process type anywhere: Procfile, compose, Kubernetes. */
function declaredProcessTypes(repo: Parameters<NonNullable<Rule['checkRepo']>>[0]): Set<string> {
  const apps = new Set<string>()
  const mark = (path: string): void => {
    apps.add(repo.appOf(path)?.path ?? '.')
  }
  for (const info of repo.files) {
    if (info.role === 'test' || info.role === 'docs' || info.role === 'example') continue
    const file = repo.get(info.path)
    if (!file) continue
    if (info.kind === 'procfile' && procfileOf(file).some((p) => WORKER_TYPE.test(p.type))) mark(info.path)
    if (info.kind === 'compose' && composeOf(file).services.some((s) => WORKERISH.test(s.name) || WORKERISH.test((s.command ?? []).join(' ')))) mark(info.path)
    if (info.kind === 'kubernetes') {
      const m = kubernetesOf(file)
      if (m.workloads.some((w) => w.kind === 'CronJob' || WORKERISH.test(w.name))) mark(info.path)
      if (m.objects.some((o) => o.kind === 'ScaledObject')) mark(info.path)
    }
  }
  return apps
}

function pos(file: SourceFile, index: number): { line: number; column: number } {
  return file.position(index)
}

function detect(file: SourceFile): Detection[] {
  const code = file.code
  const out: Detection[] = []
  const serverFile = SERVER_START.test(code)
  const add = (index: number, token: string, inWeb = serverFile): void => {
    if (file.inStringLiteral(index)) return // quoted in a message or docstring, not run
    if (out.length < 200) out.push({ ...pos(file, index), token, inWebProcess: inWeb })
  }
  const once = new Set<string>() // one whole-file `.start()` lookup per variable name
  const firstTime = (name: string): boolean => !once.has(name) && once.add(name).size > 0
  switch (file.language) {
    case 'javascript':
    case 'typescript': {
      for (const n of importNames(code, 'node-cron')) for (const m of code.matchAll(new RegExp(`\\b${n}\\.schedule\\(`, 'g'))) add(m.index, `${n}.schedule()`)
      if (importNames(code, 'cron').length || /from\s+["']cron["']|require\(\s*["']cron["']\s*\)/.test(code)) for (const m of code.matchAll(/\bnew\s+CronJob\(|\bCronJob\.from\(/g)) add(m.index, m[0].startsWith('new') ? 'new CronJob()' : 'CronJob.from()')
      for (const n of importNames(code, 'node-schedule')) for (const m of code.matchAll(new RegExp(`\\b${n}\\.scheduleJob\\(`, 'g'))) add(m.index, `${n}.scheduleJob()`)
      if (/["'](?:agenda|@hokify\/agenda)["']/.test(code)) for (const m of code.matchAll(/\bnew\s+Agenda\(/g)) add(m.index, 'new Agenda()')
      if (/["']bullmq["']/.test(code)) for (const m of code.matchAll(/\bnew\s+Worker\(/g)) add(m.index, 'new Worker() (BullMQ)')
      if (/["']bull["']/.test(code)) for (const m of code.matchAll(/\b(\w+)\.process\(/g)) if (m[1] !== 'process') add(m.index, `${m[1]}.process() (Bull)`)
      for (const m of code.matchAll(/\bScheduleModule\.forRoot\(/g)) add(m.index, 'ScheduleModule.forRoot()', true)
      // NestJS queue consumers: providers of the app module, so they run in the web process unless a worker entry exists.
      if (/["']@nestjs\/bull(?:mq)?["']/.test(code)) for (const m of code.matchAll(/@Processor\(/g)) add(m.index, '@Processor() queue consumer', true)
      if (serverFile) {
        for (const m of code.matchAll(/\bsetInterval\(/g)) {
          const args = balanced(code, m.index + m[0].length - 1, 6000)
          if (args === undefined) continue
          const parts = splitArgs(args)
          const delay = evaluateDelay(parts[parts.length - 1] ?? '')
          // Per-process housekeeping (local cache, metrics, heartbeat) belongs in every process: not a job.
          if (/cache|metric|stats|heartbeat|health|ping|keep-?alive|gc\b|memory|log|refresh|reload|jwks|certs?\b|evict/i.test(parts[0] ?? '')) continue
          if (delay !== undefined && delay >= 60_000) add(m.index, `setInterval(…, ${parts[parts.length - 1].trim()})`)
        }
      }
      break
    }
    case 'python': {
      const inWeb = serverFile || /class\s+\w+\(\s*AppConfig\s*\)/.test(code)
      for (const m of code.matchAll(/\b(\w+)\s*=\s*(BackgroundScheduler|AsyncIOScheduler|GeventScheduler|TornadoScheduler|APScheduler)\(/g)) {
        if (!firstTime(m[1])) continue
        const start = new RegExp(`\\b${m[1]}\\.start\\(`).exec(code)
        if (start) add(start.index, `${m[1]}.start() (${m[2]})`, inWeb)
      }
      // Threads started at import time (module level) or from AppConfig.ready().
      for (const m of code.matchAll(/^(?:threading\.)?Thread\([^\n]*\)\.start\(\)|^(\w+)\s*=\s*(?:threading\.)?Thread\(/gm)) {
        if (m[1]) {
          if (!firstTime(`thread:${m[1]}`)) continue
          const start = new RegExp(`^${m[1]}\\.start\\(\\)`, 'm').exec(code)
          if (start) add(start.index, `${m[1]}.start() (thread started at import)`, inWeb)
        } else add(m.index, 'Thread(...).start() at import', inWeb)
      }
      break
    }
    case 'ruby': {
      if (/config\/initializers\//.test(file.path)) {
        for (const m of code.matchAll(/\bRufus::Scheduler\.(?:new|singleton|s)\b|\bThread\.new\b|\bSidekiq\.configure_embed\b|\bConcurrent::TimerTask\.new\b/g)) add(m.index, m[0], true)
      }
      if (/config\/environments\/production\.rb$/.test(file.path)) {
        for (const m of code.matchAll(/config\.active_job\.queue_adapter\s*=\s*:(?:async|inline)\b|config\.good_job\.execution_mode\s*=\s*:async\b/g)) add(m.index, m[0], true)
      }
      break
    }
    case 'go':
      if (/robfig\/cron/.test(code)) for (const m of code.matchAll(/\b(\w+)\s*:?=\s*cron\.New\(/g)) {
        if (!firstTime(m[1])) continue
        const start = new RegExp(`\\b${m[1]}\\.Start\\(\\)`).exec(code)
        if (start) add(start.index, `${m[1]}.Start() (robfig/cron)`)
      }
      break
    case 'java':
    case 'kotlin':
      // `@EnableScheduling` only switches scheduling on: the jobs are the `@Scheduled` methods. Jobs that
      // take a cluster-wide lock or check partition/leader ownership already run once per cluster.
      if (/shedlock|EnableSchedulerLock|ConditionalOnProperty/i.test(code) || CLUSTER_AWARE.test(code)) break
      for (const m of code.matchAll(/@Scheduled\b/g)) {
        const job = scheduledMethod(code, m.index)
        // Per-process housekeeping (stats printing, local caches, metrics, token refresh) belongs in every process.
        if (!job || PER_PROCESS.test(job.name) || PER_PROCESS.test(job.annotation)) continue
        add(m.index, `@Scheduled ${job.name}()`, true)
      }
      break
    default:
  }
  return out
}

/** The method a `@Scheduled` annotation at `at` marks, with the annotation's text. */
function scheduledMethod(code: string, at: number): { name: string; annotation: string } | undefined {
  let i = at + '@Scheduled'.length
  let annotation = '@Scheduled'
  if (code[i] === '(') {
    const args = balanced(code, i, 2000)
    if (args === undefined) return undefined
    annotation += `(${args})`
    i += args.length + 2
  }
  const decl = /^(?:\s*@\w+(?:\([^)]{0,300}\))?)*\s*(?:(?:public|protected|private|internal|open|override|suspend|final|static|synchronized)\s+)*(?:fun\s+|[\w<>[\],?]+\s+)(\w+)\s*\(/.exec(code.slice(i, i + 600))
  return decl ? { name: decl[1], annotation } : undefined
}

/** `60000`, `5 * 60 * 1000`, `60_000`: the value in ms, or undefined for anything else. */
function evaluateDelay(expr: string): number | undefined {
  const e = expr.trim().replace(/_/g, '')
  if (!/^\d+(?:\s*\*\s*\d+)*$/.test(e) || e.length > 40) return undefined
  return e.split('*').reduce((a, b) => a * Number(b.trim()), 1)
}
