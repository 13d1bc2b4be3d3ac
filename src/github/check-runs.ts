// Creates check runs from plans (report/check-run.ts): the first 50 annotations go with the
// create request, the rest in update requests of at most 50 each (the API appends them).
import { batches, type CheckRunPlan } from '../report/check-run.js'
import type { Octokit } from './octokit.js'

export interface RepoRef {
  owner: string
  repo: string
}

export async function createCheckRun(octokit: Octokit, ref: RepoRef, headSha: string, plan: CheckRunPlan, detailsUrl?: string): Promise<number> {
  const chunks = batches(plan.annotations)
  const output = (annotations: CheckRunPlan['annotations']) => ({ title: plan.title, summary: plan.summary, annotations })
  const { data } = await octokit.rest.checks.create({
    ...ref,
    name: plan.name,
    head_sha: headSha,
    status: 'completed',
    conclusion: plan.conclusion,
    ...(detailsUrl ? { details_url: detailsUrl } : {}),
    output: output(chunks[0] ?? [])
  })
  // A 2xx that is not a check run (a proxy's JSON, an API that is not GitHub's): say so, never
  // report "undefined" as the check run id.
  if (typeof data?.id !== 'number') throw Object.assign(new Error('POST /repos/{owner}/{repo}/check-runs answered without a check run id; GITHUB_API_URL must be the GitHub REST API'), { status: 200 })
  for (const chunk of chunks.slice(1)) {
    await octokit.rest.checks.update({ ...ref, check_run_id: data.id, output: output(chunk) })
  }
  return data.id
}
