// TF1001: development and production use different kinds of backing service: Rails database.yml
// adapters (sqlite3 in development, postgresql in production), and the local compose file running a
// different database/cache/queue product or major version than the production manifests.
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import type { ReportFn, Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { composeOf } from '../../parsers/compose.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { tok } from '../shared/ix-xii-boot.js'
import { imageBaseName, parseImageRef } from '../../parsers/image-ref.js'

const ADAPTER_PRODUCT: Record<string, string> = {
  sqlite3: 'SQLite', sqlite: 'SQLite', postgresql: 'PostgreSQL', postgis: 'PostgreSQL', mysql2: 'MySQL', mysql: 'MySQL', trilogy: 'MySQL',
  sqlserver: 'SQL Server', oracle_enhanced: 'Oracle', jdbcpostgresql: 'PostgreSQL', jdbcmysql: 'MySQL', jdbcsqlite3: 'SQLite'
}

interface Product { product: string; category: string }
const IMAGE_PRODUCTS: [RegExp, Product][] = [
  [/^(postgres|postgresql|postgis|timescaledb[\w-]*|pgvector)$/, { product: 'PostgreSQL', category: 'SQL database' }],
  [/^(mysql|mysql-server|percona-server)$/, { product: 'MySQL', category: 'SQL database' }],
  [/^mariadb$/, { product: 'MariaDB', category: 'SQL database' }],
  [/^(mssql-server|mssql)$/, { product: 'SQL Server', category: 'SQL database' }],
  [/^(mongo|mongodb|mongodb-community-server)$/, { product: 'MongoDB', category: 'document database' }],
  [/^(redis|redis-stack|redis-stack-server)$/, { product: 'Redis', category: 'cache/key-value store' }],
  [/^(valkey|keydb)$/, { product: 'Redis-compatible', category: 'cache/key-value store' }],
  [/^memcached$/, { product: 'Memcached', category: 'cache/key-value store' }],
  [/^rabbitmq$/, { product: 'RabbitMQ', category: 'message broker' }],
  [/^(kafka|cp-kafka|redpanda)$/, { product: 'Kafka', category: 'message broker' }],
  [/^(nats|nats-streaming)$/, { product: 'NATS', category: 'message broker' }],
  [/^(activemq|activemq-artemis|artemis)$/, { product: 'ActiveMQ', category: 'message broker' }],
  [/^elasticsearch$/, { product: 'Elasticsearch', category: 'search engine' }],
  [/^opensearch$/, { product: 'OpenSearch', category: 'search engine' }]
]
/** Products that speak the same protocol: a swap between them is not a different kind of service. */
const COMPATIBLE = [new Set(['Redis', 'Redis-compatible']), new Set(['MySQL', 'MariaDB'])]

export function imageProduct(image: string): (Product & { major?: string }) | undefined {
  if (image.includes('{{') || image.includes('$')) return undefined
  const parsed = parseImageRef(image.toLowerCase())
  const tag = parsed.tag ?? ''
  const base = imageBaseName(parsed.name)
  const hit = IMAGE_PRODUCTS.find(([re]) => re.test(base))
  if (!hit) return undefined
  const major = /^(\d+)/.exec(tag)?.[1]
  return { ...hit[1], ...(major && hit[1].product !== 'Redis-compatible' ? { major } : {}) }
}

const compatible = (a: string, b: string): boolean => a === b || COMPATIBLE.some((s) => s.has(a) && s.has(b))

export const backingServiceDrift: Rule = {
  meta: {
    id: 'TF1001',
    name: 'backing-service-drift',
    factor: 'X',
    severity: 'warning',
    summary: 'Development uses a different kind (or major version) of backing service than production: SQLite vs PostgreSQL, MySQL vs PostgreSQL, Redis 6 vs 7.',
    why:
      'Twelve-factor apps resist using different backing services between development and production: tiny incompatibilities ' +
      '(SQL dialects, locking, JSON types, eviction) surface only in production, so code that passed locally and in CI fails after deploy.',
    remediation: 'Run the same service product and major version in development as in production, e.g. `postgres:16` in docker-compose.yml when production runs PostgreSQL 16.',
    languages: ['ruby', 'javascript', 'typescript']
  },
  files: { kinds: ['yaml', 'json', 'source'], path: /(^|\/)(config\/(database\.ya?ml|config\.json|database\.json)|knexfile\.[cm]?[jt]s)$/ },
  keywords: ['adapter', 'dialect', 'client'],
  check(file, report) {
    // database.yml, config.json and knexfiles are a few KB; a huge one is generated data, and the
    // YAML parser's cost on megabytes of adversarial text is not worth paying.
    if (file.text.length > 256 * 1024) return
    if (file.kind === 'json') return checkSequelize(file, report)
    if (file.kind === 'source') return checkKnexfile(file, report)
    const envs = adaptersByEnv(file)
    const dev = envs.get('development')
    const prod = envs.get('production')
    if (!dev || !prod) return
    const dp = ADAPTER_PRODUCT[dev.adapter]
    const pp = ADAPTER_PRODUCT[prod.adapter]
    if (!dp || !pp || compatible(dp, pp)) return
    report({
      line: dev.line,
      column: dev.column,
      message: `database.yml uses adapter ${tok(dev.adapter)} (${dp}) in development but ${tok(prod.adapter)} (${pp}) in production (line ${prod.line})`,
      remediation: `Develop against ${pp} too: set development's adapter to ${prod.adapter} (e.g. \`<<: *default\` with adapter: ${prod.adapter}) and run it locally with docker compose (image: ${pp === 'PostgreSQL' ? 'postgres:16' : pp === 'MySQL' ? 'mysql:8.4' : '<same image as production>'}).`
    })
  },
  checkRepo(repo, report) {
    const dev: { file: string; line: number; service: string; image: string; p: Product & { major?: string } }[] = []
    const prod: { file: string; line: number; image: string; p: Product & { major?: string } }[] = []
    for (const f of repo.files) {
      if (f.role === 'test' || f.role === 'docs' || f.role === 'example') continue
      const file = repo.get(f.path)
      if (!file) continue
      if (f.kind === 'compose') {
        for (const s of composeOf(file).services) {
          const p = s.image ? imageProduct(s.image) : undefined
          if (!p || !s.image) continue
          if (f.role === 'dev') dev.push({ file: f.path, line: s.imageLine, service: s.name, image: s.image, p })
          else prod.push({ file: f.path, line: s.imageLine, image: s.image, p })
        }
      } else if (f.kind === 'kubernetes' && f.role === 'app') {
        for (const w of kubernetesOf(file).workloads) {
          for (const c of w.containers) {
            const p = c.image ? imageProduct(c.image) : undefined
            if (p && c.image && !c.init) prod.push({ file: f.path, line: c.imageLine, image: c.image, p })
          }
        }
      }
    }
    for (const d of dev) {
      const same = prod.filter((x) => x.p.category === d.p.category)
      if (same.length === 0) continue
      const other = same[0]
      // A dev file that also runs the production product (e.g. a monorepo with a MySQL app and a PostgreSQL app) is not a swap.
      const devAlsoHasProd = dev.some((o) => o !== d && o.file === d.file && same.some((x) => compatible(x.p.product, o.p.product)))
      if (!same.some((x) => compatible(x.p.product, d.p.product))) {
        if (devAlsoHasProd) continue
        report({
          file: d.file,
          line: d.line,
          message: `Development service ${tok(d.service)} runs ${tok(d.image)} (${d.p.product}) but production runs ${tok(other.image)} (${other.p.product}, ${other.file}:${other.line}) as its ${d.p.category}`,
          remediation: `Use the production product locally: image: ${other.image} for service ${d.service}.`
        })
        continue
      }
      const matching = same.filter((x) => x.p.product === d.p.product)
      if (!d.p.major || matching.length === 0 || matching.some((x) => !x.p.major || x.p.major === d.p.major)) continue
      report({
        file: d.file,
        line: d.line,
        message: `Development service ${tok(d.service)} runs ${d.p.product} ${d.p.major} (${tok(d.image)}) but production runs ${d.p.product} ${matching[0].p.major} (${tok(matching[0].image)}, ${matching[0].file}:${matching[0].line})`,
        remediation: `Pin the same major version in development: image: ${matching[0].image}.`
      })
    }
  }
}

/** knexfile.js: { development: { client: 'sqlite3' }, production: { client: 'pg' } }. */
function checkKnexfile(file: SourceFile, report: ReportFn): void {
  const client = (env: string): { client: string; offset: number } | undefined => {
    const m = new RegExp(`\\b${env}\\s*:\\s*\\{[^}]*?\\bclient\\s*:\\s*['"\`]([\\w-]+)['"\`]`).exec(file.code)
    return m ? { client: m[1], offset: m.index + m[0].lastIndexOf(m[1]) - 1 } : undefined
  }
  const dev = client('development')
  const prod = client('production')
  if (!dev || !prod) return
  const norm = (c: string): string => ({ pg: 'PostgreSQL', postgres: 'PostgreSQL', postgresql: 'PostgreSQL', sqlite3: 'SQLite', 'better-sqlite3': 'SQLite', mysql: 'MySQL', mysql2: 'MySQL', mssql: 'SQL Server', oracledb: 'Oracle' })[c] ?? c
  if (compatible(norm(dev.client), norm(prod.client))) return
  const pos = file.position(dev.offset)
  if (file.line(pos.line).length > 4000) return
  report({
    line: pos.line,
    column: pos.column,
    message: `knexfile uses client ${tok(dev.client)} (${norm(dev.client)}) in development but ${tok(prod.client)} (${norm(prod.client)}) in production`,
    remediation: `Use client '${prod.client}' in development too, with a local ${norm(prod.client)} from docker compose and connection: process.env.DATABASE_URL.`
  })
}

/** Sequelize config/config.json: {"development": {"dialect": "sqlite"}, "production": {"dialect": "postgres"}}. */
function checkSequelize(file: SourceFile, report: ReportFn): void {
  let data: unknown
  try {
    data = JSON.parse(file.text)
  } catch {
    return
  }
  const dialect = (env: string): string | undefined => {
    const v = (data as Record<string, { dialect?: unknown }> | null)?.[env]?.dialect
    return typeof v === 'string' ? v : undefined
  }
  const dev = dialect('development')
  const prod = dialect('production')
  if (!dev || !prod) return
  const norm = (d: string): string => ADAPTER_PRODUCT[d === 'postgres' ? 'postgresql' : d === 'mariadb' ? 'mysql' : d] ?? d
  if (compatible(norm(dev), norm(prod))) return
  const devAt = file.lines.findIndex((l, i) => /"dialect"\s*:/.test(l) && i > file.lines.findIndex((x) => /"development"\s*:/.test(x)))
  report({
    line: devAt + 1,
    column: file.lines[devAt].indexOf('"dialect"') + 1,
    message: `Sequelize config uses dialect ${tok(dev)} in development but ${tok(prod)} in production`,
    remediation: `Use dialect "${prod}" in development too, with a local ${norm(prod)} from docker compose, and read the URL from the environment ("use_env_variable": "DATABASE_URL").`
  })
}

function adaptersByEnv(file: SourceFile): Map<string, { adapter: string; line: number; column: number }> {
  return file.parse('x-database-yml', (f) => {
    const out = new Map<string, { adapter: string; line: number; column: number }>()
    const lc = new LineCounter()
    let doc: Document.Parsed
    try {
      doc = parseDocument(f.text, { merge: true, lineCounter: lc, uniqueKeys: false, strict: false })
    } catch {
      return out
    }
    if (doc.errors.length > 0 || !isMap(doc.contents)) return out
    const adapterOf = (node: unknown, depth = 0): { adapter: string; offset: number } | undefined => {
      if (!isMap(node) || depth > 5) return undefined
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === 'adapter' && isScalar(pair.value) && typeof pair.value.value === 'string') {
          return { adapter: pair.value.value.trim(), offset: pair.value.range?.[0] ?? 0 }
        }
      }
      for (const pair of node.items) {
        if (isAlias(pair.value)) {
          const hit = adapterOf(pair.value.resolve(doc), depth + 1)
          if (hit) return hit
        }
      }
      return undefined
    }
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue
      const hit = adapterOf(pair.value as Node)
      if (!hit || hit.adapter.includes('<%')) continue
      const pos = lc.linePos(hit.offset)
      out.set(pair.key.value, { adapter: hit.adapter, line: pos.line, column: pos.col })
    }
    return out
  })
}
