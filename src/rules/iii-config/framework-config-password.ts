// TF0310: literal passwords and secrets in framework config files: Spring application*.properties /
// application*.yml, Rails config/database.yml and config/secrets.yml. Literal hosts and ports are fine
// there (Spring lets env vars override any property); literal credentials are not. Development and
// test profiles/sections are local config and stay quiet.
import type { Rule } from '../../engine/rule.js'
import { redact } from '../../engine/redact.js'
import { configEntries, type ConfigEntry } from '../shared/config-entries.js'
import { isPlaceholder, isTemplateSlot } from '../shared/placeholders.js'
import { harmfulFallback } from './fallback-secret-literal.js'
import { envName, findToken, isStackDefault, secretNameKind } from './secret-patterns.js'

/** Ktor/HOCON-style substitution in YAML: "$DB_PASSWORD:" (empty default) or "$ADMIN_SECRET:fallback". */
const KTOR_SUBST = /^\$([A-Za-z_]\w{0,80}):(.*)$/
const PROD = /^(prod|production|live|release)$/i

const SPRING = /(^|\/)(application|bootstrap)([-.][^/]*)?\.(ya?ml|properties)$/
const RAILS = /(^|\/)config\/(database|secrets)\.yml$/
const DEV = /^(dev|development|local|test|tests|testing|ci|h2)$/i

export const frameworkConfigPassword: Rule = {
  meta: {
    id: 'TF0310',
    name: 'framework-config-password',
    factor: 'III',
    severity: 'error',
    summary: 'A literal password or secret in Spring application properties/YAML or Rails database.yml/secrets.yml.',
    why:
      'Framework config files are committed with the code; the credentials a deploy uses are config that must come ' +
      'from the deploy. Spring and Rails both read environment variables for exactly this.',
    remediation: 'Reference an environment variable: ${DB_PASSWORD} in Spring, <%= ENV.fetch("DB_PASSWORD") %> in Rails YAML.',
    languages: ['java', 'kotlin', 'ruby']
  },
  files: { kinds: ['yaml', 'properties'], path: /(^|\/)((application|bootstrap)[^/]*\.(ya?ml|properties)|config\/(database|secrets)\.yml)$/ },
  keywords: ['pass', 'secret', 'key', 'token', 'credential'],
  check(file, report) {
    const spring = SPRING.test(file.path)
    if (!spring && !RAILS.test(file.path)) return
    const profile = /application-([\w]+)\./.exec(file.name)?.[1]
    if (profile && DEV.test(profile)) return
    const entries = configEntries(file)
    const devDocs = new Set(entries.filter((e) => /(^|\.)(on-profile|profiles)$/.test(e.key) && DEV.test(e.value)).map((e) => e.section))
    // A password beside a localhost datasource URL is a local default: a warning, not an error.
    const parent = (e: ConfigEntry): string => `${e.section}|${e.key.slice(0, Math.max(0, e.key.lastIndexOf('.')))}`
    const localParents = new Set(entries.filter((e) => /(^|\.)url$/.test(e.key) && /localhost|127\.0\.0\.1/.test(e.value)).map(parent))
    // Sibling values by parent: user name and host, to recognise a local stack's default login.
    const sibling = (e: ConfigEntry, leaf: RegExp): string | undefined => entries.find((x) => parent(x) === parent(e) && leaf.test(x.leaf))?.value
    const prodProfile = profile !== undefined && PROD.test(profile)
    for (const e of entries) {
      const local = spring && localParents.has(parent(e))
      // production config: `changeme`/`admin` is not a placeholder there, it is what the deploy logs in with
      const prod = spring ? prodProfile : /^prod(uction)?$/i.test(e.key.split('.')[0])
      if (!secretNameKind(e.leaf) || (prod ? isTemplateSlot(e.value) : isPlaceholder(e.value)) || findToken(e.value) || /<%|\$\{/.test(e.value)) continue
      if (spring ? devDocs.has(e.section) : DEV.test(e.key.split('.')[0])) continue
      const ktor = KTOR_SUBST.exec(e.value)
      if (ktor) {
        // read from the environment; only a fallback that works as a secret is worth a word (a warning: TF0306's judgement)
        if (harmfulFallback(e.leaf, ktor[2], false, () => prodProfile)) {
          report({
            ...file.position(e.offset),
            severity: 'warning',
            message: `${e.key} falls back to the literal ${redact(ktor[2])} when ${ktor[1]} is unset`,
            remediation: `Drop the fallback ("$${ktor[1]}" without ":default") so startup fails when ${ktor[1]} is unset; rotate the committed value.`,
            secret: ktor[2]
          })
        }
        continue
      }
      const url = sibling(e, /^url$/)
      const host = url ? /\/\/(?:[^@/\s]*@)?([^:/?#\s]+)/.exec(url)?.[1] : sibling(e, /^(host|hostname|addresses)$/)
      // a production profile gets no local-stack excuse: guest/guest on `rabbit` is the deploy's login there
      if (host && !prodProfile && isStackDefault(sibling(e, /^(username|user)$/) ?? '', e.value, host)) continue // postgres/postgres at db:5432
      report({
        ...file.position(e.offset),
        severity: local ? 'warning' : 'error',
        message: `${e.key} is the literal ${e.value.length >= 8 ? redact(e.value) : `'${'*'.repeat(4)}'`}${local ? ' (local database default)' : ''}`,
        remediation: fix(spring, e),
        secret: e.value
      })
    }
  }
}

function fix(spring: boolean, e: ConfigEntry): string {
  const name = spring ? envName(e.key) : envName(e.leaf)
  return spring
    ? `Use \${${name}} (or drop the property: Spring binds the ${name} environment variable to ${e.key} by itself) and set it per deploy; rotate the committed value.`
    : `Use <%= ENV.fetch("${name}") %> (or DATABASE_URL / Rails credentials) and set it per deploy; rotate the committed value.`
}
