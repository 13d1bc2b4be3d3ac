// Apps in a repository: each folder with its own dependency manifest is one deployable codebase
// (a monorepo holds several). Language and framework come from the manifest's dependencies, so
// rules can speak the app's idiom ("use ENV.fetch in Rails") and report once per app.
import type { Language } from './types.js'
import type { SourceFile } from './source-file.js'

export interface App {
  /** Folder relative to the root, posix; '.' for the root. */
  path: string
  language: Language
  /** e.g. express, nestjs, next, django, flask, fastapi, rails, sinatra, spring-boot, gin; undefined when plain. */
  framework?: string
  /** The manifest that defined it, e.g. services/api/package.json. */
  manifest: string
}

const MANIFEST_LANGUAGE: Record<string, Language> = {
  'package.json': 'javascript',
  'requirements.txt': 'python',
  'pyproject.toml': 'python',
  pipfile: 'python',
  'setup.py': 'python',
  gemfile: 'ruby',
  'pom.xml': 'java',
  'build.gradle': 'java',
  'build.gradle.kts': 'java',
  'go.mod': 'go',
  'composer.json': 'php'
}

/** Dependency names (as they appear in manifests) that identify a framework, most specific first. */
const FRAMEWORKS: [RegExp, string][] = [
  [/["']@nestjs\/core["']/, 'nestjs'],
  [/["']next["']\s*:/, 'next'],
  [/["']nuxt["']\s*:/, 'nuxt'],
  [/["']fastify["']\s*:/, 'fastify'],
  [/["']koa["']\s*:/, 'koa'],
  [/["'](@hapi\/)?hapi["']\s*:/, 'hapi'],
  [/["']express["']\s*:/, 'express'],
  [/^\s*django\b|["']django\b/im, 'django'],
  [/^\s*fastapi\b|["']fastapi\b/im, 'fastapi'],
  [/^\s*flask\b|["']flask\b/im, 'flask'],
  [/^\s*gem\s+["']rails["']/m, 'rails'],
  [/^\s*gem\s+["']sinatra["']/m, 'sinatra'],
  [/spring-boot/, 'spring-boot'],
  [/io\.quarkus/, 'quarkus'],
  [/io\.micronaut/, 'micronaut'],
  [/github\.com\/gin-gonic\/gin/, 'gin'],
  [/github\.com\/labstack\/echo/, 'echo'],
  [/github\.com\/gofiber\/fiber/, 'fiber'],
  [/github\.com\/go-chi\/chi/, 'chi'],
  [/["']laravel\/framework["']/, 'laravel'],
  [/["']symfony\/framework-bundle["']/, 'symfony']
]

export function isAppManifest(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  return name in MANIFEST_LANGUAGE || /^requirements[-_.][\w.-]*\.txt$/.test(name)
}

/** Finds the apps from the manifests' texts. A package.json that only declares workspaces is not an app. */
export function detectApps(manifests: readonly SourceFile[]): App[] {
  const byDir = new Map<string, App>()
  for (const file of [...manifests].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const name = file.name.toLowerCase()
    const language = MANIFEST_LANGUAGE[name] ?? (/^requirements/.test(name) ? 'python' : undefined)
    if (!language) continue
    if (name === 'package.json' && /"workspaces"\s*:/.test(file.text) && !/"(dependencies|scripts)"\s*:\s*\{[^}]*"(start|express|fastify|next)"/.test(file.text)) continue
    const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '.'
    const framework = FRAMEWORKS.find(([re]) => re.test(file.text))?.[1]
    const existing = byDir.get(dir)
    // A folder with several manifests (package.json for assets beside a Gemfile): the one naming a framework wins.
    if (existing && (existing.framework || !framework)) continue
    const lang: Language = language === 'javascript' && /["']typescript["']\s*:/.test(file.text) ? 'typescript' : language
    byDir.set(dir, { path: dir, language: lang, ...(framework ? { framework } : {}), manifest: file.path })
  }
  return [...byDir.values()].sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** Apps by folder, built once per apps list: a monorepo may hold hundreds of apps. */
const APP_INDEX = new WeakMap<readonly App[], Map<string, App>>()

/** The innermost app containing a path: the nearest ancestor folder that is an app. */
export function appOf(apps: readonly App[], path: string): App | undefined {
  let index = APP_INDEX.get(apps)
  if (!index) {
    index = new Map(apps.map((a) => [a.path, a]))
    APP_INDEX.set(apps, index)
  }
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    const app = index.get(path.slice(0, slash))
    if (app) return app
  }
  return index.get('.')
}
