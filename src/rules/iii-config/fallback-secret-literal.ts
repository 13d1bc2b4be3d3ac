// TF0306: a secret read from the environment with a literal fallback. When the variable is missing
// the deploy silently runs with a secret that is in the repository; it should fail to start instead.
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import type { SourceFile } from '../../engine/source-file.js'
import { onLongLine } from '../shared/lines.js'
import { isEnvReference } from '../shared/placeholders.js'
import { envLookup, secretNameKind } from './secret-patterns.js'
import { isDevOrTestSupportPath } from '../../model/paths.js'

const PLACEHOLDER = new RegExp(String.raw`\$\{([A-Za-z_][\w.-]{0,80}):()()([^}\n"]{1,200})\}`, 'g')
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
  [PLACEHOLDER, /none|java|kotlin/] // also @Value("${jwt.secret:x}")
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
  files: { kinds: ['source', 'properties', 'yaml'] },
  keywords: ['env', '${'],
  check(file, report) {
    // settings/dev.py, jest.setup.js, application-local.yml: never a deploy's config
    if (file.role === 'dev' || isDevOrTestSupportPath(file.path)) return
    const code = file.code
    for (const [re, lang] of PATTERNS) {
      if (!lang.test(file.language)) continue
      re.lastIndex = 0
      for (let m = re.exec(code); m; m = re.exec(code)) {
        const name = m[1] ?? m[2]
        const value = m[m.length - 1]
        if (!name || !secretNameKind(name) || value === '' || isEnvReference(value)) continue
        const offset = m.index + m[0].lastIndexOf(value)
        if (onLongLine(file, offset)) continue
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
