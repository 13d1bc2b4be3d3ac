// TF0206: code shells out to a system tool (curl, ImageMagick, ffmpeg, git...) that no Dockerfile,
// Aptfile or buildpack of the app installs. The file pass records each call; the repository pass
// compares them with what the app's Dockerfiles and Aptfile declare.
import type { RepoContext, Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Language } from '../../engine/types.js'
import { baseImageOf, dockerfileOf } from '../../parsers/dockerfile.js'
import { ancestors, baseName, dirOf, joinPath } from '../shared/dependency-manifests.js'

const FACT = 'tf0206:tool-call'
const NIXPACKS_FACT = 'tf0206:nixpacks'

/** Tool → the package names that provide it (matched as words in Dockerfiles and Aptfiles). */
const TOOLS: Record<string, string[]> = {
  curl: ['curl'],
  wget: ['wget'],
  git: ['git'],
  convert: ['imagemagick', 'graphicsmagick'],
  magick: ['imagemagick'],
  identify: ['imagemagick', 'graphicsmagick'],
  mogrify: ['imagemagick', 'graphicsmagick'],
  gm: ['graphicsmagick'],
  ffmpeg: ['ffmpeg'],
  ffprobe: ['ffmpeg'],
  pdftotext: ['poppler-utils', 'poppler'],
  pdftoppm: ['poppler-utils', 'poppler'],
  wkhtmltopdf: ['wkhtmltopdf'],
  gs: ['ghostscript'],
  ghostscript: ['ghostscript'],
  pandoc: ['pandoc'],
  soffice: ['libreoffice'],
  libreoffice: ['libreoffice'],
  tesseract: ['tesseract-ocr', 'tesseract'],
  pg_dump: ['postgresql-client', 'postgresql'],
  pg_restore: ['postgresql-client', 'postgresql'],
  psql: ['postgresql-client', 'postgresql'],
  mysqldump: ['mysql-client', 'default-mysql-client', 'mariadb-client', 'mysql'],
  'redis-cli': ['redis-tools', 'redis'],
  rsync: ['rsync'],
  ssh: ['openssh-client', 'openssh'],
  scp: ['openssh-client', 'openssh'],
  unzip: ['unzip'],
  exiftool: ['libimage-exiftool-perl', 'exiftool', 'perl-image-exiftool'],
  inkscape: ['inkscape'],
  qpdf: ['qpdf'],
  sox: ['sox'],
  chromium: ['chromium'],
  'chromium-browser': ['chromium'],
  'google-chrome': ['google-chrome'],
  phantomjs: ['phantomjs'],
  aws: ['awscli', 'aws-cli'],
  gcloud: ['google-cloud-cli', 'google-cloud-sdk'],
  gsutil: ['google-cloud-cli', 'google-cloud-sdk'],
  kubectl: ['kubectl']
}

/** Tools the full (non-slim) official language images inherit from buildpack-deps. */
const IN_FULL_IMAGES = new Set(['curl', 'wget', 'git', 'ssh', 'scp', 'convert', 'identify', 'mogrify', 'unzip'])
const FULL_IMAGE = /^(docker\.io\/)?(library\/)?(node|python|ruby|golang|buildpack-deps|php|perl|rust|gcc)(:[\w.-]*)?$/
/** Slim, Alpine and distroless variants ship without those tools. */
const SLIM_TAG = /:[\w.-]*(slim|alpine|distroless|minimal|busybox)/

interface ToolCall {
  path: string
  line: number
  column: number
  tool: string
  via: string
  language: Language
}

/** Per language: a call that runs a command, and the offset of the group holding its first word. */
const CALLS: Partial<Record<Language, RegExp[]>> = {
  javascript: [/\b(execSync|execFileSync|execFile|exec|spawnSync|spawn|execa|execaSync|execaCommand)\s*\(\s*(['"`])\s*([\w./-]{1,100})/g],
  python: [
    /\b(subprocess\.(?:run|call|check_call|check_output|Popen)|os\.system|os\.popen|check_output|check_call|Popen)\s*\(\s*\[?\s*[rbfu]?(['"])\s*([\w./-]{1,100})/g
  ],
  ruby: [
    /\b(system|exec|spawn|Open3\.(?:capture2e?|capture3|popen3|popen2e?)|IO\.popen)\s*\(?\s*\[?\s*(['"])\s*([\w./-]{1,100})/g,
    /(`|%x[({[])\s*([\w./-]{1,100})/g
  ],
  java: [
    /\b(Runtime\.getRuntime\(\)\.exec)\s*\(\s*(?:new\s+String\s*\[\s*\]\s*\{\s*)?(")\s*([\w./-]{1,100})/g,
    /\b(new\s+ProcessBuilder)\s*\(\s*(?:(?:List\.of|Arrays\.asList)\s*\(\s*)?(")\s*([\w./-]{1,100})/g
  ],
  go: [/\b(exec\.Command(?:Context)?)\s*\(\s*(?:ctx\s*,\s*)?(["`])\s*([\w./-]{1,100})/g],
  php: [/\b(shell_exec|exec|system|passthru|proc_open|popen)\s*\(\s*(['"])\s*([\w./-]{1,100})/g]
}
CALLS.typescript = CALLS.javascript
CALLS.kotlin = CALLS.java

const IMPORT_HINT: Partial<Record<Language, RegExp>> = {
  javascript: /child_process|\bexeca\b/,
  typescript: /child_process|\bexeca\b/,
  python: /\bsubprocess\b|\bos\.(system|popen)\b/,
  go: /"os\/exec"/
}

/** Finds the calls in one file; `sh -c "tool ..."` is looked through. */
export function toolCalls(file: SourceFile): ToolCall[] {
  const out: ToolCall[] = []
  const res = CALLS[file.language]
  if (!res) return out
  const hint = IMPORT_HINT[file.language]
  // The raw text first: most files never import a process API, and blanking comments costs more.
  if (hint && (!hint.test(file.text) || !hint.test(file.code))) return out
  const code = file.code
  const patterns = [...res]
  if (file.language === 'javascript' || file.language === 'typescript') {
    // const run = promisify(execFile); run('convert', ...): follow the alias.
    const aliases = [...code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]{0,60})\s*=\s*(?:util\.)?promisify\s*\(\s*(?:[\w$]{1,40}\.)?(?:exec|execFile)\s*\)/g)].map((m) => m[1].replace(/\$/g, '\\$'))
    if (aliases.length > 0) patterns.push(new RegExp(`(?<![\\w.$])(${aliases.join('|')})\\s*\\(\\s*(['"\`])\\s*([\\w./-]{1,100})`, 'g'))
  }
  for (const re of patterns) {
    re.lastIndex = 0
    for (let m = re.exec(code); m; m = re.exec(code)) {
      const backtick = m.length === 3 // ruby backticks / %x
      let word = backtick ? m[2] : m[3]
      const alias = patterns.indexOf(re) >= res.length
      const via = backtick ? (m[1] === '`' ? 'backticks' : '%x()') : alias ? `${m[1]}() (a promisified child_process call)` : m[1].replace(/\s+/g, ' ')
      const at = m.index + m[0].lastIndexOf(word)
      const pos = file.position(at)
      const lineText = file.line(pos.line)
      if (lineText.length > 4000) continue
      if (backtick && m[1] === '`') {
        // A backtick inside a string literal is prose ("run `git pull`"), not a command.
        const before = lineText.slice(0, pos.column - 2)
        if ((before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1) continue
      }
      word = baseName(word)
      if (/^(sh|bash|cmd)$/.test(word)) {
        const inner = /-c['"]?\s*,?\s*['"`]\s*([\w./-]{1,100})/.exec(lineText.slice(pos.column))
        if (!inner) continue
        word = baseName(inner[1])
      }
      if (!Object.prototype.hasOwnProperty.call(TOOLS, word)) continue
      out.push({ path: file.path, line: pos.line, column: pos.column, tool: word, via, language: file.language })
    }
  }
  return out
}

/** What the app's build declares: Dockerfiles (in the app folder or above) and Aptfiles. */
function declared(repo: RepoContext, appDir: string): { text: string; dockerfiles: string[]; fullImage: boolean; aptfile: boolean } {
  const dirs = new Set(ancestors(appDir))
  const dockerfiles = repo.files.filter((f) => f.kind === 'dockerfile' && f.language === 'none' && f.role === 'app' && (dirs.has(dirOf(f.path)) || dirOf(f.path).startsWith(appDir === '.' ? '' : `${appDir}/`)))
  const aptfiles = repo.files.filter((f) => baseName(f.path).toLowerCase() === 'aptfile' && dirs.has(dirOf(f.path)))
  let text = ''
  let fullImage = false
  for (const d of dockerfiles) {
    const file = repo.get(d.path)
    if (!file) continue
    const parsed = dockerfileOf(file)
    text += `\n${parsed.instructions.filter((i) => i.keyword === 'RUN' || i.keyword === 'FROM').map((i) => i.args).join('\n')}`
    const base = baseImageOf(parsed)
    if (base && FULL_IMAGE.test(base) && !SLIM_TAG.test(base)) fullImage = true
  }
  for (const a of aptfiles) text += `\n${repo.get(a.path)?.text ?? ''}`
  // nixpacks.toml aptPkgs / nixPkgs (Railway, Coolify...): recorded by the file pass.
  const nix = repo.facts.get<{ path: string; text: string }>(NIXPACKS_FACT).filter((n) => dirs.has(dirOf(n.path)))
  for (const n of nix) text += `\n${n.text}`
  return { text: text.toLowerCase(), dockerfiles: dockerfiles.map((d) => d.path), fullImage, aptfile: aptfiles.length > 0 || nix.length > 0 }
}

/** Build-tool config files: run by `next build`, `vite build`, webpack... at build time. */
const BUILD_CONFIG = /(^|\/)(next|vite|vitest|webpack|rollup|nuxt|astro|svelte|remix|gatsby-config|gatsby-node|babel|tsup|esbuild|metro|craco|quasar|electron-builder)(\.config)?(\.[\w-]+)?\.[cm]?[jt]s$/

/**
 * A package name as a word in a Dockerfile or Aptfile, allowing Debian/Alpine version variants:
 * postgresql-client-16, postgresql16-client, imagemagick6, mysql-client-8.0.
 */
function packagePattern(name: string): RegExp {
  const body = name.split('-').map((part) => part.replace(/[.+]/g, '\\$&')).join('[\\d.]{0,8}-')
  return new RegExp(`(^|[^\\w-])${body}(-?\\d[\\d.]{0,8})?([^\\w-]|$)`)
}

function where(language: Language): string {
  switch (language) {
    case 'javascript':
    case 'typescript':
      return 'child_process'
    case 'python':
      return 'subprocess'
    case 'ruby':
      return 'the shell command'
    case 'go':
      return 'os/exec'
    default:
      return 'a process'
  }
}

export const implicitSystemTool: Rule = {
  meta: {
    id: 'TF0206',
    name: 'implicit-system-tool',
    factor: 'II',
    severity: 'warning',
    summary: 'Code shells out to a system tool (curl, ImageMagick, ffmpeg, git...) that no Dockerfile, Aptfile or buildpack of the app installs.',
    why:
      'Factor II: an app never relies on the implicit existence of system-wide tools. A call to `convert` or `curl` works on the laptop that happens to have it and fails in a slim production image; the tool has to be declared where the app\'s environment is built.',
    remediation: 'Install the tool where the app\'s image is built (RUN apt-get install -y --no-install-recommends <package> in the Dockerfile, or a line in the Aptfile for Heroku-style buildpacks), or replace the call with a library from the manifest.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php']
  },
  files: { kinds: ['source', 'toml'], languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php', 'none'], roles: ['app'] },
  keywords: ['exec', 'spawn', 'subprocess', 'system', 'popen', 'processbuilder', '`', '%x', 'open3', 'passthru', 'aptpkgs', 'nixpkgs'],
  check(file, _report, ctx) {
    if (file.kind === 'toml') {
      if (file.name === 'nixpacks.toml') ctx.facts.add(NIXPACKS_FACT, { path: file.path, text: file.code })
      return
    }
    // Developer and CI scripts run on a workstation or runner, not in the deployed image; build-tool
    // config (next.config.js reading `git rev-parse HEAD`) runs where the app is built, not where it runs.
    if (/(^|\/)(scripts|script|tools|hack|bin|ci|\.github)\//.test(file.path) || BUILD_CONFIG.test(file.path)) return
    for (const call of toolCalls(file)) ctx.facts.add<ToolCall & { app: string }>(FACT, { ...call, app: ctx.app?.path ?? '.' })
  },
  rereadReportedFiles: true,
  checkRepo(repo, report) {
    const cache = new Map<string, ReturnType<typeof declared>>()
    const paths = new Set(repo.files.map((f) => f.path))
    for (const call of repo.facts.get<ToolCall & { app: string }>(FACT)) {
      // A GitHub Action runs on the runner image, whose tools are documented; it builds no image of its own.
      if (ancestors(call.app).some((d) => paths.has(joinPath(d, 'action.yml')) || paths.has(joinPath(d, 'action.yaml')))) continue
      let decl = cache.get(call.app)
      if (!decl) cache.set(call.app, (decl = declared(repo, call.app)))
      const packages = TOOLS[call.tool]
      if (packages.some((p) => packagePattern(p).test(decl.text))) continue
      if (decl.fullImage && IN_FULL_IMAGES.has(call.tool)) continue
      const dockerfile = decl.dockerfiles[0]
      const place = dockerfile ? `\`${dockerfile}\` does not install it` : decl.aptfile ? 'the Aptfile does not list it' : 'no Dockerfile, Aptfile or buildpack of the app declares it'
      const pkg = packages[0]
      report({
        file: call.path,
        line: call.line,
        column: call.column,
        message: `\`${call.tool}\` is run through ${call.via} but ${place}: the app relies on the tool being on the host`,
        remediation: dockerfile
          ? `Declare it in ${dockerfile}: \`RUN apt-get update && apt-get install -y --no-install-recommends ${pkg} && rm -rf /var/lib/apt/lists/*\` (Alpine: \`RUN apk add --no-cache ${pkg}\`), or replace ${where(call.language)} with a library from the manifest.`
          : `Declare it where the app's environment is built: a Dockerfile line \`RUN apt-get install -y --no-install-recommends ${pkg}\`, or a line \`${pkg}\` in ${joinPath(call.app, 'Aptfile')} for Heroku-style buildpacks (heroku-community/apt).`
      })
    }
  }
}
