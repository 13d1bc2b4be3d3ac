// Where a file binds, reads, injects or exposes a port. Shared by TF0701 (literal port) and TF0703
// (exposed port that disagrees with the bound one); each rule stores its own facts from it.
import type { SourceFile } from '../../engine/source-file.js'
import { composeOf } from '../../parsers/compose.js'
import { dockerfileOf } from '../../parsers/dockerfile.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { codeLines, inQuotes, isOwnImage, locateInCommand, startCommandsOf } from '../shared/v-viii-commands.js'
import { isDevFolder } from '../../model/paths.js'
import { isDevStageName } from '../../model/deploy-model.js'

export interface LiteralBind {
  line: number
  column: number
  /** The offending token as written, e.g. `app.listen(3000)`. */
  token: string
  port: number
  /** Python `app.run` under `if __name__ == "__main__":` — the development entry. */
  devMain: boolean
  /** 'command' when in a Procfile/CMD/start script, else the file's language. */
  where: 'command' | 'source'
  /** Which server, for the remediation: express, flask, uvicorn, gunicorn, puma, go... */
  server: string
}

export interface PortSites {
  /** The file reads a port from the environment (process.env.PORT, os.environ.get("PORT"), $PORT...). */
  envLookup: boolean
  literal: LiteralBind[]
  /** Fallback ports of env lookups: `process.env.PORT || 3000` → 3000. */
  defaults: { port: number; line: number }[]
  /** PORT values the deployment injects (Dockerfile ENV, compose environment, k8s env). */
  injected: { port: number; line: number }[]
  /** Ports the deployment exposes (Dockerfile EXPOSE, compose container ports, k8s containerPort). */
  exposed: { port: number; line: number; column?: number; label: string }[][]
}

/**
 * Prefilter keywords for the port rules. `\bport` and `_port` instead of `port`, which matched every
 * `import`/`export` and sent nearly every source file through both rules; Go's `.Run(`/`.Start(`
 * binds and Kubernetes `containerPort` are listed on their own.
 */
export const PORT_KEYWORDS = [
  '\\bport', '_port', 'containerport', 'listen', 'bind', 'addr', '.run(', '.runtls(', '.start(', '.starttls(', '-p', '-b', '-s ',
  'runserver', 'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'waitress'
]

const ENV_LOOKUP = [
  /process\.env(?:\.|\[\s*["'`])\w*PORT\b/,
  /(?:environ(?:\.get)?|getenv|Getenv|LookupEnv|ENV(?:\.fetch)?|\$_ENV|\$_SERVER|\benv(?:\.int|\.str)?|\bconfig|System\.getenv|Deno\.env\.get)\s*[([]\s*["']\w*PORT\b/,
  /\$\{?\w*PORT\b/
]

const DEFAULTS = [
  /process\.env(?:\.|\[\s*["'`])\w*PORT\b["'`\]]*\)?\s*(?:\|\||\?\?)\s*["']?(\d{2,5})\b/g,
  /(?:environ\.get|getenv)\(\s*["']\w*PORT["']\s*,\s*["']?(\d{2,5})\b/g,
  /ENV\.fetch\(\s*["']\w*PORT["']\s*(?:,\s*|\)\s*\{\s*)["']?(\d{2,5})\b/g,
  /\$\{\w*PORT:-?(\d{2,5})\}/g,
  /getOrDefault\(\s*"\w*PORT"\s*,\s*"(\d{2,5})"/g,
  // Go: port := os.Getenv("PORT"); if port == "" { port = "8080" }
  /\bport\s*==\s*""\s*\{\s*port\s*=\s*":?(\d{2,5})"/gi
]

/** Servers that bind $PORT by themselves when no port is given: gunicorn (no --bind/-c), `next start`, `rails server`. */
const READS_PORT_ITSELF = /(?:^|[\s/"'])gunicorn(?=\s|$)(?![^&;|\n]*\s(?:--bind|-b|-c|--config)\b)|\bnext\s+start\b(?![^&;|\n]*\s(?:-p|--port)\b)|\brails\s+s(?:erver)?\b(?![^&;|\n]*\s(?:-p|--port)\b)/
/** A metrics or profiling listener (Prometheus exporter, pprof) is a side channel beside the exported service. */
const SIDE_CHANNEL_LINE = /promhttp|prometheus|\bmetrics\b|pprof|expvar/i
const SIDE_CHANNEL_FILE = /(^|[._-])(metrics|prometheus|telemetry|pprof)([._-]|$)/i

/** A bind on the loopback interface is a side channel (pprof, admin), not the exported service. */
const LOOPBACK = /(?:localhost|127\.0\.0\.1|\[::1\]|::1)(?::|["'])|host\s*=\s*["'](?:localhost|127\.0\.0\.1)["']/

interface SourcePattern {
  re: RegExp
  server: string
  /** Group holding the port or an identifier to resolve. */
  languages: string[]
}

const SOURCE_BINDS: SourcePattern[] = [
  { re: /\.listen\(\s*(\d{2,5}|[A-Za-z_$][\w$]*)\s*[,)]/g, server: 'listen', languages: ['javascript', 'typescript', 'java', 'kotlin'] },
  // Bounded lookaheads ({0,300}): `[^)\n]*?` scanned to the end of the line from every `run(`, and a
  // 1 MB line of `app.run(port=` took minutes.
  { re: /\.listen\(\s*\{[^}\n]{0,300}?\bport\s*:\s*(\d{2,5}|[A-Za-z_$][\w$]*)\s*[,}]/g, server: 'fastify', languages: ['javascript', 'typescript'] },
  { re: /\b(?:Bun\.serve|Deno\.serve|serve)\(\s*\{[^}\n]{0,300}?\bport\s*:\s*(\d{2,5}|[A-Za-z_$][\w$]*)\s*[,}]/g, server: 'serve', languages: ['javascript', 'typescript'] },
  { re: /\b(?:run|run_app|serve)\([^)\n]{0,300}?\bport\s*=\s*(\d{2,5}|[A-Za-z_]\w*)\s*[,)]/g, server: 'python-run', languages: ['python'] },
  { re: /^[ \t]*bind\s*=\s*\[?\s*["'][\w.*[\]-]*:(\d{2,5})["']/gm, server: 'gunicorn-config', languages: ['python'] },
  { re: /^[ \t]*port\s+(\d{2,5})\s*$/gm, server: 'puma', languages: ['ruby'] },
  { re: /^[ \t]*bind\s+["']tcp:\/\/[\w.*[\]-]*:(\d{2,5})["']/gm, server: 'puma', languages: ['ruby'] },
  { re: /\bset\s+:port\s*,\s*(\d{2,5})\b/g, server: 'sinatra', languages: ['ruby'] },
  { re: /\b(?:ListenAndServe|ListenAndServeTLS|Run|Start|StartTLS|Listen|RunTLS)\(\s*(?:"[\w.-]*:(\d{2,5})"|([A-Za-z_]\w*)\s*[,)])/g, server: 'go', languages: ['go'] },
  { re: /\bnet\.Listen\(\s*"tcp[46]?"\s*,\s*"[\w.-]*:(\d{2,5})"/g, server: 'go', languages: ['go'] },
  { re: /\bAddr:\s*"[\w.-]*:(\d{2,5})"/g, server: 'go', languages: ['go'] },
  { re: /\bnew\s+InetSocketAddress\(\s*(\d{2,5})\s*\)/g, server: 'java', languages: ['java', 'kotlin'] },
  { re: /\bembeddedServer\([^)\n]{0,300}?\bport\s*=\s*(\d{2,5})\b/g, server: 'ktor', languages: ['kotlin'] }
]

/** Server programs whose `-p`/`--port` flag is the listen port. */
const SERVER_PROGRAM = /\b(?:gunicorn|uvicorn|hypercorn|daphne|waitress-serve|rails|puma|unicorn|thin|rackup|next|nuxt|flask|http-server|serve|streamlit|php|artisan|node|npx|bun|deno|granian|java|dotnet|caddy)\b/
const COMMAND_BINDS: { re: RegExp; server: string }[] = [
  { re: /(?:--bind|-b)[=\s]+["']?(?:tcp:\/\/)?[\w.*[\]-]*:(\d{2,5})(?![\d:])/, server: 'bind' },
  { re: /(?:--port|--listen|-p)[=\s]+["']?(?:[\w.*-]*:)?(\d{2,5})(?![\d:])/, server: 'port-flag' },
  { re: /\bphp\s+(?:-\S+\s+)*-S\s+[\w.-]*:(\d{2,5})\b/, server: 'php' },
  { re: /\brunserver\s+(?:[\w.-]*:)?(\d{2,5})\b/, server: 'runserver' }
]

export function portSites(file: SourceFile): PortSites {
  return file.parse('v7-port-sites', collect)
}

function collect(file: SourceFile): PortSites {
  const out: PortSites = { envLookup: false, literal: [], defaults: [], injected: [], exposed: [] }
  const code = file.code
  const isCommandCarrier = file.kind !== 'source' || file.language === 'shell'
  if (code.length > 2_000_000) return out
  out.envLookup = ENV_LOOKUP.slice(0, isCommandCarrier ? 3 : 2).some((re) => re.test(code)) || (file.kind === 'properties' && /\$\{\w*PORT\b/.test(code))
  for (const re of DEFAULTS) for (const m of code.matchAll(re)) out.defaults.push({ port: Number(m[1]), line: file.position(m.index).line })

  if (file.kind === 'source' && file.language !== 'shell') sourceBinds(file, out)
  // Commands the app starts with (Procfile, Dockerfile CMD, npm start, entrypoint scripts). Compose and
  // Kubernetes commands are the platform's own port configuration, not the app's.
  if (file.kind === 'procfile' || file.kind === 'dockerfile' || file.kind === 'manifest' || (file.kind === 'source' && file.language === 'shell')) {
    for (const cmd of shippedCommands(file)) {
      if (cmd.command.length <= 4000 && READS_PORT_ITSELF.test(cmd.command)) out.envLookup = true
      if (cmd.command.length > 4000 || !SERVER_PROGRAM.test(cmd.command) || /\$\{?\w*PORT\b/.test(cmd.command)) continue
      for (const b of COMMAND_BINDS) {
        const m = b.re.exec(cmd.command)
        if (!m || LOOPBACK.test(m[0])) continue
        const pos = locateInCommand(file, cmd, b.re)
        const program = /\b(gunicorn|uvicorn|hypercorn|daphne|waitress-serve|rails|puma|unicorn|thin|rackup|next|nuxt|flask|http-server|serve|streamlit|php|granian)\b/.exec(cmd.command)?.[1] ?? 'server'
        out.literal.push({ line: pos.line, column: pos.column, token: m[0].trim(), port: Number(m[1]), devMain: false, where: 'command', server: program })
        break
      }
    }
  }
  if (file.kind === 'dockerfile') {
    const d = dockerfileOf(file)
    const last = Math.max(0, d.stages.length - 1)
    const expose: PortSites['exposed'][number] = []
    for (const ins of d.instructions) {
      if (ins.stage !== last) continue
      if (ins.keyword === 'ENV') {
        const m = /(?:^|\s)PORT(?:=|\s+)["']?(\d{2,5})\b/.exec(ins.args)
        if (m) out.injected.push({ port: Number(m[1]), line: ins.line })
      }
      if (ins.keyword === 'EXPOSE') {
        for (const p of ins.args.split(/\s+/)) {
          const m = /^(\d{2,5})(?:\/tcp)?$/i.exec(p)
          if (m) expose.push({ port: Number(m[1]), line: ins.line, column: file.line(ins.line).indexOf(m[1]) + 1, label: `EXPOSE ${m[1]}` })
        }
      }
    }
    if (expose.length) out.exposed.push(expose)
  }
  if (file.kind === 'compose') {
    for (const s of composeOf(file).services) {
      if (!s.build) continue
      for (const e of s.environment) if (/^\w*PORT$/.test(e.key) && e.key !== 'DB_PORT' && /^\d{2,5}$/.test(e.value ?? '')) out.injected.push({ port: Number(e.value), line: e.line })
      const expose = s.ports
        .map((p) => ({ p, m: /(?:^|:)(\d{2,5})(?:\/tcp)?$/.exec(p.spec.trim()) }))
        .filter((x) => x.m)
        .map(({ p, m }) => ({ port: Number(m![1]), line: p.line, column: file.line(p.line).lastIndexOf(m![1]) + 1, label: `compose service "${s.name}" port ${p.spec}` }))
      if (expose.length) out.exposed.push(expose)
    }
  }
  if (file.kind === 'kubernetes') {
    const m = kubernetesOf(file)
    if (!m.isHelmTemplate) {
      for (const w of m.workloads) {
        // Databases and other backing services run as StatefulSets/DaemonSets or official images: not the app.
        if (w.kind !== 'Deployment' && w.kind !== 'Pod' && w.kind !== 'DeploymentConfig' && w.kind !== 'ReplicaSet') continue
        for (const c of w.containers) {
          if (c.init || !isOwnImage(c.image)) continue
          for (const e of c.env) if (e.name === 'PORT' && /^\d{2,5}$/.test(e.value ?? '')) out.injected.push({ port: Number(e.value), line: e.line })
          if (c.ports.length) out.exposed.push(c.ports.map((p) => ({ port: p.containerPort, line: p.line, column: file.line(p.line).indexOf(String(p.containerPort)) + 1, label: `${w.kind} "${w.name}" containerPort ${p.containerPort}` })))
        }
      }
    }
  }
  if (file.kind === 'properties' || file.kind === 'yaml') {
    // Spring Boot: server.port is the bound port (SERVER_PORT overrides it).
    const m = /^[ \t]*server\.port\s*[=:]\s*(\d{2,5})\s*$/m.exec(code) ?? /^server:\s*\n\s+port:\s*(\d{2,5})\s*$/m.exec(code)
    if (m) out.defaults.push({ port: Number(m[1]), line: file.position(m.index + m[0].indexOf(m[1])).line })
  }
  return out
}

const SHIPPED_STAGE = /^(prod|production|release|runtime|final|app|server|web)$/

/**
 * The start commands production runs: none from a development folder; for a Dockerfile whose last
 * stage is a development target (`FROM base AS development`), the CMD/ENTRYPOINT of its shipped stages.
 */
function shippedCommands(file: SourceFile): { command: string; line: number; endLine: number }[] {
  if (isDevFolder(file.path)) return []
  if (file.kind !== 'dockerfile') return startCommandsOf(file)
  const d = dockerfileOf(file)
  const last = d.stages[d.stages.length - 1]
  if (!last?.name || !isDevStageName(last.name)) return startCommandsOf(file)
  const shipped = new Set(d.stages.filter((st) => st.name && SHIPPED_STAGE.test(st.name)).map((st) => st.index))
  return d.instructions
    .filter((ins) => (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && shipped.has(ins.stage))
    .map((ins) => ({ label: ins.keyword, command: ins.exec ? ins.exec.join(' ') : ins.args, line: ins.line, endLine: ins.endLine, carrier: 'dockerfile' as const }))
}

function sourceBinds(file: SourceFile, out: PortSites): void {
  const code = file.code
  const lines = codeLines(file)
  const resolved = new Map<string, number | undefined>() // one whole-file lookup per identifier
  for (const p of SOURCE_BINDS) {
    if (!p.languages.includes(file.language)) continue
    if (p.server === 'gunicorn-config' && !/gunicorn|conf/i.test(file.name)) continue
    if (p.server === 'puma' && !/puma/i.test(file.name)) continue
    for (const m of code.matchAll(p.re)) {
      if (out.literal.length >= 100) return
      const at = file.position(m.index)
      const lineNo = at.line
      if ((lines[lineNo - 1] ?? '').length > 4000 || inQuotes(lines[lineNo - 1] ?? '', at.column - 1)) continue
      const raw = m[1] ?? m[2]
      if (!raw || LOOPBACK.test(m[0]) || SIDE_CHANNEL_LINE.test(lines[lineNo - 1] ?? '') || SIDE_CHANNEL_FILE.test(file.name)) continue
      let port: number | undefined
      if (/^\d+$/.test(raw)) port = Number(raw)
      else {
        if (!resolved.has(raw)) resolved.set(raw, resolveIdentifier(code, raw, file.language))
        port = resolved.get(raw)
      }
      if (port === undefined || port === 0) continue
      let start = m.index + (m[0].length - m[0].trimStart().length)
      // Name the receiver too: `app.listen(3000, …)`, not `.listen(3000,`.
      if (code[start] === '.' || code[start - 1] === '.') while (start > 0 && /[\w$.]/.test(code[start - 1]) && m.index - start < 60) start--
      const pos = file.position(start)
      const call = code.slice(start, m.index + m[0].length).trim()
      const token = /[,{]$/.test(call) ? `${call.replace(/[,{\s]+$/, '')}${call.endsWith('{') ? '' : ','} …)` : call
      const devMain = file.language === 'python' && /^[ \t]+/.test(lines[lineNo - 1] ?? '') && /^if\s+__name__\s*==\s*["']__main__["']/m.test(code.slice(0, m.index))
      // `if __name__ == "__main__": uvicorn.run(..., reload=True)` is a development entry, whatever else the app does.
      if (devMain && /\b(?:reload|debug)\s*=\s*True\b/.test(code.slice(m.index, m.index + 300).split('\n')[0])) continue
      out.literal.push({ line: pos.line, column: pos.column, token, port, devMain, where: 'source', server: p.server })
    }
  }
}

/** `const PORT = 3000` / `PORT = 5000` / `addr := ":8080"`: a literal the identifier is bound to, if any. */
function resolveIdentifier(code: string, id: string, language: string): number | undefined {
  if (id.length > 60 || /^(?:true|false|null|undefined|None|nil)$/.test(id)) return undefined
  const escaped = id.replace(/\$/g, '\\$')
  const re =
    language === 'go'
      ? new RegExp(`\\b${escaped}\\s*(?::=|=)\\s*"[\\w.-]*:(\\d{2,5})"`)
      : new RegExp(`(?:^|[\\s;(])(?:const|let|var|final\\s+int|int|val)?\\s*${escaped}\\s*(?::\\s*\\w+\\s*)?=\\s*(\\d{2,5})\\s*(?:;|$)`, 'm')
  const m = re.exec(code)
  if (!m) return undefined
  // Reassigned later (`if (process.env.PORT) PORT = ...`, `PORT = int(os.environ.get("PORT", PORT))`): not a fixed port.
  const assignments = code.match(new RegExp(`(?<![=!<>.\\w$])${escaped}\\s*(?::=|=)(?!=)`, 'g'))?.length ?? 0
  return assignments > 1 ? undefined : Number(m[1])
}

