// The images deploy manifests run, and whether each is a release with an identity: shared by
// TF0503 (a deploy manifest runs a mutable image: Factor V) and TF0203 (a floating image anywhere
// else: Factor II), so one image is judged once.
//
// Deploy manifests: Kubernetes workloads, Swarm stacks, compose files that deploy (named for
// production, or with restart policies / deploy blocks and no live-mounted source), Elastic
// Beanstalk Dockerrun.aws.json. Lookalikes: dev compose, images that skaffold/Tilt build and
// substitute, kustomize bases whose image the kustomization `images:` sets.
import { classifyRole } from '../../engine/classify.js'
import type { Facts } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { composeOf } from '../../parsers/compose.js'
import { parseImageRef } from '../../parsers/image-ref.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { yamlOf } from '../../parsers/yaml.js'
import { get, items, str, type YNode } from '../../parsers/yaml-nodes.js'

/** Image-reference parsing, in one place so it can move to the shared image-ref parser. */
export function imageRefParts(ref: string): { name: string; tag?: string; digest?: string } {
  return parseImageRef(ref)
}

/**
 * Does this tag float? No tag (so `latest`), `latest`, a branch or channel name (`main`, `stable`,
 * `edge`) and variant-only tags (`alpine`, `slim`, `lts`): a tag with no version number in it
 * names whatever was pushed last.
 */
export function floatingTag(tag: string | undefined): boolean {
  return tag === undefined || !/\d/.test(tag)
}

export function describeTag(tag: string | undefined): string {
  return tag === undefined ? 'has no tag (so `latest`)' : tag.toLowerCase() === 'latest' ? 'is tagged `latest`' : `is tagged \`${tag}\`, a moving tag with no version`
}

/** Swarm stack files (`docker stack deploy -c docker-stack.yml`): compose syntax, always a deploy. */
export function isStackFile(path: string): boolean {
  return /(^|\/)(docker-)?stack([.-][\w.-]+)?\.ya?ml$/i.test(path)
}

const isDockerrun = (path: string): boolean => /(^|\/)dockerrun\.aws\.json$/i.test(path)

/**
 * Is this compose file a deploy manifest (rather than a local development stack)? The one place that
 * answers it for the image rules, so it can be swapped for the shared deploy model.
 */
export function isDeployCompose(file: SourceFile): boolean {
  if (isStackFile(file.path)) return true
  if (file.kind !== 'compose') return false
  if (file.role === 'app') return true // named for production
  if (file.role !== 'dev') return false
  // Named or placed for development, tests, examples or docs: not a deploy.
  if (classifyRole(file.path, 'yaml') !== 'app') return false
  const services = composeOf(file).services
  // A service built here with its own source mounted into it is a live-reload dev loop.
  const devLoop = services.some((s) => s.build && s.bindMounts.some((h) => sameOrInside(norm(h), norm(s.buildContext ?? '.'))))
  if (devLoop) return false
  // Restart policies and deploy blocks are what a long-running deployment sets.
  return services.some((s) => s.deploy || (s.restart !== undefined && !/^(no|"no"|false)$/i.test(s.restart)))
}

const norm = (p: string): string => p.replace(/^\.\//, '').replace(/\/+$/, '') || '.'
const sameOrInside = (host: string, ctx: string): boolean => host === '.' || host === ctx || (ctx !== '.' && host.startsWith(ctx + '/'))

export interface ManifestImage {
  ref: string
  line: number
  column?: number
  /** Where it runs, for messages: `service "web"`, `Deployment "api" container "api"`. */
  holder: string
  /** `${VAR}` names left in the reference (compose substitution). */
  vars: string[]
}

export interface ManifestFact {
  path: string
  what: 'compose' | 'stack' | 'kubernetes' | 'dockerrun'
  images: ManifestImage[]
}

/** Images that a dev-loop tool builds and substitutes (skaffold artifacts, Tilt docker_build). */
export interface BuiltImagesFact {
  path: string
  names: string[]
}

/** A kustomization's `images:` overrides and the resources it lists. */
export interface KustomizeFact {
  dir: string
  names: string[]
  resources: string[]
}

export interface DotenvFact {
  path: string
  vars: { key: string; value: string; line: number }[]
}

export const FACT_MANIFEST = 'tf05-manifest-images'
export const FACT_BUILT = 'tf05-built-images'
export const FACT_KUSTOMIZE = 'tf05-kustomize-images'
export const FACT_DOTENV = 'tf05-dotenv'

/** Records what the repository-level judgement needs from one file. */
export function collectDeployImageFacts(file: SourceFile, facts: Facts): void {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1).toLowerCase()
  if (/^skaffold[\w.-]*\.ya?ml$/.test(name)) {
    const names: string[] = []
    for (const doc of yamlOf(file).docs) for (const a of items(get(get(doc.contents as YNode, 'build'), 'artifacts'))) if (str(get(a, 'image'))) names.push(str(get(a, 'image'))!)
    if (names.length) facts.add<BuiltImagesFact>(FACT_BUILT, { path: file.path, names })
    return
  }
  if (name === 'tiltfile') {
    const names = [...file.code.matchAll(/\b(?:docker_build|docker_build_with_restart|custom_build)\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1])
    if (names.length) facts.add<BuiltImagesFact>(FACT_BUILT, { path: file.path, names })
    return
  }
  if (/^kustomization\.ya?ml$/.test(name)) {
    const doc = yamlOf(file).docs[0]
    const root = doc?.contents as YNode
    const names = items(get(root, 'images')).map((i) => str(get(i, 'name')) ?? '').filter(Boolean)
    const resources = [...items(get(root, 'resources')), ...items(get(root, 'bases'))].map((r) => str(r) ?? '').filter(Boolean)
    if (names.length) facts.add<KustomizeFact>(FACT_KUSTOMIZE, { dir: dirOf(file.path), names, resources })
    // A kustomization is not a workload: nothing else to read.
    return
  }
  if (file.kind === 'dotenv') {
    if (file.role !== 'app' && file.role !== 'dev') return
    const vars: DotenvFact['vars'] = []
    file.lines.forEach((l, i) => {
      const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(["']?)([^"'#\s]*)\2\s*(?:#.*)?$/.exec(l)
      if (m) vars.push({ key: m[1], value: m[3], line: i + 1 })
    })
    if (vars.length) facts.add<DotenvFact>(FACT_DOTENV, { path: file.path, vars })
    return
  }
  const fact = manifestImages(file)
  if (fact && fact.images.length) facts.add<ManifestFact>(FACT_MANIFEST, fact)
}

function manifestImages(file: SourceFile): ManifestFact | undefined {
  if (file.role !== 'app' && file.role !== 'dev') return undefined
  const col = (line: number, token: string): number | undefined => {
    const at = file.line(line).indexOf(token)
    return at === -1 ? undefined : at + 1
  }
  const image = (ref: string, line: number, holder: string): ManifestImage => {
    const c = col(line, ref)
    return { ref, line, holder, vars: [...ref.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]), ...(c !== undefined ? { column: c } : {}) }
  }
  if (isDockerrun(file.path)) {
    if (file.role !== 'app') return undefined
    const images: ManifestImage[] = []
    let json: unknown
    try {
      json = JSON.parse(file.text)
    } catch {
      return undefined
    }
    const refs: [string, string][] = []
    const j = json as { Image?: { Name?: unknown }; containerDefinitions?: { name?: unknown; image?: unknown }[] }
    if (typeof j?.Image?.Name === 'string') refs.push([j.Image.Name, 'Dockerrun image'])
    for (const c of Array.isArray(j?.containerDefinitions) ? j.containerDefinitions : []) if (typeof c?.image === 'string') refs.push([c.image, `container "${String(c.name ?? '')}"`])
    for (const [ref, holder] of refs) {
      const line = file.lines.findIndex((l) => l.includes(JSON.stringify(ref))) + 1
      if (line > 0) images.push(image(ref, line, holder))
    }
    return { path: file.path, what: 'dockerrun', images }
  }
  if (file.kind === 'compose' || (file.kind === 'yaml' && isStackFile(file.path))) {
    if (!isDeployCompose(file)) return undefined
    const images = composeOf(file)
      // A built service's `image:` names the local build, unless its tag is chosen at deploy (`${TAG}`),
      // when `docker compose pull` fetches it.
      .services.filter((s) => s.image !== undefined && (!s.build || s.image.includes('$')))
      .map((s) => image(s.image!, s.imageLine, `service "${s.name}"`))
    return { path: file.path, what: isStackFile(file.path) ? 'stack' : 'compose', images }
  }
  if (file.kind === 'kubernetes') {
    if (file.role !== 'app') return undefined
    const k = kubernetesOf(file)
    if (k.isHelmTemplate) return undefined
    const images: ManifestImage[] = []
    for (const w of k.workloads) for (const c of w.containers) if (c.image !== undefined) images.push(image(c.image, c.imageLine, `${w.kind} "${w.name}" container "${c.name}"`))
    return { path: file.path, what: 'kubernetes', images }
  }
  return undefined
}

export interface MutableDeployImage {
  file: string
  line: number
  column?: number
  message: string
  remediation: string
}

/** Every image a deploy manifest runs under a mutable reference, once per image line (or .env line). */
export function mutableDeployImages(facts: Facts): MutableDeployImage[] {
  const built = new Set(facts.get<BuiltImagesFact>(FACT_BUILT).flatMap((f) => f.names))
  const kustomize = facts.get<KustomizeFact>(FACT_KUSTOMIZE)
  const dotenvs = new Map(facts.get<DotenvFact>(FACT_DOTENV).map((d) => [d.path, d]))
  const out: MutableDeployImage[] = []
  const byEnvLine = new Map<string, { env: DotenvFact; v: DotenvFact['vars'][number]; uses: string[]; tag: string | undefined }>()
  for (const m of facts.get<ManifestFact>(FACT_MANIFEST)) {
    const dir = dirOf(m.path)
    for (const img of m.images) {
      let ref = img.ref.trim()
      if (!ref || ref.includes('{{') || ref.includes('<')) continue
      let fromEnv: { env: DotenvFact; v: DotenvFact['vars'][number] } | undefined
      let usedDefault = false
      if (img.vars.length) {
        // Compose reads `${VAR}` from the environment or the .env beside the file; `${VAR:-x}` falls
        // back to x. An unset variable without a default is decided at deploy time: left alone.
        if (m.what !== 'compose' && m.what !== 'stack') continue
        const env = dotenvs.get(dir === '' ? '.env' : `${dir}/.env`)
        let unresolved = false
        ref = ref.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (_, a: string | undefined, dflt: string | undefined, b: string | undefined) => {
          const v = env?.vars.find((x) => x.key === (a ?? b))
          if (v?.value) return v.value
          if (dflt !== undefined) {
            usedDefault = true
            return dflt
          }
          unresolved = true
          return ''
        })
        if (unresolved || /\$/.test(ref)) continue
        // The finding belongs on the .env line that sets the tag.
        const tagVar = /:\$\{?(\w+)\}?[\w.-]*$/.exec(img.ref.trim())
        const v = tagVar && env ? env.vars.find((x) => x.key === tagVar[1] && x.value) : undefined
        if (v && env) fromEnv = { env, v }
      }
      if (ref.toLowerCase() === 'scratch' || /\s/.test(ref)) continue
      const r = imageRefParts(ref)
      if (r.digest || !floatingTag(r.tag)) continue
      // A default other than `latest` (`${RELEASE:-stable}`) is usually overridden by the installer.
      if (usedDefault && r.tag?.toLowerCase() !== 'latest') continue
      // skaffold/Tilt build this name and replace it with the tagged build: a dev-loop placeholder.
      if (r.tag === undefined && built.has(ref)) continue
      // A kustomization above the manifest (or one listing its folder) sets this image's tag.
      if (kustomize.some((k) => k.names.includes(r.name) && (isAncestor(k.dir, dir) || k.resources.some((res) => isAncestor(joinPath(k.dir, res), dir))))) continue
      if (fromEnv) {
        const key = `${fromEnv.env.path}:${fromEnv.v.line}`
        const entry = byEnvLine.get(key) ?? { ...fromEnv, uses: [], tag: r.tag }
        entry.uses.push(`${m.path}:${img.line}`)
        byEnvLine.set(key, entry)
        continue
      }
      const kind = m.what === 'kubernetes' ? 'Kubernetes manifest' : m.what === 'stack' ? 'Swarm stack' : m.what === 'dockerrun' ? 'Elastic Beanstalk manifest' : 'deploy compose file'
      out.push({
        file: m.path,
        line: img.line,
        ...(img.column !== undefined ? { column: img.column } : {}),
        message: `${kind}: ${img.holder} runs \`${img.ref}\`, which ${describeTag(r.tag)}: the release has no fixed identity, and each pull may run a different build`,
        remediation: `Deploy an exact release: \`${r.name}:<version or commit SHA>\` (optionally \`@sha256:<digest>\`), set per release by CI or Renovate, so every node runs the same build and a rollback redeploys a known one.`
      })
    }
  }
  for (const e of byEnvLine.values()) {
    const first = e.uses[0]
    out.push({
      file: e.env.path,
      line: e.v.line,
      message: `\`${e.v.key}=${e.v.value}\` is the image tag the deploy compose file uses (${first}${e.uses.length > 1 ? ` and ${e.uses.length - 1} more` : ''}): \`${e.tag ?? 'latest'}\` moves, so the release has no fixed identity`,
      remediation: `Set \`${e.v.key}\` to an exact version or commit SHA in the committed .env (and bump it per release), or require it at deploy time with \`\${${e.v.key}:?set the release tag}\` in the compose file.`
    })
  }
  return out
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i === -1 ? '' : path.slice(0, i)
}

function isAncestor(dir: string, of: string): boolean {
  return dir === '' || of === dir || of.startsWith(dir + '/')
}

function joinPath(dir: string, rel: string): string {
  const parts = dir === '' ? [] : dir.split('/')
  for (const seg of rel.replace(/\/+$/, '').split('/')) {
    if (seg === '.' || seg === '') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return parts.join('/')
}

/** For TF0203: is this compose/Kubernetes image one TF0503 judges (a deploy manifest)? */
export function judgedAsDeployImage(file: SourceFile): boolean {
  if (file.kind === 'kubernetes') return file.role === 'app'
  return isDeployCompose(file)
}

