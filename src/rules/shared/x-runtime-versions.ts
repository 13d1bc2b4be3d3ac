// Runtime versions as each source states them (.nvmrc, .tool-versions, engines, requires-python,
// Gemfile ruby, go.mod, pom/gradle, Dockerfile FROM, CI setup-* actions), and a comparison that
// only calls two sources in disagreement when no version can satisfy both at the granularity they
// state (20 and 20.11 agree; >=18 agrees with 20; 18 and 20 do not).
import type { SourceFile } from '../../engine/source-file.js'
import { dockerfileOf } from '../../parsers/dockerfile.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { workflowOf } from '../../parsers/workflow.js'
import { imageBaseName, parseImageRef } from '../../parsers/image-ref.js'

export type Runtime = 'node' | 'python' | 'ruby' | 'java' | 'go'

export interface VersionSource {
  runtime: Runtime
  file: string
  line: number
  /** As written, for the message (e.g. `node:20-alpine`, `>=18`). */
  stated: string
  /** An exact (possibly partial) version, or a range to satisfy. */
  exact?: number[]
  range?: Comparator[][] // OR of AND-ed comparators
  /** Where it came from, e.g. `.nvmrc`, `Dockerfile FROM`, `setup-node`. */
  label: string
}

export interface Comparator { op: '>=' | '>' | '<=' | '<' | '='; v: number[] }

/** Parts that decide compatibility: Node 20 and 20.11 are one runtime; Python 3.11 and 3.12 are not. */
export const SIGNIFICANT: Record<Runtime, number> = { node: 1, java: 1, python: 2, ruby: 2, go: 2 }

const NODE_LTS: Record<string, number> = { argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12, fermium: 14, gallium: 16, hydrogen: 18, iron: 20, jod: 22, krypton: 24 }

export function parseExact(s: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+._][\w.+-]*)?$/.exec(s.trim())
  if (!m) return undefined
  return [m[1], m[2], m[3]].filter((p) => p !== undefined).map(Number)
}

/** npm/PEP 440/RubyGems-style ranges: >=18, ^20, ~3.11, ~=3.11, ~> 3.2, 20.x, >=3.10,<3.13, 18 || 20. */
export function parseRange(s: string): Comparator[][] | undefined {
  const alts = s.split('||').map((a) => a.trim()).filter(Boolean)
  const out: Comparator[][] = []
  for (const alt of alts) {
    const and: Comparator[] = []
    for (const raw of alt.split(/\s*,\s*|\s+(?=[<>=~^!])/).map((p) => p.trim()).filter(Boolean)) {
      const m = /^(>=|<=|>|<|==|=|\^|~=|~>|~|!=)?\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:[-+][\w.]*)?$/.exec(raw)
      if (!m) return undefined
      const op = m[1] ?? ''
      const parts = [m[2], m[3], m[4]].filter((p) => p !== undefined && p !== 'x' && p !== '*').map(Number)
      if (op === '!=') continue
      if (op === '>=' || op === '>' || op === '<=' || op === '<') and.push({ op, v: parts })
      else if (op === '^') and.push({ op: '>=', v: parts }, { op: '<', v: [parts[0] === 0 ? 0 : parts[0] + 1].concat(parts[0] === 0 ? [(parts[1] ?? 0) + 1] : []) })
      else if (op === '~' || op === '~>' || op === '~=') {
        const keep = op === '~' ? Math.min(parts.length, 2) : Math.max(1, parts.length - 1)
        const upper = parts.slice(0, keep)
        upper[upper.length - 1] = upper[upper.length - 1] + 1
        if (op === '~' && parts.length === 1) upper.splice(0, 1, parts[0] + 1)
        and.push({ op: '>=', v: parts }, { op: '<', v: upper })
      } else {
        // bare or '=': a prefix match at the stated granularity
        and.push({ op: '>=', v: parts }, { op: '<', v: bump(parts) })
      }
    }
    if (and.length) out.push(and)
  }
  return out.length ? out : undefined
}

function bump(v: number[]): number[] {
  const u = [...v]
  u[u.length - 1] += 1
  return u
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

function satisfies(v: number[], range: Comparator[][]): boolean {
  return range.some((and) =>
    and.every((c) => {
      const d = cmp(v, c.v)
      return c.op === '>=' ? d >= 0 : c.op === '>' ? d > 0 : c.op === '<=' ? d <= 0 : c.op === '<' ? d < 0 : d === 0
    })
  )
}

/** A partial exact (20) stands for 20.0.0..20.999.999: it agrees with a range if any of it can. */
function mayAgree(exact: number[], range: Comparator[][], significant: number): boolean {
  const v = exact.slice(0, significant)
  const lo = [...v, 0, 0, 0].slice(0, 3)
  const hi = [...v, 999, 999, 999].slice(0, 3)
  if (satisfies(lo, range) || satisfies(hi, range)) return true
  // something in between, e.g. 3.11 vs >=3.11.4,<3.12
  return range.some((and) => and.some((c) => c.op.startsWith('>') && cmp(c.v.slice(0, v.length), v) === 0 && satisfies([...c.v, 0, 0].slice(0, 3), range)))
}

function exactsAgree(a: number[], b: number[], significant: number): boolean {
  const n = Math.min(a.length, b.length, significant)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false
  return true
}

/** The pairs that cannot both hold, or [] when the sources agree. */
export function conflicts(sources: VersionSource[]): [VersionSource, VersionSource][] {
  const out: [VersionSource, VersionSource][] = []
  for (let i = 0; i < sources.length; i++) {
    for (let j = i + 1; j < sources.length; j++) {
      const a = sources[i]
      const b = sources[j]
      const sig = SIGNIFICANT[a.runtime]
      if (a.exact && b.exact) {
        if (!exactsAgree(a.exact, b.exact, sig)) out.push([a, b])
      } else if (a.exact && b.range) {
        if (!mayAgree(a.exact, b.range, sig)) out.push([a, b])
      } else if (a.range && b.exact) {
        if (!mayAgree(b.exact, a.range, sig)) out.push([a, b])
      }
    }
  }
  return out
}

const line1 = (file: SourceFile): string => file.lines.find((l) => l.trim() && !l.trim().startsWith('#'))?.trim() ?? ''

/** Versions stated by one retained file (manifest, Dockerfile or workflow). */
export function versionSources(file: SourceFile): VersionSource[] {
  const out: VersionSource[] = []
  const name = file.name.toLowerCase()
  const add = (runtime: Runtime, stated: string, line: number, label: string, value: string, mode: 'exact' | 'range' | 'min'): void => {
    if (mode === 'exact') {
      const exact = parseExact(value)
      if (exact) out.push({ runtime, file: file.path, line, stated, exact, label })
      return
    }
    const range = parseRange(mode === 'min' ? `>=${value}` : value)
    if (range) out.push({ runtime, file: file.path, line, stated, range, label })
  }
  const lineOf = (re: RegExp): number => {
    const i = file.lines.findIndex((l) => re.test(l))
    return i === -1 ? 1 : i + 1
  }
  if (name === '.nvmrc' || name === '.node-version') {
    const v = line1(file)
    const lts = /^lts\/(\w+)$/i.exec(v)
    if (lts && NODE_LTS[lts[1].toLowerCase()]) add('node', v, 1, name, String(NODE_LTS[lts[1].toLowerCase()]), 'exact')
    else add('node', v, 1, name, v, 'exact')
  } else if (name === '.python-version') add('python', line1(file), 1, name, line1(file), 'exact')
  else if (name === '.ruby-version') add('ruby', line1(file), 1, name, line1(file).replace(/^ruby-/, ''), 'exact')
  else if (name === 'runtime.txt') {
    const m = /^python-(\S+)/.exec(line1(file))
    if (m) add('python', line1(file), 1, name, m[1], 'exact')
  } else if (name === '.tool-versions') {
    file.lines.forEach((l, i) => {
      const m = /^\s*(nodejs|node|python|ruby|golang|go|java)\s+(\S+)/.exec(l)
      if (!m) return
      const rt: Runtime = m[1].startsWith('node') ? 'node' : m[1] === 'golang' || m[1] === 'go' ? 'go' : (m[1] as Runtime)
      const v = rt === 'java' ? (/(\d+(?:\.\d+)*)/.exec(m[2])?.[1] ?? '') : m[2]
      add(rt, `${m[1]} ${m[2]}`, i + 1, '.tool-versions', v, 'exact')
    })
  } else if (name === 'package.json') {
    const pkg = packageJsonOf(file)
    const node = pkg.data?.engines?.node
    if (typeof node === 'string') {
      const exact = parseExact(node.replace(/\.x$/, ''))
      if (exact) add('node', node, pkg.lineOf('engines', 'node'), 'package.json engines.node', node.replace(/\.x$/, ''), 'exact')
      else add('node', node, pkg.lineOf('engines', 'node'), 'package.json engines.node', node, 'range')
    }
  } else if (name === 'pyproject.toml') {
    const m = /^[ \t]*requires-python[ \t]*=[ \t]*["']([^"']+)["']/m.exec(file.code) ?? /^[ \t]*python[ \t]*=\s*["']([^"']+)["']/m.exec(file.code)
    if (m) add('python', m[1], file.position(m.index).line, 'pyproject.toml', m[1], 'range')
  } else if (name === 'gemfile') {
    const m = /^[ \t]*ruby\s+["']([^"']+)["']/m.exec(file.code)
    if (m) {
      const exact = parseExact(m[1])
      const line = lineOf(/^\s*ruby\s+["']/)
      if (exact) add('ruby', m[1], line, 'Gemfile ruby', m[1], 'exact')
      else add('ruby', m[1], line, 'Gemfile ruby', m[1], 'range')
    }
  } else if (name === 'go.mod') {
    const m = /^go\s+(\d+\.\d+(?:\.\d+)?)\s*$/m.exec(file.code)
    if (m) add('go', `go ${m[1]}`, lineOf(/^go\s+\d/), 'go.mod go directive (minimum)', m[1], 'min')
  } else if (name === 'pom.xml') {
    const m = /<(java\.version|maven\.compiler\.release|maven\.compiler\.target|release)>\s*(?:1\.)?(\d+)\s*</.exec(file.code)
    if (m) add('java', `<${m[1]}>${m[2]}`, file.position(m.index).line, 'pom.xml (minimum)', m[2], 'min')
  } else if (name === 'build.gradle' || name === 'build.gradle.kts') {
    const m = /JavaLanguageVersion\.of\s*\(\s*(\d+)\s*\)/.exec(file.code) ?? /(?:source|target)Compatibility\s*=\s*(?:JavaVersion\.VERSION_(?:1_)?(\d+)|['"]?(?:1\.)?(\d+)['"]?)/.exec(file.code) ?? /jvmToolchain\s*\(\s*(\d+)\s*\)/.exec(file.code)
    if (m) add('java', m[0].trim(), file.position(m.index).line, `${file.name} (minimum)`, m[1] ?? m[2], 'min')
  } else if (file.kind === 'dockerfile') {
    const d = dockerfileOf(file)
    const args = new Map<string, string>()
    for (const ins of d.instructions) {
      if (ins.keyword === 'ARG') {
        const m = /^(\w+)=["']?([^"'\s]+)/.exec(ins.args)
        if (m) args.set(m[1], m[2])
      }
    }
    for (const stage of d.stages) {
      const image = stage.image.replace(/\$\{?(\w+)\}?/g, (_, k: string) => args.get(k) ?? '$')
      if (image.includes('$')) continue
      const v = imageRuntime(image)
      if (v) add(v.runtime, image, stage.line, 'Dockerfile FROM', v.version, 'exact')
    }
  } else if (file.kind === 'workflow') {
    for (const job of workflowOf(file).jobs) {
      // A docs, lint or release job (mkdocs, pre-commit, semantic-release) runs a tool, not the app.
      const runs = job.steps.map((st) => st.run).filter((r): r is string => typeof r === 'string' && r.trim() !== '')
      if (runs.length && runs.every((r) => TOOL_ONLY_RUN.test(r))) continue
      for (const step of job.steps) {
        const m = /^(?:actions\/setup-(node|python|java|go)|ruby\/setup-ruby)@/.exec(step.uses ?? '')
        if (!m) continue
        const rt: Runtime = (m[1] ?? 'ruby') as Runtime
        const key = `${rt === 'go' ? 'go' : rt}-version`
        const w = step.with.find((x) => x.key === key)
        if (!w || /\$\{\{|\n/.test(w.value) || /^(lts|latest|node|stable|oldstable|\*)/i.test(w.value)) continue
        const exact = parseExact(w.value.replace(/\.x$/, ''))
        if (exact) add(rt, w.value, w.line, `setup-${rt === 'ruby' ? 'ruby' : rt}`, w.value.replace(/\.x$/, ''), 'exact')
        else add(rt, w.value, w.line, `setup-${rt}`, w.value, 'range')
      }
    }
  }
  return out
}

/** Run steps of a job that only builds docs, lints or releases: its runtime is that tool's, not the app's. */
const TOOL_ONLY_RUN = /^[^\n]{0,400}\b(mkdocs|sphinx-build|make\s+(html|docs)|pre-commit|semantic-release|release-please|commitlint|markdownlint(-cli2?)?|codespell|cspell|docusaurus|vitepress|changeset|antora)\b/

/** The runtime and version in an image reference (node:20-alpine, eclipse-temurin:21-jre, maven:3.9-eclipse-temurin-17, distroless/java17). */
export function imageRuntime(image: string): { runtime: Runtime; version: string } | undefined {
  const parsed = parseImageRef(image.toLowerCase())
  const repo = parsed.name
  const tag = parsed.tag ?? ''
  const base = imageBaseName(repo)
  // Dev Containers images tag `<image version>-<runtime version>-<os>`: devcontainers/python:1-3.12-bookworm.
  const devcontainer = /(^|\/)devcontainers\/(python|javascript-node|typescript-node|ruby|go|java)$/.exec(repo)
  if (devcontainer) {
    const v = (/^\d+-(\d+(?:\.\d+){0,2})(?:-|$)/.exec(tag) ?? /^(\d+\.\d+(?:\.\d+)?)(?:-|$)/.exec(tag))?.[1]
    const rt = devcontainer[2].endsWith('node') ? 'node' : (devcontainer[2] as Runtime)
    return v ? { runtime: rt, version: v } : undefined
  }
  const distroless = /distroless\/(java|nodejs|python)(\d+)/.exec(repo)
  if (distroless) return { runtime: distroless[1] === 'nodejs' ? 'node' : (distroless[1] as Runtime), version: distroless[2] }
  const lead = /^(\d+(?:\.\d+){0,2})/.exec(tag)?.[1]
  if (base === 'node' || base === 'nodejs' || /^nodejs-(\d+)$/.test(base)) {
    const ubi = /^nodejs-(\d+)$/.exec(base)
    if (ubi) return { runtime: 'node', version: ubi[1] }
    return lead ? { runtime: 'node', version: lead } : undefined
  }
  if (base === 'python' || base === 'pypy') return lead && base === 'python' ? { runtime: 'python', version: lead } : undefined
  if (base === 'ruby') return lead ? { runtime: 'ruby', version: lead } : undefined
  if (base === 'golang') return lead ? { runtime: 'go', version: lead } : undefined
  if (/^(eclipse-temurin|openjdk|amazoncorretto|temurin|ibm-semeru-runtimes|sapmachine|zulu-openjdk|liberica-openjdk[\w-]*|microsoft-openjdk|jdk|jre)$/.test(base)) {
    const m = /^(?:open-)?(\d+)/.exec(tag.replace(/^(jdk|jre)-?/, ''))
    return m ? { runtime: 'java', version: m[1] } : undefined
  }
  if (base === 'maven' || base === 'gradle') {
    const m = /(?:temurin|openjdk|corretto|jdk|zulu|semeru|liberica|sapmachine)-?(\d+)/.exec(tag)
    return m ? { runtime: 'java', version: m[1] } : undefined
  }
  return undefined
}
