// TF0601: sessions kept in the process's memory or on its local disk: express-session and
// @fastify/session without a store (MemoryStore), Django file / LocMemCache sessions, Flask-Session
// filesystem, PHP file sessions, Laravel file driver, Rails cache_store sessions on :memory_store.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { codeLines, isNonProductionPath } from '../shared/v-viii-commands.js'
import { balanced, importNames, objectLiteralOf } from '../shared/js-calls.js'
import { inNonProductionBlock } from '../../model/blocks.js'

type Report = Parameters<NonNullable<Rule['check']>>[1]

const NODE_FIX = 'Keep sessions in a shared backing service: `app.use(session({ store: new RedisStore({ client: redisClient }), secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }))` (connect-redis), or use signed cookies (cookie-session).'
const FASTIFY_FIX = 'Pass a shared store: `app.register(fastifySession, { secret: process.env.SESSION_SECRET, store: new RedisStore({ client }) })`, or use @fastify/secure-session (cookie-based).'
const DJANGO_FIX = 'Use a shared backend: `SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"` (or `.db`, or `.signed_cookies`) with a shared cache such as `"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]`.'
const FLASK_FIX = 'Use a shared backend: `app.config["SESSION_TYPE"] = "redis"` with `SESSION_REDIS = redis.from_url(os.environ["REDIS_URL"])`, or Flask\'s default signed-cookie session.'
const PHP_FIX = 'Store sessions in a shared service: `session.save_handler = redis` and `session.save_path = "tcp://redis:6379"` (phpredis), or in Laravel `SESSION_DRIVER=redis` / `database`.'
const RAILS_FIX = 'Use `config.session_store :cookie_store` (the default), or a shared cache: `config.cache_store = :redis_cache_store, { url: ENV["REDIS_URL"] }`.'

export const inMemorySessionStore: Rule = {
  meta: {
    id: 'TF0601',
    name: 'in-memory-session-store',
    factor: 'VI',
    severity: 'warning',
    summary: 'Sessions live in process memory or on the local disk of one process.',
    why: 'Twelve-factor processes are stateless and share nothing: any request may reach any process, and processes are restarted and scaled at will. A session kept in one process\'s memory or disk logs users out on every deploy or restart and breaks as soon as a second process (or a second dyno/pod) serves them — unless the router pins users, which is itself a violation.',
    remediation: 'Keep session state in a backing service (Redis, Memcached, the database) or in signed cookies.',
    languages: ['javascript', 'typescript', 'python', 'php', 'ruby']
  },
  files: { kinds: ['source', 'ini', 'dotenv'], roles: ['app'] },
  keywords: ['session'],
  check(file, report) {
    if (isNonProductionPath(file.path) && file.kind !== 'dotenv') return
    if (file.language === 'javascript' || file.language === 'typescript') return checkNode(file, report)
    if (file.language === 'python') return checkPython(file, report)
    if (file.language === 'php') return checkPhpSource(file, report)
    if (file.language === 'ruby') return checkRails(file, report)
    if (file.kind === 'ini') return lineRule(file, report, /^[ \t]*session\.save_handler\s*=\s*"?files"?\s*$/m, 'session.save_handler = files keeps sessions on the local disk', PHP_FIX)
    if (file.kind === 'dotenv' && file.role === 'app' && /prod/i.test(file.name)) return lineRule(file, report, /^[ \t]*SESSION_DRIVER\s*=\s*["']?(?:file|array)["']?\s*$/m, 'SESSION_DRIVER=file keeps Laravel sessions on the local disk', PHP_FIX)
  }
}

function lineRule(file: SourceFile, report: Report, re: RegExp, message: string, remediation: string): void {
  const m = re.exec(file.code)
  if (!m) return
  const start = m.index + (m[0].length - m[0].trimStart().length)
  const p = file.position(start)
  report({ line: p.line, column: p.column, message, remediation })
}

function checkNode(file: SourceFile, report: Report): void {
  const code = file.code
  for (const [module, fix] of [['express-session', NODE_FIX], ['@fastify/session', FASTIFY_FIX], ['fastify-session', FASTIFY_FIX]] as const) {
    for (const name of importNames(code, module)) {
      const esc = name.replace(/\$/g, '\\$')
      // express-session: session({...}); fastify: app.register(fastifySession, {...}).
      const call = module === 'express-session' ? new RegExp(`(?<![\\w$.])${esc}\\s*\\(`, 'g') : new RegExp(`\\.register\\(\\s*${esc}\\s*,\\s*`, 'g')
      for (const m of code.matchAll(call)) {
        let options: string | undefined
        if (module === 'express-session') {
          const args = balanced(code, m.index + m[0].length - 1)
          if (args === undefined) continue
          options = resolveOptions(code, args.trim())
        } else {
          const after = code.slice(m.index + m[0].length, m.index + m[0].length + 200)
          options = after.startsWith('{') ? balanced(code, m.index + m[0].length) : resolveOptions(code, after.split(/[,)]/)[0].trim())
        }
        if (options === undefined || /\.\.\./.test(options) || /\bstore\b/.test(options)) continue
        const p = file.position(m.index + (module === 'express-session' ? 0 : 1))
        if (inNonProductionBlock(codeLines(file), p.line - 1)) continue // if (process.env.NODE_ENV !== 'production') app.use(session({...}))
        report({ line: p.line, column: p.column, message: `${module === 'express-session' ? `${name}({...})` : `register(${name}, {...})`} has no store: ${module} keeps sessions in process memory (MemoryStore)`, remediation: fix })
      }
    }
  }
  // An explicit process-local store.
  for (const m of code.matchAll(/\bstore\s*:\s*new\s+((?:[\w$]+\.)?MemoryStore)\s*\(/g)) {
    const p = file.position(m.index)
    report({ line: p.line, column: p.column, message: `store: new ${m[1]}() keeps sessions in process memory`, remediation: NODE_FIX })
  }
}

/** Options object text for `session(opts)`: the literal, or an identifier's literal plus any `opts.store =` assignment. */
function resolveOptions(code: string, arg: string): string | undefined {
  if (arg === '') return ''
  if (arg.startsWith('{')) return arg
  if (!/^[A-Za-z_$][\w$]*$/.test(arg)) return undefined
  const literal = objectLiteralOf(code, arg)
  if (literal === undefined) return undefined
  const assigned = new RegExp(`\\b${arg.replace(/\$/g, '\\$')}\\.store\\s*=`).test(code)
  return assigned ? `${literal} store` : literal
}

function checkPython(file: SourceFile, report: Report): void {
  const code = file.code
  const engine = /^[ \t]*SESSION_ENGINE\s*=\s*["']django\.contrib\.sessions\.backends\.(file|cache)["']/m.exec(code)
  if (engine) {
    const usesLocMem = engine[1] === 'cache' && /django\.core\.cache\.backends\.locmem\.LocMemCache/.test(code) && !/backends\.(?:redis|memcached|db)\.|django_redis|RedisCache|PyMemcacheCache/.test(code)
    if (engine[1] === 'file' || usesLocMem) {
      const p = file.position(engine.index + (engine[0].length - engine[0].trimStart().length))
      report({ line: p.line, column: p.column, message: engine[1] === 'file' ? 'SESSION_ENGINE "...backends.file" keeps sessions on the local disk' : 'SESSION_ENGINE "...backends.cache" on LocMemCache keeps sessions in process memory', remediation: DJANGO_FIX })
    }
  }
  const flask = /SESSION_TYPE["']?\s*\]?\s*[=:]\s*["']filesystem["']/.exec(code)
  if (flask) {
    const p = file.position(flask.index)
    report({ line: p.line, column: p.column, message: 'SESSION_TYPE "filesystem" keeps Flask-Session sessions on the local disk', remediation: FLASK_FIX })
  }
}

function checkPhpSource(file: SourceFile, report: Report): void {
  lineRule(file, report, /ini_set\(\s*["']session\.save_handler["']\s*,\s*["']files["']\s*\)/, "ini_set('session.save_handler', 'files') keeps sessions on the local disk", PHP_FIX)
  if (/(^|\/)config\/session\.php$/.test(file.path)) lineRule(file, report, /["']driver["']\s*=>\s*["'](?:file|array)["']/, "'driver' => 'file' keeps Laravel sessions on the local disk", PHP_FIX)
}

function checkRails(file: SourceFile, report: Report): void {
  if (!/config\/(environments\/production|application)\.rb$/.test(file.path)) return
  const code = file.code
  const store = /config\.session_store\s+:cache_store\b/.exec(code)
  if (!store || !/config\.cache_store\s*=\s*:(?:memory_store|file_store)\b/.test(code)) return
  const p = file.position(store.index)
  report({ line: p.line, column: p.column, message: 'session_store :cache_store on a :memory_store/:file_store cache keeps sessions inside one process', remediation: RAILS_FIX })
}
