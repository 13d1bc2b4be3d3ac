// TF0304: a committed .env holding credentials. One finding per credential line, naming the key, never the value.
// .env.example/.sample/.template are classified 'example' and never offered.
import type { Rule } from '../../engine/rule.js'
import { configEntries } from '../shared/config-entries.js'
import { isImageDefaultPassword, isPlaceholder } from '../shared/placeholders.js'
import { isLoadedConfigSecret, isRealSecret } from './secret-assignment.js'
import { findToken, isStackDefault, secretNameKind } from './secret-patterns.js'

const PUBLIC_PREFIX = /^(VITE_|NEXT_PUBLIC_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_|GATSBY_|VUE_APP_)/

export const committedDotenv: Rule = {
  meta: {
    id: 'TF0304',
    name: 'committed-dotenv',
    factor: 'III',
    severity: 'error',
    summary: 'A committed .env file carries credentials (one finding per credential line).',
    why:
      'A .env file is one deploy\'s config. Committed, it ties the codebase to that deploy (and leaks its ' +
      'credentials to everyone with repository access); the deploy\'s environment should provide the values.',
    remediation: 'Remove the file from the repository (git rm --cached), add it to .gitignore, commit a .env.example with empty or placeholder values instead, and rotate any credential it held.'
  },
  files: { kinds: ['dotenv'] },
  check(file, report) {
    // Placeholders, ${VAR} references, compose host names, project names and versions are how a deploy
    // passes config: a committed env file is a finding only for the credentials it carries, each of them.
    const entries = configEntries(file).filter((e) => !isPlaceholder(e.value) && /^[A-Za-z_][\w.]*$/.test(e.key) && !PUBLIC_PREFIX.test(e.key))
    // The app's own dotenv (.env, .env.production: what dotenv, Prisma and Compose load by themselves) is read as
    // config by the app: a stock login there (root:admin@localhost, POSTGRES_PASSWORD=postgres) is still its
    // login, a warning. A reference deploy's <service>.env passes a local stack's defaults: quiet.
    const own = file.name.startsWith('.env')
    const judged = entries.map((e) => {
      if (findToken(e.value) || isRealSecret(e.key, e.value) || urlCredential(e.value)) return { e, severity: file.role === 'dev' ? 'warning' as const : 'error' as const }
      if (own && (isLoadedConfigSecret(e.key, e.value) || (secretNameKind(e.key) === 'password' && isImageDefaultPassword(e.value)) || urlPassword(e.value))) return { e, severity: 'warning' as const }
      return undefined
    }).filter((x) => x !== undefined)
    for (const { e, severity } of judged.slice(0, 20)) {
      report({
        ...file.position(e.offset),
        severity,
        message: `Committed ${file.name} holds a credential: ${e.key}${judged.length > 1 ? ` (${judged.length} in this file)` : ''}`,
        secret: e.value
      })
    }
  }
}

/** A URL with a literal password, whatever the host. */
function urlPassword(value: string): boolean {
  const m = /:\/\/([^/\s:@]{0,100}):([^@\s/]{1,200})@/.exec(value)
  return m !== null && !isPlaceholder(m[2])
}

/** A URL with a password, unless it is a local stack's default login (postgres://postgres:postgres@db). */
function urlCredential(value: string): boolean {
  const m = /:\/\/([^/\s:@]{0,100}):([^@\s/]{1,200})@([^\s/:?#]{1,255})/.exec(value)
  return m !== null && !isPlaceholder(m[2]) && !isStackDefault(m[1], m[2], m[3])
}
