// TF0304: a committed .env holding real values. One finding per file, naming keys, never values.
// .env.example/.sample/.template are classified 'example' and never offered.
import type { Rule } from '../../engine/rule.js'
import { configEntries } from '../shared/config-entries.js'
import { isPlaceholder } from '../shared/placeholders.js'
import { isRealSecret } from './secret-assignment.js'
import { findToken, isStackDefault, secretNameKind } from './secret-patterns.js'

const PUBLIC_PREFIX = /^(VITE_|NEXT_PUBLIC_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_|GATSBY_|VUE_APP_)/

export const committedDotenv: Rule = {
  meta: {
    id: 'TF0304',
    name: 'committed-dotenv',
    factor: 'III',
    severity: 'error',
    summary: 'A .env file with real values is committed to the repository.',
    why:
      'A .env file is one deploy\'s config. Committed, it ties the codebase to that deploy (and leaks its ' +
      'credentials to everyone with repository access); the deploy\'s environment should provide the values.',
    remediation: 'Remove the file from the repository (git rm --cached), add it to .gitignore, commit a .env.example with empty or placeholder values instead, and rotate any credential it held.'
  },
  files: { kinds: ['dotenv'] },
  check(file, report) {
    const real = configEntries(file).filter((e) => !isPlaceholder(e.value) && /^[A-Za-z_][\w.]*$/.test(e.key))
    // Only client-bundle variables (Vite, Next.js, CRA...): public by definition, committed by convention.
    if (real.every((e) => PUBLIC_PREFIX.test(e.key))) return
    if (real.length === 0) return
    const secrets = real.filter((e) => findToken(e.value) || isRealSecret(e.key, e.value) || urlCredential(e.value))
    const dev = file.role === 'dev'
    // A development .env without credentials is a convention (Vite, Next.js); quiet.
    if (dev && secrets.length === 0) return
    const first = secrets[0] ?? real[0]
    const names = (list: typeof real): string => list.slice(0, 6).map((e) => e.key).join(', ') + (list.length > 6 ? ` and ${list.length - 6} more` : '')
    report({
      ...file.position(first.offset),
      severity: secrets.length === 0 ? 'warning' : dev ? 'warning' : 'error',
      message: secrets.length
        ? `Committed ${file.name} holds credentials: ${names(secrets)}`
        : `Committed ${file.name} holds deploy config values: ${names(real)}`,
      // The first key's line is quoted: mask its value when it is a credential, even a short one (DB_PASSWORD=q1w).
      secret: secrets.length || secretNameKind(first.key) ? first.value : undefined
    })
  }
}

/** A URL with a password, unless it is a local stack's default login (postgres://postgres:postgres@db). */
function urlCredential(value: string): boolean {
  const m = /:\/\/([^/\s:@]{0,100}):([^@\s/]{1,200})@([^\s/:?#]{1,255})/.exec(value)
  return m !== null && !isPlaceholder(m[2]) && !isStackDefault(m[1], m[2], m[3])
}
