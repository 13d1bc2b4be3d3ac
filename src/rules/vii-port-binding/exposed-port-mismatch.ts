// TF0703: Dockerfile EXPOSE, compose container port or Kubernetes containerPort that matches no
// port the app binds (literal binds, env-lookup defaults, PORT values the deployment injects).
import type { Rule } from '../../engine/rule.js'
import { PORT_KEYWORDS, portSites, type PortSites } from './port-sites.js'

interface SitesFact {
  file: string
  app: string
  sites: PortSites
}
const KEY = 'tf0703:sites'

export const exposedPortMismatch: Rule = {
  meta: {
    id: 'TF0703',
    name: 'exposed-port-mismatch',
    factor: 'VII',
    severity: 'notice',
    summary: 'A Dockerfile EXPOSE, compose port or Kubernetes containerPort disagrees with the port the app binds.',
    why: 'Port binding only works if the port the app binds is the port the platform routes to. An EXPOSE or containerPort that names another port routes traffic, health checks and service discovery to a port nobody listens on — usually after someone changed one side only.',
    remediation: 'Make both sides agree: set PORT explicitly where the container is declared (ENV PORT=8080 + EXPOSE 8080, or `env: [{name: PORT, value: "8080"}]` beside `containerPort: 8080`) and let the app read it.'
  },
  files: { kinds: ['source', 'procfile', 'dockerfile', 'manifest', 'compose', 'kubernetes', 'properties', 'yaml'] },
  // Reports land on source lines the engine does not keep: have them re-read for snippets and suppressions.
  rereadReportedFiles: true,
  keywords: [...PORT_KEYWORDS, 'expose'],
  check(file, _report, ctx) {
    if (file.role !== 'app' && !(file.role === 'dev' && file.kind === 'compose')) return
    if (file.kind === 'manifest' && file.name !== 'package.json') return
    const sites = portSites(file)
    if (sites.literal.length || sites.defaults.length || sites.injected.length || sites.exposed.length) {
      ctx.facts.add<SitesFact>(KEY, { file: file.path, app: ctx.app?.path ?? '.', sites })
    }
  },
  checkRepo(repo, report) {
    const facts = repo.facts.get<SitesFact>(KEY)
    const byApp = new Map<string, SitesFact[]>()
    for (const f of facts) byApp.set(f.app, [...(byApp.get(f.app) ?? []), f])
    for (const [app, list] of byApp) {
      // A root-level manifest in a monorepo may belong to any app: compare only when unambiguous.
      if (app === '.' && repo.apps.length > 1) continue
      const bound = new Map<number, string>()
      for (const f of list) {
        for (const b of f.sites.literal) if (!b.devMain) bound.set(b.port, `${f.file}:${b.line}`)
        for (const d of f.sites.defaults) bound.set(d.port, `${f.file}:${d.line}`)
      }
      if (bound.size === 0) continue
      const injected = new Set(list.flatMap((f) => f.sites.injected.map((i) => i.port)))
      const ok = (port: number): boolean => bound.has(port) || injected.has(port)
      for (const f of list) {
        for (const group of f.sites.exposed) {
          if (group.some((e) => ok(e.port))) continue
          const e = group[0]
          const [port, where] = [...bound.entries()][0]
          report({
            file: f.file,
            line: e.line,
            ...(e.column && e.column > 0 ? { column: e.column } : {}),
            message: `${e.label} but the app binds ${port} (${where})`,
            remediation: `Expose the port the app listens on (${port}), or inject the one you expose: e.g. \`ENV PORT=${e.port}\` / \`env: [{name: PORT, value: "${e.port}"}]\` and read PORT in the app.`
          })
        }
      }
    }
  }
}
