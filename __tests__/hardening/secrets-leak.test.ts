// Every kind of credential the rules detect, planted in one repository, must never come out of the
// committed bundles (action and CLI) except as its redacted prefix: not in stdout, stderr, the job
// summary, the outputs, the PR comment or check runs sent to the (fake) API, the JSON report, the
// SARIF file or a baseline. "Comes out" means the value or any 8-character slice of it, also after
// undoing the escapes the reporters apply (Markdown backslashes, HTML entities, %XX, zero-width
// spaces). The kinds are enumerated from the rule code: a provider pattern without a sample here, or
// a rule that reports a credential (`secret:` in its report) without a planted one, fails the test.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { blankComments } from '../../src/engine/comments.js'
import { redact } from '../../src/engine/redact.js'
import { escapeMarkdown } from '../../src/report/escape.js'
import type { Rule } from '../../src/engine/rule.js'
import { TOKEN_PATTERNS } from '../../src/rules/iii-config/secret-patterns.js'
import { RULES } from '../../src/rules/registry.js'
import { FakeGitHub, pullRequestEvent } from '../helpers/fake-github.js'
import { runActionAsync, runCliBundle, type ActionRun } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'
import { tempDir } from '../helpers/temp.js'

// Deterministic random bodies (mulberry32): distinctive, never placeholders, same on every run.
let seed = 0x2f6b1d3
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '0123456789'
const ALNUM = UPPER + LOWER + DIGITS
const HEX = '0123456789abcdef'
const B64 = `${ALNUM}+/`
const from = (alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('')
/** Random alphanumeric with every class present (entropy heuristics want variety). */
const S = (n: number): string => `${from(UPPER, 1)}${from(LOWER, 1)}${from(DIGITS, 1)}${from(ALNUM, n - 3)}`

interface Planted {
  /** What it is, for failure messages. */
  kind: string
  value: string
  /** A public part of the value (a fixed vendor prefix, a URL) that may appear on its own. */
  publicPrefix?: string
}

const planted: Planted[] = []
const files: Record<string, string[]> = {}
/** Rule id → files where it must find a planted credential. */
const expected: [string, string][] = []

function plant(kind: string, value: string, publicPrefix?: string): string {
  planted.push({ kind, value, ...(publicPrefix ? { publicPrefix } : {}) })
  return value
}
function line(path: string, text: string, rule?: string): void {
  ;(files[path] ??= []).push(text)
  if (rule) expected.push([rule, path])
}

// --- TF0301: one sample per provider pattern (keyed by pattern id) -------------------------------
const TOKEN_SAMPLES: Record<string, { value: () => string; prefix?: string; context?: string }> = {
  'aws-access-key-id': { value: () => `AKIA${from(UPPER + DIGITS, 16)}`, prefix: 'AKIA' },
  'github-token': { value: () => `ghp_${from(ALNUM, 36)}`, prefix: 'ghp_' },
  'github-fine-grained-pat': { value: () => `github_pat_${from(`${ALNUM}_`, 82)}`, prefix: 'github_pat_' },
  'gitlab-token': { value: () => `glpat-${from(`${ALNUM}_-`, 20)}`, prefix: 'glpat-' },
  'slack-token': { value: () => `xoxb-${from(DIGITS, 12)}-${from(DIGITS, 13)}-${from(ALNUM, 24)}`, prefix: 'xoxb-' },
  'slack-webhook': { value: () => `https://hooks.slack.com/services/T${from(UPPER + DIGITS, 8)}/B${from(UPPER + DIGITS, 10)}/${from(ALNUM, 24)}`, prefix: 'https://hooks.slack.com/services/' },
  'stripe-live-key': { value: () => `sk_live_${from(ALNUM, 24)}`, prefix: 'sk_live_' },
  'twilio-api-key': { value: () => `SK${from(HEX, 32)}`, prefix: 'SK' },
  'sendgrid-api-key': { value: () => `SG.${from(`${ALNUM}_-`, 22)}.${from(`${ALNUM}_-`, 43)}`, prefix: 'SG.' },
  'anthropic-api-key': { value: () => `sk-ant-api03-${from(`${ALNUM}_-`, 93)}AA`, prefix: 'sk-ant-api03-' },
  'openai-api-key': { value: () => `sk-${from(ALNUM, 20)}T3BlbkFJ${from(ALNUM, 20)}`, prefix: 'sk-' },
  'openai-project-key': { value: () => `sk-proj-${from(`${ALNUM}_-`, 48)}`, prefix: 'sk-proj-' },
  'npm-token': { value: () => `npm_${from(ALNUM, 36)}`, prefix: 'npm_' },
  'pypi-token': { value: () => `pypi-AgEIcHlwaS5vcmc${from(`${ALNUM}_-`, 64)}`, prefix: 'pypi-AgEIcHlwaS5vcmc' },
  'shopify-token': { value: () => `shpat_${from(HEX, 32)}`, prefix: 'shpat_' },
  'digitalocean-token': { value: () => `dop_v1_${from(HEX, 64)}`, prefix: 'dop_v1_' },
  'vault-token': { value: () => `hvs.${from(`${ALNUM}_-`, 30)}`, prefix: 'hvs.' },
  'huggingface-token': { value: () => `hf_${from(UPPER + LOWER, 34)}`, prefix: 'hf_' },
  'databricks-token': { value: () => `dapi${from(HEX, 32)}`, prefix: 'dapi' },
  'square-token': { value: () => `sq0atp-${from(`${ALNUM}_-`, 22)}`, prefix: 'sq0atp-' },
  'doppler-token': { value: () => `dp.pt.${from(ALNUM, 43)}`, prefix: 'dp.pt.' },
  'azure-storage-key': { value: () => `${from(B64, 86)}==`, context: 'DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=$;EndpointSuffix=core.windows.net' }
}
const TOKEN_FILES: [string, (i: number, v: string) => string][] = [
  ['src/tokens.js', (i, v) => `export const k${i} = '${v}'`],
  ['app/tokens.py', (i, v) => `K${i} = "${v}"`],
  ['config/tokens.yml', (i, v) => `k${i}: "${v}"`],
  ['config/tokens.properties', (i, v) => `vendor.k${i}=${v}`]
]
const tokenValues = new Map<string, string>()
TOKEN_PATTERNS.forEach((p, i) => {
  const sample = TOKEN_SAMPLES[p.id]
  if (!sample) return // reported by the coverage test below
  const value = plant(p.label, sample.value(), sample.prefix)
  tokenValues.set(p.id, value)
  const [path, render] = TOKEN_FILES[i % TOKEN_FILES.length]
  line(path, render(i, sample.context ? sample.context.replace('$', value) : value), 'TF0301')
})

// Two credentials on one line: each finding's snippet is the whole line.
{
  const id = plant('AWS access key id (shared line)', `AKIA${from(UPPER + DIGITS, 16)}`, 'AKIA')
  const secret = plant('AWS secret access key', `${S(38)}/+`)
  line('src/aws.js', `const s3 = new S3Client({ credentials: { accessKeyId: '${id}', secretAccessKey: '${secret}' } })`, 'TF0301')
}
// A reason-less suppression on the credential's own line (TF0001 quotes the line).
line('src/legacy.js', `const legacyToken = '${plant('suppressed GitHub token', `ghp_${from(ALNUM, 36)}`, 'ghp_')}' // twelve-factor-ignore TF0301`, 'TF0001')

// Private keys: a multi-line PEM in code, a one-line key in a GCP service-account JSON, an OpenSSH key in YAML.
const pemBody = (n: number): string[] => Array.from({ length: n }, () => plant('private key body line', from(B64, 64)))
line('src/keys.js', ['const signingKey = `-----BEGIN RSA PRIVATE KEY-----', ...pemBody(6), '-----END RSA PRIVATE KEY-----`', 'module.exports = { signingKey }'].join('\n'), 'TF0301')
line('config/gcp-service-account.json', JSON.stringify({
  type: 'service_account', project_id: 'acme-prod', client_email: 'deployer@acme-prod.iam.gserviceaccount.com',
  private_key: `-----BEGIN PRIVATE KEY-----\n${pemBody(5).join('\n')}\n-----END PRIVATE KEY-----\n`
}, null, 2), 'TF0301')
line('deploy/ssh.yml', ['deploy_key: |', '  -----BEGIN OPENSSH PRIVATE KEY-----', ...pemBody(4).map((l) => `  ${l}`), '  -----END OPENSSH PRIVATE KEY-----'].join('\n'), 'TF0301')

// TF0302 (and TF0401, which reports the same URLs): passwords in connection URLs.
line('src/db.js', `const DATABASE_URL = 'postgres://shop:${plant('postgres URL password', S(18))}@db.prod.acme-corp.io:5432/shop'`, 'TF0302')
line('config/services.yml', `mongo_url: "mongodb+srv://app:${plant('mongodb URL password', S(16))}@cluster0.k3x9z.mongodb.net/shop"`, 'TF0302')
line('src/db.js', `const cache = createClient({ url: 'rediss://default:${plant('redis URL password', S(20))}@cache.prod.acme-corp.io:6380' })`, 'TF0401')
// TF1202: an admin script with inline credentials.
// As an env fallback TF0401 gives only a notice, so TF1202 (which defers to TF0401's warning or error) reports it.
line('scripts/backfill_orders.py', `conn = psycopg.connect(os.environ.get("DATABASE_URL", "postgresql://admin:${plant('admin script URL password', S(16))}@warehouse.prod.acme-corp.io/analytics"))`, 'TF1202')

// TF0303: generic secret assignments in code and config of every kind the rule reads.
line('src/payments.js', `const paymentApiKey = '${plant('JS api key', S(28))}'`, 'TF0303')
line('src/payments.js', `const smtpOptions = { user: 'mailer', password: '${plant('JS object password', `${S(14)}!%`)}' }`, 'TF0303')
line('app/settings_prod.py', `API_TOKEN = "${plant('python token', S(32))}"`, 'TF0303')
line('config/app.yml', `client_secret: ${plant('YAML client secret', S(32))}`, 'TF0303')
line('config/app.json', `{ "apiKey": "${plant('JSON api key', S(28))}" }`, 'TF0303')
line('config/app.properties', `payments.api.secret=${plant('properties secret', S(30))}`, 'TF0303')
line('config/app.toml', `password = "${plant('TOML password', S(16))}"`, 'TF0303')
line('docker-compose.prod.yml', ['services:', '  web:', '    image: acme/shop:1.4.2', '    environment:', `      - DB_PASSWORD=${plant('compose password', S(20))}`].join('\n'), 'TF0303')

// TF0304: a committed .env; only the first credential's line is quoted (redacted), the others named.
line('.env', ['APP_NAME=shop', `SESSION_SECRET=${plant('.env session secret', S(32))}`, `DB_PASSWORD=${plant('.env password', S(18))}`,
  `REDIS_URL=redis://:${plant('.env redis password', S(20))}@cache.prod.acme-corp.io:6379`].join('\n'), 'TF0304')

// TF0305: signing secrets in Express, JWT, Django, Rails, Java.
line('src/server.js', `app.use(session({ secret: '${plant('express-session secret', S(24))}', resave: false }))`, 'TF0305')
line('src/server.js', `const token = jwt.sign({ sub: user.id }, '${plant('jwt.sign key', S(24))}')`, 'TF0305')
line('mysite/settings.py', `INSTALLED_APPS = ['shop']\nSECRET_KEY = '${plant('Django SECRET_KEY', `${S(44)}^&(`)}'`, 'TF0305')
line('config/initializers/secret_token.rb', `Rails.application.config.secret_key_base = '${plant('Rails secret_key_base', from(HEX, 64))}'`, 'TF0305')
line('src/main/java/com/acme/Auth.java', `class Auth { Algorithm algorithm = Algorithm.HMAC256("${plant('Java HMAC key', S(32))}"); }`, 'TF0305')

// TF0306: literal fallbacks of secret environment variables.
line('src/config.js', `const jwtSecret = process.env.JWT_SECRET || '${plant('JS fallback secret', S(24))}'`, 'TF0306')
line('app/config.py', `DB_PASSWORD = os.environ.get("DB_PASSWORD", "${plant('python fallback password', S(16))}")`, 'TF0306')

// TF0308: Kubernetes env value, Secret stringData and data (base64), ConfigMap password.
const b64Plain = S(20)
plant('Secret data (plain)', b64Plain)
const b64Value = plant('Secret data (base64)', Buffer.from(b64Plain).toString('base64'))
line('k8s/app.yaml', [
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  template:', '    spec:', '      containers:',
  '        - name: web', '          image: acme/shop:1.4.2', '          env:', '            - name: DB_PASSWORD', `              value: "${plant('k8s env password', S(20))}"`,
  '---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: shop-secrets', 'type: Opaque', 'stringData:',
  `  api-token: "${plant('Secret stringData token', S(32))}"`, `  webhook-secret: "${plant('Secret stringData second key', S(32))}"`,
  '---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: shop-db', 'data:', `  password: ${b64Value}`,
  '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: shop-config', 'data:', `  SMTP_PASSWORD: "${plant('ConfigMap password', S(18))}"`
].join('\n'), 'TF0308')

// TF0309: literal credentials in a workflow's env: and with:.
line('.github/workflows/deploy.yml', [
  'name: deploy', 'on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    env:', `      DEPLOY_TOKEN: ${plant('workflow env token', S(36))}`,
  '    steps:', '      - uses: acme/deploy-action@v1', '        with:', `          api-key: ${plant('workflow with api key', S(32))}`
].join('\n'), 'TF0309')

// TF0310 (and TF0306 for the Spring placeholder default): framework config files.
line('src/main/resources/application.properties', ['spring.datasource.url=jdbc:postgresql://db.prod.acme-corp.io:5432/shop', 'spring.datasource.username=shop',
  `spring.datasource.password=${plant('Spring datasource password', S(20))}`, `jwt.secret=\${JWT_SECRET:${plant('Spring placeholder default', S(24))}}`].join('\n'), 'TF0310')
line('config/database.yml', ['production:', '  adapter: postgresql', '  host: db.prod.acme-corp.io', `  password: ${plant('Rails database password', S(20))}`].join('\n'), 'TF0310')
expected.push(['TF0306', 'src/main/resources/application.properties'])

const TREE: Record<string, string> = {
  'package.json': '{ "name": "shop", "version": "1.0.0", "dependencies": { "express": "4.19.2" } }\n',
  ...Object.fromEntries(Object.entries(files).map(([p, ls]) => [p, `${ls.join('\n')}\n`]))
}

/** Undo the escapes reporters apply, so an escaped leak is still seen. */
function unescape(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#124': '|' }
  return text
    .replace(/\u200b/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#124);/g, (_, e: string) => entities[e])
    .replace(/\\([\\`*_{}[\]()#+!|~-])/g, '$1')
    .replace(/%([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
}

/** The leaked piece of a planted credential in `text`, if any: the value or an 8-character slice. */
function leak(text: string, p: Planted): string | undefined {
  const texts = [text, unescape(text)]
  for (const t of texts) if (t.includes(p.value)) return p.value
  const from = p.publicPrefix && p.value.startsWith(p.publicPrefix) ? Math.max(0, p.publicPrefix.length - 7) : 0
  for (let i = from; i + 8 <= p.value.length; i++) {
    const slice = p.value.slice(i, i + 8)
    if (texts.some((t) => t.includes(slice))) return slice
  }
  return undefined
}

/** Does `text` show some planted credential in its redacted form (so the findings did get there)? */
const redactedShown = (text: string): boolean => planted.some((p) => unescape(text).includes(redact(p.value)))

function expectNoLeak(outputs: Record<string, string>): void {
  const found: string[] = []
  for (const [where, text] of Object.entries(outputs)) {
    for (const p of planted) {
      const piece = leak(text, p)
      if (piece) found.push(`${p.kind} in ${where}: "${piece}"`)
    }
  }
  expect(found).toEqual([])
}

/** Rule ids whose code reports a credential (`secret:` in a report, outside strings and comments). */
function secretReportingRules(): Set<string> {
  const ids = new Set<string>()
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8')
        const id = /\bid:\s*'(TF\d{4})'/.exec(text)?.[1]
        if (id && /\bsecret\s*:/.test(blankComments(text, 'c', 'typescript', true))) ids.add(id)
      }
    }
  }
  walk(join('src', 'rules'))
  return ids
}

describe('planted credentials of every kind never leave the bundles unredacted', () => {
  let ws: string
  let report: { findings: { ruleId: string; file: string; message: string; snippet?: string }[] }
  beforeAll(() => {
    ws = makeTree(TREE, { git: true })
    report = JSON.parse(runCliBundle(['.', '--format', 'json', '--fail-on', 'none'], ws).stdout)
  })

  it('covers every provider pattern and every rule that reports a credential, and each fires on its plant', () => {
    expect(TOKEN_PATTERNS.map((p) => p.id).filter((id) => !TOKEN_SAMPLES[id])).toEqual([])
    // Every provider token is reported as itself (redacted) by TF0301.
    const missedTokens = TOKEN_PATTERNS.filter((p) => !report.findings.some((f) => f.ruleId === 'TF0301' && f.message.includes(`${p.label} ${redact(tokenValues.get(p.id)!)}`)))
    expect(missedTokens.map((p) => p.id)).toEqual([])
    // Every rule that can report a credential reports one here (in-process, to see the raw reports).
    const reported = new Map<string, number>()
    const spied = RULES.map((r): Rule => (r.check ? { ...r, check: (file, report, ctx) => r.check!(file, (x) => {
      if (x.secret) reported.set(r.meta.id, (reported.get(r.meta.id) ?? 0) + 1)
      report(x)
    }, ctx) } : r))
    runAudit({ root: ws, config: defaultConfig(), rules: spied })
    const capable = secretReportingRules()
    expect(capable.has('TF0301') && capable.has('TF0303')).toBe(true) // the scan itself works
    expect([...capable].filter((id) => !reported.has(id)).sort()).toEqual([])
    // And each planted file got its finding from the intended rule.
    const missing = expected.filter(([rule, path]) => !report.findings.some((f) => f.ruleId === rule && f.file === path))
    expect(missing).toEqual([])
  })

  it('the action (comment, check run, SARIF, JSON report) against the fake API', async () => {
    const api = new FakeGitHub()
    await api.start()
    try {
      const outside = tempDir('tfa-out-')
      const dir = tempDir('tfa-event-')
      writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent()))
      const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_API_URL: api.url, GITHUB_RUN_ID: '42' }
      const runs: [string, ActionRun][] = []
      for (const checkRun of ['true', 'per-factor']) {
        const sarif = join(outside, `${checkRun}.sarif`)
        const r = await runActionAsync(ws, { 'github-token': 'ghs_fake', comment: 'true', 'check-run': checkRun, 'sarif-file': sarif }, env)
        expect(r.status).toBe(1) // the credentials fail the step
        expect(r.outputs['comment-url']).not.toBe('')
        expect(r.outputs['check-run-ids']).not.toBe('')
        runs.push([checkRun, r])
      }
      // Something was really sent: the comment and the check runs carry the findings.
      expect(api.comments).toHaveLength(1)
      expect(redactedShown(api.comments[0].body)).toBe(true)
      expect(JSON.stringify(api.writes().filter((w) => w.path.includes('check-runs')))).toContain(redact(tokenValues.get('github-token')!))
      const outputs: Record<string, string> = {}
      for (const [name, r] of runs) {
        Object.assign(outputs, {
          [`${name} stdout`]: r.stdout,
          [`${name} stderr`]: r.stderr,
          [`${name} summary`]: r.summary,
          [`${name} outputs`]: readFileSync(join(r.temp, 'output'), 'utf8'),
          [`${name} JSON report`]: readFileSync(r.outputs['findings-file'], 'utf8'),
          [`${name} SARIF`]: readFileSync(r.outputs['sarif-file'], 'utf8')
        })
        expect(redactedShown(r.summary)).toBe(true)
      }
      outputs['API requests'] = JSON.stringify(api.requests)
      outputs['PR comment'] = api.comments.map((c) => c.body).join('\n')
      expectNoLeak(outputs)
    } finally {
      await api.stop()
    }
  }, 60_000)

  it('the CLI in text, json, markdown and sarif, and its baseline file', () => {
    const outputs: Record<string, string> = {}
    for (const format of ['text', 'json', 'markdown', 'sarif']) {
      const r = runCliBundle(['.', '--format', format], ws)
      expect(r.status).toBe(1)
      expect(redactedShown(r.stdout)).toBe(true)
      outputs[`${format} stdout`] = r.stdout
      outputs[`${format} stderr`] = r.stderr
    }
    const baseline = join(tempDir('tfa-baseline-'), 'baseline.json')
    const b = runCliBundle(['.', '--write-baseline', baseline, '--format', 'text'], ws)
    outputs['baseline run stdout'] = b.stdout
    outputs['baseline file'] = readFileSync(baseline, 'utf8')
    expectNoLeak(outputs)
  })

  it('the leak check itself sees a leaked credential, escaped or sliced', () => {
    const p = planted.find((x) => x.kind === 'AWS secret access key')!
    expect(leak(`x ${p.value} y`, p)).toBe(p.value)
    expect(leak(`a ${p.value.slice(10, 19)} b`, p)).toBeDefined()
    expect(leak(escapeMarkdown(`**${p.value}**`), p)).toBe(p.value)
    expect(leak(p.value.replace(/\//g, '%2F'), p)).toBe(p.value)
    expect(leak(`${redact(p.value)} only`, p)).toBeUndefined()
  })
})
