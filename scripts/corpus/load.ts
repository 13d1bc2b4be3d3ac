// Reads and validates corpus/repos.tsv, labels/<name>.yml and triage/<name>.tsv. Every problem is
// collected with its file and row so one run shows them all; errors stop the run, warnings do not.
import { parse } from 'yaml'
import { FACTORS, type Factor } from '../../src/engine/types.js'
import { CORPUS_LANGUAGES, type Label, type LabelFile, type RepoLevel, type RepoRow, type TriageRow, type Verdict } from './types.js'

export interface Problems {
  errors: string[]
  warnings: string[]
}

export const newProblems = (): Problems => ({ errors: [], warnings: [] })

const REPOS_HEADER = ['name', 'repo', 'commit', 'languages', 'files', 'description']
const TRIAGE_HEADER = ['rule', 'file', 'line', 'verdict', 'reason']
const VERDICTS: readonly Verdict[] = ['tp', 'fp', 'debatable', '?']
export const isCommit = (s: unknown): boolean => typeof s === 'string' && /^[0-9a-f]{40}$/.test(s)
const isFactor = (s: unknown): s is Factor => typeof s === 'string' && (FACTORS as readonly string[]).includes(s)
const isPositiveInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0
const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== ''

/** Non-empty lines split on tabs, with their 1-based line numbers; the header checked first. */
function tsvRows(text: string, source: string, header: string[], p: Problems): { n: number; cells: string[] }[] {
  const lines = text.split(/\r?\n/).map((line, i) => ({ n: i + 1, line })).filter((l) => l.line.trim() !== '')
  if (lines.length === 0) return []
  const first = lines[0].line.split('\t').map((c) => c.trim())
  if (first.join('\t') !== header.join('\t')) {
    p.errors.push(`${source}:1: the header must be '${header.join('<TAB>')}' (tab-separated), found '${lines[0].line}'`)
    return []
  }
  return lines.slice(1).map((l) => ({ n: l.n, cells: l.line.split('\t') }))
}

export function parseRepos(text: string, source: string, p: Problems): RepoRow[] {
  const rows: RepoRow[] = []
  const names = new Set<string>()
  for (const { n, cells } of tsvRows(text, source, REPOS_HEADER, p)) {
    const at = `${source}:${n}`
    if (cells.length !== REPOS_HEADER.length || cells.some((c) => c.trim() === '')) {
      p.errors.push(`${at}: expected ${REPOS_HEADER.length} non-empty tab-separated fields (${REPOS_HEADER.join(', ')}), found ${cells.filter((c) => c.trim()).length}`)
      continue
    }
    const [name, repo, commit, languages, files, description] = cells.map((c) => c.trim())
    const row: RepoRow = { name, repo, commit, languages: languages.split(',').map((l) => l.trim()), files: Number(files), description }
    checkRepoRow(row, files, at, p)
    if (names.has(name)) p.errors.push(`${at}: duplicate name '${name}'`)
    names.add(name)
    rows.push(row)
  }
  return rows
}

function checkRepoRow(row: RepoRow, files: string, at: string, p: Problems): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(row.name)) p.errors.push(`${at}: name '${row.name}' must be a folder name (letters, digits, . _ -)`)
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(row.repo)) p.errors.push(`${at}: repo '${row.repo}' must be owner/name`)
  if (!isCommit(row.commit)) p.errors.push(`${at}: commit '${row.commit}' must be a full 40-hex SHA (lower case)`)
  const bad = row.languages.filter((l) => !(CORPUS_LANGUAGES as readonly string[]).includes(l))
  if (bad.length) p.errors.push(`${at}: unknown language(s) ${bad.join(', ')}; use ${CORPUS_LANGUAGES.join(', ')}`)
  if (!/^\d+$/.test(files)) p.errors.push(`${at}: files '${files}' must be a whole number`)
}

const LABEL_KEYS = ['factor', 'file', 'line', 'evidence', 'why', 'also_accept']

function parseLabel(raw: unknown, at: string, p: Problems): Label | undefined {
  if (typeof raw !== 'object' || raw === null) {
    p.errors.push(`${at}: expected a mapping with factor, file, line, evidence, why`)
    return undefined
  }
  const l = raw as Record<string, unknown>
  const before = p.errors.length
  if (!isFactor(l.factor)) p.errors.push(`${at}: factor ${JSON.stringify(l.factor)} is not one of ${FACTORS.join(' ')}`)
  if (!isText(l.file)) p.errors.push(`${at}: file is missing`)
  if (!isPositiveInt(l.line)) p.errors.push(`${at}: line ${JSON.stringify(l.line)} is not a positive whole number`)
  if (!isText(l.evidence)) p.errors.push(`${at}: evidence is missing`)
  if (!isText(l.why)) p.errors.push(`${at}: why is missing`)
  const also = l.also_accept ?? []
  if (!Array.isArray(also) || !also.every(isFactor)) p.errors.push(`${at}: also_accept must be a list of factors (I … XII), found ${JSON.stringify(l.also_accept)}`)
  const unknown = Object.keys(l).filter((k) => !LABEL_KEYS.includes(k))
  if (unknown.length) p.warnings.push(`${at}: unknown key(s) ${unknown.join(', ')}`)
  return p.errors.length === before ? (l as unknown as Label) : undefined
}

function parseRepoLevel(raw: unknown, at: string, p: Problems): RepoLevel | undefined {
  const r = (raw ?? {}) as Record<string, unknown>
  const before = p.errors.length
  if (!isFactor(r.factor)) p.errors.push(`${at}: factor ${JSON.stringify(r.factor)} is not one of ${FACTORS.join(' ')}`)
  if (r.expect !== 'violation' && r.expect !== 'ok') p.errors.push(`${at}: expect must be violation or ok, found ${JSON.stringify(r.expect)}`)
  if (!isText(r.why)) p.errors.push(`${at}: why is missing`)
  return p.errors.length === before ? (r as unknown as RepoLevel) : undefined
}

function labelList<T>(doc: Record<string, unknown>, key: string, source: string, p: Problems, each: (raw: unknown, at: string, p: Problems) => T | undefined): T[] {
  const list = doc[key]
  if (list === undefined || list === null) {
    p.errors.push(`${source}: ${key} is missing (write '${key}: []' when there is none)`)
    return []
  }
  if (!Array.isArray(list)) {
    p.errors.push(`${source}: ${key} must be a list`)
    return []
  }
  return list.map((raw, i) => each(raw, `${source}: ${key}[${i}]`, p)).filter((x): x is T => x !== undefined)
}

export function parseLabels(text: string, source: string, p: Problems): LabelFile | undefined {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (e) {
    p.errors.push(`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`)
    return undefined
  }
  if (typeof doc !== 'object' || doc === null) {
    p.errors.push(`${source}: expected a mapping with repo, commit, must_find, must_not_find, repo_level`)
    return undefined
  }
  const d = doc as Record<string, unknown>
  if (!isText(d.repo)) p.errors.push(`${source}: repo is missing`)
  if (!isCommit(d.commit)) p.errors.push(`${source}: commit ${JSON.stringify(d.commit)} must be a full 40-hex SHA`)
  return {
    repo: String(d.repo),
    commit: String(d.commit),
    must_find: labelList(d, 'must_find', source, p, parseLabel),
    must_not_find: labelList(d, 'must_not_find', source, p, parseLabel),
    repo_level: d.repo_level === undefined ? [] : labelList(d, 'repo_level', source, p, parseRepoLevel)
  }
}

export function parseTriage(text: string, source: string, p: Problems): TriageRow[] {
  const rows: TriageRow[] = []
  const seen = new Map<string, Verdict>()
  for (const { n, cells } of tsvRows(text, source, TRIAGE_HEADER, p)) {
    const row = parseTriageRow(cells, `${source}:${n}`, p)
    if (!row) continue
    const key = `${row.rule} ${row.file}:${row.line}`
    const earlier = seen.get(key)
    if (earlier && earlier !== row.verdict) p.warnings.push(`${source}:${n}: ${key} was judged '${earlier}' on an earlier row and '${row.verdict}' here; the first counts`)
    seen.set(key, earlier ?? row.verdict)
    rows.push(row)
  }
  return rows
}

function parseTriageRow(cells: string[], at: string, p: Problems): TriageRow | undefined {
  const [rule, file, line, verdict, reason = ''] = cells.map((c) => c.trim())
  const before = p.errors.length
  if (cells.length < 4 || cells.length > 5) p.errors.push(`${at}: expected 5 tab-separated fields (rule, file, line, verdict, reason), found ${cells.length}`)
  else {
    if (!/^TF\d{4}$/.test(rule)) p.errors.push(`${at}: rule '${rule}' is not a rule id (TF0301)`)
    if (!isText(file)) p.errors.push(`${at}: file is missing`)
    if (!/^[1-9]\d*$/.test(line)) p.errors.push(`${at}: line '${line}' is not a positive whole number`)
    if (!(VERDICTS as readonly string[]).includes(verdict)) p.errors.push(`${at}: verdict '${verdict}' must be tp, fp or debatable`)
  }
  if (p.errors.length !== before) return undefined
  if (verdict === '?') p.warnings.push(`${at}: ${rule} ${file}:${line} is not judged yet (verdict ?); counted as untriaged`)
  else if (!isText(reason)) p.warnings.push(`${at}: ${rule} ${file}:${line} has no reason`)
  return { rule, file, line: Number(line), verdict: verdict as Verdict, reason }
}
