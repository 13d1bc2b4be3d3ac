// The committed bundle against a fake GitHub API, as the runner runs it: INPUT_* variables with
// hyphens kept, a pull_request event file, GITHUB_API_URL pointing at 127.0.0.1. The assertions
// hold whatever the rule set finds; the last test needs the Factor III rules and runs once they
// are registered.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { RULES } from '../../src/rules/registry.js'
import { AWS_KEY, fakeGitHubPerTest, FakeGitHub, pullRequestEvent, SHOP_APP } from '../helpers/fake-github.js'
import { runActionAsync } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'
import { tempDir } from '../helpers/temp.js'

const start = fakeGitHubPerTest()

function prEnv(api: FakeGitHub, event: object = pullRequestEvent()): Record<string, string> {
  const dir = tempDir('tfa-event-')
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event))
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_API_URL: api.url, GITHUB_RUN_ID: '42' }
}

const TOKEN = { 'github-token': 'ghs_fake' }

describe('committed dist/ against a fake GitHub API', () => {
  it('comment: true creates one comment, and the next run updates it in place (PATCH, no second POST)', async () => {
    const api = await start()
    const ws = makeTree(SHOP_APP)
    const first = await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api))
    expect(first.stderr).toBe('')
    expect(first.outputs['comment-url']).toMatch(/^https:\/\/github\.com\/acme\/shop\/pull\/7#issuecomment-\d+$/)
    const second = await runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api))
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    const commentWrites = api.writes().filter((w) => w.path.includes('/comments'))
    expect(commentWrites.map((w) => w.method)).toEqual(['POST', 'PATCH'])
    expect(commentWrites[0].path).toBe('/repos/acme/shop/issues/7/comments')
    expect(api.comments).toHaveLength(1)
    expect(api.comments[0].body.startsWith('<!-- twelve-factor-audit -->')).toBe(true)
    expect(api.comments[0].body).toContain('<!-- twelve-factor-audit:counts {')
    expect(api.comments[0].body).not.toContain(AWS_KEY)
  })

  it('two runs racing leave exactly one comment', async () => {
    const api = await start()
    const ws = makeTree(SHOP_APP)
    await Promise.all([runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api)), runActionAsync(ws, { ...TOKEN, comment: 'true' }, prEnv(api))])
    expect(api.comments).toHaveLength(1)
  })

  it('check-run: true creates "Twelve-Factor Audit" on the PR head with every finding, at most 50 annotations per request', async () => {
    const api = await start()
    const r = await runActionAsync(makeTree(SHOP_APP), { ...TOKEN, 'check-run': 'true', 'fail-on': 'none' }, prEnv(api))
    expect(r.status).toBe(0)
    const writes = api.writes()
    expect(writes[0]).toMatchObject({ method: 'POST', path: '/repos/acme/shop/check-runs', body: { name: 'Twelve-Factor Audit', head_sha: 'feedfacefeedfacefeedfacefeedfacefeedface', status: 'completed', conclusion: 'success' } })
    expect(writes.every((w) => w.body.output.annotations.length <= 50)).toBe(true)
    const total = Number(r.outputs.errors) + Number(r.outputs.warnings) + Number(r.outputs.notices)
    expect(writes.reduce((n, w) => n + w.body.output.annotations.length, 0)).toBe(total)
    expect(writes[0].body.output.summary).toContain('## Twelve-Factor App audit')
    expect(r.outputs['check-run-ids']).toBe(String([...api.checkRuns.keys()][0]))
  })

  it('a 403 (read-only token) is one warning with the permissions block; summary, outputs and exit code as without it', async () => {
    const ws = makeTree(SHOP_APP)
    const plain = await runActionAsync(ws, {}, {})
    const api = await start({ denyWrites: 403 })
    const r = await runActionAsync(ws, { ...TOKEN, 'check-run': 'per-factor', comment: 'true' }, prEnv(api, pullRequestEvent({ fork: true })))
    expect(r.status).toBe(plain.status)
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning::twelve-factor-audit could not'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('comes from a fork')
    expect(warnings[0]).toContain('permissions:%0A  contents: read%0A  checks: write%0A  pull-requests: write')
    expect(r.summary).toContain('## Twelve-Factor App audit')
    expect(r.outputs.score).toBe(plain.outputs.score)
    expect(r.outputs['comment-url']).toBe('')
  })

  it('only-changed reads the PR files through the API (paginated)', async () => {
    const prFiles = Array.from({ length: 230 }, (_, i) => ({ filename: `docs/p${i}.md`, status: 'added' }))
    const api = await start({ prFiles })
    const r = await runActionAsync(makeTree(SHOP_APP), { ...TOKEN, 'only-changed': 'true' }, prEnv(api))
    expect(r.status).toBe(0) // no finding is in a changed file
    expect(api.requests.filter((q) => q.path.startsWith('/repos/acme/shop/pulls/7/files')).length).toBe(3)
    expect(r.summary).toContain('Gating on findings in the 230 files this pull request adds or modifies')
  })

  const hasConfigRules = RULES.some((r) => r.meta.factor === 'III')
  ;(hasConfigRules ? it : it.skip)('with the Factor III rules: the AWS key fails the step and reaches every reporter, redacted', async () => {
    const api = await start()
    const ws = makeTree(SHOP_APP)
    const r = await runActionAsync(ws, { ...TOKEN, 'check-run': 'true', comment: 'true', 'sarif-file': 'tfa.sarif' }, prEnv(api))
    expect(r.status).toBe(1)
    expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(1)
    expect(r.outputs['failed-factors']).toContain('III')
    expect(r.stdout).toMatch(/::error title=TF03\d\d[^,]*,file=src\/config\.js,line=2/)
    expect(r.summary).toMatch(/\| Config: would open-sourcing the code right now expose any credentials\? \| ❌ yes \| TF03\d\d <code>src\/config\.js:2<\/code>/)
    const sarif = JSON.parse(readFileSync(join(ws, 'tfa.sarif'), 'utf8'))
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => /^TF03/.test(x.ruleId))).toBe(true)
    expect(api.writes()[0].body.output.annotations.some((a: { path: string }) => a.path === 'src/config.js')).toBe(true)
    expect(api.comments[0].body).toContain('src/config.js:2')
    for (const text of [r.stdout, r.summary, JSON.stringify(api.requests), readFileSync(join(ws, 'tfa.sarif'), 'utf8')]) expect(text).not.toContain(AWS_KEY)
  })
})
