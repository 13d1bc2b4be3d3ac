// TF1202: a one-off admin script with a hardcoded database/broker host (and maybe credentials): it
// can only ever run against that one environment, not against whichever release it is run in.
import type { Rule } from '../../engine/rule.js'
import { isAdminScript, matchesIn, pick, tok } from '../shared/ix-xii-boot.js'

const LOCAL = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|::1|db|database|postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|rabbitmq|broker|cache|host\.docker\.internal|[\w.-]*example\.(com|org|net)|[\w.-]+\.(local|localhost|test|invalid))$/i
const TARGET_URL = /\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?):\/\/(?:([^\s'"@/:]*)(?::([^\s'"@/]*))?@)?([A-Za-z0-9.-]+)/g
const HOST_ARG = /\bhost\s*[=:]\s*['"]([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)['"]/g
const CLI_HOST = /\b(?:psql|pg_dump|pg_restore|mysql|mysqldump|mongo|mongosh|mongodump|redis-cli)\b[^\n]*?\s(?:-h|--host[= ])\s*([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g

const SNIPPETS: Record<string, string> = {
  python: "Read the target from the environment the script runs in: conn = psycopg.connect(os.environ['DATABASE_URL']); run it as a one-off in the release (heroku run python scripts/x.py, kubectl exec / a Job with the app's env).",
  javascript: "Read the target from the environment: const client = new pg.Client({ connectionString: process.env.DATABASE_URL }); run it as a one-off with the release's config (npm run <task> inside the app container).",
  ruby: "Use the app's configured connections (Rails.cache, ActiveRecord::Base.connection, Redis.new(url: ENV.fetch('REDIS_URL'))) and run it in the release (bin/rails <task> with the app's environment), not against a hardcoded host.",
  shell: 'Use the environment: psql "$DATABASE_URL" -c ...; run the script in the release environment (kubectl exec / a Job with the app\'s env) instead of naming a host.',
  default: "Read connection settings from the environment of the release the script runs against (DATABASE_URL, REDIS_URL), like the app does."
}

export const adminScriptHardcodedTarget: Rule = {
  meta: {
    id: 'TF1202',
    name: 'admin-script-hardcoded-target',
    factor: 'XII',
    severity: 'warning',
    summary: 'A one-off admin script hardcodes the database/broker host (or credentials) it runs against.',
    why:
      'Admin processes run against a release, with the same code and config as its long-running processes. A script that names a ' +
      'host works for one environment only, bypasses the release config, invites running it from a laptop against production, and ' +
      'puts credentials into the codebase.',
    remediation: SNIPPETS.default,
    languages: ['python', 'javascript', 'typescript', 'ruby', 'shell', 'go'],
    // the same hardcoded host reported as a service locator (Factor IV) is one problem, reported once there
    deferTo: ['TF0401']
  },
  files: { kinds: ['source', 'other'], path: /(^|\/)(scripts?|bin|tasks|tools|admin|ops|management\/commands|lib\/tasks)\/[^/]+$/ },
  keywords: ['://', 'host', '-h '],
  check(file, report) {
    if (!isAdminScript(file.path) || file.language === 'none') return
    const lang = file.language === 'typescript' ? 'javascript' : file.language
    const fix = pick(SNIPPETS, undefined, lang)
    const seen = new Set<number>()
    for (const { m, line, column } of matchesIn(file, TARGET_URL)) {
      const host = m[4]
      if (LOCAL.test(host) || seen.has(line)) continue
      seen.add(line)
      const password = m[3]
      report({ line, column, message: `Admin script connects to hardcoded ${m[1]} host ${tok(host)}${password ? ' with inline credentials' : ''}: it can only run against that one environment`, remediation: fix, ...(password ? { secret: password } : {}) })
    }
    for (const re of [HOST_ARG, CLI_HOST]) {
      for (const { m, line, column } of matchesIn(file, re)) {
        const host = m[1]
        if (LOCAL.test(host) || seen.has(line)) continue
        seen.add(line)
        report({ line, column, message: `Admin script targets hardcoded host ${tok(host)}: it can only run against that one environment`, remediation: fix })
      }
    }
  }
}
