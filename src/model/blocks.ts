// The deploy model's answer for a block of code: does this line only run outside production (a
// development or test branch, the non-production side of a production check, a per-environment
// config section or class)? One answer for every rule: before the model, three detectors
// disagreed on `if (NODE_ENV !== 'production') { ... }`.
import type { SourceFile } from '../engine/source-file.js'

const MAX_LINE = 4000

const DEV_WORD = /\b(development|dev|test|testing|local|DEBUG|isDev|isDevelopment|__DEV__|isTest)\b/
const DEV_SECTION_KEY = /^\s*['"]?(development|dev|test|testing|local)['"]?\s*[:=]\s*[{(]/
/** `if not DEBUG:`, `if (!isDev)`, `NODE_ENV !== 'development'`: the production side of the flag. */
const NEGATED_DEV = /\bnot\s+[\w.]{0,40}(DEBUG|dev|development)\b|!\s*[\w.]{0,40}(isDev|isDevelopment|DEBUG|__DEV__)\b|!==?\s*['"](development|dev|test|local)['"]|\bunless\s+[\w.]{0,40}(development|dev|DEBUG)/i
const BLOCK_HEADER = /^\s*(\}\s*)?(if|elif|else\s+if|when|unless|case|configure)\b|\bif\s*\(/
/** `class DevelopmentConfig(Config):`, `class TestSettings`: a per-environment config class for dev or tests (Flask, pydantic). */
const DEV_CLASS = /^\s*class\s+(Dev|Development|Test|Testing|Local)(Config|Settings|Configuration)?\b|^\s*class\s+\w{0,40}(Dev|Development|Test|Testing|Local)(Config|Settings|Configuration)\b/

/** A dev/test flag's own block, a ternary on it, or a per-environment section (`development: {...}`) or class. */
function inDevFlagBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? ''
  if (/\b(development|isDev|isDevelopment|__DEV__|DEBUG)\b[^?\n]{0,80}\?/.test(line)) return true
  // `development: { db: { host: 'localhost' } }` on one line: the line opens the dev section itself.
  if (DEV_SECTION_KEY.test(line) && !/\b(production|prod|staging)['"]?\s*[:=]/.test(line)) return true
  let indent = line.search(/\S/)
  for (let j = i - 1; j >= Math.max(0, i - 40); j--) {
    const prev = lines[j]
    if (prev.length > MAX_LINE || prev.trim() === '') continue
    const pIndent = prev.search(/\S/)
    if (pIndent >= indent) continue
    if (DEV_CLASS.test(prev)) return true
    // `development: { db: {...} }`: a per-environment object of which this is the dev/test part.
    if (DEV_SECTION_KEY.test(prev)) return true
    if (/^\s*['"]?[\w-]{1,60}['"]?\s*[:=]\s*[{([]\s*$/.test(prev)) {
      indent = pIndent // an intermediate object key (db: {): keep climbing
      continue
    }
    if (!BLOCK_HEADER.test(prev) || !DEV_WORD.test(prev) || NEGATED_DEV.test(prev)) return false
    return !/\bprod(uction)?\b/.test(prev.replace(/!==?\s*['"]prod(uction)?['"]/, ' dev '))
  }
  return false
}

/** The production side negated: `NODE_ENV !== 'production'`, `unless Rails.env.production?`, `if not IS_PRODUCTION`. */
const NOT_PRODUCTION =
  /!==?\s*['"]prod(uction)?['"]|['"]prod(uction)?['"]\s*!==?|\bunless\s+[\w.]{0,60}production\?|\bif\s+not\s+[\w.]{0,40}(IS_PROD|IS_PRODUCTION|is_production|is_prod)\b|!\s*[\w.]{0,40}(isProd|isProduction|IS_PRODUCTION)\b|\bnot\s+[\w.]{0,40}\.(is_production|production\?)/
const DEV_HEADER_WORD = /\b(development|dev|testing|local|DEBUG|isDev|isDevelopment|__DEV__|isTest)\b|(?<![.\w])test\b(?!\s*\()/
const NEGATED_DEV_WORD = /!\s*[\w.]{0,40}\b(isDev|isDevelopment|DEBUG|__DEV__|isTest)\b|\bnot\s+[\w.[\]'"]{0,40}DEBUG\b|!==?\s*['"](development|dev|test|local)['"]|\bunless\s+[\w.]{0,40}(development|test)\?/
const IF_HEADER = /^\s*(\}\s*)?(if|elif|else\s+if|unless)\b|\bif\s*\(|\bunless\s/

/** A one-line conditional on such a flag, or the innermost enclosing `if` (12 lines up) on it. */
function inNonProductionIf(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? ''
  // One line: `if (NODE_ENV !== 'production') logger.add(...)`, `x.sync if Rails.env.test?`.
  if ((IF_HEADER.test(line) || /\s(if|unless)\s+\S/.test(line)) && !/\belse\b/.test(line)) {
    if (NOT_PRODUCTION.test(line) && !/(?<!!)===?\s*['"]prod(uction)?['"]/.test(line)) return true
    if (/\b(if|unless)\b/.test(line) && DEV_HEADER_WORD.test(line) && !/\bprod(uction)?\b/.test(line) && !/\bunless\b/.test(line) && !NEGATED_DEV_WORD.test(line)) return true
  }
  let indent = line.search(/\S/)
  for (let j = i - 1; j >= Math.max(0, i - 12); j--) {
    const prev = lines[j]
    if (prev.length > MAX_LINE || prev.trim() === '') continue
    const pIndent = prev.search(/\S/)
    if (pIndent >= indent) continue
    if (!IF_HEADER.test(prev)) {
      indent = pIndent // an enclosing object, call or block: keep climbing
      continue
    }
    if (/(?<!!)===?\s*['"]prod(uction)?['"]|&&|\band\b/.test(prev)) return false
    return NOT_PRODUCTION.test(prev) || (DEV_HEADER_WORD.test(prev) && !NEGATED_DEV_WORD.test(prev) && !/\bprod(uction)?\b|\bunless\b/.test(prev))
  }
  return false
}

/** A header whose block runs only outside production: `unless Rails.env.production?`, `if (NODE_ENV !== 'production')`. */
const NOT_PRODUCTION_HEADER = /^\s*(\}\s*)?(unless\s+[\w.:]{0,40}production\?|(if|elsif|elif)\b.{0,40}(!\s*[\w.:]{0,40}(production\?|isProduction|isProd)\b|!==?\s*['"]prod(uction)?['"]|\bnot\s+[\w.]{0,40}(is_)?prod(uction)?\b))/i
const DEV_HEADER = /^\s*(configure\s+:(development|test)\b|(if|elsif|unless)\s+Rails\.env\.(development|test|local)\?\s*$)/
const DEV_MODIFIER = /\b(if\s+Rails\.env\.(development|test)\?|unless\s+Rails\.env\.production\?)\s*$/

/** Ruby's `configure :development do`, `if Rails.env.test?` and `stmt if Rails.env.development?`, any enclosing block up to 30 lines up. */
function inNonProductionBlockChain(lines: readonly string[], i: number): boolean {
  if (DEV_MODIFIER.test(lines[i] ?? '')) return true
  let indent = (lines[i] ?? '').search(/\S/)
  for (let j = i - 1; j >= Math.max(0, i - 30); j--) {
    const prev = lines[j]
    if (prev.trim() === '' || prev.length > MAX_LINE) continue
    const pIndent = prev.search(/\S/)
    if (pIndent >= indent) continue
    // Each enclosing block, innermost first; an `else` ends the climb (its condition is the opposite).
    if (NOT_PRODUCTION_HEADER.test(prev) || DEV_HEADER.test(prev)) return true
    if (pIndent === 0 || /^\s*(\}\s*)?(else|elsif|elif|when)\b/.test(prev)) return false
    indent = pIndent
  }
  return false
}

/**
 * Does line `i` (0-based) of `lines` run only outside production? True inside a dev or test
 * branch (`if (NODE_ENV === 'development')`, `if settings.DEBUG:`, `configure :development do`),
 * the non-production side of a production check (`if (NODE_ENV !== 'production')`,
 * `unless Rails.env.production?`), a one-line conditional on such a flag, a ternary on a dev flag,
 * or a per-environment section or class for development or tests (`development: {...}`,
 * `class TestConfig`). Pass comment-blanked lines when comments must not count.
 */
export function inNonProductionBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? ''
  if (line.length > MAX_LINE) return false
  return inNonProductionIf(lines, i) || inDevFlagBlock(lines, i) || inNonProductionBlockChain(lines, i)
}

/** inNonProductionBlock at a character offset of a file (its raw lines). */
export function inNonProductionCode(file: SourceFile, offset: number): boolean {
  return inNonProductionBlock(file.lines, file.position(offset).line - 1)
}
