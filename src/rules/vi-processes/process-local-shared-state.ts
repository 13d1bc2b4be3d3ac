// TF0604: module-level Maps/dicts that request handlers fill with per-user state (sessions, carts,
// login attempts by IP...). Notice only, and only when both the declaration and a keyed write
// from request data are in the same file.
import type { Rule } from '../../engine/rule.js'
import { codeLines, isNonProductionPath } from '../shared/v-viii-commands.js'

const PER_USER = /^[a-z_]*?(?:session|user|cart|basket|token|login|visitor|visit|client|customer|account|profile|presence|online|ratelimit|rate_limit|hit|attempt|vote|like|click|counter|quota|usage|connection|socket)s?(?:_?(?:cache|store|data|map|db|by_?id|by_?ip|state))?$/i
const REQUEST_KEY = '(?:req|request|ctx|session|user|userId|user_id|uid|sid|sessionId|session_id|token|ip|clientIp|client_ip|current_user|socket)\\b'
const HANDLER = /\b\w*(?:[aA]pp|[rR]outer|[sS]erver|fastify|bp|[bB]lueprint)\.(?:get|post|put|patch|delete|all|use|route)\s*\(|@(?:app|bp|router|\w+_bp)\.(?:route|get|post|put|patch|delete)\b|\bdef\s+\w+\(\s*request\b/

const FIX: Record<string, string> = {
  js: 'Keep per-user state in a backing service shared by all processes, e.g. Redis: `await redis.hSet(`cart:${req.session.id}`, item, qty)` — or in the session/cookie itself.',
  py: 'Keep per-user state in a backing service shared by all processes, e.g. Redis (`redis.hset(f"cart:{user_id}", item, qty)`) or the Django/Flask cache configured on Redis — not in a module-level dict.'
}

export const processLocalSharedState: Rule = {
  meta: {
    id: 'TF0604',
    name: 'process-local-shared-state',
    factor: 'VI',
    severity: 'notice',
    summary: 'A module-level Map/dict holds per-user state that request handlers write.',
    why: 'Twelve-factor processes share nothing: the next request from the same user may hit another process, and any process may be restarted at any time. A module-level map of sessions, carts or login attempts works on one laptop process and silently loses or splits data once the app runs more than one process.',
    remediation: 'Move the state to a backing service (Redis, the database) or into the user\'s session/cookie.',
    languages: ['javascript', 'typescript', 'python']
  },
  files: { kinds: ['source'], languages: ['javascript', 'typescript', 'python'], roles: ['app'] },
  // `\bdict()`: `cache = dict()`, not every `to_dict()`.
  keywords: ['new map', '= {}', '\\bdict()', 'defaultdict('],
  check(file, report) {
    if (isNonProductionPath(file.path)) return
    const code = file.code
    if (!HANDLER.test(code)) return
    const lines = codeLines(file)
    const py = file.language === 'python'
    const decl = py ? /^([A-Za-z_]\w*)\s*(?::\s*[\w[\], ]+)?=\s*(?:\{\s*\}|dict\(\s*\)|defaultdict\([\w.]*\))\s*$/gm : /^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=\n]{1,80})?=\s*(?:new\s+Map(?:<[^>\n]*>)?\(\s*\)|\{\s*\})\s*;?\s*$/gm
    const seen = new Set<string>() // one whole-file write lookup per name
    for (const m of code.matchAll(decl)) {
      const name = m[1]
      if (seen.has(name) || !PER_USER.test(name)) continue
      seen.add(name)
      const esc = name.replace(/\$/g, '\\$')
      const write = py
        ? new RegExp(`\\b${esc}\\[\\s*${REQUEST_KEY}[^\\n=]{0,80}?\\]\\s*(?:=(?!=)|\\.append\\(|\\+=)|\\b${esc}\\.setdefault\\(\\s*${REQUEST_KEY}`)
        : new RegExp(`\\b${esc}\\.set\\(\\s*${REQUEST_KEY}|\\b${esc}\\[\\s*${REQUEST_KEY}[^\\n=]{0,80}?\\]\\s*(?:=(?!=)|\\+=)`)
      const w = write.exec(code)
      if (!w) continue
      const p = file.position(m.index)
      const wLine = file.position(w.index).line
      if ((lines[wLine - 1] ?? '').length > 4000) continue
      report({
        line: p.line,
        column: p.column,
        message: `module-level "${name}" ${py ? 'dict' : code.slice(m.index, m.index + m[0].length).includes('Map') ? 'Map' : 'object'} holds per-user state written from request handlers (line ${wLine}): each process has its own copy`,
        remediation: FIX[py ? 'py' : 'js']
      })
    }
  }
}
