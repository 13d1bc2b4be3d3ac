// TF1003: a development-only server or runner in what production runs: the production
// Dockerfile's CMD, a Procfile, a Kubernetes workload or a production compose file.
import type { Rule, ReportFn } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { composeOf } from '../../parsers/compose.js'
import { dockerfileOf } from '../../parsers/dockerfile.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { procfileOf } from '../../parsers/procfile.js'
import { bootCommands, tok } from '../shared/ix-xii-boot.js'
import { isDevFolder } from '../../model/paths.js'
import { isDevStageName } from '../../model/deploy-model.js'

interface DevServer { re: RegExp; what: string; fix: string }

const DEV_SERVERS: DevServer[] = [
  { re: /\bmanage\.py\s+runserver\b/, what: "Django's development server", fix: 'Serve with a production WSGI/ASGI server: gunicorn mysite.wsgi --bind 0.0.0.0:$PORT (or uvicorn mysite.asgi:application).' },
  { re: /\bflask\s+(?:--app\s+\S+\s+)?run\b/, what: "Flask's development server", fix: 'Serve with gunicorn: gunicorn --bind 0.0.0.0:$PORT "app:create_app()".' },
  { re: /\b(?:nodemon|ts-node-dev|tsnd)\b/, what: 'a file-watching auto-restarter', fix: 'Compile in a build stage and run node directly: CMD ["node", "dist/server.js"].' },
  { re: /\b(?:next|nuxt)\s+dev\b/, what: 'the framework dev server', fix: 'Build with `next build` and run `next start` (or the standalone server: node .next/standalone/server.js).' },
  { re: /\b(?:ng\s+serve|vue-cli-service\s+serve|react-scripts\s+start|webpack-dev-server|webpack\s+serve|vite\s+(?:dev|serve)|gatsby\s+develop)\b/, what: 'a frontend dev server', fix: 'Build static assets in a build stage (npm run build) and serve them with nginx or a static file server.' },
  { re: /\b(?:uvicorn|gunicorn|hypercorn)\b[^&;|\n]*\s--reload\b/, what: 'auto-reload (--reload)', fix: 'Drop --reload in production; code changes arrive as a new release, not by watching files.' },
  { re: /\bphp\s+artisan\s+serve\b/, what: "Laravel's development server", fix: 'Serve with php-fpm behind nginx, FrankenPHP or Octane.' },
  { re: /\b(?:mvnw?|\.\/mvnw|gradlew?|\.\/gradlew)\b[^&;|\n]*\b(?:spring-boot:run|bootRun)\b/, what: 'the build tool running the app', fix: 'Build the jar in a build stage and run it: ENTRYPOINT ["java", "-jar", "/app/app.jar"].' },
  { re: /\bgo\s+run\b/, what: '`go run` (compiles on every start)', fix: 'Build the binary in a builder stage (go build -o /server ./cmd/server) and run it: CMD ["/server"].' },
  { re: /\brails\s+s(?:erver)?\b[^&;|\n]*(?:-e\s*|--environment[ =])(?:development|dev)\b|\bRAILS_ENV=development\b[^&;|\n]*\brails\s+s(?:erver)?\b/, what: 'Rails in development mode', fix: 'Run `bin/rails server` with RAILS_ENV=production (set ENV RAILS_ENV=production in the image).' }
]

const META = {
  id: 'TF1003',
  name: 'dev-server-in-production',
  factor: 'X' as const,
  severity: 'warning' as const,
  summary: 'A development-only server (runserver, flask run, nodemon, next dev, --reload, go run...) is what production runs.',
  why:
    'Dev/prod parity means production runs the same way development is tested, with production-grade tools: development servers ' +
    'are single-threaded or unoptimised, reload on file changes, leak debug pages and are not built for real traffic or signals.',
  remediation: 'Run a production server in the production image and process definitions; keep dev servers in dev-only files (Dockerfile.dev, compose, Procfile.dev).'
}

export const devServerInProduction: Rule = {
  meta: META,
  files: { kinds: ['dockerfile', 'procfile', 'kubernetes', 'compose'], roles: ['app'] },
  keywords: ['runserver', 'flask', 'nodemon', 'ts-node-dev', 'tsnd', ' dev', 'serve', 'react-scripts', 'webpack', '--reload', 'artisan', 'bootrun', 'spring-boot:run', 'go run', 'rails'],
  check(file, report) {
    if (/(^|\/)\.devcontainer\//.test(file.path) || isDevFolder(file.path)) return
    if (file.kind === 'dockerfile') return checkDockerfile(file, report)
    if (file.kind === 'procfile') {
      for (const p of procfileOf(file)) find(p.command, p.line, `Procfile process \`${p.type}\``, report, p.column)
      return
    }
    if (file.kind === 'kubernetes') {
      for (const w of kubernetesOf(file).workloads) {
        for (const c of w.containers) {
          if (c.init) continue
          find([...(c.command ?? []), ...(c.args ?? [])].join(' '), c.commandLine, `Container ${tok(c.name)} of ${w.kind} ${tok(w.name)}`, report)
        }
      }
      return
    }
    for (const s of composeOf(file).services) find([...(s.entrypoint ?? []), ...(s.command ?? [])].join(' '), s.commandLine, `Service ${tok(s.name)}`, report)
  },
  checkRepo(repo, report) {
    // `npm start` in a production Dockerfile or Procfile runs whatever package.json's start script says.
    for (const f of repo.files) {
      if (f.kind !== 'manifest' || !f.path.endsWith('package.json') || f.role !== 'app') continue
      const pkgFile = repo.get(f.path)
      const start = pkgFile ? packageJsonOf(pkgFile).data?.scripts?.start : undefined
      if (!pkgFile || typeof start !== 'string') continue
      const dev = DEV_SERVERS.find((d) => d.re.test(start))
      if (!dev) continue
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : ''
      const runner = repo.files.find((o) => {
        if (o.role !== 'app' || !o.path.startsWith(dir) || (o.kind !== 'dockerfile' && o.kind !== 'procfile')) return false
        if (/(^|\/)\.devcontainer\//.test(o.path) || isDevFolder(o.path)) return false
        const file = repo.get(o.path)
        if (!file) return false
        const cmds = o.kind === 'procfile' ? procfileOf(file).map((p) => p.command) : Object.values(bootCommands(file)).map((b) => b.text)
        return cmds.some((c) => /\b(npm|yarn|pnpm|bun)\s+(run\s+)?start\b/.test(c))
      })
      if (!runner) continue
      const m = dev.re.exec(start)!
      report({
        file: f.path,
        line: packageJsonOf(pkgFile).lineOf('scripts', 'start'),
        message: `package.json \`start\` runs ${dev.what} ${tok(m[0], 40)}, and ${runner.path} starts the app with \`npm start\` in production`,
        remediation: `Keep the watcher in a \`dev\` script and make \`start\` the production command, e.g. "start": "node dist/server.js", "dev": ${JSON.stringify(start)}.`
      })
    }
  }
}

function find(command: string, line: number, where: string, report: ReportFn, column?: number): boolean {
  for (const d of DEV_SERVERS) {
    const m = d.re.exec(command)
    if (!m) continue
    report({ line, ...(column !== undefined ? { column: column + m.index } : {}), message: `${where} runs ${d.what} ${tok(m[0], 50)} in production`, remediation: d.fix })
    return true
  }
  return false
}


function checkDockerfile(file: SourceFile, report: ReportFn): void {
  const d0 = dockerfileOf(file)
  const lastStage = d0.stages[d0.stages.length - 1]
  if (lastStage?.name && isDevStageName(lastStage.name)) {
    // The last stage is a development target: judge the stages that are shipped (production, release, runtime...) instead.
    for (const st of d0.stages) {
      if (!st.name || !/^(prod|production|release|runtime|final|app|server|web)$/.test(st.name)) continue
      for (const ins of d0.instructions) {
        if (ins.stage === st.index && (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT')) find(ins.exec ? ins.exec.join(' ') : ins.args, ins.line, ins.keyword, report)
      }
    }
    return
  }
  const { entrypoint, cmd } = bootCommands(file)
  for (const bc of [entrypoint, cmd]) {
    if (!bc) continue
    if (find(bc.text, bc.instruction.line, bc.keyword, report)) continue
    // `rails server` with no RAILS_ENV anywhere in the final stage boots in development mode.
    const m = /\brails\s+s(?:erver)?\b/.exec(bc.text)
    if (!m || /-e\s*\w|--environment/.test(bc.text)) continue
    const d = dockerfileOf(file)
    // The final stage and the stages it is built FROM (`FROM base`) share their ENV.
    const chain = new Set<number>()
    for (let st = d.stages[d.stages.length - 1]; st && !chain.has(st.index); st = d.stages.find((x) => x.name !== undefined && x.name === st!.image.toLowerCase() && x.index < st!.index)!) chain.add(st.index)
    const setsEnv = d.instructions.some((i) => (i.keyword === 'ENV' || i.keyword === 'ARG') && chain.has(i.stage) && /\b(RAILS_ENV|RACK_ENV)\b/.test(i.args))
    if (setsEnv) continue
    report({ line: bc.instruction.line, message: `${bc.keyword} runs ${tok(m[0])} but the image never sets RAILS_ENV: Rails boots in development mode`, remediation: 'Add ENV RAILS_ENV=production (and RAILS_LOG_TO_STDOUT=1 on Rails < 7.1) to the final stage.' })
  }
}
