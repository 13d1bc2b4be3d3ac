// Shared by the Factor V-VIII rules: the commands an app runs when it starts (Procfile process
// types, package.json start scripts, Dockerfile CMD/ENTRYPOINT, compose and Kubernetes commands,
// container entrypoint scripts), each with the exact line a token sits on.
import type { SourceFile } from '../../engine/source-file.js'
import { composeOf } from '../../parsers/compose.js'
import { dockerfileOf } from '../../parsers/dockerfile.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { procfileOf } from '../../parsers/procfile.js'
import { parseImageRef } from '../../parsers/image-ref.js'
import { codeLines, isStartScript } from './ix-xii-boot.js'

export interface StartCommand {
  /** Where it comes from, for messages: 'Procfile web:', 'CMD', 'npm "start" script'... */
  label: string
  command: string
  /** Range of lines the command is written on (1-based, inclusive). */
  line: number
  endLine: number
  /** Kind of carrier, for remediation wording. */
  carrier: 'procfile' | 'dockerfile' | 'package.json' | 'compose' | 'kubernetes' | 'script'
}

/** Container entrypoint / start scripts: the only shell scripts whose every line runs at start. */
export const START_SCRIPT_NAME = /(^|\/)((docker-)?entrypoint|start|run|boot|launch|start-(server|app|web|prod|production))(\.sh)?$/i

/** Paths that are clearly for development, tests or previews, whatever the classifier said. */
export function isNonProductionPath(path: string): boolean {
  return /(^|[/._-])(dev|development|local|debug|test|tests|testing|e2e|preview|sandbox|example|examples|sample|demo)([/._-]|$)|(^|\/)(kind|minikube|tilt)\//i.test(path)
}

/** Every start command the file declares. Never throws. */
export function startCommandsOf(file: SourceFile): StartCommand[] {
  return file.parse('v8-start-commands', (f) => {
    const out: StartCommand[] = []
    switch (f.kind) {
      case 'procfile':
        for (const p of procfileOf(f)) {
          if (p.type === 'release') continue // the release phase is not the run stage
          out.push({ label: `Procfile process "${p.type}"`, command: p.command, line: p.line, endLine: p.line, carrier: 'procfile' })
        }
        break
      case 'dockerfile': {
        const d = dockerfileOf(f)
        const last = d.stages.length - 1
        for (const ins of d.instructions) {
          if ((ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') || ins.stage !== Math.max(0, last)) continue
          out.push({ label: ins.keyword, command: ins.exec ? ins.exec.join(' ') : ins.args, line: ins.line, endLine: ins.endLine, carrier: 'dockerfile' })
        }
        break
      }
      case 'manifest': {
        if (f.name !== 'package.json') break
        const pkg = packageJsonOf(f)
        const scripts = pkg.data?.scripts
        if (!scripts || typeof scripts !== 'object') break
        // npm runs `pre<name>` before `<name>`: `prestart:prod` belongs to `npm run start:prod`.
        for (const name of ['prestart', 'start', 'prestart:prod', 'start:prod', 'prestart:production', 'start:production', 'serve:prod']) {
          const cmd = scripts[name]
          if (typeof cmd !== 'string') continue
          const line = pkg.lineOf('scripts', name)
          // A start script that runs another script (`npm run compile && node dist`) runs its command too.
          const called = [...cmd.matchAll(/\b(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?)\s+([\w:.-]+)/g)]
            .map((m) => m[1])
            .filter((n) => n !== name && typeof scripts[n] === 'string' && !/^(start|test|lint)\b/.test(n))
            .map((n) => `${String(scripts[n])}`)
          out.push({ label: `npm "${name}" script`, command: [cmd, ...called].join(' && '), line, endLine: line, carrier: 'package.json' })
        }
        break
      }
      case 'compose':
        for (const s of composeOf(f).services) {
          for (const cmd of [s.entrypoint, s.command]) {
            if (!cmd) continue
            out.push({ label: `compose service "${s.name}" command`, command: cmd.join(' '), line: s.commandLine, endLine: s.commandLine + cmd.length + 20, carrier: 'compose' })
          }
        }
        break
      case 'kubernetes': {
        const m = kubernetesOf(f)
        if (m.isHelmTemplate) break
        for (const w of m.workloads) {
          if (w.kind === 'Job' || w.kind === 'CronJob') continue
          for (const c of w.containers) {
            if (c.init) continue
            const cmd = [...(c.command ?? []), ...(c.args ?? [])]
            if (cmd.length === 0) continue
            out.push({ label: `${w.kind} "${w.name}" container "${c.name}" command`, command: cmd.join(' '), line: c.commandLine, endLine: c.commandLine + cmd.length + 20, carrier: 'kubernetes' })
          }
        }
        break
      }
      case 'source':
        if (f.language !== 'shell' || !(START_SCRIPT_NAME.test(f.path) || isStartScript(f.path))) break
        f.code.split(/\r\n|\r|\n/).forEach((text, i) => {
          if (text.trim() === '' || text.length > 4000) return
          out.push({ label: `start script ${f.name}`, command: text, line: i + 1, endLine: i + 1, carrier: 'script' })
        })
        break
      default:
    }
    return out
  })
}

/** Exact position of the first match of `re` within a command's line range (comments blanked). */
export function locateInCommand(file: SourceFile, cmd: Pick<StartCommand, 'line' | 'endLine'>, re: RegExp): { line: number; column: number } {
  const lines = codeLines(file)
  const flags = re.flags.replace('g', '')
  const local = new RegExp(re.source, flags)
  for (let n = cmd.line; n <= Math.min(cmd.endLine, lines.length); n++) {
    const text = lines[n - 1]
    if (text.length > 4000) continue
    const m = local.exec(text)
    if (m) {
      const stripped = m[0].replace(/^[\s;&|("'[,]+/, '')
      return { line: n, column: m.index + 1 + (stripped.length ? m[0].length - stripped.length : 0) }
    }
  }
  return { line: cmd.line, column: 1 }
}

/** The comment-blanked code split into lines, memoised per file. */
// One split of the comment-blanked code per file, shared with the IX-XII rules.
export { codeLines }

/**
 * Heuristic: is a 0-based column of a code line inside a string literal (an odd number of
 * unescaped quotes of one kind before it)? Keeps code written inside strings (generators,
 * fixtures built in code) quiet.
 */
export function inQuotes(line: string, column: number): boolean {
  let single = 0
  let double = 0
  let back = 0
  for (let i = 0; i < column && i < line.length; i++) {
    const c = line[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === "'" && double % 2 === 0 && back % 2 === 0) single++
    else if (c === '"' && single % 2 === 0 && back % 2 === 0) double++
    else if (c === '`' && single % 2 === 0 && double % 2 === 0) back++
  }
  return single % 2 === 1 || double % 2 === 1 || back % 2 === 1
}

/**
 * An image the repository's own app plausibly builds: has a registry/org path and is not an official
 * Docker Hub image (postgres, redis) or a well-known vendor's (Grafana, cert-manager, ingress, Bitnami...).
 * Platform repos deploy third-party software too; its replica count or ports are not the app's.
 */
export function isOwnImage(image: string | undefined): boolean {
  if (!image) return false
  const { name } = parseImageRef(image)
  if (!name.includes('/')) return false
  return !/^(?:docker\.io\/)?(?:library|bitnami|bitnamicharts|confluentinc|grafana|prom|elastic|hashicorp|rabbitmq|mongo|redis|postgres|mysql|mariadb|nginx|nginxinc|traefik|envoyproxy|istio|jaegertracing|otel|openzipkin|minio|jetstack|argoproj|fluent|velero|kiwigrid|oliver006|memcached|jenkins|sonarqube|keycloak|vault|consul)\/|^(?:quay\.io|registry\.k8s\.io|k8s\.gcr\.io|gcr\.io\/(?:k8s|google[-_]containers|cloudsql-docker|kaniko-project)|public\.ecr\.aws\/(?:eks|karpenter|aws-observability|bitnami)|mcr\.microsoft\.com\/(?:oss|k8s)|ghcr\.io\/(?:fluxcd|external-secrets|kyverno|dexidp|grafana|prometheus-community|open-telemetry|cloudnative-pg|zalando))\//.test(name)
}
