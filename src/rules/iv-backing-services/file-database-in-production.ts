// TF0404: a file-based store (SQLite, H2 file) used as the app's database outside development:
// Django DATABASES with sqlite3, Rails database.yml production on sqlite3, Spring jdbc:sqlite /
// jdbc:h2:file, and code in a web app opening an SQLite file.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Report } from '../../engine/types.js'
import { isEnvFallback } from '../shared/backing-service-urls.js'
import { isDevOrTestName } from '../../model/paths.js'
import { inNonProductionBlock } from '../../model/blocks.js'

const WHY_SHORT = 'a file on the local disk is not an attached resource: it cannot be swapped per deploy, is lost when the container is replaced and cannot be shared by a second process'

function django(file: SourceFile, out: (r: Report) => void): void {
  const lines = file.code.split(/\r\n|\r|\n/)
  let inTopLevelDatabases = false
  lines.forEach((line, i) => {
    if (line.length > 4000) return
    if (/^DATABASES\s*=/.test(line)) inTopLevelDatabases = true
    else if (/^[A-Za-z_]/.test(line)) inTopLevelDatabases = false // another top-level statement (or DATABASES inside if/else)
    if (!inTopLevelDatabases) return
    const m = /(['"])django\.db\.backends\.sqlite3\1/.exec(line)
    if (!m) return
    out({
      line: i + 1,
      column: m.index + 1,
      message: `Django DATABASES uses \`django.db.backends.sqlite3\` in ${file.name}: ${WHY_SHORT}`,
      remediation: "Attach a database server through the environment: `DATABASES = {'default': dj_database_url.config(conn_max_age=600)}` with DATABASE_URL=postgres://... per deploy; keep SQLite for a settings_dev.py."
    })
  })
}

function railsDatabaseYml(file: SourceFile, out: (r: Report) => void): void {
  let section = ''
  let defaultSqlite = false
  let reportedInSection = false
  file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.length > 4000) return
    const top = /^([A-Za-z_][\w-]{0,60}):/.exec(line)
    if (top) {
      section = top[1]
      reportedInSection = false
    }
    const adapter = /^\s+adapter:\s*['"]?sqlite3?\b/.exec(line)
    if (adapter && section === 'default') defaultSqlite = true
    if (!/^(production|staging)$/.test(section) || reportedInSection) return
    const db = /^\s+database:\s*['"]?([^'"\s#<]{1,200}\.sqlite3?|[^'"\s#<]{1,200}\.db)\b/.exec(line)
    if (adapter || (db && defaultSqlite) || (db && /\.sqlite3?$/.test(db[1]))) {
      reportedInSection = true
      out({
        line: i + 1,
        column: (line.search(/\S/) ?? 0) + 1,
        message: `Rails ${section} database is SQLite (${db ? `\`${db[1]}\`` : '`adapter: sqlite3`'}): ${WHY_SHORT}`,
        remediation: `Attach a database server: \`${section}:\\n  url: <%= ENV["DATABASE_URL"] %>\` (Rails reads DATABASE_URL by itself), with the host set per deploy.`
      })
    }
  })
}

function springProps(file: SourceFile, out: (r: Report) => void): void {
  file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.length > 4000) return
    const m = /jdbc:(sqlite:|h2:file:|h2:~|h2:\.\/|h2:\/|derby:(?!memory))[^\s'"]{0,300}/.exec(line)
    if (!m || /\$\{/.test(line.slice(0, m.index))) return
    out({ line: i + 1, column: m.index + 1, message: `\`${m[0]}\` is a file-based database: ${WHY_SHORT}`, remediation: 'Point spring.datasource.url at a database server given by the environment: `spring.datasource.url=${DATABASE_URL}` (or SPRING_DATASOURCE_URL per deploy); keep H2/SQLite in application-dev.properties.' })
  })
}

const CODE_PATTERNS: { language: RegExp; re: RegExp; fix: string }[] = [
  { language: /^(javascript|typescript)$/, re: /new\s+(?:sqlite3\.)?Database\s*\(\s*(['"`])([^'"`]{1,200}\.(?:db|sqlite3?))\1/, fix: 'Connect to a database server given by `process.env.DATABASE_URL` (pg, mysql2, Prisma) instead of a file in the container.' },
  { language: /^(javascript|typescript)$/, re: /\b(?:client|dialect|type)\s*:\s*(['"])(sqlite3?|better-sqlite3)\1/, fix: 'Configure the ORM from `process.env.DATABASE_URL` with a server dialect (postgres, mysql) for deployed environments.' },
  { language: /^python$/, re: /\bsqlite3\.connect\s*\(\s*[rbf]?(['"])((?!:memory:)[^'"]{1,200})\1/, fix: "Use a database server from the environment: `create_engine(os.environ['DATABASE_URL'])` (SQLAlchemy) or psycopg." },
  { language: /^python$/, re: /create_engine\s*\(\s*[rbf]?(['"])(sqlite:\/\/\/(?!:memory:)[^'"]{1,200})\1/, fix: "Use `create_engine(os.environ['DATABASE_URL'])` with a server URL per deploy." },
  { language: /^go$/, re: /(?:sql\.Open|sqlx\.(?:Open|Connect))\s*\(\s*"(sqlite3?)"\s*,\s*"((?!:memory:)[^"]{1,200})"/, fix: 'Open a server database from the environment: `sql.Open("pgx", os.Getenv("DATABASE_URL"))`.' },
  { language: /^go$/, re: /sqlite\.Open\s*\(\s*(")((?!:memory:|file::memory:)[^"]{1,200})"/, fix: 'Open a server database from the environment: `gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")))`.' },
  { language: /^ruby$/, re: /Sequel\.sqlite\s*\(\s*(['"])([^'"]{1,200})\1|adapter:\s*(['"])(sqlite3)\3/, fix: "Connect with `Sequel.connect(ENV.fetch('DATABASE_URL'))` / `ActiveRecord::Base.establish_connection(ENV.fetch('DATABASE_URL'))`." }
]

export const fileDatabaseInProduction: Rule = {
  meta: {
    id: 'TF0404',
    name: 'file-database-in-production',
    factor: 'IV',
    severity: 'warning',
    summary: 'A file-based store (SQLite, H2 file) is the database of a deployed (non-development) configuration.',
    why:
      'Factor IV expects the database to be an attached resource named by config, and Factor VI expects processes to keep no state on their own disk. An SQLite or H2 file lives inside one container: it vanishes on redeploy, cannot be shared by a second process and cannot be replaced by attaching another database.',
    remediation: 'Use a database server (Postgres, MySQL...) attached through DATABASE_URL in deployed environments; keep SQLite for development and tests, in dev-only settings.',
    languages: ['python', 'ruby', 'java', 'javascript', 'typescript', 'go']
  },
  files: { kinds: ['source', 'yaml', 'properties'], roles: ['app'] },
  keywords: ['sqlite', 'jdbc:h2:file', 'jdbc:h2:~', 'jdbc:h2:./', 'jdbc:h2:/', 'jdbc:derby'],
  check(file, report, ctx) {
    if (isDevOrTestName(file.path)) return
    const p = file.path
    if (file.language === 'python' && /(^|\/)(settings(_\w+)?\.py|settings\/\w+\.py)$/.test(p)) return django(file, report)
    if (file.kind === 'yaml' && /(^|\/)config\/database\.yml$/.test(p)) return railsDatabaseYml(file, report)
    if ((file.kind === 'properties' || file.kind === 'yaml') && /(^|\/)application(-\w+)?\.(properties|ya?ml)$/.test(p)) return springProps(file, report)
    if (file.kind !== 'source' || !ctx.app?.framework) return // a CLI or desktop tool may keep its data in SQLite
    const lines = file.code.split(/\r\n|\r|\n/)
    lines.forEach((line, i) => {
      if (line.length > 4000) return
      for (const pat of CODE_PATTERNS) {
        if (!pat.language.test(file.language)) continue
        const m = pat.re.exec(line)
        if (!m || isEnvFallback(line, lines[i - 1] ?? '') || inNonProductionBlock(lines, i)) continue
        const token = m[2] ?? m[4] ?? m[0]
        if (/(^|[./_-])(dev|development|test|local)([./_-]|$)/i.test(token)) continue // dev.sqlite, test.db
        report({ line: i + 1, column: m.index + 1, message: `\`${token}\` makes an SQLite file the app's database: ${WHY_SHORT}`, remediation: pat.fix })
        break
      }
    })
  }
}
