// GitHub Actions workflow files: triggers, jobs and steps with their lines.
import type { SourceFile } from '../engine/source-file.js'
import { yamlOf, type YamlError } from './yaml.js'
import { entries, get, items, lineOf, str, type YNode } from './yaml-nodes.js'

export interface WorkflowStep {
  job: string
  name?: string
  uses?: string
  run?: string
  /** Line of `run:`'s value (or of the step). */
  line: number
  with: { key: string; value: string; line: number }[]
  env: { key: string; value: string; line: number }[]
}

export interface WorkflowJob {
  id: string
  line: number
  environment?: string
  steps: WorkflowStep[]
}

export interface Workflow {
  triggers: string[]
  jobs: WorkflowJob[]
  errors: YamlError[]
}

export function workflowOf(file: SourceFile): Workflow {
  return file.parse('workflow', (f) => {
    const { docs, errors, lineCounter: lc } = yamlOf(f)
    const doc = docs[0]
    if (!doc || doc.errors.length > 0) return { triggers: [], jobs: [], errors }
    const root = doc.contents as YNode
    const on = get(root, 'on') ?? get(root, 'true') // YAML 1.1 reads a bare `on` as true
    const triggers = str(on) !== undefined ? [str(on)!] : items(on).length ? items(on).map((n) => str(n) ?? '') : entries(on).map(([k]) => k)
    const kv = (node: YNode) => entries(node).map(([key, v]) => ({ key, value: str(v) ?? '', line: lineOf(lc, v) }))
    const jobs: WorkflowJob[] = entries(get(root, 'jobs')).map(([id, job, keyNode]) => {
      const envName = str(get(job, 'environment')) ?? str(get(get(job, 'environment'), 'name'))
      return {
        id,
        line: lineOf(lc, keyNode),
        ...(envName !== undefined ? { environment: envName } : {}),
        steps: items(get(job, 'steps')).map((s) => ({
          job: id,
          ...(str(get(s, 'name')) !== undefined ? { name: str(get(s, 'name')) } : {}),
          ...(str(get(s, 'uses')) !== undefined ? { uses: str(get(s, 'uses')) } : {}),
          ...(str(get(s, 'run')) !== undefined ? { run: str(get(s, 'run')) } : {}),
          line: lineOf(lc, get(s, 'run') ?? s),
          with: kv(get(s, 'with')),
          env: kv(get(s, 'env'))
        }))
      }
    })
    return { triggers, jobs, errors }
  })
}
