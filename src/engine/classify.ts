// Decides a file's kind, language and role from its path alone (no read), so the rule index can
// drop files no rule wants before they are opened.
import { pathRole } from '../model/paths.js'
import type { FileKind, FileRole, Language } from './types.js'

const LANG_BY_EXT: Record<string, Language> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
  py: 'python',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby', ru: 'ruby',
  java: 'java',
  kt: 'kotlin', kts: 'kotlin',
  go: 'go',
  php: 'php',
  sh: 'shell', bash: 'shell'
}

const MANIFESTS = new Set([
  'package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'npm-shrinkwrap.json',
  'requirements.txt', 'pipfile', 'pipfile.lock', 'pyproject.toml', 'poetry.lock', 'uv.lock', 'pdm.lock', 'setup.py', 'setup.cfg',
  'gemfile', 'gemfile.lock', 'go.mod', 'go.sum', 'composer.json', 'composer.lock', 'cargo.toml', 'cargo.lock',
  'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'gradle.properties', '.nvmrc', '.node-version',
  '.tool-versions', '.python-version', '.ruby-version', 'runtime.txt', 'aptfile'
])

const K8S_DIR = /(^|\/)(k8s|kube|kubernetes|manifests|deploy|deployments?|charts|helm|kustomize|overlays|base)\//i

export function classifyKind(path: string): FileKind {
  const lowerPath = path.toLowerCase()
  const name = lowerPath.slice(lowerPath.lastIndexOf('/') + 1)
  if (MANIFESTS.has(name) || /^(requirements|constraints)([-_.][\w.-]*)?\.txt$/.test(name)) return 'manifest'
  const dotExt = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  // Dockerfile.prod is a Dockerfile; dockerfile.ts (a parser for them) is source code.
  const sourceExt = dotExt in LANG_BY_EXT
  // Dockerfile.dockerignore is the ignore file of Dockerfile (BuildKit's per-Dockerfile ignore), not a Dockerfile.
  if (name === 'dockerfile' || (name.startsWith('dockerfile.') && !sourceExt && !name.endsWith('.dockerignore')) || name.endsWith('.dockerfile') || name === 'containerfile') return 'dockerfile'
  if (name === 'procfile' || (name.startsWith('procfile.') && !sourceExt)) return 'procfile'
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'dotenv'
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  if (ext === 'yml' || ext === 'yaml') {
    if (/^\.github\/workflows\//.test(lowerPath) || /\/\.github\/workflows\//.test(lowerPath)) return 'workflow'
    if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return 'compose'
    if (K8S_DIR.test(lowerPath)) return 'kubernetes'
    return 'yaml'
  }
  if (LANG_BY_EXT[ext]) return 'source'
  switch (ext) {
    case 'json':
      return 'json'
    case 'properties':
      return 'properties'
    case 'toml':
      return 'toml'
    case 'ini':
    case 'cfg':
    case 'conf':
      return 'ini'
    case 'xml':
      return 'xml'
    case 'md':
    case 'markdown':
    case 'mdx':
    case 'rst':
      return 'markdown'
    default:
  }
  if (name === 'gemfile' || name === 'rakefile') return 'source'
  return 'other'
}

export function classifyLanguage(path: string): Language {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  if (LANG_BY_EXT[ext]) return LANG_BY_EXT[ext]
  if (name === 'gemfile' || name === 'rakefile' || name === 'guardfile') return 'ruby'
  if (name === 'entrypoint' || name === 'docker-entrypoint') return 'shell'
  return 'none'
}

/** Is this path test code, a test runner's setup/config, or test-only config? (The deploy model's path vocabulary.) */
export { isTestFilePath } from '../model/paths.js'

/** The role a path alone implies, before the deploy files are read (see model/paths.ts; the deploy model refines it). */
export function classifyRole(path: string, kind: FileKind): FileRole {
  return pathRole(path, kind)
}
