// YAML with positions, for every rule that reads compose files, Kubernetes manifests, workflows or
// framework config. Never throws: a half-valid file still yields the documents it could read, and
// the errors are returned beside them. Aliases are never expanded (alias bombs stay cheap).
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml'
import type { SourceFile } from '../engine/source-file.js'

export interface YamlError {
  message: string
  line: number
  column: number
}

export interface YamlParse {
  docs: Document.Parsed[]
  errors: YamlError[]
  lineCounter: LineCounter
}

/** A scalar leaf with the path of keys (and sequence indexes) that leads to it. */
export interface YamlEntry {
  docIndex: number
  path: (string | number)[]
  /** The last string key on the path ('' for a top-level scalar). */
  key: string
  value: string | number | boolean | null
  /** Offset of the value's first character (quote included) in the text. */
  offset: number
  /** Offset of the key, when the leaf is a map value. */
  keyOffset?: number
  quoted: boolean
}

/** Pass to doc.toJS(): aliases expand there, so keep the count low against alias bombs. */
export const TO_JS_OPTIONS = { maxAliasCount: 20 } as const

/**
 * YAML larger than this, with more lines than MAX_YAML_LINES or a line longer than MAX_YAML_LINE
 * is not parsed: real config files are far smaller, and the parser costs 2-5 µs a byte on dense
 * keys (62,000 one-key lines, 500 KB: 2.7 s), so the line cap keeps any file under a second.
 */
export const MAX_YAML_BYTES = 512 * 1024
export const MAX_YAML_LINES = 12_000
const MAX_YAML_LINE = 16 * 1024
/** `[[[[…` over many short lines: 250,000 levels in 500 KB cost 4 s and 370 MB. */
const MAX_FLOW_DEPTH = 200

export function parseYaml(text: string): YamlParse {
  const lineCounter = new LineCounter()
  if (text.length > MAX_YAML_BYTES || hasLongLine(text, MAX_YAML_LINE) || countLines(text, MAX_YAML_LINES) > MAX_YAML_LINES || flowDepthOver(text, MAX_FLOW_DEPTH)) {
    const why = `not parsed: over ${MAX_YAML_BYTES / 1024} KB, ${MAX_YAML_LINES} lines, a line of ${MAX_YAML_LINE / 1024} KB or ${MAX_FLOW_DEPTH} nested brackets`
    return { docs: [], errors: [{ message: why, line: 1, column: 1 }], lineCounter }
  }
  try {
    const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: false })
    const list = Array.isArray(docs) ? docs : []
    const errors: YamlError[] = []
    for (const d of list) {
      for (const e of d.errors) {
        const p = lineCounter.linePos(e.pos[0])
        errors.push({ message: e.message, line: p.line, column: p.col })
      }
    }
    return { docs: list, errors, lineCounter }
  } catch (err) {
    return { docs: [], errors: [{ message: String(err), line: 1, column: 1 }], lineCounter }
  }
}

/** Parsed once per file, shared by every rule that asks. */
export function yamlOf(file: SourceFile): YamlParse {
  return file.parse('yaml', (f) => parseYaml(f.text))
}

/** All scalar leaves of every document, depth-first in document order. */
export function yamlEntries(file: SourceFile): YamlEntry[] {
  return file.parse('yaml-entries', (f) => {
    const out: YamlEntry[] = []
    yamlOf(f).docs.forEach((doc, docIndex) => walk(doc.contents as Node | null, [], docIndex, undefined, out, 0))
    return out
  })
}

function walk(node: Node | null, path: (string | number)[], docIndex: number, keyOffset: number | undefined, out: YamlEntry[], depth: number): void {
  if (!node || depth > 64 || isAlias(node)) return
  if (isScalar(node)) {
    const v = node.value
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && v !== null) return
    const key = [...path].reverse().find((p): p is string => typeof p === 'string') ?? ''
    out.push({
      docIndex, path, key, value: v, offset: node.range?.[0] ?? 0, keyOffset,
      quoted: node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
    })
    return
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const k = pair.key
      const name = isScalar(k) ? String(k.value) : ''
      walk(pair.value as Node | null, [...path, name], docIndex, isScalar(k) ? k.range?.[0] : undefined, out, depth + 1)
    }
    return
  }
  if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node | null, [...path, i], docIndex, undefined, out, depth + 1))
}

/** The top-level mapping of a document as a plain lookup of scalar values (no alias expansion). */
export function topScalar(doc: Document.Parsed, key: string): unknown {
  const c = doc.contents
  if (!isMap(c)) return undefined
  const v = c.get(key, true)
  return isScalar(v) ? v.value : undefined
}

function hasLongLine(text: string, max: number): boolean {
  let start = 0
  while (start < text.length) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    if (end - start > max) return true
    start = end + 1
  }
  return false
}

/** Lines in `text`, counted up to `cap` + 1. */
function countLines(text: string, cap: number): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1 && n <= cap; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Do `[`/`{` nest deeper than `cap` anywhere? Quotes are ignored: a rough, linear upper bound. */
function flowDepthOver(text: string, cap: number): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 91 || c === 123) {
      if (++depth > cap) return true
    } else if ((c === 93 || c === 125) && depth > 0) depth--
  }
  return false
}
