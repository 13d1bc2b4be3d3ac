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
    for (const [name, svc, keyNode] of entries(get(doc.contents as YNode, 'services'))) {
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
        ports: items(get(svc, 'ports')).map((p) => ({ spec: str(p) ?? str(get(p, 'target')) ?? '', line: lineOf(lc, p) }))
      })
    }
    return { services, errors }
  })
}
