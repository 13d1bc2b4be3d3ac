// Small typed accessors over `yaml` nodes with line numbers, shared by the compose, Kubernetes and
// workflow parsers. Aliases are not followed (alias bombs stay cheap).
import { isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from 'yaml'

export type YNode = Node | null | undefined

export function get(node: YNode, key: string): YNode {
  if (!isMap(node)) return undefined
  for (const pair of node.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.value as YNode
  }
  return undefined
}

export function getIn(node: YNode, path: string[]): YNode {
  let n = node
  for (const k of path) n = get(n, k)
  return n
}

export function str(node: YNode): string | undefined {
  if (!isScalar(node)) return undefined
  const v = node.value
  return v === null || v === undefined ? undefined : String(v)
}

export function num(node: YNode): number | undefined {
  const s = str(node)
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined
}

export function items(node: YNode): YNode[] {
  return isSeq(node) ? (node.items as YNode[]) : []
}

export function entries(node: YNode): [string, YNode, YNode][] {
  if (!isMap(node)) return []
  return (node as YAMLMap).items.map((p) => [isScalar(p.key) ? String(p.key.value) : '', p.value as YNode, p.key as YNode])
}

/** A string list written either as a YAML sequence or as one string (compose `command`). */
export function strList(node: YNode): string[] | undefined {
  if (isSeq(node)) return items(node).map((n) => str(n) ?? '')
  const s = str(node)
  return s === undefined ? undefined : [s]
}

export function lineOf(lc: LineCounter, node: YNode, fallback = 1): number {
  const offset = node?.range?.[0]
  return offset === undefined ? fallback : lc.linePos(offset).line
}

export function columnOf(lc: LineCounter, node: YNode): number | undefined {
  const offset = node?.range?.[0]
  return offset === undefined ? undefined : lc.linePos(offset).col
}
