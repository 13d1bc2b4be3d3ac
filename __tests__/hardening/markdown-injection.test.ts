// Repository text in the job summary and the PR comment, rendered as GitHub would (markdown-it with
// raw HTML and autolinks on): no live link, image, mention or issue reference may come from it.
// The payloads sit in file content and in a file name, where makeTree keeps them intact.
import { describe, expect, it } from '@jest/globals'
import MarkdownIt from 'markdown-it'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { code, escapeMarkdown } from '../../src/report/escape.js'
import { FakeGitHub, pullRequestEvent } from '../helpers/fake-github.js'
import { runActionAsync } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp.js'
import { makeTree } from '../helpers/tree.js'

const md = new MarkdownIt({ html: true, linkify: true })
const PAYLOAD = '[x](https://evil.example/a) ![i](https://evil.example/p.png) <img src=https://evil.example/q.png> @someone #12 www.evil.example'

/** What a rendered document links to or loads from evil.example, and the mentions it would make. */
function live(markdown: string): string[] {
  const html = md.render(markdown)
  const out: string[] = []
  // Links to the file on GitHub carry the crafted name in their path: only the host matters.
  for (const m of html.matchAll(/<(a|img)\b[^>]*?(?:href|src)="([^"]*)"/g)) if (/^(?:https?:)?\/\/[^/]*evil/i.test(m[2].replace(/\u200b/g, ''))) out.push(`${m[1]} ${m[2]}`)
  const text = html.replace(/<[^>]*>/g, ' ')
  for (const m of text.matchAll(/(^|[^\w\u200b])@someone\b/g)) out.push(`mention ${m[0]}`)
  for (const m of text.matchAll(/(^|[^\w\u200b])#12\b/g)) out.push(`issue ${m[0]}`)
  return out
}

describe('escapers against a CommonMark renderer', () => {
  it('the renderer sees the payload raw (the check can fail)', () => {
    expect(live(PAYLOAD).length).toBeGreaterThanOrEqual(4)
    expect(live(`<code>${PAYLOAD}</code>`).length).toBeGreaterThanOrEqual(3) // Markdown inside <code> renders
  })
  it('code() and escapeMarkdown() leave nothing live, and the text stays readable', () => {
    expect(live(code(PAYLOAD))).toEqual([])
    expect(live(escapeMarkdown(PAYLOAD))).toEqual([])
    expect(live(`| a |\n|---|\n| ${escapeMarkdown(PAYLOAD)} |`)).toEqual([])
    const text = md.render(code(PAYLOAD)).replace(/<[^>]*>/g, '').replace(/\u200b/g, '')
    expect(text).toContain('[x](https://evil.example/a)')
  })
  it('strips terminal controls and right-to-left overrides', () => {
    expect(code('a\u001b[31mb\u0007c\u202ed')).toBe('<code>a&#91;31mbcd</code>')
  })
})

describe('the action bundle: summary and PR comment', () => {
  it('a crafted Procfile line and file name render as text', async () => {
    const ws = makeTree({
      Procfile: `web: node server.js --port 5000 ${PAYLOAD}\n`,
      'src/[click](https:/evil.example/x).js': "const app = require('express')()\napp.listen(8080)\n",
      'package.json': '{ "name": "shop", "dependencies": { "express": "4.19.2" } }\n'
    }, { git: true })
    const api = new FakeGitHub()
    await api.start()
    try {
      const dir = tempDir('tfa-event-')
      writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent()))
      const r = await runActionAsync(ws, { 'github-token': 'ghs_fake', comment: 'true', 'fail-on': 'none', factors: 'VII' },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_API_URL: api.url })
      expect(api.comments).toHaveLength(1)
      const body = api.comments[0].body
      expect(body).toContain('Procfile')
      expect(r.summary).toContain('click')
      expect(live(body)).toEqual([])
      expect(live(r.summary)).toEqual([])
    } finally {
      await api.stop()
    }
  })
})
