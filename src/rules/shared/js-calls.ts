// Tiny helpers shared by the Factor VI and VIII rules: balanced call arguments and import names in JS/TS, without
// a parser. Linear scans with hard caps; comments are already blanked in file.code.

/** Text between the parenthesis (or brace) at `open` and its match, or undefined past `max` chars. */
export function balanced(code: string, open: number, max = 4000): string | undefined {
  const opener = code[open]
  const closer = opener === '(' ? ')' : opener === '{' ? '}' : opener === '[' ? ']' : ''
  if (!closer) return undefined
  let depth = 0
  const end = Math.min(code.length, open + max)
  for (let i = open; i < end; i++) {
    const c = code[i]
    if (c === '"' || c === "'" || c === '`') {
      const close = code.indexOf(c, i + 1)
      if (close === -1 || close > end) return undefined
      i = close
      continue
    }
    if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') {
      depth--
      if (depth === 0) return c === closer ? code.slice(open + 1, i) : undefined
    }
  }
  return undefined
}

/** Local names a JS/TS module is imported under: `const session = require('express-session')`, `import session from "express-session"`. */
export function importNames(code: string, module: string): string[] {
  const names: string[] = []
  const mod = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const req = new RegExp(`(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*require\\(\\s*["'\`]${mod}["'\`]\\s*\\)`, 'g')
  const imp = new RegExp(`import\\s+(?:\\*\\s+as\\s+)?([A-Za-z_$][\\w$]*)\\s*(?:,\\s*\\{[^}]*\\})?\\s*from\\s*["']${mod}["']`, 'g')
  for (const m of code.matchAll(req)) names.push(m[1])
  for (const m of code.matchAll(imp)) names.push(m[1])
  return names
}

/** The object literal a JS identifier is initialised with in this file, if any. */
export function objectLiteralOf(code: string, id: string): string | undefined {
  const re = new RegExp(`(?:const|let|var)\\s+${id.replace(/\$/g, '\\$')}\\s*(?::[^=]{1,80})?=\\s*\\{`)
  const m = re.exec(code)
  if (!m) return undefined
  return balanced(code, m.index + m[0].length - 1)
}

/** Splits call arguments at top-level commas (strings and nested brackets kept whole). */
export function splitArgs(args: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < args.length; i++) {
    const c = args[i]
    if (c === '"' || c === "'" || c === '`') {
      const close = args.indexOf(c, i + 1)
      if (close === -1) break
      i = close
    } else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    else if (c === ',' && depth === 0) {
      out.push(args.slice(start, i))
      start = i + 1
    }
  }
  out.push(args.slice(start))
  return out
}
