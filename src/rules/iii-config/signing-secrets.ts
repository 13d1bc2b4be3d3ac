// Literal secrets handed to session/token signing APIs, by framework. Shared by TF0305 (which
// reports them whatever their entropy) and TF0303 (which leaves them to TF0305).
import type { SourceFile } from '../../engine/source-file.js'

export interface SigningLiteral {
  offset: number
  value: string
  /** What the secret signs, for the message ("express-session secret"). */
  what: string
  /** The env var the fix should read. */
  env: string
}

const STR = String.raw`(["'])([^"'\n\\]{0,300})\1`
/** [pattern, what it signs, env var, a literal the code must hold before the pattern runs (most start at every word)] */
type SigningPattern = [RegExp, string, string, string]
const JS: SigningPattern[] = [
  [new RegExp(String.raw`\b(?:session|expressSession|cookieSession|koaSession|fastifySession|fastifySecureSession)\s*\(\s*\{[^}]{0,800}?\bsecret\s*:\s*\[?\s*${STR}`, 'g'), 'session secret', 'SESSION_SECRET', 'ession'],
  [new RegExp(String.raw`\b(?:cookieSession|session)\s*\(\s*\{[^}]{0,800}?\bkeys\s*:\s*\[\s*${STR}`, 'g'), 'cookie-session key', 'SESSION_KEYS', 'ession'],
  [new RegExp(String.raw`\bcookieParser\s*\(\s*${STR}`, 'g'), 'cookie-parser secret', 'COOKIE_SECRET', 'cookieParser'],
  [new RegExp(String.raw`\bjwt\.(?:sign|verify)\s*\(\s*(?:[\w.$]{1,80}(?:\([^()]{0,200}\))?|\{[^{}]{0,300}\})\s*,\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET', 'jwt.'],
  [new RegExp(String.raw`\b(?:expressjwt|expressJwt|jwtMiddleware|koaJwt)\s*\(\s*\{[^}]{0,400}?\bsecret\s*:\s*${STR}`, 'g'), 'JWT middleware secret', 'JWT_SECRET', 'wt'],
  [new RegExp(String.raw`\bsecretOrKey\s*:\s*${STR}`, 'g'), 'passport-jwt key', 'JWT_SECRET', 'secretOrKey']
]
const PY: SigningPattern[] = [
  [new RegExp(String.raw`\bapp\.secret_key\s*=\s*[bru]{0,2}${STR}`, 'g'), 'Flask secret_key', 'SECRET_KEY', 'secret_key'],
  [new RegExp(String.raw`\b\w{1,40}\.config\[\s*["'](?:SECRET_KEY|JWT_SECRET_KEY)["']\s*\]\s*=\s*[bru]{0,2}${STR}`, 'g'), 'Flask SECRET_KEY', 'SECRET_KEY', '.config['],
  [new RegExp(String.raw`\b\w{1,40}\.config\.update\s*\([^)]{0,400}?\b(?:SECRET_KEY|JWT_SECRET_KEY)\s*=\s*[bru]{0,2}${STR}`, 'g'), 'Flask SECRET_KEY', 'SECRET_KEY', '.config.update'],
  [new RegExp(String.raw`^SECRET_KEY\s*=\s*[bru]{0,2}${STR}`, 'gm'), 'Django SECRET_KEY', 'SECRET_KEY', 'SECRET_KEY'],
  // Flask config objects: class Config: SECRET_KEY = '...'
  [new RegExp(String.raw`^[ \t]+(?:SECRET_KEY|JWT_SECRET_KEY)\s*=\s*[bru]{0,2}${STR}`, 'gm'), 'Flask config SECRET_KEY', 'SECRET_KEY', 'SECRET_KEY'],
  [new RegExp(String.raw`\bjwt\.(?:encode|decode)\s*\(\s*(?:[\w.]{1,80}|\{[^{}]{0,300}\})\s*,\s*[bru]{0,2}${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET', 'jwt.']
]
const RB: SigningPattern[] = [
  [new RegExp(String.raw`\bsecret_key_base\s*(?:=|:|=>)\s*${STR}`, 'g'), 'Rails secret_key_base', 'SECRET_KEY_BASE', 'secret_key_base'],
  [new RegExp(String.raw`\bJWT\.(?:encode|decode)\s*\(\s*(?:[\w.@]{1,80}|\{[^{}]{0,300}\})\s*,\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET', 'JWT.']
]
const JAVA: SigningPattern[] = [
  [new RegExp(String.raw`\bAlgorithm\.HMAC(?:256|384|512)\s*\(\s*${STR}`, 'g'), 'JWT HMAC key', 'JWT_SECRET', 'HMAC'],
  [new RegExp(String.raw`\.signWith\s*\([^;]{0,120}?,\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET', '.signWith'],
  [new RegExp(String.raw`\bhmacShaKeyFor\s*\(\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET', 'hmacShaKeyFor']
]
const GO: SigningPattern[] = [
  [new RegExp(String.raw`\bSignedString\s*\(\s*\[\]byte\s*\(\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET', 'SignedString'],
  [new RegExp(String.raw`\b(?:NewCookieStore|NewStore|NewFilesystemStore)\s*\(\s*(?:[\w"/]{0,40},\s*)?\[\]byte\s*\(\s*${STR}`, 'g'), 'session store key', 'SESSION_SECRET', 'Store'],
  [new RegExp(String.raw`\b(?:jwt|signing|hmac|session|secret)\w{0,20}\s*(?:=|:=)\s*\[\]byte\s*\(\s*${STR}`, 'gi'), 'signing key', 'JWT_SECRET', '[]byte']
]
/**
 * A signing call given a named constant instead of a literal (`SignedString([]byte(JWTSecret))`,
 * `Algorithm.HMAC256(SECRET)`): the literal is where the constant is declared in the same file.
 */
const BY_CONST: Record<string, RegExp[]> = {
  go: [/\bSignedString\s*\(\s*\[\]byte\s*\(\s*([A-Za-z_]\w{0,60})\s*\)/g, /\b(?:NewCookieStore|NewStore)\s*\(\s*(?:[\w"/]{0,40},\s*)?\[\]byte\s*\(\s*([A-Za-z_]\w{0,60})\s*\)/g],
  java: [/\bAlgorithm\.HMAC(?:256|384|512)\s*\(\s*([A-Za-z_]\w{0,60})\s*[,)]/g, /\bhmacShaKeyFor\s*\(\s*([A-Za-z_]\w{0,60})\.getBytes/g, /\.signWith\s*\([^;]{0,120}?,\s*([A-Za-z_]\w{0,60})\s*\)/g],
  kotlin: [/\bAlgorithm\.HMAC(?:256|384|512)\s*\(\s*([A-Za-z_]\w{0,60})\s*[,)]/g, /\bhmacShaKeyFor\s*\(\s*([A-Za-z_]\w{0,60})\.toByteArray/g]
}
const CONST_DECL: Record<string, (name: string) => RegExp> = {
  go: (n) => new RegExp(String.raw`^\s*(?:(?:const|var)\s+)?${n}\s*(?:string\s*)?=\s*${STR}`, 'm'),
  java: (n) => new RegExp(String.raw`\bString\s+${n}\s*=\s*${STR}`),
  kotlin: (n) => new RegExp(String.raw`\b(?:val|var)\s+${n}\s*(?::\s*String\s*)?=\s*${STR}`)
}

function constantKeys(code: string, language: string): SigningLiteral[] {
  const out: SigningLiteral[] = []
  const decl = CONST_DECL[language]
  for (const re of BY_CONST[language] ?? []) {
    re.lastIndex = 0
    for (let m = re.exec(code); m; m = re.exec(code)) {
      const d = decl(m[1]).exec(code)
      if (!d) continue
      const value = d[d.length - 1]
      out.push({ offset: d.index + d[0].length - value.length - 1, value, what: `signing key (constant ${m[1]})`, env: 'JWT_SECRET' })
    }
  }
  return out
}

const BY_LANG: Record<string, SigningPattern[]> = { javascript: JS, typescript: JS, python: PY, ruby: RB, java: JAVA, kotlin: JAVA, go: GO }

export function signingLiterals(file: SourceFile): SigningLiteral[] {
  return file.parse('iii-signing-literals', (f) => {
    const table = BY_LANG[f.language]
    if (!table) return []
    const out: SigningLiteral[] = []
    const code = f.code
    for (const [re, what, env, needs] of table) {
      if (!code.includes(needs)) continue
      // Django's SECRET_KEY only in settings modules
      if (what === 'Django SECRET_KEY' && !/settings/i.test(f.path) && !code.includes('INSTALLED_APPS')) continue
      if (what === 'Flask config SECRET_KEY' && !/^class\s+\w*Config\b/m.test(code)) continue
      re.lastIndex = 0
      for (let m = re.exec(code); m; m = re.exec(code)) {
        const value = m[m.length - 1]
        out.push({ offset: m.index + m[0].length - value.length - 1, value, what, env })
      }
    }
    for (const c of constantKeys(code, f.language)) if (!out.some((o) => o.offset === c.offset)) out.push(c)
    return out
  })
}
