// TF1201: schema changes run by the app at start: ORM auto-sync (sequelize.sync, TypeORM
// synchronize, Hibernate ddl-auto, GORM AutoMigrate, db.create_all) and migrations chained into the
// web/container start command. Also credits release phases and migration Jobs (facts).
import type { Rule, ReportFn, FileContext } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Severity } from '../../engine/types.js'
import { composeOf } from '../../parsers/compose.js'
import { isDeployCompose } from '../shared/deploy-images.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { procfileOf } from '../../parsers/procfile.js'
import { bootCommands, codeLines, isStartScript, matchesIn, MAX_LINE, pick, profileDocumentKind, tok } from '../shared/ix-xii-boot.js'
import { isDevOnlyPath, isTestPath } from '../../model/paths.js'
import { inNonProductionBlock } from '../../model/blocks.js'

/** Fact keys: a release phase / migration Job that runs schema changes once per release; admin task entry points. */
export const FACT_RELEASE_PHASE = 'xii-release-phase'
export const FACT_ADMIN_TASK = 'xii-admin-task'
export interface ReleasePhaseFact { app: string; file: string; line: number; how: string }
const FACT_AUTORUN_OFF = 'xii-migration-autorun-off'
interface AppFact { app: string; file: string }
export interface AdminTaskFact { app: string; file: string; line: number; task: string }

/** A migration / schema command on a command line. */
export const MIGRATE =
  /\b(?:manage\.py\s+migrate|django-admin\s+migrate|flask\s+db\s+upgrade|alembic\s+upgrade|(?:rails|rake)\s+db:(?:migrate|prepare|setup|schema:load)|sequelize(?:-cli)?\s+db:migrate|knex\s+migrate:latest|typeorm(?:-ts-node-\w+)?\s+migration:run|prisma\s+(?:migrate\s+deploy|db\s+push)|node-pg-migrate\s+up|db-migrate\s+up|(?:npm\s+run|yarn|pnpm(?:\s+run)?)\s+(?:db:)?migrat\w*(?::\w+)?|migrate\s+(?:-\S+\s+\S+\s+)*up\b|goose\s+(?:-\S+\s+)*\S+\s+\S+\s+up|flyway\s+(?:-\S+\s+)*migrate|liquibase\s+(?:--?\S+\s+)*update|php\s+artisan\s+migrate|mix\s+ecto\.migrate)\b/
const MIGRATE_ALL = new RegExp(MIGRATE.source, 'g')

/**
 * The first migration command in `text` that changes the schema. Read-only forms do not:
 * `manage.py migrate --check` / `--plan`, `alembic upgrade --sql`, `rails db:migrate:status`, `--dry-run`.
 */
export function schemaChange(text: string): RegExpExecArray | null {
  MIGRATE_ALL.lastIndex = 0
  for (let m = MIGRATE_ALL.exec(text); m; m = MIGRATE_ALL.exec(text)) {
    const rest = text.slice(m.index + m[0].length).split(/&&|\|\||;|\|/)[0]
    if (/^:status\b/.test(rest) || /(^|\s)--(check|plan|sql|dry-run|dryrun)\b/.test(rest)) continue
    return m
  }
  return null
}

/** Something that starts the long-running app after the migration. */
const SERVER = /\b(gunicorn|uvicorn|daphne|hypercorn|runserver|waitress-serve|node|nodemon|npm\s+(?:run\s+)?start|yarn\s+start|puma|unicorn|rails\s+s(?:erver)?|bundle\s+exec|java|celery|sidekiq|php-fpm|apache2-foreground|nginx)\b|"?\$\{?@\}?"?|\.\/\w+/

const SNIPPETS: Record<string, string> = {
  django: 'Run migrations once per release, not in the web command: Procfile `release: python manage.py migrate --noinput`, or a Kubernetes Job / Helm pre-upgrade hook running `python manage.py migrate`, then start `gunicorn` alone.',
  flask: 'Run `flask db upgrade` as a release step (Procfile `release: flask db upgrade`, or a Kubernetes Job), and start gunicorn alone.',
  rails: 'Run `bin/rails db:migrate` once per release (Procfile `release: bin/rails db:migrate`, Kamal pre-deploy hook, or a Kubernetes Job) instead of on every container start.',
  javascript: 'Run migrations as a one-off release step (`release: npx sequelize-cli db:migrate` / `npx prisma migrate deploy` in a Procfile release phase or a Kubernetes Job) and keep `start` to `node dist/server.js`.',
  java: 'Let a release step own the schema: run Flyway/Liquibase as a Kubernetes Job or CI step and set spring.jpa.hibernate.ddl-auto=validate (or none) in the app.',
  'spring-boot': 'Set spring.jpa.hibernate.ddl-auto=validate (or none) and manage the schema with Flyway/Liquibase migrations run as a release step.',
  go: 'Move AutoMigrate into a separate one-off command (cmd/migrate) run as a release step or Kubernetes Job, not in the server main().',
  default: 'Run schema changes as a one-off admin process per release (release phase, Kubernetes Job, Helm hook), not in the start command of every instance.'
}

/** Without a framework's own fix, name the migration command the finding saw (prisma, not a list with sequelize). */
function forCommand(fix: string, command: string): string {
  if (fix !== SNIPPETS.javascript && fix !== SNIPPETS.default) return fix
  return `Run \`${command}\` once per release as a one-off step (a Procfile \`release:\` phase, a Kubernetes Job or Helm pre-upgrade hook, or a CI deploy step) and start the server alone.`
}

export const schemaChangeAtStart: Rule = {
  meta: {
    id: 'TF1201',
    name: 'schema-change-at-start',
    factor: 'XII',
    severity: 'error',
    summary: 'The app changes the database schema when it starts (ORM auto-sync, migrations in the start command).',
    why:
      'Admin tasks such as migrations run as one-off processes against a release, once. Run at start they run in every replica at ' +
      'the same time (racing each other), on every restart and scale-out, slow down startup, and auto-sync modes can drop or alter ' +
      'production data without a reviewed migration.',
    remediation: SNIPPETS.default,
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go']
  },
  files: { kinds: ['source', 'other', 'properties', 'yaml', 'xml', 'dockerfile', 'procfile', 'kubernetes', 'compose', 'manifest'] },
  keywords: ['migrat', 'sync(', 'synchronize', 'ddl-auto', 'ddl_auto', 'hbm2ddl', 'automigrate', 'create_all', 'db push', 'db:', 'alembic', 'upgrade', 'release', 'ecto', 'flyway', 'liquibase', 'goose'],
  check(file, report, ctx) {
    const fw = ctx.app?.framework
    const lang = ctx.app?.language ?? file.language
    const fix = pick(SNIPPETS, fw, lang)
    switch (file.kind) {
      case 'dockerfile':
        if (file.role === 'app') return checkDockerfile(file, report, fix)
        return
      case 'procfile':
        return checkProcfile(file, report, ctx)
      case 'kubernetes':
        if (file.role === 'app') return checkKubernetes(file, report, ctx, fix)
        return
      case 'compose':
        // A compose file that deploys (named for production, or restart policies without a live-mounted build).
        if (file.role === 'app' || isDeployCompose(file)) return checkCompose(file, report, fix)
        return
      case 'manifest':
        if (file.name === 'package.json') return checkPackageJson(file, report, ctx, fix)
        return
      case 'properties':
      case 'yaml':
      case 'xml':
        return checkHibernate(file, report, fix, ctx)
      default:
    }
    if (file.language === 'shell' && isStartScript(file.path)) return checkScript(file, report, fix)
    if (file.kind === 'source' || isExpressBinWww(file)) checkCode(file, report, fix)
  },
  checkRepo(repo, report) {
    // Spring Boot runs Flyway/Liquibase on startup when they are on the classpath.
    const released = new Set(repo.facts.get<ReleasePhaseFact>(FACT_RELEASE_PHASE).map((f) => f.app))
    const off = new Set(repo.facts.get<AppFact>(FACT_AUTORUN_OFF).map((f) => f.app))
    for (const app of repo.apps) {
      if (app.framework !== 'spring-boot' || released.has(app.path) || off.has(app.path)) continue
      const file = repo.get(app.manifest)
      if (!file) continue
      const m = /\b(flyway-core|flyway-database-\w+|liquibase-core)\b/.exec(file.code)
      if (!m) continue
      const tool = m[1].startsWith('flyway') ? 'flyway' : 'liquibase'
      report({
        file: app.manifest,
        line: file.position(m.index).line,
        severity: 'notice',
        message: `${tok(m[1])} with Spring Boot runs ${tool === 'flyway' ? 'Flyway' : 'Liquibase'} migrations in every instance at startup, and no release Job runs them separately`,
        remediation: `Set spring.${tool}.enabled=false in the app and run the migrations once per release (a Kubernetes Job with the same image running \`${tool === 'flyway' ? 'flyway migrate' : 'liquibase update'}\`, or a CI release step).`
      })
    }
  }
}

function checkDockerfile(file: SourceFile, report: ReportFn, fix: string): void {
  const { entrypoint, cmd } = bootCommands(file)
  for (const bc of [entrypoint, cmd]) {
    if (!bc) continue
    const m = schemaChange(bc.text)
    if (!m) continue
    const after = bc.text.slice(m.index + m[0].length)
    if (!/(&&|;|\|\|)/.test(after) || !SERVER.test(after)) continue // a dedicated migration image is a one-off process
    report({ ...where(file, bc.instruction.line, bc.instruction.endLine, bc.text, m), message: `${bc.keyword} runs ${tok(m[0])} before starting the app: every container start (each replica, each restart) migrates the schema`, remediation: forCommand(fix, m[0]) })
  }
}

/** Where match `m` of the command `text` is among an instruction's lines (the keyword's line when not written verbatim). */
function where(file: SourceFile, line: number, endLine: number, text: string, m: RegExpExecArray): { line: number; column?: number } {
  const whole = file.line(line).indexOf(text)
  if (whole !== -1) return { line, column: whole + m.index + 1 }
  for (let l = line; l <= endLine; l++) {
    const i = file.line(l).indexOf(m[0])
    if (i !== -1) return { line: l, column: i + 1 }
  }
  return { line }
}

function checkProcfile(file: SourceFile, report: ReportFn, ctx: FileContext): void {
  for (const p of procfileOf(file)) {
    const m = schemaChange(p.command)
    if (p.type === 'release') {
      ctx.facts.add<ReleasePhaseFact>(FACT_RELEASE_PHASE, { app: ctx.app?.path ?? '.', file: file.path, line: p.line, how: `Procfile release: ${p.command}` })
      continue
    }
    if (!m) continue
    report({
      line: p.line,
      column: p.column + m.index,
      severity: file.role === 'app' ? 'error' : 'notice',
      message: `Procfile process \`${p.type}\` runs ${tok(m[0])} on every start: each dyno/instance migrates the schema`,
      // the Procfile-specific fix alone: the framework's generic one repeats it ("Procfile `release: ...`")
      remediation: `Move it to a release phase, \`release: ${m[0]}\`, and keep \`${p.type}:\` to the server command alone.`
    })
  }
}

function checkKubernetes(file: SourceFile, report: ReportFn, ctx: FileContext, fix: string): void {
  const app = ctx.app?.path ?? '.'
  for (const w of kubernetesOf(file).workloads) {
    const hook = w.annotations['helm.sh/hook'] ?? w.annotations['argocd.argoproj.io/hook']
    for (const c of w.containers) {
      const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ')
      const m = schemaChange(cmd)
      if (!m) continue
      if (w.kind === 'Job' || w.kind === 'CronJob') {
        ctx.facts.add<ReleasePhaseFact>(FACT_RELEASE_PHASE, { app, file: file.path, line: c.commandLine, how: `${w.kind} ${w.name}${hook ? ` (hook ${hook})` : ''}: ${m[0]}` })
        continue
      }
      if (w.kind === 'Pod') continue
      if (c.init) {
        report({
          line: c.commandLine,
          severity: 'notice',
          message: `initContainer ${tok(c.name)} of ${w.kind} ${tok(w.name)} runs ${tok(m[0])}: every pod migrates on start, concurrently during rollouts`,
          remediation: 'Run the migration once per release as a Job (e.g. a Helm pre-upgrade hook or an Argo CD PreSync hook) with the same image and config as the Deployment.'
        })
        continue
      }
      report({ line: c.commandLine, message: `Container ${tok(c.name)} of ${w.kind} ${tok(w.name)} runs ${tok(m[0])} in its start command: every replica migrates on every start`, remediation: forCommand(fix, m[0]) })
    }
  }
}

function checkCompose(file: SourceFile, report: ReportFn, fix: string): void {
  for (const s of composeOf(file).services) {
    const cmd = [...(s.entrypoint ?? []), ...(s.command ?? [])].join(' ')
    const m = schemaChange(cmd)
    if (!m || !SERVER.test(cmd.slice(m.index + m[0].length))) continue
    report({ line: s.commandLine, severity: 'warning', message: `Service ${tok(s.name)} runs ${tok(m[0])} before starting: migrations run on every container start`, remediation: `Use a one-off service (\`docker compose run --rm ${s.name} ${m[0]}\`) for migrations. ${fix}` })
  }
}

function checkPackageJson(file: SourceFile, report: ReportFn, ctx: FileContext, fix: string): void {
  const pkg = packageJsonOf(file)
  const scripts = pkg.data?.scripts
  if (!scripts || typeof scripts !== 'object') return
  for (const [name, cmd] of Object.entries(scripts)) {
    if (typeof cmd !== 'string') continue
    if (/^(db:)?(migrat|seed)/.test(name)) ctx.facts.add<AdminTaskFact>(FACT_ADMIN_TASK, { app: ctx.app?.path ?? '.', file: file.path, line: pkg.lineOf('scripts', name), task: `npm run ${name}` })
    if (!/^(pre|post)?start(:prod(uction)?)?$/.test(name)) continue
    const m = schemaChange(cmd)
    if (!m) continue
    report({ line: pkg.lineOf('scripts', name), message: `npm script \`${name}\` runs ${tok(m[0])}: every \`npm start\` (each instance, each restart) changes the schema`, remediation: forCommand(fix, m[0]) })
  }
}

function checkHibernate(file: SourceFile, report: ReportFn, fix: string, ctx: FileContext): void {
  const dev = isDevOnlyPath(file.path)
  if (!dev && /\b(flyway|liquibase)(?:\.enabled\s*[=:]|:\s*\r?\n\s+enabled\s*:)\s*["']?false\b/.test(file.code)) {
    ctx.facts.add<AppFact>(FACT_AUTORUN_OFF, { app: ctx.app?.path ?? '.', file: file.path })
  }
  const re =
    file.kind === 'xml'
      ? /\bname\s*=\s*["']hibernate\.hbm2ddl\.auto["']\s+value\s*=\s*["'](create-drop|update|create)["']/g
      : file.kind === 'yaml'
        ? /^[ \t]*(?:ddl-auto|ddl_auto|hbm2ddl\.auto)[ \t]*:[ \t]*["']?(create-drop|update|create)\b/gm
        : /^[ \t]*(?:spring\.jpa\.hibernate\.ddl-auto|spring\.jpa\.properties\.hibernate\.hbm2ddl\.auto|hibernate\.hbm2ddl\.auto)[ \t]*[=:][ \t]*(create-drop|update|create)\b/gm
  if (file.kind !== 'xml' && !/(^|\/)(application|bootstrap|hibernate)[^/]*\.(properties|ya?ml)$/.test(file.path)) return
  for (const { m, line, column } of matchesIn(file, re)) {
    const kind = file.kind !== 'xml' ? profileDocumentKind(file.text, m.index) : undefined
    if (kind === 'test') continue // a test-only profile document, like application-test.yml
    const profile = kind === 'dev'
    const severity: Severity = dev || profile ? 'notice' : 'error'
    const destructive = m[1] !== 'update'
    report({
      line,
      column,
      severity,
      message: `Hibernate schema auto-${m[1]} (${tok(m[0].trim())}) changes the schema at app start${destructive ? ' and drops existing tables' : ''}${dev ? ' (dev-only config)' : profile ? ' (dev-only Spring profile document)' : ''}`,
      remediation: fix
    })
  }
}

function checkScript(file: SourceFile, report: ReportFn, fix: string): void {
  const lines = file.code.split(/\r\n|\r|\n/)
  if (!lines.some((l) => SERVER.test(l))) return
  lines.forEach((l, i) => {
    if (l.length > MAX_LINE || /^\s*(echo|printf)\b/.test(l)) return
    const m = schemaChange(l)
    if (!m) return
    report({ line: i + 1, column: m.index + 1, severity: 'warning', message: `Entrypoint runs ${tok(m[0])} on every container start before the app`, remediation: forCommand(fix, m[0]) })
  })
}

/** A function named for the admin task (Migrate, migrate_db, initDb, setup_schema): an admin entry, run on purpose. */
const ADMIN_FUNCTION = /\b(?:func\s+(?:\([^)\n]{0,80}\)\s*)?|function\s*\*?\s*|def\s+|async\s+)(\w{0,40}(?:[Mm]igrat|[Ii]nit_?[Dd][Bb]|[Ss]etup_?[Dd][Bb]|[Cc]reate_?[Ss]chema|[Ss]ync_?[Ss]chema|[Ss]eed)\w{0,40})\s*\(|\b(\w{0,40}(?:[Mm]igrat|[Ii]nit_?[Dd][Bb]|[Ss]etup_?[Dd][Bb]|[Cc]reate_?[Ss]chema)\w{0,40})\s*=\s*(?:async\s*)?(?:\([^)\n]{0,80}\)|\w+)\s*=>/

/** Is line `i` (0-based) inside a function named for migrating, seeding or creating the schema (within 30 lines)? */
function inAdminFunction(lines: readonly string[], i: number): boolean {
  let indent = (lines[i] ?? '').search(/\S/)
  for (let j = i; j >= Math.max(0, i - 30); j--) {
    const prev = lines[j]
    if (prev.length > MAX_LINE || prev.trim() === '') continue
    const pIndent = prev.search(/\S/)
    if (j < i && pIndent >= indent) continue
    if (ADMIN_FUNCTION.test(prev)) return true
    if (j < i) indent = pIndent
    if (pIndent === 0 && j < i) return false // reached a top-level statement that is not such a function
  }
  return false
}

/** express-generator's `bin/www`: the JavaScript file `npm start` runs, without an extension. */
function isExpressBinWww(file: SourceFile): boolean {
  return file.kind === 'other' && /(^|\/)bin\/www$/.test(file.path) && /\brequire\s*\(|\bimport\s/.test(file.code)
}

function checkCode(file: SourceFile, report: ReportFn, fix: string): void {
  if (file.role !== 'app' || isTestPath(file.path)) return
  // Admin commands are where schema changes belong (express-generator's bin/www is the server, not one).
  if (!isExpressBinWww(file) && /(^|\/)(migrations?|migrate|seeds?|seeders?|scripts?|management\/commands|lib\/tasks|db|cmd\/[^/]*migrat[^/]*|bin)\//i.test(file.path) || /(migrat|seed)[^/]*$/i.test(file.name)) return
  const dev = isDevOnlyPath(file.path)
  const rep = (line: number, column: number, severity: Severity, message: string): void => {
    if (inNonProductionBlock(codeLines(file), line - 1)) return // if (NODE_ENV === 'test') await sequelize.sync()
    if (inAdminFunction(codeLines(file), line - 1)) return // func Migrate(db *gorm.DB) error { return db.AutoMigrate(...) }
    report({ line, column, severity: dev ? 'notice' : severity, message: message + (dev ? ' (dev-only code)' : ''), remediation: fix })
  }
  const lang = file.language === 'typescript' || isExpressBinWww(file) ? 'javascript' : file.language
  if (lang === 'javascript') {
    // knex and umzug migrators run from the server's start path.
    for (const { m, line, column } of matchesIn(file, /\b\w+\.migrate\.latest\s*\(|\b(?:umzug|migrator)\.up\s*\(/g)) {
      if (!/knex|umzug/i.test(file.code) || !/\.listen\s*\(|createServer\s*\(|app\.start\s*\(|bootstrap\s*\(/.test(file.code)) continue
      rep(line, column, 'warning', `${tok(m[0].replace(/\s*\($/, '()'))} runs migrations in the server's start path: every instance migrates on every start`)
    }
    for (const { m, line, column } of matchesIn(file, /\b(\w+)\.sync\s*\(\s*(\{[^}\n]*\})?\s*\)/g)) {
      if (!/sequelize|db|orm|models?/i.test(m[1]) || !/sequelize/i.test(file.code)) continue
      const force = m[2] && /\b(force|alter)\s*:\s*true/.exec(m[2])
      rep(line, column, force ? 'error' : 'warning', `${tok(m[0])} ${force ? `(${force[1]}: true) rewrites tables` : 'creates tables'} at app start instead of running reviewed migrations once per release`)
    }
    for (const { m, line, column } of matchesIn(file, /\b(synchronize|migrationsRun)\s*:\s*true\b/g)) {
      if (!/typeorm|DataSource|TypeOrmModule/.test(file.code)) continue
      rep(line, column, m[1] === 'synchronize' ? 'error' : 'warning', m[1] === 'synchronize' ? `TypeORM ${tok(m[0])} alters the schema from the entities on every start` : `TypeORM ${tok(m[0])} runs migrations in every instance at start`)
    }
  } else if (lang === 'python') {
    // Boot path only: AppConfig.ready(), wsgi/asgi, settings, package __init__ (a view doing it is TF1205).
    if (/(^|\/)(apps|wsgi|asgi|settings[^/]*|__init__|app|main|run)\.py$/.test(file.path) || /(^|\/)settings\//.test(file.path)) {
      for (const { m, line, column } of matchesIn(file, /\bcall_command\s*\(\s*['"]migrate['"]/g)) rep(line, column, 'error', `${tok(m[0])} migrates the schema from app code at start`)
    }
    for (const { m, line, column } of matchesIn(file, /\bdb\.create_all\s*\(\s*\)/g)) {
      const before = file.code.slice(Math.max(0, m.index - 400), m.index)
      if (/@(?:\w+\.)?(?:cli\.)?command\b|@click\.command|def\s+(?:init_db|create_db|initdb|setup_db)\b/.test(before)) continue
      rep(line, column, 'warning', `${tok(m[0])} creates the schema at app start instead of in a one-off command (flask db upgrade)`)
    }
  } else if (lang === 'go') {
    if (!/gorm/.test(file.code)) return
    for (const { m, line, column } of matchesIn(file, /\b\w+\.AutoMigrate\s*\(/g)) rep(line, column, 'warning', `GORM ${tok(m[0])} alters the schema every time the app starts`)
    // A Migrate() helper is an admin entry point only if something other than the server's main() calls it.
    if (/^package\s+main\b/m.test(file.code)) {
      const helpers = [...file.code.matchAll(/^func\s+(\w+)\s*\([^)]*\)[^{\n]*\{[^]*?^\}/gm)].filter((f) => /\.AutoMigrate\s*\(/.test(f[0]) && f[1] !== 'main').map((f) => f[1])
      const main = /^func\s+main\s*\(\s*\)\s*\{[^]*?^\}/m.exec(file.code)
      for (const name of helpers) {
        if (!main) break
        const call = new RegExp(`^\\s*(?:\\w+\\s*:?=\\s*)?${name}\\s*\\(`, 'm').exec(main[0])
        if (!call) continue
        const at = file.position(main.index + call.index + call[0].search(/\S/))
        report({ line: at.line, column: at.column, severity: 'warning', message: `main() calls ${tok(name + '()')}, which runs GORM AutoMigrate, on every start of every instance`, remediation: fix })
      }
    }
  } else if (lang === 'ruby') {
    for (const { m, line, column } of matchesIn(file, /\bActiveRecord::(?:Tasks::DatabaseTasks\.migrate|MigrationContext\.new\([^)\n]*\)\.migrate|Migrator\.migrate)\b/g)) rep(line, column, 'error', `${tok(m[0])} runs migrations from app code`)
  }
}
