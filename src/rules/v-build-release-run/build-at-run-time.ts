// TF0501: a start command (Procfile, npm start, Dockerfile CMD/ENTRYPOINT, production compose,
// Kubernetes container command, entrypoint script) that installs dependencies, compiles or bundles.
import type { Rule } from '../../engine/rule.js'
import { codeLines, isNonProductionPath, locateInCommand, startCommandsOf, type StartCommand } from '../shared/v-viii-commands.js'

type Eco = 'node' | 'python' | 'i18n' | 'ruby' | 'java' | 'go' | 'php' | 'system' | 'rust'

/** Build-stage work, one pattern per tool. Linear: no nested quantifiers. */
const BUILD_STEPS: { re: RegExp; eco: Eco }[] = [
  { re: /\b(?:npm|pnpm|cnpm)\s+(?:install|i|ci|add)\b/, eco: 'node' },
  { re: /\byarn(?:\s+install)?(?=\s*(?:&&|;|\||$|["']))|\byarn\s+(?:install|add)\b/, eco: 'node' },
  { re: /\b(?:npm|pnpm|yarn)\s+(?:run\s+)?build(?::[\w:-]+)?\b/, eco: 'node' },
  { re: /(?:^|[\s;&|("'])(?:npx\s+)?tsc(?=$|[\s;&|)"'])(?![^;&|]*(?:--noEmit|\s-w\b|--watch))/, eco: 'node' },
  { re: /(?:^|[\s;&|("'])(?:npx\s+)?webpack(?=$|[\s;&|)"'])(?!\s+serve)(?![^;&|]*--watch)/, eco: 'node' },
  { re: /\b(?:next|nuxt|ng|vite|react-scripts|parcel|rollup|remix|astro|svelte-kit|gatsby)\s+build\b/, eco: 'node' },
  { re: /\besbuild\b[^;&|]*--bundle\b/, eco: 'node' },
  { re: /\b(?:pip3?|python3?\s+-m\s+pip|uv\s+pip)\s+install\b/, eco: 'python' },
  { re: /\b(?:poetry|pipenv)\s+install\b|\buv\s+sync\b/, eco: 'python' },
  { re: /\bpython3?\s+manage\.py\s+collectstatic\b/, eco: 'python' },
  // compiling message catalogs (translations) is build work too
  { re: /\bflask\s+translate\s+compile\b|\bpybabel\s+compile\b|\b(?:python3?\s+manage\.py|django-admin)\s+compilemessages\b/, eco: 'i18n' },
  { re: /\bbundle\s+install\b|\bgem\s+install\b/, eco: 'ruby' },
  { re: /\b(?:rails|rake)\s+assets:precompile\b/, eco: 'ruby' },
  { re: /(?:\bmvn|mvnw)\b[^;&|]*?\b(?:package|install|compile|verify|spring-boot:run)\b/, eco: 'java' },
  { re: /(?:\bgradle|gradlew)\b[^;&|]*?\b(?:build|assemble|bootJar|jar|bootRun|installDist|run)\b/, eco: 'java' },
  { re: /\bgo\s+(?:build|run|install)\b/, eco: 'go' },
  { re: /\bcargo\s+(?:build|run|install)\b/, eco: 'rust' },
  { re: /\bcomposer\s+(?:install|update|require)\b/, eco: 'php' },
  { re: /\b(?:apt-get|apt|apk|yum|dnf|microdnf)\s+(?:-\S+\s+)*(?:install|add)\b/, eco: 'system' }
]

const FIX: Record<Eco, (carrier: StartCommand['carrier']) => string> = {
  node: (c) =>
    c === 'package.json' || c === 'procfile'
      ? 'Compile in the build stage and only start the output at run time: "scripts": { "build": "tsc", "start": "node dist/server.js" }; run `npm ci && npm run build` in CI, the buildpack or a Dockerfile RUN step.'
      : 'Install and build in the image: `RUN npm ci && npm run build` in a build stage, then `COPY --from=build /app/dist ./dist` and `CMD ["node", "dist/server.js"]`.',
  python: (c) =>
    c === 'procfile'
      ? 'Declare dependencies in requirements.txt (the buildpack installs them at build time) and keep the process type to the server: `web: gunicorn app:app`.'
      : 'Install at build time: `COPY requirements.txt .` + `RUN pip install --no-cache-dir -r requirements.txt` (and `RUN python manage.py collectstatic --noinput`), then `CMD ["gunicorn", "app.wsgi"]`.',
  i18n: (c) =>
    c === 'procfile'
      ? 'Compile the message catalogs at build time (a buildpack `bin/post_compile` hook running `pybabel compile -d app/translations`, or commit the compiled .mo files) and keep the process type to the server: `web: gunicorn app:app`.'
      : 'Compile the message catalogs in the image: `RUN pybabel compile -d app/translations` (or `RUN python manage.py compilemessages`), then start the server alone.',
  ruby: () => 'Install gems and precompile assets at build time: `RUN bundle install && bundle exec rails assets:precompile`; start with `CMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]`.',
  java: () => 'Package once in CI or a build stage (`RUN ./mvnw -B package -DskipTests`), copy the jar into the runtime image and start it: `CMD ["java", "-jar", "app.jar"]`.',
  go: () => 'Compile in a build stage (`RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server`) and run the binary: `COPY --from=build /out/server /server` + `ENTRYPOINT ["/server"]`.',
  rust: () => 'Compile in a build stage (`RUN cargo build --release`) and copy the binary into the runtime image: `ENTRYPOINT ["/app/server"]`.',
  php: () => 'Run `composer install --no-dev --optimize-autoloader` in a Dockerfile RUN step (or the buildpack) so the release already contains vendor/.',
  system: () => 'Install system packages in the image (`RUN apt-get install -y --no-install-recommends <pkg>`), never in the start command.'
}

const DEV_GUARD = /\b(?:dev|development|local|debug)\b/i

export const buildAtRunTime: Rule = {
  meta: {
    id: 'TF0501',
    name: 'build-at-run-time',
    factor: 'V',
    severity: 'error',
    summary: 'A start command installs dependencies, compiles or bundles at run time.',
    why: 'Twelve-factor apps strictly separate the build stage (fetch dependencies, compile, bundle) from the run stage. Installing or compiling in a start command makes every process start slow and non-deterministic, lets two instances of one release run different code, and can fail at 3 a.m. when a registry is down.',
    remediation: 'Move the install/compile step to the build (CI, buildpack or a Dockerfile RUN step) and make the start command only launch the built artifact.'
  },
  // Dev compose files, Procfile.dev and Dockerfile.dev legitimately rebuild on start.
  files: { kinds: ['procfile', 'dockerfile', 'manifest', 'compose', 'kubernetes', 'source'], roles: ['app'] },
  keywords: ['install', 'build', 'tsc', 'webpack', 'bundle', 'precompile', 'collectstatic', 'compile', 'mvn', 'gradle', 'run', 'cargo', 'apk', 'yarn', 'npm', 'pip', 'poetry', 'uv ', 'composer'],
  check(file, report) {
    if (file.kind === 'source' && file.language !== 'shell') return
    if (file.kind === 'manifest' && file.name !== 'package.json') return
    if (isNonProductionPath(file.path)) return
    const lines = codeLines(file)
    for (const cmd of startCommandsOf(file)) {
      if (cmd.command.length > 4000) continue
      if (cmd.carrier === 'script') {
        // Skip steps guarded by a development condition a few lines up (if [ "$ENV" = dev ]; then ...).
        const context = lines.slice(Math.max(0, cmd.line - 4), cmd.line - 1).join('\n')
        if (/\bif\b|\bcase\b|\[\[?/.test(context) && DEV_GUARD.test(context)) continue
      }
      for (const step of BUILD_STEPS) {
        const m = step.re.exec(cmd.command)
        if (!m) continue
        const token = m[0].replace(/^[\s;&|("']+/, '').trim()
        const pos = locateInCommand(file, cmd, step.re)
        // No platform runs a Procfile with the Go toolchain (the buildpack ships the compiled binary):
        // `go run` there is a local process runner's file (goreman, foreman), a notice at most.
        const localRunner = cmd.carrier === 'procfile' && step.eco === 'go'
        report({
          line: pos.line,
          column: pos.column,
          ...(localRunner ? { severity: 'notice' as const } : {}),
          message: `${cmd.label} runs "${token}" at start: build work in the run stage${localRunner ? ' (a Procfile that compiles Go is usually a local process runner\'s, such as goreman)' : ''}`,
          remediation: FIX[step.eco](cmd.carrier)
        })
        break // one finding per command: the first build step names the problem
      }
    }
  }
}
