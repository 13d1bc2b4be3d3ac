// docker-compose files: services with image, build, command, environment, ports.
import type { SourceFile } from '../engine/source-file.js'
import { yamlOf, type YamlError } from './yaml.js'
import { entries, get, items, lineOf, str, strList, type YNode } from './yaml-nodes.js'

export interface ComposeService {
  name: string
  line: number
  image?: string
  imageLine: number
  build: boolean
  command?: string[]
  entrypoint?: string[]
  commandLine: number
  environment: { key: string; value?: string; line: number }[]
  ports: { spec: string; line: number }[]
  /** `restart:` policy as written (always, unless-stopped, on-failure, no). */
  restart?: string
  /** A `deploy:` block (Swarm / Compose deploy: replicas, resources, restart_policy). */
  deploy: boolean
  /** Build context (`build: ./web` or `build: { context: ./web }`). */
  buildContext?: string
  /** Host side of bind mounts (`./src:/app` → `./src`); named volumes are left out. */
  bindMounts: string[]
}

export interface ComposeFile {
  services: ComposeService[]
  errors: YamlError[]
}

export function composeOf(file: SourceFile): ComposeFile {
  return file.parse('compose', (f) => {
    const { docs, errors, lineCounter: lc } = yamlOf(f)
    const services: ComposeService[] = []
    const doc = docs[0]
    if (!doc || doc.errors.length > 0) return { services, errors }
    // Version 1 files (no `services:`) list the services at the top level.
    const root = doc.contents as YNode
    const serviceMap = get(root, 'services') ?? (get(root, 'version') === undefined && entries(root).some(([, v]) => get(v, 'image') !== undefined || get(v, 'build') !== undefined) ? root : undefined)
    for (const [name, svc, keyNode] of entries(serviceMap)) {
      if (name.startsWith('x-')) continue // extension fields, not services
      const cmdNode = get(svc, 'command') ?? get(svc, 'entrypoint')
      const envNode = get(svc, 'environment')
      const environment = items(envNode).length
        ? items(envNode).map((n) => {
            const s = str(n) ?? ''
            const eq = s.indexOf('=')
            return { key: eq === -1 ? s : s.slice(0, eq), ...(eq === -1 ? {} : { value: s.slice(eq + 1) }), line: lineOf(lc, n) }
          })
        : entries(envNode).map(([key, v, k]) => ({ key, ...(str(v) !== undefined ? { value: str(v) } : {}), line: lineOf(lc, v ?? k) }))
      services.push({
        name,
        line: lineOf(lc, keyNode),
        ...(str(get(svc, 'image')) !== undefined ? { image: str(get(svc, 'image')) } : {}),
        imageLine: lineOf(lc, get(svc, 'image'), lineOf(lc, keyNode)),
        build: get(svc, 'build') !== undefined,
        ...(strList(get(svc, 'command')) ? { command: strList(get(svc, 'command')) } : {}),
        ...(strList(get(svc, 'entrypoint')) ? { entrypoint: strList(get(svc, 'entrypoint')) } : {}),
        commandLine: lineOf(lc, cmdNode, lineOf(lc, keyNode)),
        environment,
        ports: items(get(svc, 'ports')).map((p) => ({ spec: str(p) ?? str(get(p, 'target')) ?? '', line: lineOf(lc, p) })),
        ...(str(get(svc, 'restart')) !== undefined ? { restart: str(get(svc, 'restart')) } : {}),
        deploy: get(svc, 'deploy') !== undefined,
        ...((str(get(svc, 'build')) ?? str(get(get(svc, 'build'), 'context'))) !== undefined ? { buildContext: str(get(svc, 'build')) ?? str(get(get(svc, 'build'), 'context')) } : {}),
        bindMounts: items(get(svc, 'volumes'))
          .map((v) => (str(v) !== undefined ? (str(v)!.includes(':') ? str(v)!.slice(0, str(v)!.indexOf(':')) : '') : str(get(v, 'type')) === 'bind' ? (str(get(v, 'source')) ?? '') : ''))
          .filter((h) => /^(\.|\/|~)/.test(h))
      })
    }
    return { services, errors }
  })
}
