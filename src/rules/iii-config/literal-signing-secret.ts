// TF0305: session/JWT/framework signing secrets given as literals. Whatever the literal's entropy:
// 'keyboard cat' signs production cookies just as well as a random string, and is public.
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import { onLongLine } from '../shared/lines.js'
import { isEnvReference } from '../shared/placeholders.js'
import { envLookup, words } from './secret-patterns.js'
import type { SourceFile } from '../../engine/source-file.js'
import { signingLiterals } from './signing-secrets.js'
import { isDevOrTestSupportPath, isDevSettings, isTemplatePath } from '../../model/paths.js'
import { inNonProductionCode } from '../../model/blocks.js'

export const literalSigningSecret: Rule = {
  meta: {
    id: 'TF0305',
    name: 'literal-signing-secret',
    factor: 'III',
    severity: 'error',
    summary: 'A session, cookie or token signing secret given as a literal (express-session, jwt.sign, Django/Flask SECRET_KEY, Rails secret_key_base).',
    why:
      'The signing secret is per-deploy config and a credential: with it in the code, anyone who can read the ' +
      'repository can forge sessions and tokens for every deploy, and no deploy can rotate it without a code change.',
    remediation: 'Read the secret from the environment at startup and fail fast when it is missing.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go']
  },
  files: { kinds: ['source'], languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go'] },
  keywords: ['secret', 'jwt', 'keys', 'cookieparser', 'signwith', 'hmac', 'signedstring', 'cookiestore', 'newstore'],
  check(file, report) {
    if (isTemplatePath(file.path)) return
    for (const lit of signingLiterals(file)) {
      // INSERT_YOUR_SECRET_HERE / NEW_SECRET_KEY: a template slot (or an env var name passed by mistake)
      if (onLongLine(file, lit.offset) || lit.value === '' || isEnvReference(lit.value) || /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(lit.value)) continue
      if (/^-----BEGIN (RSA |EC )?PUBLIC KEY-----|^-----BEGIN CERTIFICATE-----/.test(lit.value)) continue // jwt.verify with a public key: nothing secret
      // A dev/test settings module, Rails development.rb, a Flask DevelopmentConfig/TestingConfig class or
      // an `if Rails.env.development?` block may carry a throwaway key; say so quietly.
      const dev = (file.language === 'python' && isDevSettings(file.path)) || isDevOrTestSupportPath(file.path) || inDevConfigClass(file, lit.offset) || inNonProductionCode(file, lit.offset)
      report({
        ...file.position(lit.offset),
        severity: dev ? 'notice' : 'error',
        message: `${lit.what} is the literal '${redact(lit.value)}'${dev ? ' (development or test only)' : ''}`,
        remediation: `Use ${envLookup(file, lit.env)} and fail at startup when it is unset; generate a long random value per deploy and rotate this one.`,
        secret: lit.value
      })
    }
  }
}

const DEV_CLASS_WORDS = new Set(['dev', 'development', 'test', 'testing', 'local', 'ci'])

/** Inside a Python config class named for development or tests (class DevelopmentConfig(Config): / TestingConfig)? */
function inDevConfigClass(file: SourceFile, offset: number): boolean {
  if (file.language !== 'python') return false
  const i = file.position(offset).line - 1
  if (!/^\s/.test(file.lines[i] ?? '')) return false
  for (let j = i - 1; j >= 0 && i - j < 200; j--) {
    const line = file.lines[j]
    if (!/^\S/.test(line) || line.startsWith('#')) continue
    const cls = /^class\s+(\w+)/.exec(line)
    return cls !== null && words(cls[1]).some((w) => DEV_CLASS_WORDS.has(w))
  }
  return false
}
