// The deploy model: one picture of the deployed system, built once per audit from what the
// repository says about its deploys (Dockerfiles, Procfiles, compose services, Kubernetes
// workloads, Tilt and skaffold configs, CI image builds, package manifests and workspaces). It
// answers, for a file or a line: does it ship to a deployed process, which process types run it,
// and which environment (production, dev, test, CI) it applies to. Rules ask it (through
// FileContext.deploy and RepoContext.deploy); none keeps a list of its own.
//
// The model is built on the main thread from the structural files before the file pass, and
// travels to file workers as plain data (DeployModelData), like the apps list.
import { posix } from 'node:path'
import type { App } from '../engine/apps.js'
import type { FileInfo } from '../engine/rule.js'
import type { SourceFile } from '../engine/source-file.js'
import type { FileKind, FileRole } from '../engine/types.js'
import { dockerfileOf } from '../parsers/dockerfile.js'
import { kubernetesOf } from '../parsers/kubernetes.js'
import { packageJsonOf } from '../parsers/package-json.js'
import { procfileOf } from '../parsers/procfile.js'
import { yamlOf } from '../parsers/yaml.js'
import { entries, get, items, lineOf, str, strList, type YNode } from '../parsers/yaml-nodes.js'
import { inNonProductionBlock, inNonProductionCode } from './blocks.js'
import { pathEnvironment, roleOfEnvironment, type Environment } from './paths.js'

export type { Environment } from './paths.js'

/** What a process does: serves requests, works a queue, runs on a schedule, or runs once (release, migration, seed). */
export type ProcessType = 'web' | 'worker' | 'scheduler' | 'one-off'

export interface DeployProcess {
  /** Procfile type, compose service, Kubernetes workload, or the Dockerfile's path. */
  name: string
  type: ProcessType
  environment: Environment
  /** The file that declares it, and the line. */
  source: string
  line: number
  command?: string
  /** The Dockerfile whose image it runs, when the repository builds it. */
  dockerfile?: string
  /** Folders and files the process ships ('.' is the whole repository). */
  ships: string[]
}

export interface FileVerdict {
  environment: Environment
  /** Why the deploy files say so, for --explain-deploy. */
  reason: string
}

export interface BlockVerdict extends FileVerdict {
  /** 1-based, inclusive. */
  start: number
  end: number
}

/** The model as plain data: what crosses to worker threads. */
export interface DeployModelData {
  processes: DeployProcess[]
  /** Files whose environment the deploy files decide (overriding what the path alone says). */
  files: Record<string, FileVerdict>
  /** Line ranges of a file that apply to one environment only (a Dockerfile's dev build stage). */
  blocks: Record<string, BlockVerdict[]>
  /** Workspace packages no deploy runs: libraries and tools shared by the apps, not apps. */
  libraries: string[]
  /** Build-output folders (dist/) a production process runs from: a `start` script's `node dist/main.js`. */
  entryDirs: string[]
}

export class DeployModel {
  private readonly libs: Set<string>
  /** The files the model was built over (main thread only; never sent to workers). */
  files: readonly Pick<FileInfo, 'path' | 'kind'>[] = []
  constructor(readonly data: DeployModelData) {
    this.libs = new Set(data.libraries)
  }

  /** A model that knows nothing but paths (unit tests of single rules, unbundled callers). */
  static empty(): DeployModel {
    return new DeployModel({ processes: [], files: {}, blocks: {}, libraries: [], entryDirs: [] })
  }

  /** The environment a file applies to: what the deploy files say, else what its path says. */
  environmentOf(path: string, kind: FileKind): Environment {
    return this.data.files[path]?.environment ?? pathEnvironment(path, kind)
  }

  /** Why a file is not production, when the deploy files decided it. */
  reasonOf(path: string): string | undefined {
    return this.data.files[path]?.reason
  }

  roleOf(path: string, kind: FileKind): FileRole {
    return roleOfEnvironment(this.environmentOf(path, kind))
  }

  /**
   * The environment one line of a file applies to: a Dockerfile's dev stage, or a source block
   * that runs only outside production (`if (NODE_ENV !== 'production')`, `configure :development`).
   * `lines` are the lines to judge (pass comment-blanked code when comments must not count).
   */
  environmentAt(file: SourceFile, line: number, lines: readonly string[] = file.lines): Environment {
    const env = this.environmentOf(file.path, file.kind)
    if (env !== 'production') return env
    const block = this.blocksOf(file).find((b) => line >= b.start && line <= b.end)
    if (block) return block.environment
    if (file.kind === 'source' && inNonProductionBlock(lines, line - 1)) return 'dev'
    return 'production'
  }

  /** Does the code at this offset run only outside production? */
  isNonProductionCode(file: SourceFile, offset: number): boolean {
    if (this.environmentOf(file.path, file.kind) !== 'production') return true
    const line = file.position(offset).line
    if (this.blocksOf(file).some((b) => line >= b.start && line <= b.end && b.environment !== 'production')) return true
    return file.kind === 'source' && inNonProductionCode(file, offset)
  }

  /** The file's environment blocks: from the build, else (a file the model did not see) from the file itself. */
  private blocksOf(file: SourceFile): BlockVerdict[] {
    return this.data.blocks[file.path] ?? (file.kind === 'dockerfile' ? file.parse('model-docker-stages', (f) => dockerStageBlocks(f, new Set())) : [])
  }

  /** Is this folder a workspace library or tool (packages/*) that no deploy runs, rather than an app? */
  isLibrary(appPath: string): boolean {
    return this.libs.has(appPath)
  }

  /** Is this committed build output (dist/main.js) something a production process runs? */
  runsBuildOutput(path: string): boolean {
    return this.data.entryDirs.some((d) => path.startsWith(`${d}/`))
  }

  /** The production processes that ship this file (empty when no deploy file says). */
  processesFor(path: string): DeployProcess[] {
    return this.data.processes.filter((p) => p.environment === 'production' && p.ships.some((s) => covers(s, path)))
  }

  /**
   * Is this file shipped to a deployed process? Production files are, unless the repository's
   * production images say which folders they ship and this one is in none of them.
   */
  isShipped(path: string, kind: FileKind): boolean {
    if (this.environmentOf(path, kind) !== 'production') return false
    const images = this.data.processes.filter((p) => p.environment === 'production' && p.dockerfile)
    if (images.length === 0 || this.data.processes.some((p) => p.environment === 'production' && !p.dockerfile)) return true
    return images.some((p) => p.ships.some((s) => covers(s, path)))
  }
}

function covers(folder: string, path: string): boolean {
  return folder === '.' || path === folder || path.startsWith(`${folder}/`)
}

const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.')
const join = (...parts: string[]): string => {
  const j = posix.normalize(posix.join(...parts.filter((x) => x && x !== '.')))
  return j === '' || j === './' ? '.' : j.replace(/\/$/, '')
}

/** Process type from a name and a command. */
export function processTypeOf(name: string, command = ''): ProcessType {
  const s = `${name} ${command}`
  if (/\b(release|migrat\w*|seed\w*|setup|init|one-?off|job)\b/i.test(name)) return 'one-off'
  if (/\b(clock|cron\w*|schedul\w*|beat|timer)\b/i.test(name) || /\bcelery\b.*\bbeat\b|\bcron\b/i.test(command)) return 'scheduler'
  if (/\b(worker|queue|consumer|sidekiq|celery|resque|jobs?|delayed_job|good_job|solid_queue|rq|bull)\b/i.test(s) && !/^web$/i.test(name)) return 'worker'
  return 'web'
}

/** A Procfile process that only makes sense on a developer's machine or in an end-to-end run. */
const DEV_PROCESS =
  /\bgo run\b|\bnodemon\b|\b(npm|yarn|pnpm)\s+(run\s+)?(dev|watch|serve|start:dev)\b|--watch\b|--reload\b|\bwebpack-dev-server\b|\bvite(\s+dev)?\s*$|\bdocker (run|compose)\b|\blocalhost:|--log-?level[= ]debug\b|(^|[\s/'"])(test|tests|hack|e2e)\//
/** Something in an image that runs a Procfile: then the Procfile is the image's process list. */
const PROCFILE_RUNNER = /\b(foreman|honcho|overmind|hivemind|goreman|forego|procfile)\b/i
/** Files that say a platform (Heroku, Dokku, Scalingo, buildpacks) deploys from the Procfile. */
const PLATFORM_MARKER = /^(app\.json|heroku\.yml|runtime\.txt|\.buildpacks|scalingo\.json|\.platform\.app\.yaml|dokku\.json)$/i
/** Build stages for a developer's loop or the tests: not the image that ships, unless the final stage builds on them. */
const DEV_STAGE = /^(dev|development|develop|debug|local|tilt|test|tests|testing|e2e|ci|lint)([-_][\w-]*)?$|[-_](dev|development|debug|test|testing)$/i
/** Stage names of the image that ships when the last stage is a dev target picked with --target. */
const SHIPPED_STAGE = /^(prod|production|release|runtime|final|app|server|web)$/

/** Is this build-stage name a developer's or the tests' target (`FROM base AS development`)? */
export function isDevStageName(name: string): boolean {
  return DEV_STAGE.test(name)
}

interface DockerRef {
  dockerfile: string
  context: string
  environment: Environment
  by: string
  /** The compose service or Tilt resource that runs the image. */
  service?: string
  line?: number
  command?: string
  /** `build.target`: the stage the service builds. */
  target?: string
  /**
   * Does the reference say outright that the image is for dev or tests (Tilt, a compose file named
   * for dev or tests, a seed or test service)? A plain docker-compose.yml building the Dockerfile
   * the deploy also builds says nothing about the Dockerfile.
   */
  explicit: boolean
}

export interface ModelInput {
  files: readonly FileInfo[]
  /** The structural files read so far (Dockerfiles, Procfiles, compose, Kubernetes, workflows, manifests, Tiltfile, skaffold). */
  read: (path: string) => SourceFile | undefined
  apps: readonly App[]
}

/** Which files the model wants read before the file pass. */
export function isModelInput(info: Pick<FileInfo, 'path' | 'kind'>): boolean {
  if (['dockerfile', 'procfile', 'compose', 'kubernetes', 'workflow'].includes(info.kind)) return true
  const name = info.path.slice(info.path.lastIndexOf('/') + 1).toLowerCase()
  return name === 'tiltfile' || name === 'skaffold.yaml' || name === 'skaffold.yml' || name === 'pnpm-workspace.yaml' || name === 'package.json'
}

/** Builds the model from the repository's deploy files. */
export function buildDeployModel(input: ModelInput): DeployModel {
  const { files, read } = input
  const data: DeployModelData = { processes: [], files: {}, blocks: {}, libraries: [], entryDirs: [] }
  const byPath = new Map(files.map((f) => [f.path, f]))
  const envOf = (p: string): Environment => data.files[p]?.environment ?? pathEnvironment(p, byPath.get(p)?.kind ?? 'other')
  const decide = (p: string, environment: Environment, reason: string): void => {
    if (!byPath.has(p) || data.files[p]) return
    if (pathEnvironment(p, byPath.get(p)!.kind) === environment) return
    data.files[p] = { environment, reason }
  }
  const dockerfiles = files.filter((f) => f.kind === 'dockerfile' && !/\.dockerignore$/i.test(f.path)) // Dockerfile.dockerignore is an ignore file
  const refs: DockerRef[] = []

  // Compose services: the images they build, the env files they load, the commands they run.
  for (const f of files.filter((x) => x.kind === 'compose')) {
    const file = read(f.path)
    if (!file) continue
    const env = envOf(f.path)
    const namedNonProd = /(^|[._-])(dev|development|local|debug|test|tests|testing|e2e|ci|tilt)([._-]|$)/i.test(f.path.slice(f.path.lastIndexOf('/') + 1))
    const doc = yamlOf(file).docs[0]
    if (!doc || doc.errors.length > 0) continue
    const lc = yamlOf(file).lineCounter
    for (const [name, svc, keyNode] of entries(get(doc.contents as YNode, 'services'))) {
      const profiles = strList(get(svc, 'profiles')) ?? []
      const devProfile = profiles.length > 0 && profiles.every((p) => /^(dev|development|debug|local|test|testing|e2e|ci|seed|tools?)$/i.test(p))
      const devService = /^(seed|seeder|db-seed|e2e|test|tests)$/i.test(name)
      const svcEnv: Environment = devProfile ? (profiles.every((p) => /test|e2e|ci/i.test(p)) ? 'test' : 'dev') : devService ? 'dev' : env
      const explicit = namedNonProd || devProfile || devService
      const build = get(svc, 'build')
      const context = str(build) ?? str(get(build, 'context'))
      const command = str(get(svc, 'command')) ?? strList(get(svc, 'command'))?.join(' ')
      if (context !== undefined) {
        const ctx = join(dirOf(f.path), context)
        const df = str(get(build, 'dockerfile')) ?? 'Dockerfile'
        const target = str(get(build, 'target'))
        refs.push({ dockerfile: join(ctx, df), context: ctx, environment: svcEnv, by: `${f.path} (service ${name})`, service: name, line: lineOf(lc, keyNode), ...(command ? { command } : {}), ...(target ? { target: target.toLowerCase() } : {}), explicit })
      }
      if (context === undefined && str(get(svc, 'image'))) {
        data.processes.push({ name, type: processTypeOf(name, command), environment: svcEnv, source: f.path, line: lineOf(lc, keyNode), ...(command ? { command } : {}), ships: [] })
      }
      const envFiles = [str(get(svc, 'env_file')), ...(strList(get(svc, 'env_file')) ?? []), ...items(get(svc, 'env_file')).map((n) => str(get(n, 'path')))].filter((x): x is string => !!x)
      for (const e of envFiles) if (svcEnv !== 'production') decide(join(dirOf(f.path), e), svcEnv, `env file of the ${svcEnv} compose service \`${name}\` (${f.path})`)
    }
  }

  // Tilt and skaffold: images for a developer's loop (Tilt) or the deploy (skaffold).
  for (const f of files) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1).toLowerCase()
    if (name === 'tiltfile') {
      const text = read(f.path)?.text ?? ''
      for (const m of text.matchAll(/\bdockerfile\s*=\s*['"]([^'"]+)['"]/g)) {
        refs.push({ dockerfile: join(dirOf(f.path), m[1]), context: dirOf(f.path), environment: 'dev', by: f.path, explicit: true })
      }
    } else if (name === 'skaffold.yaml' || name === 'skaffold.yml') {
      const text = read(f.path)?.text ?? ''
      for (const m of text.matchAll(/^\s*-?\s*context:\s*['"]?([^\s'"#]+)[\s\S]{0,200}?dockerfile:\s*['"]?([^\s'"#]+)/gm)) {
        const ctx = join(dirOf(f.path), m[1])
        refs.push({ dockerfile: join(ctx, m[2]), context: ctx, environment: 'production', by: f.path, explicit: true })
      }
    } else if (f.kind === 'workflow') {
      // CI image builds: `docker build -f path/Dockerfile ctx`, docker/build-push-action's `file:`.
      const text = read(f.path)?.text ?? ''
      for (const m of text.matchAll(/(?:\s(?:-f|--file)\s+|^\s*file:\s*)['"]?([\w./${}-]*[Dd]ockerfile[\w.-]*)/gm)) {
        if (m[1].includes('$')) continue
        refs.push({ dockerfile: join(m[1].replace(/^\.\//, '')), context: '.', environment: 'production', by: f.path, explicit: true })
      }
    }
  }

  // Dockerfiles: built only for dev/test (Tilt, a dev compose file) or by nothing from a library folder.
  const gemspecDirs = new Set(files.filter((f) => f.path.endsWith('.gemspec')).map((f) => dirOf(f.path)))
  for (const df of dockerfiles) {
    const mine = refs.filter((r) => r.dockerfile === df.path)
    if (mine.length > 0 && mine.every((r) => r.environment !== 'production' && r.explicit)) {
      const env = mine.some((r) => r.environment === 'dev') ? 'dev' : mine[0].environment
      decide(df.path, env, `built only for ${env} (${[...new Set(mine.map((r) => r.by))].join(', ')})`)
    } else if (mine.length === 0 && dirOf(df.path) !== '.' && gemspecDirs.has(dirOf(df.path)) && dockerfiles.length > 1) {
      decide(df.path, 'dev', 'a library\'s own build image (a gem folder) that no deploy file builds')
    }
  }

  // Dockerfile stages and processes.
  for (const df of dockerfiles) {
    const file = read(df.path)
    if (!file) continue
    const d = dockerfileOf(file)
    const env = envOf(df.path)
    const targets = new Set(refs.filter((r) => r.dockerfile === df.path && r.environment === 'production' && r.target).map((r) => r.target!))
    const stages = dockerStageBlocks(file, targets)
    if (stages.length > 0) data.blocks[df.path] = stages
    // The image's process: the final stage's ENTRYPOINT/CMD, run by each service that builds it.
    const last = d.stages.length - 1
    let command: string | undefined
    let line = d.final?.line ?? 1
    for (const ins of d.instructions) {
      if (ins.stage !== Math.max(0, last) || (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT')) continue
      command = ins.exec ? ins.exec.join(' ') : ins.args
      line = ins.line
    }
    const mine = refs.filter((r) => r.dockerfile === df.path)
    const contexts = mine.length > 0 ? [...new Set(mine.map((r) => r.context))] : [dirOf(df.path)]
    const ships = new Set<string>()
    for (const ctx of contexts) {
      for (const ins of d.instructions) {
        if (!/^(COPY|ADD)$/.test(ins.keyword) || /--from=/i.test(ins.args)) continue
        const args = copyArgs(ins.args)
        for (const src of args.slice(0, -1)) {
          if (/^https?:/.test(src) || src.includes('$')) continue
          const glob = src.search(/[*?[]/)
          ships.add(join(ctx, glob === -1 ? src : src.slice(0, src.lastIndexOf('/', glob) + 1)))
        }
      }
    }
    data.processes.push({ name: df.path, type: processTypeOf(df.path, command), environment: env, source: df.path, line, ...(command ? { command } : {}), dockerfile: df.path, ships: [...ships] })
    for (const r of mine.filter((x) => x.service)) {
      const cmd = r.command ?? command
      data.processes.push({ name: r.service!, type: processTypeOf(r.service!, cmd), environment: env === 'production' ? r.environment : env, source: r.by.replace(/ \(.*$/, ''), line: r.line ?? 1, ...(cmd ? { command: cmd } : {}), dockerfile: df.path, ships: [...ships] })
    }
  }

  // Procfiles: the platform's process list, or a local process manager's (goreman, foreman) when
  // the repository deploys images that never run it and its processes are dev loops.
  const markerDirs = new Set(files.filter((f) => PLATFORM_MARKER.test(f.path.slice(f.path.lastIndexOf('/') + 1))).map((f) => dirOf(f.path)))
  const imageCommands = data.processes.filter((p) => p.dockerfile && p.environment === 'production').map((p) => p.command ?? '')
  const imagesRunProcfile = imageCommands.some((c) => PROCFILE_RUNNER.test(c)) || dockerfiles.some((df) => envOf(df.path) === 'production' && PROCFILE_RUNNER.test(read(df.path)?.text ?? ''))
  for (const f of files.filter((x) => x.kind === 'procfile')) {
    const file = read(f.path)
    if (!file) continue
    const procs = procfileOf(file)
    const dev = procs.filter((p) => DEV_PROCESS.test(p.command))
    const platform = markerDirs.has('.') || markerDirs.has(dirOf(f.path))
    if (envOf(f.path) === 'production' && !platform && imageCommands.length > 0 && !imagesRunProcfile && procs.length > 0 && dev.length * 2 >= procs.length) {
      decide(f.path, 'dev', `a local process manager's Procfile: the deploy runs images that never read it, and ${dev.length} of ${procs.length} processes are dev loops (\`${dev[0].command.slice(0, 40)}\`)`)
    }
    const env = envOf(f.path)
    for (const p of procs) data.processes.push({ name: p.type, type: processTypeOf(p.type, p.command), environment: env, source: f.path, line: p.line, command: p.command, ships: [dirOf(f.path)] })
  }

  // Kubernetes workloads (manifests the repository applies).
  for (const f of files.filter((x) => x.kind === 'kubernetes')) {
    const file = read(f.path)
    if (!file) continue
    const env = envOf(f.path)
    for (const w of kubernetesOf(file).workloads) {
      for (const c of w.containers.filter((x) => !x.init)) {
        const command = [...(c.command ?? []), ...(c.args ?? [])].join(' ')
        const type: ProcessType = w.kind === 'CronJob' ? 'scheduler' : w.kind === 'Job' ? 'one-off' : processTypeOf(w.name, command)
        data.processes.push({ name: `${w.kind}/${w.name}${w.containers.length > 1 ? `:${c.name}` : ''}`, type, environment: env, source: f.path, line: w.line, ...(command ? { command } : {}), ships: [] })
      }
    }
  }

  // package.json: `start` is a web process; workspace packages without one are libraries.
  const workspaceGlobs: string[] = []
  for (const f of files) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1)
    if (name === 'pnpm-workspace.yaml') {
      const doc = read(f.path) ? yamlOf(read(f.path)!).docs[0] : undefined
      for (const g of strList(get(doc?.contents as YNode, 'packages')) ?? []) workspaceGlobs.push(join(dirOf(f.path), g))
    } else if (name === 'package.json' && f.role === 'app') {
      const pkg = read(f.path) ? packageJsonOf(read(f.path)!).data : undefined
      const ws = pkg?.workspaces
      const globs = Array.isArray(ws) ? ws : Array.isArray((ws as { packages?: unknown })?.packages) ? (ws as { packages: unknown[] }).packages : []
      for (const g of globs) if (typeof g === 'string') workspaceGlobs.push(join(dirOf(f.path), g))
    }
  }
  const inWorkspace = (dir: string): boolean => workspaceGlobs.some((g) => globDir(g).test(dir))
  const builtDirs = new Set([...refs.map((r) => r.context), ...dockerfiles.map((d) => dirOf(d.path)), ...files.filter((f) => f.kind === 'procfile').map((f) => dirOf(f.path))])
  for (const app of input.apps) {
    if (!app.manifest.endsWith('package.json')) continue
    const pkg = read(app.manifest) ? packageJsonOf(read(app.manifest)!).data : undefined
    const scripts = pkg?.scripts ?? {}
    const start = Object.entries(scripts).find(([k]) => /^(start|start:prod|serve|server)$/.test(k))
    // `start:prod: node dist/main.js`: the build output the app runs.
    if (envOf(app.manifest) === 'production') {
      const runs = Object.entries(scripts).filter(([k]) => /^(start|serve|server)(:[\w-]+)?$/.test(k) && !/dev|watch|debug|test/i.test(k)).map(([, v]) => v)
      for (const cmd of runs) {
        for (const m of cmd.matchAll(/(?:^|[\s'"=])(?:\.\/)?((?:[\w.-]+\/)*?(?:dist|build|out))\/[\w./-]+/g)) {
          const dir = join(app.path, m[1])
          if (!data.entryDirs.includes(dir)) data.entryDirs.push(dir)
        }
      }
    }
    if (start) {
      const env = envOf(app.manifest)
      data.processes.push({ name: `${app.path === '.' ? '' : `${app.path} `}npm ${start[0]}`.trim(), type: processTypeOf(start[0], start[1]), environment: env, source: app.manifest, line: packageJsonOf(read(app.manifest)!).lineOf('scripts', start[0]), command: start[1], ships: [app.path] })
    } else if (app.path !== '.' && inWorkspace(app.path) && !builtDirs.has(app.path)) {
      data.libraries.push(app.path)
    }
  }

  // Pipfile beside an image that installs requirements*.txt and never the Pipfile: a dev tool's manifest.
  for (const f of files.filter((x) => /(^|\/)Pipfile$/.test(x.path))) {
    const dir = dirOf(f.path)
    const images = dockerfiles.filter((d) => dirOf(d.path) === dir && envOf(d.path) === 'production').map((d) => read(d.path)?.text ?? '')
    if (images.some((t) => /pip\s+install[^\n]*-r\s+\S*requirements/i.test(t)) && !images.some((t) => /pipenv|Pipfile/i.test(t))) {
      decide(f.path, 'dev', 'the image installs requirements.txt; the Pipfile serves local development')
    }
  }
  const model = new DeployModel(data)
  model.files = files
  return model
}

/** A workspace glob (packages/*, apps/**) as a folder matcher. */
function globDir(glob: string): RegExp {
  const g = glob.replace(/\/+$/, '').replace(/^\.\//, '')
  const re = g.split('/').map((seg) => (seg === '**' ? '.*' : seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))).join('/')
  return new RegExp(`^${re}$`)
}

/**
 * A Dockerfile's build stages for a developer's loop or the tests (`FROM base AS dev`): stages the
 * final stage does not build on (FROM <stage>, COPY --from=<stage>, RUN --mount=from=<stage>,
 * transitively) and no production service targets.
 */
export function dockerStageBlocks(file: SourceFile, targets: ReadonlySet<string>): BlockVerdict[] {
  const d = dockerfileOf(file)
  if (d.stages.length < 2) return []
  // What ships: the last stage, or, when the last stage is a dev target (`FROM base AS development`,
  // picked with --target), the stages named for production.
  const last = d.stages[d.stages.length - 1]
  const shippedNamed = d.stages.filter((st) => st.name && SHIPPED_STAGE.test(st.name)).map((st) => st.index)
  const needed = new Set<number>(last.name && DEV_STAGE.test(last.name) && shippedNamed.length > 0 ? shippedNamed : [last.index])
  for (let k = d.stages.length - 1; k >= 0; k--) {
    if (!needed.has(k)) continue
    const st = d.stages[k]
    const base = d.stages.find((s) => s.name && s.index < k && s.name === st.image.toLowerCase())
    if (base) needed.add(base.index)
    for (const ins of d.instructions) {
      if (ins.stage !== k || (ins.keyword !== 'COPY' && ins.keyword !== 'RUN' && ins.keyword !== 'ADD')) continue
      for (const m of ins.args.matchAll(/--(?:from|mount=\S*?from)=([\w.-]+)/gi)) {
        const src = d.stages.find((s) => s.name === m[1].toLowerCase() || String(s.index) === m[1])
        if (src) needed.add(src.index)
      }
    }
  }
  const out: BlockVerdict[] = []
  for (const st of d.stages) {
    if (needed.has(st.index) || !st.name || !DEV_STAGE.test(st.name) || targets.has(st.name)) continue
    const next = d.stages[st.index + 1]
    const end = next ? next.line - 1 : file.lines.length
    out.push({ start: st.line, end, environment: /test|e2e|ci|lint/i.test(st.name) ? 'test' : 'dev', reason: `build stage \`${st.name}\`, which the final stage does not build on` })
  }
  return out
}

/** A COPY/ADD instruction's sources and destination, flags dropped (shell or JSON form). */
function copyArgs(args: string): string[] {
  const rest = args.replace(/^(\s*--\S+)+\s*/, '')
  if (rest.trimStart().startsWith('[')) {
    try {
      const list = JSON.parse(rest) as unknown
      if (Array.isArray(list)) return list.filter((x): x is string => typeof x === 'string')
    } catch {
      // not JSON after all: read it as shell form
    }
  }
  return rest.split(/\s+/).filter((a) => a && !a.startsWith('--'))
}
