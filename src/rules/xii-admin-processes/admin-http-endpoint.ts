// TF1205: admin actions exposed as HTTP endpoints of the running app (/admin/migrate, /run-job,
// /seed) whose handler runs migrations, seeds or scripts.
import type { Rule } from '../../engine/rule.js'
import { codeLines, matchesIn, pick, tok } from '../shared/ix-xii-boot.js'
import { isDevOnlyPath, isDevOrTestName } from '../../model/paths.js'
import { inNonProductionBlock } from '../../model/blocks.js'

const ROUTE: Partial<Record<string, RegExp>> = {
  javascript: /\b(?:app|router|server|fastify|api|r)\.(?:get|post|put|patch|all|use)\s*\(\s*['"`]([^'"`\n]+)['"`]/g,
  python: /@\w+\.(?:route|get|post|put|api_route)\s*\(\s*['"]([^'"\n]+)['"]|\b(?:re_)?path\s*\(\s*r?['"]([^'"\n]+)['"]\s*,\s*([\w.]+)/g,
  ruby: /^[ \t]*(?:get|post|put|patch|match)\s+['"]([^'"\n]+)['"]/gm,
  java: /@(?:Get|Post|Put|Request)Mapping\s*\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*"([^"\n]+)"/g,
  go: /\b(?:HandleFunc|Handle|GET|POST|PUT|Get|Post|Put)\s*\(\s*"([^"\n]+)"/g
}
const ADMIN_PATH = /(^|[/_-])(migrate|migrations?|run-?migrations?|db-?migrate|seed|reseed|seed-?db|run-?jobs?|run-?tasks?|run-?script|exec-?script|reindex|rebuild-?index|reset-?db|db-?reset|flush-?db|sync-?db|syncdb|drop-?db|truncate|backfill)([/_.-]|$)/i
/** Code that runs an admin action (calls and references, not words in page text). */
const ACTION =
  /\b(?:umzug|call_command|alembic|child_process|execSync|execFile|subprocess|os\.system|Runtime\.getRuntime\(\)\.exec|ProcessBuilder|Rake::Task|ActiveRecord::Migration|ActiveRecord::Tasks|exec\.Command|AutoMigrate|Flyway|Liquibase|load_seed|db:seed|db:migrate|sequelize\.sync|knex\.migrate)\b|\.(?:migrate|migrateLatest|runMigrations|seed\w*)\b|\b(?:migrate|run_?[Mm]igrations?|seed\w*|upgrade|spawn|exec|system)\s*\(/

const SNIPPETS: Record<string, string> = {
  javascript: 'Remove the route and run the task as a one-off process in the release: `npm run migrate` / `npx sequelize-cli db:migrate` (Procfile release phase, kubectl exec or a Kubernetes Job).',
  python: 'Remove the view and run the task as a one-off process: a management command (`python manage.py migrate`, `python manage.py <your_command>`) or `flask db upgrade`, as a release phase or Kubernetes Job.',
  ruby: 'Remove the route and run it as a one-off: `bin/rails db:seed`, `bin/rails db:migrate` or a rake task (`bin/rails my:task`) in the release phase, `kamal app exec` or a Kubernetes Job.',
  java: 'Remove the endpoint; run Flyway/Liquibase or the batch task as a one-off (a Spring Boot CommandLineRunner in a Job, or the flyway CLI).',
  go: 'Remove the handler; ship the task as a separate command (cmd/migrate) and run it as a Kubernetes Job or release step.',
  default: 'Run admin tasks as one-off processes against the release, not as HTTP endpoints of the running app.'
}

export const adminHttpEndpoint: Rule = {
  meta: {
    id: 'TF1205',
    name: 'admin-http-endpoint',
    factor: 'XII',
    severity: 'warning',
    summary: 'An HTTP route of the running app performs an admin task (migrate, seed, run job/script).',
    why:
      'Admin tasks are one-off processes run deliberately against a release. Behind an HTTP route they run inside a web process ' +
      '(under request timeouts, possibly on several replicas at once), leave no process-level record, and turn a schema change or a ' +
      'script into something anyone who reaches the URL can trigger.',
    remediation: SNIPPETS.default,
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go']
  },
  files: { kinds: ['source'] },
  keywords: ['migrat', 'seed', 'job', 'task', 'script', 'reindex', 'index', 'reset', 'flush', 'sync', 'drop', 'truncate', 'backfill'],
  check(file, report, ctx) {
    const lang = file.language === 'typescript' ? 'javascript' : file.language === 'kotlin' ? 'java' : file.language
    const re = ROUTE[lang]
    if (!re) return
    // Seeding routes for end-to-end tests (routes/test-support.ts, e2e-routes.js) are not mounted in production.
    if (isDevOrTestName(file.path) || isDevOnlyPath(file.path)) return
    if (lang === 'ruby' && !/(^|\/)config\/routes\.rb$/.test(file.path) && !/\bSinatra\b|<\s*Sinatra::Base/.test(file.code)) return
    const lines = file.code.split(/\r\n|\r|\n/)
    for (const { m, line, column } of matchesIn(file, re)) {
      const path = m[1] ?? m[2]
      if (!path || !ADMIN_PATH.test(path)) continue
      if (inNonProductionBlock(codeLines(file), line - 1)) continue // if (process.env.NODE_ENV === 'test') app.post('/__test__/seed', ...)
      // The handler: the next lines (inline handlers), or the view/controller the route names.
      const after = lines.slice(line, line + 25)
      const next = after.findIndex((l) => new RegExp(re.source, re.flags.replace('g', '')).test(l))
      const rest = (lines[line - 1] ?? '').slice(column - 1 + m[0].length)
      const window = [rest, ...(next === -1 ? after : after.slice(0, next))].join('\n')
      const target = m[3] ?? /=>\s*['"]([\w#/]+)['"]|to:\s*['"]([\w#/]+)['"]/.exec(lines[line - 1] ?? '')?.slice(1).find((g) => g)
      const inline = ACTION.exec(window)?.[0]
      const named = target && /(migrat|seed|run_?job|run_?task|run_?script|reindex|reset|sync|backfill)/i.test(target) ? target : undefined
      const acts = inline ?? named
      if (!acts) continue
      report({
        line,
        column,
        message: `HTTP route ${tok(path)} runs an admin task (${tok(acts)}) inside the web process`,
        remediation: pick(SNIPPETS, ctx.app?.framework, lang)
      })
    }
  }
}
