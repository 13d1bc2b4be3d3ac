// TF0701: a server that listens on a literal port. Error when the app never reads its port from
// the environment, warning when it does somewhere else (the literal is then a forgotten path).
import type { Rule } from '../../engine/rule.js'
import { PORT_KEYWORDS, portSites, type LiteralBind } from './port-sites.js'

interface LiteralFact extends LiteralBind {
  file: string
  app: string
  framework?: string
}

const ENV_KEY = 'tf0701:port-env'
const LITERAL_KEY = 'tf0701:literal'
/** Kubernetes containerPorts: a Dockerfile CMD that binds the same port is routed to (a notice, not an error). */
const K8S_PORT_KEY = 'tf0701:k8s-container-port'

export function portFix(b: Pick<LiteralBind, 'server' | 'port' | 'where'>, framework?: string, language?: string): string {
  const p = b.port
  if (b.where === 'command') {
    switch (b.server) {
      case 'gunicorn':
        return `Bind to the port the platform gives: \`gunicorn --bind 0.0.0.0:\${PORT:-${p}} app.wsgi\` (shell form), or drop --bind — gunicorn binds $PORT by itself when it is set.`
      case 'uvicorn':
      case 'hypercorn':
        return `Read the port from the environment: \`uvicorn app.main:app --host 0.0.0.0 --port \${PORT:-${p}}\` (shell form so $PORT expands).`
      case 'rails':
      case 'puma':
        return `Let the port come from the environment: \`bundle exec puma -C config/puma.rb\` with \`port ENV.fetch("PORT") { ${p} }\`, or \`rails server -b 0.0.0.0 -p \${PORT:-${p}}\`.`
      case 'php':
        return `Use the environment: \`php -S 0.0.0.0:\${PORT:-${p}} -t public\` (shell form).`
      default:
        return `Use the environment in the start command: \`--port \${PORT:-${p}}\` (shell form so $PORT expands).`
    }
  }
  if (framework === 'nestjs') return `Read the port from the environment: \`await app.listen(process.env.PORT ?? ${p})\`.`
  if (b.server === 'fastify' || framework === 'fastify') return `Read the port from the environment: \`await app.listen({ port: Number(process.env.PORT) || ${p}, host: '0.0.0.0' })\`.`
  switch (language) {
    case 'javascript':
    case 'typescript':
      return `Read the port from the environment: \`const port = Number(process.env.PORT) || ${p}; app.listen(port)\`.`
    case 'python':
      if (b.server === 'gunicorn-config') return `Read it from the environment: \`bind = f"0.0.0.0:{os.environ.get('PORT', '${p}')}"\`.`
      return framework === 'fastapi' || b.server === 'python-run'
        ? `Read the port from the environment: \`port=int(os.environ.get("PORT", ${p}))\` (e.g. \`uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", ${p})))\`).`
        : `Read the port from the environment: \`port=int(os.environ.get("PORT", ${p}))\`.`
    case 'ruby':
      return b.server === 'sinatra' ? `Read it from the environment: \`set :port, ENV.fetch("PORT", ${p})\`.` : `Read it from the environment: \`port ENV.fetch("PORT") { ${p} }\`.`
    case 'go':
      return `Read the port from the environment: \`port := os.Getenv("PORT"); if port == "" { port = "${p}" }\` then \`http.ListenAndServe(":"+port, mux)\`.`
    case 'java':
    case 'kotlin':
      return `Read the port from the environment: \`int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "${p}"));\`.`
    default:
      return `Read the port from the PORT environment variable and fall back to ${p} only when it is unset.`
  }
}

export const literalListenPort: Rule = {
  meta: {
    id: 'TF0701',
    name: 'literal-listen-port',
    factor: 'VII',
    severity: 'error',
    summary: 'A server listens on a literal port with no environment lookup.',
    why: 'A twelve-factor app is self-contained and exports its service by binding to a port it is given: the platform (Heroku, Cloud Run, Kubernetes, a local foreman) decides the port and passes it in, usually as $PORT. A port fixed in code or in the start command cannot be moved, so two processes collide on one host and the router sends traffic to a port nobody listens on.',
    remediation: 'Read the port from the PORT environment variable with a development default, e.g. `process.env.PORT || 3000`, `int(os.environ.get("PORT", 5000))`, `ENV.fetch("PORT") { 3000 }`.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'go', 'java', 'kotlin', 'php', 'shell']
  },
  files: { kinds: ['source', 'procfile', 'dockerfile', 'manifest', 'compose', 'kubernetes', 'properties', 'yaml'], roles: ['app'] },
  // Reports land on source lines the engine does not keep: have them re-read for snippets and suppressions.
  rereadReportedFiles: true,
  keywords: PORT_KEYWORDS,
  check(file, _report, ctx) {
    if (file.kind === 'manifest' && file.name !== 'package.json') return
    const sites = portSites(file)
    const app = ctx.app?.path ?? '.'
    if (sites.envLookup) ctx.facts.add(ENV_KEY, app)
    if (file.kind === 'kubernetes') for (const group of sites.exposed) for (const e of group) ctx.facts.add<number>(K8S_PORT_KEY, e.port)
    for (const b of sites.literal) ctx.facts.add<LiteralFact>(LITERAL_KEY, { ...b, file: file.path, app, ...(ctx.app?.framework ? { framework: ctx.app.framework } : {}) })
  },
  checkRepo(repo, report) {
    const envApps = new Set(repo.facts.get<string>(ENV_KEY))
    const k8sPorts = new Set(repo.facts.get<number>(K8S_PORT_KEY))
    for (const b of repo.facts.get<LiteralFact>(LITERAL_KEY)) {
      const envElsewhere = envApps.has(b.app)
      // `if __name__ == "__main__": app.run(port=5000)` is the development entry when a server reads $PORT.
      if (b.devMain && envElsewhere) continue
      const language = b.where === 'command' ? undefined : repo.appOf(b.file)?.language === 'typescript' && /\.[cm]?tsx?$/.test(b.file) ? 'typescript' : languageOf(b.file)
      // `CMD ["uvicorn", ..., "--port", "8000"]` with `containerPort: 8000`: Kubernetes injects no PORT and routes
      // to the declared port, so the deploy works; the port is still fixed in the image.
      const routed = !envElsewhere && /(^|\/)[^/]*Dockerfile[^/]*$/i.test(b.file) && k8sPorts.has(b.port)
      report({
        file: b.file,
        line: b.line,
        column: b.column,
        severity: envElsewhere ? 'warning' : routed ? 'notice' : 'error',
        message: routed
          ? `${b.token} binds a literal port ${b.port}; the Kubernetes containerPort agrees, so traffic arrives, but the port is fixed in the image instead of given by the platform`
          : `${b.token} binds a literal port ${b.port}${envElsewhere ? ' although the app reads PORT from the environment elsewhere' : ' and the app never reads its port from the environment'}`,
        remediation: portFix(b, b.framework, language)
      })
    }
  }
}

function languageOf(path: string): string | undefined {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  return ({ js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', mts: 'typescript', py: 'python', rb: 'ruby', go: 'go', java: 'java', kt: 'kotlin' } as Record<string, string>)[ext]
}
