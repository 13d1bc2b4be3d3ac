// TF1004: code that branches on the environment name to swap the KIND of backing service (SQLite in
// development and PostgreSQL in production, an in-memory cache or eager queue outside production).
// Branches that only pick hosts or credentials are config (Factor III, TF0311), not reported here.
import type { ReportFn, Rule } from '../../engine/rule.js'
import { MAX_LINE, pick, shortCode, tok } from '../shared/ix-xii-boot.js'

const ENV_COND: Partial<Record<string, RegExp>> = {
  javascript: /\bprocess\.env\.(?:NODE_ENV|APP_ENV|ENV|ENVIRONMENT|STAGE)\s*[!=]==?\s*['"`](\w+)['"`]|['"`](\w+)['"`]\s*[!=]==?\s*process\.env\.(?:NODE_ENV|APP_ENV|ENV|ENVIRONMENT|STAGE)\b|\bapp\.get\(\s*['"]env['"]\s*\)\s*[!=]==?\s*['"](\w+)['"]/g,
  python: /^[ \t]*(?:el)?if\b[^\n]*?(?:\b(DEBUG)\b|(?:environ(?:\.get)?\s*[([]\s*|getenv\s*\(\s*)['"](?:ENV|ENVIRONMENT|APP_ENV|FLASK_ENV|DJANGO_ENV|STAGE)['"][^\n]*?['"](\w+)['"]|\b(?:ENV|ENVIRONMENT|APP_ENV|STAGE)\s*[!=]=\s*['"](\w+)['"])/gm,
  ruby: /\bRails\.env\.(\w+)\?|\bENV\[\s*['"](?:RACK_ENV|RAILS_ENV|APP_ENV)['"]\s*\]\s*[!=]=\s*['"](\w+)['"]/g,
  go: /\bos\.Getenv\(\s*"(?:APP_ENV|ENV|ENVIRONMENT|GO_ENV)"\s*\)\s*[!=]=\s*"(\w+)"/g
}

interface Swap { re: RegExp; service: string }
const SWAPS: Swap[] = [
  { re: /\bsqlite3?\b|\bSQLITE\b|:memory:|\bjdbc:h2:/, service: 'SQLite/in-memory SQL instead of the production database' },
  { re: /\bcache\.backends\.(?:locmem|dummy)\b|\bLocMemCache\b|\bDummyCache\b|['"](?:SimpleCache|NullCache|simple|null)['"]\s*[,}]?\s*$|:(?:memory_store|null_store)\b/, service: 'an in-process cache instead of the production cache service' },
  { re: /\bqueue_adapter\s*=\s*:(?:async|inline)\b|\b(?:CELERY_TASK_ALWAYS_EAGER|CELERY_ALWAYS_EAGER|task_always_eager)\s*=\s*True\b|['"]memory:\/\/['"]/, service: 'an in-process/eager job queue instead of the production broker' },
  { re: /\b(?:ioredis-mock|redis-mock|fakeredis|MongoMemoryServer|mongodb-memory-server)\b/, service: 'an in-memory fake instead of the production data store' }
]

const SNIPPETS: Record<string, string> = {
  // twelve-factor-ignore TF0401 -- an example URL inside remediation text, not a connection this code makes
  javascript: "Use one code path and let config choose the resource: new Sequelize(process.env.DATABASE_URL) with a local postgres from docker compose (DATABASE_URL=postgres://app:app@localhost:5432/app in .env).",
  python: "Read one URL in every environment (DATABASES = {'default': dj_database_url.config(conn_max_age=600)}; CACHES from REDIS_URL) and run the same services locally with docker compose.",
  ruby: 'Use the same adapter everywhere (queue_adapter = :sidekiq with a local Redis, cache_store = :redis_cache_store) and let ENV pick the URL.',
  go: 'Open the same driver in every environment (sql.Open("pgx", os.Getenv("DATABASE_URL"))) and run PostgreSQL locally with docker compose.',
  default: 'Keep one code path; let configuration (a URL in the environment) choose the resource, not its kind.'
}

export const envBranchServiceSwap: Rule = {
  meta: {
    id: 'TF1004',
    name: 'env-branch-service-swap',
    factor: 'X',
    severity: 'warning',
    summary: 'Code branches on the environment name (NODE_ENV, DEBUG, Rails.env) to swap in a different kind of backing service.',
    why:
      'When the environment name switches the service implementation (SQLite for development, an in-memory cache or eager queue), the ' +
      'code that runs in production is not the code developers and tests exercise: dialect, concurrency and failure behaviour differ, ' +
      'and the production path is only tested in production.',
    remediation: SNIPPETS.default,
    languages: ['javascript', 'typescript', 'python', 'ruby', 'go']
  },
  files: { kinds: ['source'], languages: ['javascript', 'typescript', 'python', 'ruby', 'go'] },
  keywords: ['sqlite', ':memory:', 'jdbc:h2', 'locmem', 'dummycache', 'simplecache', 'nullcache', "'simple'", '"simple"', 'memory_store', 'null_store', 'queue_adapter', 'always_eager', 'memory://', 'redis-mock', 'fakeredis', 'mongomemoryserver', 'mongodb-memory-server'],
  check(file, report, ctx) {
    const lang = file.language === 'typescript' ? 'javascript' : file.language
    if (lang === 'python') checkConfigClasses(shortCode(file), report, pick(SNIPPETS, ctx.app?.framework, lang))
    const cond = ENV_COND[lang]
    if (!cond) return
    const code = shortCode(file)
    const lines = code.split(/\r\n|\r|\n/)
    const reported = new Set<number>()
    cond.lastIndex = 0
    for (let m = cond.exec(code); m; m = cond.exec(code)) {
      const envName = (m.slice(1).find((g) => g) ?? '').toLowerCase()
      if (/^(test|testing|ci)$/.test(envName)) continue // test doubles in a test branch are a testing choice
      const start = file.position(m.index).line
      if ((lines[start - 1] ?? '').length > MAX_LINE) continue
      const end = branchEnd(lines, start, lang)
      for (let l = start; l <= end; l++) {
        if (reported.has(l)) continue
        const text = lines[l - 1] ?? ''
        if (text.length > MAX_LINE) continue
        const swap = SWAPS.find((s) => s.re.test(text))
        if (!swap) continue
        for (let k = start; k <= end; k++) reported.add(k) // one finding per branch
        const hit = swap.re.exec(text)!
        report({
          line: l,
          column: hit.index + 1,
          message: `Branch on ${tok(m[0].trim(), 60)} (line ${start}) swaps in ${tok(hit[0].trim())}: ${swap.service}`,
          remediation: pick(SNIPPETS, ctx.app?.framework, lang)
        })
        break
      }
    }
  }
}

/** Last line of the branch a condition opens (and its else/elif arm): braces for JS/Go, indentation for Python, `end` for Ruby. */
function branchEnd(lines: string[], start: number, lang: string): number {
  const cap = Math.min(lines.length, start + 30)
  const first = lines[start - 1] ?? ''
  if (lang === 'python') {
    const indent = first.length - first.trimStart().length
    let end = start
    for (let l = start + 1; l <= cap; l++) {
      const t = lines[l - 1]
      if (t.trim() === '') continue
      const ind = t.length - t.trimStart().length
      if (ind > indent || (ind === indent && /^\s*(else|elif)\b/.test(t))) end = l
      else break
    }
    return end
  }
  if (lang === 'ruby') {
    if (!/^\s*(if|unless|elsif|case)\b/.test(first) && !/\bdo\s*$/.test(first)) return start // modifier form: `x if Rails.env.dev?`
    for (let l = start + 1; l <= cap; l++) if (/^\s*end\b/.test(lines[l - 1]) && indentOf(lines[l - 1]) <= indentOf(first)) return l
    return start
  }
  // braces (JS/TS/Go); a ternary or single statement stays on its line
  let depth = 0
  for (let l = start; l <= cap; l++) {
    for (const ch of lines[l - 1]) {
      if (ch === '{') depth++
      else if (ch === '}') depth--
    }
    if (l === start && !first.includes('{')) return /\)\s*$/.test(first) ? Math.min(start + 1, lines.length) : start
    if (depth <= 0 && !/^\s*\}?\s*else\b/.test(lines[l] ?? '')) return l
  }
  return cap
}

const indentOf = (s: string): number => s.length - s.trimStart().length

/**
 * Flask-style config classes: `class DevelopmentConfig(Config): SQLALCHEMY_DATABASE_URI = 'sqlite:///dev.db'`
 * beside a `class ProductionConfig` that does not use the same kind of service.
 */
function checkConfigClasses(code: string, report: ReportFn, remediation: string): void {
  const lines = code.split(/\r\n|\r|\n/)
  const classes: { name: string; env: 'dev' | 'prod'; start: number; end: number }[] = []
  lines.forEach((l, i) => {
    const m = /^class\s+(\w+)\s*(?:\([^)\n]*\))?\s*:/.exec(l)
    if (!m) return
    const env = /(Dev|Development|Local)\w*Config$/.test(m[1]) ? 'dev' : /(Prod|Production)\w*Config$/.test(m[1]) ? 'prod' : undefined
    if (!env) return
    classes.push({ name: m[1], env, start: i + 1, end: branchEnd(lines, i + 1, 'python') })
  })
  const prod = classes.filter((c) => c.env === 'prod')
  if (prod.length === 0) return
  const body = (c: { start: number; end: number }): string => lines.slice(c.start, c.end).join('\n')
  for (const dev of classes.filter((c) => c.env === 'dev')) {
    for (let l = dev.start + 1; l <= dev.end; l++) {
      const text = lines[l - 1] ?? ''
      if (text.length > MAX_LINE) continue
      const swap = SWAPS.find((sw) => sw.re.test(text))
      if (!swap || prod.some((p) => swap.re.test(body(p)))) continue
      const hit = swap.re.exec(text)!
      report({
        line: l,
        column: hit.index + 1,
        message: `Config class ${tok(dev.name)} swaps in ${tok(hit[0].trim())} while ${tok(prod[0].name)} does not: ${swap.service}`,
        remediation
      })
      break
    }
  }
}
