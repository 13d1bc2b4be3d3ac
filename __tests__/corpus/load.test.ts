// Corpus files are validated on load with errors naming file and row (no checkouts needed except
// for the evidence check, which gets a two-file tree).
import { describe, expect, it } from '@jest/globals'
import { checkEvidence, loadCorpus } from '../../scripts/corpus/disk.js'
import { newProblems, parseLabels, parseRepos, parseTriage } from '../../scripts/corpus/load.js'
import { makeTree } from '../helpers/tree.js'

const SHA = 'a'.repeat(40)
const REPOS_HEADER = 'name\trepo\tcommit\tlanguages\tfiles\tdescription'

describe('repos.tsv', () => {
  it('reads rows and reports bad commits, languages, counts, missing fields and duplicate names', () => {
    const p = newProblems()
    const text = [REPOS_HEADER, `app\to/app\t${SHA}\tnode,python\t120\tan app`, `app\to/app2\tabc123\tcobol\tmany\tdup`, `short\to/short\t${SHA}`].join('\n')
    const rows = parseRepos(text, 'repos.tsv', p)
    expect(rows.map((r) => r.name)).toEqual(['app', 'app'])
    expect(rows[0]).toEqual({ name: 'app', repo: 'o/app', commit: SHA, languages: ['node', 'python'], files: 120, description: 'an app' })
    expect(p.errors).toEqual([
      "repos.tsv:3: commit 'abc123' must be a full 40-hex SHA (lower case)",
      'repos.tsv:3: unknown language(s) cobol; use node, python, ruby, java, go',
      "repos.tsv:3: files 'many' must be a whole number",
      "repos.tsv:3: duplicate name 'app'",
      'repos.tsv:4: expected 6 non-empty tab-separated fields (name, repo, commit, languages, files, description), found 3'
    ])
  })

  it('wants its header', () => {
    const p = newProblems()
    expect(parseRepos(`name repo commit\nx`, 'repos.tsv', p)).toEqual([])
    expect(p.errors[0]).toMatch(/^repos.tsv:1: the header must be 'name<TAB>repo/)
  })
})

describe('labels/<name>.yml', () => {
  it('names each bad label by list and index: factor, line, missing fields, also_accept', () => {
    const p = newProblems()
    const yml = `repo: o/app
commit: ${SHA}
must_find:
  - { factor: III, file: a.py, line: 3, evidence: "KEY =", why: literal key }
  - { factor: XIII, file: a.py, line: 0, evidence: "x", why: y }
  - { factor: IV, line: 2.5, evidence: "x", also_accept: [V, 7] }
must_not_find: []
`
    const labels = parseLabels(yml, 'labels/app.yml', p)
    expect(labels?.must_find).toHaveLength(1)
    expect(p.errors).toEqual([
      'labels/app.yml: must_find[1]: factor "XIII" is not one of I II III IV V VI VII VIII IX X XI XII',
      'labels/app.yml: must_find[1]: line 0 is not a positive whole number',
      'labels/app.yml: must_find[2]: file is missing',
      'labels/app.yml: must_find[2]: line 2.5 is not a positive whole number',
      'labels/app.yml: must_find[2]: why is missing',
      'labels/app.yml: must_find[2]: also_accept must be a list of factors (I … XII), found ["V",7]'
    ])
  })

  it('reports a missing list, a bad commit and YAML errors', () => {
    const p = newProblems()
    parseLabels(`repo: o/app\ncommit: deadbeef\nmust_find: []\n`, 'l.yml', p)
    parseLabels(`repo: [o/app\n`, 'm.yml', p)
    expect(p.errors[0]).toBe('l.yml: commit "deadbeef" must be a full 40-hex SHA')
    expect(p.errors[1]).toBe("l.yml: must_not_find is missing (write 'must_not_find: []' when there is none)")
    expect(p.errors[2]).toMatch(/^m.yml: not valid YAML/)
  })

  it('warns, naming file:line, where the evidence is not on the line, and where it is', () => {
    const root = makeTree({ 'a.py': 'import os\nKEY = "x"\n' })
    const p = newProblems()
    const labels = parseLabels(`repo: o/app\ncommit: ${SHA}\nmust_find:\n  - { factor: III, file: a.py, line: 1, evidence: "KEY =", why: w }\n  - { factor: III, file: b.py, line: 1, evidence: "x", why: w }\nmust_not_find:\n  - { factor: III, file: a.py, line: 2, evidence: "KEY =", why: w }\n`, 'l', p)!
    checkEvidence('app', labels, root, p)
    expect(p.warnings).toEqual(['labels/app.yml must_find a.py:1: evidence "KEY =" is not on that line (it is on line 2)', 'labels/app.yml must_find b.py:1: no such file in the checkout'])
  })
})

describe('triage/<name>.tsv', () => {
  it('reads rows; bad rule, line, verdict are errors; `?` and conflicting rows are warnings', () => {
    const p = newProblems()
    const text = ['rule\tfile\tline\tverdict\treason', 'TF0301\ta.py\t3\ttp\treal key', 'TF0301\ta.py\t3\tfp\tagain', 'TF0302\ta.py\t4\t?\t', 'X1\ta.py\t-1\tmaybe\tr'].join('\n')
    const rows = parseTriage(text, 't.tsv', p)
    expect(rows.map((r) => r.verdict)).toEqual(['tp', 'fp', '?'])
    expect(p.errors).toEqual(["t.tsv:5: rule 'X1' is not a rule id (TF0301)", "t.tsv:5: line '-1' is not a positive whole number", "t.tsv:5: verdict 'maybe' must be tp, fp or debatable"])
    expect(p.warnings).toEqual(["t.tsv:3: TF0301 a.py:3 was judged 'tp' on an earlier row and 'fp' here; the first counts", 't.tsv:4: TF0302 a.py:4 is not judged yet (verdict ?); counted as untriaged'])
  })
})

describe('loadCorpus', () => {
  it('cross-checks labels against repos.tsv and says which files have no row', () => {
    const dir = makeTree({
      'repos.tsv': `${REPOS_HEADER}\napp\to/app\t${SHA}\tgo\t10\td\nbare\to/bare\t${SHA}\tgo\t10\td\n`,
      'labels/app.yml': `repo: o/other\ncommit: ${SHA}\nmust_find: []\nmust_not_find: []\n`,
      'triage/orphan.tsv': 'rule\tfile\tline\tverdict\treason\n'
    })
    const p = newProblems()
    const corpus = loadCorpus(dir, p)
    expect(corpus.repos).toHaveLength(2)
    expect(p.errors).toEqual([`labels/app.yml: repo/commit o/other@${SHA} differ from repos.tsv's o/app@${SHA}`])
    expect(p.warnings).toEqual(["triage/orphan.tsv: no row named 'orphan' in repos.tsv; not measured", 'repos.tsv: bare has no labels/bare.yml; its recall is not measured'])
  })
})
