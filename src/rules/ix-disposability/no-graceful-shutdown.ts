// TF0901: a long-running server or worker whose app never handles SIGTERM and runs under no server
// that does it for it. File checks record where servers start and where signals are handled; the
// repository pass decides once per app and reports at the entry file.
import type { RepoContext, Rule } from '../../engine/rule.js'
import type { Language } from '../../engine/types.js'
import { codeLines, isAdminScript, matchesIn, pick, tok } from '../shared/ix-xii-boot.js'
import { isDevOnlyPath } from '../../model/paths.js'
import { inNonProductionBlock } from '../../model/blocks.js'

export interface ServerEntryFact { app: string; file: string; line: number; column: number; token: string; language: Language; spring?: boolean; imports: string[] }
export interface AppFact { app: string; file: string; line: number }
/** A SIGTERM handler, with what its file imports (module stems; Go import paths) to tie it to a server it starts. */
export interface SignalFact extends AppFact { imports?: string[] }

/** Fact keys (documented in the report): where servers start, where SIGTERM is handled, Spring graceful shutdown set. */
/** Packages and folders that hold auxiliary listeners: profiling, metrics, debug endpoints. */
const AUX_LISTENER_PATH = /(^|\/)(pprof|profiling|metrics|debug|debugserver|monitoring)\/[^/]+$/i
/** A listener on the conventional pprof (6060) or Prometheus exporter (2112, 9100) port. */
const AUX_PORT_LISTEN = /ListenAndServe\s*\(\s*["'`][^"'`]*:(6060|2112|9100)["'`]/

export const FACT_SERVER_ENTRY = 'ix-server-entry'
export const FACT_SIGNAL_HANDLER = 'ix-signal-handler'
export const FACT_SPRING_GRACEFUL = 'ix-spring-graceful'

const ENTRY: Partial<Record<Language, RegExp>> = {
  javascript: /\b(?:app|server|srv|httpServer|httpsServer|fastify|instance|api)\s*\.listen\s*\(|\bcreateServer\([^\n]*\)\s*\.listen\s*\(/g,
  python: /\b(?:serve_forever|start_consuming)\s*\(|\bapp\.run\s*\(/g,
  go: /\bhttp\.ListenAndServe(?:TLS)?\s*\(|\b(?:srv|server|s|httpServer)\.ListenAndServe(?:TLS)?\s*\(|\b(?:r|router|engine|g)\.Run\s*\(|\be\.Start\s*\(|\bapp\.Listen\s*\(/g,
  java: /\bSpringApplication\.run\s*\(|\bHttpServer\.create\s*\(|\bnew\s+ServerSocket\s*\(/g,
  ruby: /\bWEBrick::HTTPServer\.new\b|\bTCPServer\.new\b/g
}
const SIGNAL: Partial<Record<Language, RegExp>> = {
  javascript: /\bprocess\.(?:on|once|addListener|prependListener)\s*\(\s*['"`]SIG(?:TERM|INT)['"`]|\benableShutdownHooks\s*\(|['"](?:http-terminator|stoppable|@godaddy\/terminus|lightship|close-with-grace|[\w@/.-]*graceful[\w.-]*)['"]|\bcreateTerminus\s*\(/,
  python: /\bsignal\.signal\s*\(\s*(?:signal\.)?SIG(?:TERM|INT)\b|\badd_signal_handler\s*\(|\bsignal\.SIGTERM\b/,
  // uber/fx, kratos and go-micro apps stop on SIGTERM through the framework.
  go: /\bsignal\.Notify(?:Context)?\s*\(|\bfx\.New\s*\(|\bkratos\.New\s*\(|\bmicro\.NewService\s*\(/,
  java: /\baddShutdownHook\s*\(/,
  ruby: /\b(?:Signal\.)?trap\s*\(?\s*(?:['"](?:SIG)?(?:TERM|INT)['"]|:(?:TERM|INT)\b)/
}
/** Helper modules whose job is the shutdown sequence. */
const SHUTDOWN_MODULE = /^(graceful[-_]?shutdown|graceful|shutdown|signals?|lifecycle|terminat\w*|teardown|process[-_]?handlers?)$/i
const FLASK_FILE = /\bfrom\s+flask\s+import\b|\bimport\s+flask\b/

/** Servers and workers that trap SIGTERM and drain for the app. */
const MANAGED: Partial<Record<Language, RegExp>> = {
  python: /\b(gunicorn|uvicorn|hypercorn|daphne|granian|waitress|uwsgi|mod_wsgi|celery|dramatiq|rq\s+worker)\b/,
  ruby: /\b(puma|unicorn|passenger|falcon|sidekiq|good_job|solid_queue|resque|shoryuken|iodine|thin)\b/
}

const norm = (l: Language): Language => (l === 'typescript' ? 'javascript' : l === 'kotlin' ? 'java' : l)

export const noGracefulShutdown: Rule = {
  meta: {
    id: 'TF0901',
    name: 'no-graceful-shutdown',
    factor: 'IX',
    severity: 'warning',
    summary: 'A long-running server or worker never handles SIGTERM and runs under no server that does it for the app.',
    why:
      'Processes are disposable: the platform stops them at any time (deploys, scale-in, node drains) by sending SIGTERM. An app that ' +
      'ignores it is killed mid-request or mid-job when the grace period ends, so every deploy drops traffic and leaves work half done.',
    remediation:
      'On SIGTERM stop accepting new work, finish in-flight requests or jobs, close connections and exit; or run under a server that ' +
      'does this (gunicorn, uvicorn, puma, sidekiq, Spring Boot with server.shutdown=graceful).',
    languages: ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby']
  },
  files: { kinds: ['source', 'properties', 'yaml'] },
  keywords: ['graceful', 'fx.new', 'kratos.new', 'micro.newservice', 'listen', 'serve_forever', 'start_consuming', 'app.run', '.run(', '.start(', 'springapplication', 'httpserver', 'serversocket', 'webrick', 'tcpserver', 'sigterm', 'sigint', 'signal', 'shutdown', 'trap', 'terminator', 'stoppable', 'terminus', 'lightship', 'close-with-grace'],
  check(file, _report, ctx) {
    const app = ctx.app?.path ?? '.'
    if (file.kind !== 'source') {
      if (/(^|\/)(application|bootstrap)[^/]*\.(properties|ya?ml)$/.test(file.path) && /\bshutdown\s*[=:]\s*["']?graceful\b/.test(file.code)) {
        ctx.facts.add<AppFact>(FACT_SPRING_GRACEFUL, { app, file: file.path, line: file.position(file.code.search(/\bshutdown\s*[=:]/)).line })
      }
      return
    }
    const lang = norm(file.language)
    const sig = SIGNAL[lang]
    if (sig) {
      let at = file.code.search(sig)
      if (at === -1 && lang === 'javascript') at = jsSignalLoop(file.code)
      if (at !== -1) ctx.facts.add<SignalFact>(FACT_SIGNAL_HANDLER, { app, file: file.path, line: file.position(at).line, imports: lang === 'go' ? goImports(file.code) : importsOf(file.code) })
    }
    const entry = ENTRY[lang]
    // Dev servers and one-off scripts are not the deployed long-running process.
    if (!entry || isDevOnlyPath(file.path) || isAdminScript(file.path)) return
    // An auxiliary listener (pprof, metrics, debug endpoints) beside the app's server is not the server.
    if (AUX_LISTENER_PATH.test(file.path)) return
    for (const { m, line, column } of matchesIn(file, entry)) {
      if (file.inStringLiteral(m.index)) continue // a snippet in a string (a remediation, a docstring) starts no server
      if (inNonProductionBlock(codeLines(file), line - 1)) continue // if (process.env.NODE_ENV !== 'production') app.listen(3000): serverless in production
      if (lang === 'python' && m[0].startsWith('app.run') && !FLASK_FILE.test(file.code)) continue
      if (AUX_PORT_LISTEN.test(file.line(line))) continue // http.ListenAndServe(":6060", nil) for pprof, ":2112" for promhttp
      if (lang === 'go' && /\.(Run|Start|Listen)\s*\($/.test(m[0]) && !/"github\.com\/(gin-gonic\/gin|labstack\/echo[^"]*|gofiber\/fiber[^"]*)"/.test(file.code)) continue
      ctx.facts.add<ServerEntryFact>(FACT_SERVER_ENTRY, { app, file: file.path, line, column, token: m[0].replace(/\s+/g, ''), language: file.language, imports: lang === 'go' ? goImports(file.code) : importsOf(file.code), ...(m[0].startsWith('SpringApplication') ? { spring: true } : {}) })
      break
    }
  },
  checkRepo(repo, report) {
    const entries = repo.facts.get<ServerEntryFact>(FACT_SERVER_ENTRY)
    const handlers = repo.facts.get<SignalFact>(FACT_SIGNAL_HANDLER)
    // Signal handlers are per process: one counts for an entry in the same file, a module the entry
    // imports, or (Go) the same package folder; Java shutdown hooks anywhere in the app.
    const handles = (e: ServerEntryFact): boolean =>
      handlers.some((h) => {
        if (h.app !== e.app) return false
        if (h.file === e.file) return true
        const dir = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1)
        // Go: the same package, or a main that imports the server's package (cmd/api/main.go -> internal/server).
        if (norm(e.language) === 'go') {
          const under = (imports: readonly string[], d: string): boolean => d !== '' && imports.some((i) => `${i}/`.endsWith(`/${d}`))
          return dir(h.file) === dir(e.file) || under(h.imports ?? [], dir(e.file)) || under(e.imports, dir(h.file))
        }
        if (norm(e.language) === 'java') return true
        const stem = h.file.slice(h.file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '')
        if (e.imports.includes(stem) || (stem === 'index' && e.imports.includes(dir(h.file).split('/').filter(Boolean).pop() ?? ''))) return true
        // The handler's file imports the module that starts the server (index.ts: import { start } from './server').
        const entryStem = e.file.slice(e.file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '')
        if (entryStem !== 'index' && (h.imports ?? []).includes(entryStem)) return true
        // A shutdown helper module (src/shutdown.ts, lib/graceful.js) is wired in by the app's main, not a process of its own.
        return SHUTDOWN_MODULE.test(stem)
      })
    const springGraceful = new Set(repo.facts.get<AppFact>(FACT_SPRING_GRACEFUL).map((f) => f.app))
    const byApp = new Map<string, ServerEntryFact[]>()
    for (const e of entries) byApp.set(e.app, [...(byApp.get(e.app) ?? []), e])
    for (const [appPath, all] of byApp) {
      const list = all.filter((e) => !handles(e))
      if (list.length === 0) continue
      const app = repo.apps.find((a) => a.path === appPath)
      if (app?.framework === 'rails' || app?.framework === 'next' || app?.framework === 'nuxt') continue
      if (managedServer(repo, appPath, norm(list[0].language))) continue
      const first = [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))[0]
      let message = `${tok(first.token)} starts a long-running server, but the app never handles SIGTERM: a deploy or scale-in kills it mid-request`
      let remediation = pick(SNIPPETS, app?.framework, first.language)
      if (first.spring) {
        if (springGraceful.has(appPath)) continue
        const boot = springBootVersion(repo, app?.manifest)
        if (!boot || !boot.web) continue // unknown version or not a web app: stay silent
        if (boot.major > 3 || (boot.major === 3 && boot.minor >= 4)) continue // graceful is the default since 3.4
        message = `Spring Boot ${boot.version} app (${tok(first.token)}) does not set server.shutdown=graceful: on SIGTERM the web server stops at once and in-flight requests fail`
        remediation = boot.major < 2 || (boot.major === 2 && boot.minor < 3) ? `Upgrade to Spring Boot 2.3+ and set:\n${SNIPPETS['spring-boot']}` : SNIPPETS['spring-boot']
      }
      report({ file: first.file, line: first.line, column: first.column, message, remediation })
    }
  }
}

function managedServer(repo: RepoContext, appPath: string, language: Language): boolean {
  const managed = MANAGED[language]
  if (!managed) return false
  for (const f of repo.files) {
    if (!['manifest', 'procfile', 'dockerfile', 'compose', 'kubernetes'].includes(f.kind)) continue
    if (f.role === 'test' || f.role === 'docs' || f.role === 'example') continue
    const owner = repo.appOf(f.path)?.path
    if (owner !== undefined && owner !== appPath && f.path.includes('/')) continue
    const text = repo.get(f.path)?.code
    if (text && managed.test(text.toLowerCase())) return true
  }
  return false
}

export function springBootVersion(repo: RepoContext, manifest: string | undefined): { version: string; major: number; minor: number; web: boolean } | undefined {
  if (!manifest) return undefined
  const text = repo.get(manifest)?.code
  if (!text) return undefined
  const m =
    /<artifactId>\s*spring-boot-starter-parent\s*<\/artifactId>\s*<version>\s*(\d+)\.(\d+)[\w.-]*\s*<\/version>/.exec(text) ??
    /<spring-boot\.version>\s*(\d+)\.(\d+)[\w.-]*\s*</.exec(text) ??
    /org\.springframework\.boot['"]\s*\)?\s*version\s*\(?\s*['"](\d+)\.(\d+)[\w.-]*['"]/.exec(text) ??
    /spring-boot-gradle-plugin:(\d+)\.(\d+)/.exec(text)
  if (!m) return undefined
  return { version: `${m[1]}.${m[2]}`, major: Number(m[1]), minor: Number(m[2]), web: /spring-boot-starter-(web|webflux|jersey)\b/.test(text) }
}

const SNIPPETS: Record<string, string> = {
  javascript:
    "const server = app.listen(port)\nprocess.on('SIGTERM', () => {\n  server.close(() => process.exit(0)) // stop accepting, let in-flight requests finish\n  setTimeout(() => process.exit(1), 25_000).unref()\n})",
  nestjs: 'const app = await NestFactory.create(AppModule)\napp.enableShutdownHooks() // runs onModuleDestroy/beforeApplicationShutdown on SIGTERM\nawait app.listen(port)',
  fastify: "process.on('SIGTERM', async () => {\n  await fastify.close() // drains requests, runs onClose hooks\n  process.exit(0)\n})",
  python:
    'Run under a server that drains on SIGTERM (gunicorn app:app / uvicorn main:app), or handle it:\nimport signal\nsignal.signal(signal.SIGTERM, lambda *_: server.shutdown())',
  flask: 'Serve with gunicorn, which drains workers on SIGTERM: gunicorn --graceful-timeout 20 -b 0.0.0.0:$PORT app:app (app.run() is the development server).',
  go:
    'ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)\ndefer stop()\ngo srv.ListenAndServe()\n<-ctx.Done()\nshutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)\ndefer cancel()\n_ = srv.Shutdown(shutdownCtx)',
  gin: 'srv := &http.Server{Addr: ":" + port, Handler: router}\ngo srv.ListenAndServe()\nctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)\ndefer stop()\n<-ctx.Done()\n_ = srv.Shutdown(context.Background())',
  java: 'Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(10))); // drain for up to 10 s on SIGTERM',
  'spring-boot': 'application.properties:\nserver.shutdown=graceful\nspring.lifecycle.timeout-per-shutdown-phase=20s',
  ruby: "Serve with puma (drains on SIGTERM), or: trap('TERM') { server.shutdown }",
  default: 'Handle SIGTERM: stop accepting work, finish in-flight work, close connections, exit.'
}

/**
 * SIGTERM handled through a variable: `for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, ...)`,
 * `['SIGINT', 'SIGTERM'].forEach((s) => process.once(s, ...))`, or `await once(process, 'SIGTERM')`.
 */
function jsSignalLoop(code: string): number {
  const once = code.search(/\bonce\s*\(\s*process\s*,\s*['"`]SIG(?:TERM|INT)['"`]/)
  if (once !== -1) return once
  const named = code.search(/['"`]SIGTERM['"`]/)
  if (named === -1) return -1
  const on = code.search(/\bprocess\.(?:on|once|addListener|prependListener)\s*\(\s*[A-Za-z_$][\w$]*\s*,/)
  return on === -1 ? -1 : on
}

/** Go import paths of a file (single imports and import blocks). */
function goImports(code: string): string[] {
  const out: string[] = []
  const re = /^[ \t]*import\s*(?:[\w.]+\s+)?"([^"\n]+)"|^[ \t]*import\s*\(([^)]{0,5000})\)/gm
  for (let m = re.exec(code); m; m = re.exec(code)) {
    if (m[1]) out.push(m[1])
    else for (const q of m[2].matchAll(/"([^"\n]+)"/g)) out.push(q[1])
  }
  return out
}

/** Module stems a file imports (require/import/from/require_relative), for per-process matching. */
function importsOf(code: string): string[] {
  const out = new Set<string>()
  const re = /\brequire(?:_relative)?\s*\(?\s*['"]([^'"\n]+)['"]|\bfrom\s+['"]([^'"\n]+)['"]|^[ \t]*from\s+([\w.]+)\s+import\b|^[ \t]*import\s+([\w.]+)/gm
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''
    const last = spec.split(/[/.]/).filter(Boolean).pop()
    if (last) out.add(last.replace(/\.[jt]sx?$/, ''))
  }
  return [...out]
}
