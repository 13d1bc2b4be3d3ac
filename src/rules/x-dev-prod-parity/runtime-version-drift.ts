// TF1002: the runtime version differs between the places that pin it (.nvmrc vs Dockerfile vs CI
// vs engines/requires-python/go.mod/pom...). One finding per app and runtime, naming every source.
import type { RepoContext, Rule } from '../../engine/rule.js'
import { conflicts, versionSources, type Runtime, type VersionSource } from '../shared/x-runtime-versions.js'

const LANG_RUNTIME: Record<string, Runtime> = { javascript: 'node', typescript: 'node', python: 'python', ruby: 'ruby', java: 'java', kotlin: 'java', go: 'go' }
const NAMES: Record<Runtime, string> = { node: 'Node.js', python: 'Python', ruby: 'Ruby', java: 'Java', go: 'Go' }

export const runtimeVersionDrift: Rule = {
  meta: {
    id: 'TF1002',
    name: 'runtime-version-drift',
    factor: 'X',
    severity: 'warning',
    summary: 'The runtime version pinned in one place (.nvmrc, Dockerfile, CI, engines, go.mod, pom...) disagrees with another.',
    why:
      'Dev/prod parity keeps the gap between environments small. When developers run one runtime version, CI tests another and the ' +
      'production image ships a third, bugs appear only in production and "works on my machine" becomes a release risk.',
    remediation: 'Pick one version and state it everywhere (or make the other sources read the one file: node-version-file / python-version-file in CI, ARG in the Dockerfile).'
  },
  checkRepo(repo, report) {
    const byFile = new Map<string, VersionSource[]>()
    for (const f of repo.files) {
      if (f.role === 'test' || f.role === 'docs' || f.role === 'example') continue
      if (f.kind !== 'manifest' && f.kind !== 'dockerfile' && f.kind !== 'workflow') continue
      const file = repo.get(f.path)
      if (!file) continue
      const list = versionSources(file)
      if (list.length) byFile.set(f.path, list)
    }
    // A source belongs to the app whose folder holds it; sources outside every app folder (CI workflows,
    // root files) belong to the only app of that runtime, if there is exactly one.
    const groups = new Map<string, VersionSource[]>()
    for (const [path, list] of byFile) {
      for (const s of list) {
        const app = ownerApp(repo, path, s.runtime)
        if (app === undefined) continue
        const key = `${app}\0${s.runtime}`
        groups.set(key, [...(groups.get(key) ?? []), s])
      }
    }
    for (const [key, sources] of groups) {
      const pairs = conflicts(sources)
      if (pairs.length === 0) continue
      const runtime = key.slice(key.indexOf('\0') + 1) as Runtime
      const involved = new Set(pairs.flat())
      const at = [...involved].find((s) => s.label === 'Dockerfile FROM') ?? [...involved].find((s) => s.exact) ?? pairs[0][0]
      const listing = sources.map((s) => `${s.label} ${s.file}:${s.line} \`${s.stated}\`${involved.has(s) ? '' : ' (agrees)'}`).join('; ')
      const [a, b] = pairs[0]
      report({
        file: at.file,
        line: at.line,
        message: `${NAMES[runtime]} version drifts between environments: ${listing}. \`${a.stated}\` (${a.label}) and \`${b.stated}\` (${b.label}) cannot both hold`,
        remediation: remediationFor(runtime)
      })
    }
  }
}

function ownerApp(repo: RepoContext, path: string, runtime: Runtime): string | undefined {
  const owner = repo.appOf(path)
  if (owner && owner.path !== '.') return owner.path
  const same = repo.apps.filter((a) => LANG_RUNTIME[a.language] === runtime)
  if (same.length === 1) return same[0].path
  if (same.length === 0) return '.'
  return undefined // several apps of this runtime: a root-level source could mean any of them
}

function remediationFor(runtime: Runtime): string {
  switch (runtime) {
    case 'node':
      return 'Keep one Node major everywhere: .nvmrc `20`, `"engines": {"node": ">=20 <21"}`, `FROM node:20-alpine`, and in CI `actions/setup-node` with `node-version-file: .nvmrc`.'
    case 'python':
      return 'Keep one Python minor everywhere: .python-version `3.12`, `FROM python:3.12-slim`, `requires-python = ">=3.12"`, and in CI `actions/setup-python` with `python-version-file: .python-version`.'
    case 'ruby':
      return 'Keep one Ruby version everywhere: .ruby-version `3.3.0`, Gemfile `ruby file: ".ruby-version"`, `ARG RUBY_VERSION=3.3.0` / `FROM ruby:$RUBY_VERSION-slim`, and `ruby/setup-ruby` reading .ruby-version in CI.'
    case 'java':
      return 'Build, test and run on one JDK: toolchain `JavaLanguageVersion.of(21)` / `<java.version>21</java.version>`, `FROM eclipse-temurin:21-jre`, and `actions/setup-java` with `java-version: 21`.'
    case 'go':
      return 'Keep one Go version: `go 1.22` in go.mod, `FROM golang:1.22` in the builder stage, and `actions/setup-go` with `go-version-file: go.mod`.'
  }
}
