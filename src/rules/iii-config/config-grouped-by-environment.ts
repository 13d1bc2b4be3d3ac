// TF0311: config grouped into named environments: per-environment config files that pin hosts
// (config/production.json, settings_prod.py, application-prod.yml), code that picks hosts or
// credentials by branching on NODE_ENV/RAILS_ENV/APP_ENV, and config objects keyed by environment
// name. Mentions of NODE_ENV that select no host (log level, trust proxy) stay quiet.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { envAliases, isFallbackAt } from '../shared/backing-service-urls.js'
import { onLongLine } from '../shared/lines.js'
import { envLookup } from './secret-patterns.js'

const ENV_NAMES = 'production|prod|staging|stage|stg|development|dev|test|testing|qa|uat|preprod'
// 'stage' and 'qa' are left out here: stage.ts (a canvas stage) and qa.js (Q&A) are common names.
const ENV_FILE = /(^|[._-])(production|prod|staging|stg|uat|preprod)([._-]|$)/i
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1|host\.docker\.internal)$|(^|\.)example\.(com|org|net)$|\.(local|test|example|invalid|localhost)$/i
// A URL literal's host, or a literal assigned to a host-like name. Credentials in the same places are
// reported by the credential rules (TF0302/TF0303/TF0310), so this rule reports hosts only.
const URL_HOST = /\b(?:https?|wss?|postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|jdbc:[a-z]{2,20}):\/\/(?:[^\s'"`/@]{1,200}@)?([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8})/g
const HOST_KEY = /["']?\b([A-Za-z_]*(?:host|hostname|server|endpoint|domain|dsn|address)(?:name)?)["']?\s*(?:=>|:=|=|:)\s*(["']?)([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})["']?/gi
const ENV_EXPR = String.raw`(?:process\.env(?:\.|\[["'])(?:NODE_ENV|APP_ENV|ENV|ENVIRONMENT|STAGE|DEPLOY_ENV|RAILS_ENV|RACK_ENV|FLASK_ENV|GO_ENV|APP_ENVIRONMENT)["'\]]?|os\.(?:environ\.get|getenv|Getenv)\(\s*["'][A-Z_]*(?:ENV|ENVIRONMENT|STAGE|SETTINGS_MODULE|PROFILES_ACTIVE)["'][^)]{0,40}\)|os\.environ\[["'][A-Z_]*(?:ENV|ENVIRONMENT|SETTINGS_MODULE)["']\]|ENV\[["'](?:RAILS_ENV|RACK_ENV|APP_ENV)["']\]|System\.getenv\(\s*"[A-Z_]*(?:ENV|ENVIRONMENT|PROFILE)"\s*\)|Rails\.env|\b(?:env|environment|appEnv|app_env|nodeEnv|NODE_ENV|APP_ENV|ENV|ENVIRONMENT|currentEnv|current_env)\b)`
const COND = new RegExp(String.raw`${ENV_EXPR}\s*(?:===?|!==?|\.equals\(|\bis\b)\s*["'](?:[\w]{1,40}\.){0,4}(${ENV_NAMES})["']|["'](${ENV_NAMES})["']\s*(?:===?|\.equals\()\s*${ENV_EXPR}|Rails\.env\.(${ENV_NAMES})\?|\bswitch\s*\(\s*${ENV_EXPR}\s*\)|\bcase\s+${ENV_EXPR}\b`, 'g')
const ENV_BRANCH = new RegExp(COND.source)
const ENV_KEYED = new RegExp(String.raw`(?:^|[\s{,(])["']?(${ENV_NAMES})["']?\s*(?:=>|=|:)\s*(?:\{|dict\(|$)`, 'gim')

interface Hit { offset: number; what: string }

export const configGroupedByEnvironment: Rule = {
  meta: {
    id: 'TF0311',
    name: 'config-grouped-by-environment',
    factor: 'III',
    severity: 'warning',
    summary: 'Hosts or credentials selected per named environment (per-environment config files, NODE_ENV branches, env-keyed config objects).',
    why:
      'Grouping config into named environments (development, staging, production) does not scale: every new deploy ' +
      'needs a new group in the code, and deploys cannot vary one value independently. Twelve-factor config is granular ' +
      'environment variables, each set per deploy and orthogonal to the others.',
    remediation: 'Read each value from its own environment variable (DATABASE_URL, API_HOST...) and set it per deploy; drop the per-environment branches and files.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'none'],
    // a host TF0401 reports on that line as a hardcoded locator (at least as severely) is one finding, under IV
    deferTo: ['TF0401']
  },
  // Application code and config; deploy scripts (shell) per environment are not app config.
  files: { kinds: ['source', 'yaml', 'json', 'properties', 'toml', 'ini'], languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'none'] },
  // Every finding needs a URL or a host-like key, whatever selected it (file name, branch, env key).
  keywords: ['://', 'host', 'server', 'endpoint', 'domain', 'dsn', 'address'],
  check(file, report) {
    const code = file.code
    const emit = (hit: Hit, why: string): void =>
      onLongLine(file, hit.offset) ? undefined : report({ ...file.position(hit.offset), message: `${hit.what} ${why}`, remediation: `Read it from the environment instead (${envLookup(file, hit.what.startsWith('host') ? 'DATABASE_HOST' : 'SERVICE_URL')}), one variable per value, set per deploy; remove the per-environment selection.` })
    const envFile = ENV_FILE.exec(file.name)
    if (envFile && !/\.(test|spec)\./.test(file.path)) {
      const hit = firstHit(file, 0, code.length)
      if (hit) emit(hit, `is pinned in the ${envFile[2]}-only config file ${file.name}`)
      return
    }
    const done = new Set<number>()
    COND.lastIndex = 0
    for (let m = COND.exec(code); m; m = COND.exec(code)) {
      const [start, end] = blockAfter(file, m.index + m[0].length)
      const hit = firstHit(file, start, end)
      if (!hit || done.has(hit.offset)) continue
      done.add(hit.offset)
      emit(hit, `is chosen by branching on the environment name (${m[0].replace(/\s+/g, ' ').slice(0, 60)})`)
    }
    const envKeys = new Set<string>()
    ENV_KEYED.lastIndex = 0
    for (let m = ENV_KEYED.exec(code); m; m = ENV_KEYED.exec(code)) envKeys.add(m[1].toLowerCase())
    if (envKeys.size < 2) return
    ENV_KEYED.lastIndex = 0
    for (let m = ENV_KEYED.exec(code); m; m = ENV_KEYED.exec(code)) {
      const [start, end] = blockAfter(file, m.index + m[0].length - 1)
      const hit = firstHit(file, start, end)
      if (!hit || done.has(hit.offset)) continue
      done.add(hit.offset)
      emit(hit, `is set in a config block keyed by environment name '${m[1]}'`)
    }
  }
}

/** First non-local host or URL (credentials are the credential rules') between two offsets of file.code. */
function firstHit(file: SourceFile, start: number, end: number): Hit | undefined {
  const text = file.code.slice(start, end)
  const hits: Hit[] = []
  for (const m of text.matchAll(URL_HOST)) if (!LOCAL.test(m[1]) && m[1].includes('.') && !isOverriddenDefault(file, start + m.index)) hits.push({ offset: start + m.index + m[0].indexOf(m[1]), what: `host ${m[1]}` })
  for (const m of text.matchAll(HOST_KEY)) {
    const host = m[3]
    if (file.kind === 'source' && !m[2]) continue // in code only a string literal is a host; a.b.c is an expression
    if (LOCAL.test(host) || !/[a-z]/i.test(host.replace(/\.(json|ya?ml|js|ts|py|rb)$/i, '')) && !/^\d+\.\d+\.\d+\.\d+$/.test(host)) continue
    if (/\.(json|ya?ml|js|ts|py|rb|html|css|txt)$/i.test(host)) continue
    hits.push({ offset: start + m.index + m[0].lastIndexOf(host), what: `host ${host} (${m[1]})` })
  }
  hits.sort((a, b) => a.offset - b.offset)
  return hits[0]
}

/** A literal that is the fallback of an environment lookup (`ENV.fetch("X") { "https://..." }`): the deploy overrides it. */
function isOverriddenDefault(file: SourceFile, offset: number): boolean {
  if (file.kind !== 'source') return false
  const { line, column } = file.position(offset)
  // `process.env.APP_ENV === 'staging' ? '...' : '...'` selects by environment name: that is this rule's finding.
  if (ENV_BRANCH.test(file.lines[line - 1] ?? '')) return false
  return isFallbackAt(file.lines, line - 1, column - 1, envAliases(file.code))
}

/** The block a condition or key opens: braces for C-like code and JSON, indentation otherwise. */
function blockAfter(file: SourceFile, from: number): [number, number] {
  const code = file.code
  const eol = code.indexOf('\n', from) === -1 ? code.length : code.indexOf('\n', from)
  const brace = code.slice(from, eol).search(/[{(]\s*$|\{/)
  if (brace !== -1) {
    let i = from + brace
    let depth = 0
    const cap = Math.min(code.length, i + 4000)
    for (; i < cap; i++) {
      const c = code[i]
      if (c === '{' || c === '(') depth++
      else if (c === '}' || c === ')') {
        depth--
        if (depth === 0) {
          // `} else {` and `} else if (...) {` belong to the same choice
          const rest = /^\s*else\b[^{]{0,200}\{/.exec(code.slice(i + 1, i + 300))
          if (!rest) return [from, i + 1]
          i += rest[0].length - 1
          depth = 0
        }
      }
    }
    return [from, cap]
  }
  // Same line after a ternary or `:`, then more-indented lines (Python/Ruby/YAML), elif/else/when included.
  const lineStart = code.lastIndexOf('\n', from - 1) + 1
  const indent = /^\s*/.exec(code.slice(lineStart, eol))?.[0].length ?? 0
  let end = eol
  let count = 0
  while (end < code.length && count < 60) {
    const next = code.indexOf('\n', end + 1)
    const line = code.slice(end + 1, next === -1 ? code.length : next)
    const ind = /^\s*/.exec(line)?.[0].length ?? 0
    if (line.trim() !== '' && ind <= indent && !/^\s*(elif|else|elsif|when|case)\b/.test(line)) break
    end = next === -1 ? code.length : next
    count++
  }
  return [from, end]
}
