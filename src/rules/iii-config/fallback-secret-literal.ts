// TF0306: a secret read from the environment with a literal fallback. When the variable is missing
// the deploy silently runs with a secret that is in the repository; it should fail to start instead.
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import type { SourceFile } from '../../engine/source-file.js'
import { onLongLine } from '../shared/lines.js'
import { looksLikeIdentifier, looksLikePath } from '../shared/entropy.js'
import { isRealSecret } from './secret-assignment.js'
import { isEnvReference, isFlagValue, isNameEcho, isPlaceholder } from '../shared/placeholders.js'
import { envLookup, isKeyFilePassword, isSigningName, secretNameKind } from './secret-patterns.js'
import { isDevOrTestSupportPath } from '../../model/paths.js'

const PLACEHOLDER = new RegExp(String.raw`\$\{([A-Za-z_][\w.-]{0,80}):()()([^}\n"]{1,200})\}`, 'g')
const SHELL_DEFAULT = new RegExp(String.raw`\$\{([A-Za-z_]\w{0,80}):?-()()([^}\s"'$]{1,200})\}`, 'g')
const S = String.raw`(["'])([^"'\n\\]{0,200})`
// [regex, language filter]; group 1 = env var name, last groups = quote + literal.
const PATTERNS: [RegExp, RegExp][] = [
  [new RegExp(String.raw`process\.env(?:\.([A-Za-z_]\w{0,80})|\[\s*["']([A-Za-z_]\w{0,80})["']\s*\])\s*(?:\|\||\?\?)\s*${S}\3`, 'g'), /javascript|typescript/],
  [new RegExp(String.raw`os\.(?:environ\.get|getenv)\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*,\s*()${S}\3\s*\)`, 'g'), /python/],
  [new RegExp(String.raw`os\.(?:environ\.get|getenv)\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*\)\s*or\s*()${S}\3`, 'g'), /python/],
  [new RegExp(String.raw`os\.environ\.setdefault\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*,\s*()${S}\3`, 'g'), /python/],
  // python-decouple config('X', default='...'), django-environ env('X', default='...') / env.str(...)
  [new RegExp(String.raw`\b(?:config|env|env\.str)\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*,\s*default\s*=\s*()${S}\3`, 'g'), /python/],
  [new RegExp(String.raw`ENV\.fetch\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*(?:\)\s*\{\s*|,\s*)()${S}\3`, 'g'), /ruby/],
  [new RegExp(String.raw`ENV\[\s*["']([A-Za-z_]\w{0,80})["']\s*\]\s*(?:\|\||or)\s*()${S}\3`, 'g'), /ruby/],
  [new RegExp(String.raw`getOrDefault\s*\(\s*"([A-Za-z_]\w{0,80})"\s*,\s*()${S}\3`, 'g'), /java|kotlin/],
  [new RegExp(String.raw`System\.getenv\s*\(\s*"([A-Za-z_]\w{0,80})"\s*\)\s*\)\s*\.orElse\s*\(\s*()${S}\3`, 'g'), /java|kotlin/],
  // Go and others: a helper like getEnv("JWT_SECRET", "fallback")
  [new RegExp(String.raw`\b(?:get_?[Ee]nv\w{0,20}|[Ee]nv[Oo]r\w{0,10}|envOrDefault|env_or|lookupEnv\w{0,10})\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*,\s*()${S}\3`, 'g'), /./],
  // Spring and other ${VAR:default} placeholders in config
  [PLACEHOLDER, /none|java|kotlin/], // also @Value("${jwt.secret:x}")
  // Go struct tags of caarlos0/env and envconfig: `env:"JWT_SECRET,default=x"`, `env:"JWT_SECRET" envDefault:"x"`, `envconfig:"X" default:"x"`
  [new RegExp(String.raw`\b(?:env|envconfig)\s*:\s*"([A-Za-z_]\w{0,80})(?:,[^",]*)*?,default=()()([^",]{1,200})"`, 'g'), /go/],
  [new RegExp(String.raw`\b(?:env|envconfig)\s*:\s*"([A-Za-z_]\w{0,80})[^"]*"\s+(?:envDefault|default)\s*:\s*()()"([^"]{1,200})"`, 'g'), /go/],
  // POSIX ${VAR:-default} in shell scripts and compose files
  [SHELL_DEFAULT, /shell|none/]
]

export const fallbackSecretLiteral: Rule = {
  meta: {
    id: 'TF0306',
    name: 'fallback-secret-literal',
    factor: 'III',
    severity: 'warning',
    summary: 'A secret read from the environment falls back to a literal (process.env.JWT_SECRET || \'secret\').',
    why:
      'Reading config from the environment is right, but a literal fallback means a deploy that forgot the ' +
      'variable runs with a secret published in the codebase instead of failing. Config must come from the deploy, not the code.',
    remediation: 'Drop the fallback and fail at startup when the variable is missing.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'none']
  },
  files: { kinds: ['source', 'properties', 'yaml', 'compose'] },
  keywords: ['env', '${'],
  check(file, report) {
    // settings/dev.py, jest.setup.js, application-local.yml: never a deploy's config
    if (file.role === 'dev' || isDevOrTestSupportPath(file.path)) return
    const code = file.code
    const erb = file.kind === 'yaml' && code.includes('<%') // Rails database.yml: <%= ENV['DB_PASSWORD'] || 'x' %>
    for (const [re, lang] of PATTERNS) {
      if (!lang.test(file.language) && !(erb && lang.source === 'ruby')) continue
      re.lastIndex = 0
      for (let m = re.exec(code); m; m = re.exec(code)) {
        const name = m[1] ?? m[2]
        const value = m[m.length - 1]
        if (!name || !secretNameKind(name) || (re === PLACEHOLDER && value.startsWith('-'))) continue // ${X:-d} is the shell's
        const offset = m.index + m[0].lastIndexOf(value)
        // ${X:-x} in a shell script or compose file: only a signing secret or a real-looking credential (a script's defaults are often test values)
        const loose = re === SHELL_DEFAULT
        if (!harmfulFallback(name, value, loose || file.kind === 'compose', () => inProductionBlock(file, offset)) || onLongLine(file, offset)) continue
        report({
          ...file.position(offset),
          message: `${name} falls back to the literal '${redact(value)}' when the variable is unset`,
          remediation: remedy(file, name, re === PLACEHOLDER),
          secret: value
        })
      }
    }
  }
}

/**
 * Does this fallback put a working secret into a deploy that forgot the variable? A signing or
 * encryption secret the app uses itself does, whatever its value (sessions become forgeable); a
 * credential for another service does only when it looks real, or when it is a well-known default
 * in a production block (a placeholder fails to authenticate, which is the fail-fast we want).
 * Never: flags and counts (ENABLE_EMAIL_PASSWORD=1, "0" meaning unset), paths and file names, the
 * password of a key store the deploy supplies (the JDK's public `changeit`), a value restating its
 * name (server_key_password), a sentinel the app swaps for a random key (defaultSigningKey).
 */
export function harmfulFallback(name: string, value: string, strict: boolean, production: () => boolean): boolean {
  const v = value.trim()
  if (v === '' || isEnvReference(v) || isFlagValue(v) || looksLikePath(v) || isKeyFilePassword(name)) return false
  if (looksLikeIdentifier(v) && /.default|default./i.test(v)) return false // a sentinel's name, compared against at start
  const real = isRealSecret(name, v)
  if (isSigningName(name)) return real || !strict
  if (isNameEcho(name, v)) return false
  if (real) return true
  return !strict && !isPlaceholder(v) && production()
}

/** Inside a `production:`/`prod:` block of a YAML file (Rails database.yml, per-environment config)? */
function inProductionBlock(file: SourceFile, offset: number): boolean {
  if (file.kind !== 'yaml') return /(^|[-_./])prod(uction)?[-_.]/i.test(file.name)
  const lines = file.lines
  let i = file.position(offset).line - 1
  let indent = (lines[i] ?? '').search(/\S/)
  for (i--; i >= 0 && indent > 0; i--) {
    const l = lines[i]
    const ind = l.search(/\S/)
    if (ind < 0 || ind >= indent || /^\s*#/.test(l)) continue
    if (/^\s*(production|prod):\s*(&\w+)?\s*$/.test(l)) return true
    indent = ind
  }
  return false
}

function remedy(file: SourceFile, name: string, placeholder: boolean): string {
  // ${VAR:default} (Spring config, @Value): the fix is the same placeholder without its default
  if (placeholder) return `Fail fast instead of falling back: \${${name}} without a default (startup fails when it is unset).`
  const fix: Record<string, string> = {
    javascript: `const v = process.env.${name}; if (!v) throw new Error('${name} is not set')`,
    typescript: `const v = process.env.${name}; if (!v) throw new Error('${name} is not set')`,
    python: `os.environ["${name}"] (raises KeyError when unset)`,
    ruby: `ENV.fetch("${name}") without a default (raises KeyError when unset)`,
    go: `v, ok := os.LookupEnv("${name}"); if !ok { log.Fatal("${name} is not set") }`,
    java: `Objects.requireNonNull(System.getenv("${name}"), "${name} is not set")`,
    kotlin: `System.getenv("${name}") ?: error("${name} is not set")`
  }
  const lookup = envLookup(file, name)
  const generic = `\${${name}} without a default (startup fails when it is unset)${lookup === `\${${name}}` ? '' : `; or ${lookup}`}`
  return `Fail fast instead of falling back: ${fix[file.language] ?? generic}.`
}
