// `npm run corpus -- --root DIR`: audits every corpus repository with the CLI bundle and measures
// recall against the blind labels and precision against the triage (corpus/README.md). A script,
// not a test: the checkouts are large and CI has none. Bundled on the fly like profile-rules.
import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { RULES } from '../src/rules/registry.js'
import { auditCheckout, checkEvidence, checkoutHead, loadCorpus, type Corpus } from './corpus/disk.js'
import { summary, type RepoRun } from './corpus/format.js'
import { newProblems, type Problems } from './corpus/load.js'
import { repoFigures } from './corpus/match.js'
import type { RepoRow } from './corpus/types.js'
import { accuracy, ruleCountsOf, untriagedTsv, writeAll } from './corpus/write.js'

const HELP = `Usage: npm run corpus -- --root DIR [options]

Audits DIR/<name> for every row of corpus/repos.tsv with the CLI bundle (--format json
--fail-on none), matches the findings to labels/<name>.yml (same file, the label's factor or one
of also_accept, line within 2, one finding per label, nearest line first) and to
triage/<name>.tsv (same rule, file and line), and prints per repository, per rule and per factor:
recall (any severity, and errors + warnings only), error and warning precision tp / (tp + fp)
with debatable apart, must_not_find labels hit by an error or warning, untriaged errors and
warnings, and audit time. The last line is the TOTAL line. A missing checkout is reported and
skipped; a checkout whose HEAD is not the pinned commit is measured with a warning.

Options:
  --root DIR        folder holding one checkout per repository (corpus/checkout.sh DIR makes it)
  --corpus DIR      the corpus folder (default: ./corpus)
  --cli PATH        the CLI bundle to measure (default: dist/cli/index.js; run npm run bundle first)
  --untriaged FILE  write the untriaged errors and warnings to FILE as one TSV with the columns
                    name, rule, file, line, verdict, reason (verdict '?', reason prefilled with
                    the severity and message): judge each row, then move it, without the name
                    column, to triage/<name>.tsv
  --write           write corpus/accuracy.json, src/rules/precision.ts, README.md's Accuracy
                    section and each docs/rules page's precision line (run from the repository root)
  --verbose         also list every missed must_find label
  -h, --help        this help

Exit codes: 0 measured, 2 on a usage error or an invalid corpus (every problem is listed).
`

interface Options {
  root: string
  corpus: string
  cli: string
  untriaged?: string
  write: boolean
  verbose: boolean
}

function options(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string' },
      corpus: { type: 'string', default: 'corpus' },
      cli: { type: 'string', default: 'dist/cli/index.js' },
      untriaged: { type: 'string' },
      write: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) return undefined
  if (!values.root) throw new Error('--root DIR is required (the folder of checkouts)')
  if (!existsSync(values.cli)) throw new Error(`--cli ${values.cli}: not found (npm run bundle builds dist/cli/index.js)`)
  return { root: resolve(values.root), corpus: values.corpus, cli: resolve(values.cli), untriaged: values.untriaged, write: values.write, verbose: values.verbose }
}

/** Audits one repository; undefined (reported) when its checkout is missing or the CLI fails. */
function measure(row: RepoRow, corpus: Corpus, opts: Options, p: Problems): RepoRun | undefined {
  const dir = join(opts.root, row.name)
  if (!existsSync(dir)) return void p.warnings.push(`${row.name}: no checkout at ${dir}; skipped (corpus/checkout.sh ${opts.root})`)
  const head = checkoutHead(dir)
  if (head !== row.commit) p.warnings.push(`${row.name}: checkout HEAD is ${head ?? 'not a git commit'}, pinned ${row.commit}; measured anyway`)
  const labels = corpus.labels.get(row.name)
  if (labels) checkEvidence(row.name, labels, dir, p)
  process.stderr.write(`auditing ${row.name}...\n`)
  const run = auditCheckout(opts.cli, dir)
  if ('error' in run) return void p.warnings.push(`${row.name}: ${run.error}; skipped`)
  return { figures: repoFigures(row.name, labels, corpus.triage.get(row.name) ?? [], run.findings), ms: run.ms, files: run.files }
}

function printProblems(p: Problems): void {
  for (const w of p.warnings) process.stderr.write(`warning: ${w}\n`)
  for (const e of p.errors) process.stderr.write(`error: ${e}\n`)
  p.warnings.length = 0
}

function main(argv: string[]): number {
  const opts = options(argv)
  if (!opts) {
    process.stdout.write(HELP)
    return 0
  }
  const p = newProblems()
  const corpus = loadCorpus(opts.corpus, p)
  printProblems(p)
  if (p.errors.length) {
    process.stderr.write(`corpus: ${p.errors.length} error(s) in ${opts.corpus}; nothing measured\n`)
    return 2
  }
  const runs = corpus.repos.map((row) => measure(row, corpus, opts, p)).filter((r): r is RepoRun => r !== undefined)
  printProblems(p)
  process.stdout.write(summary(runs, opts.verbose))
  if (opts.untriaged) writeFileSync(opts.untriaged, untriagedTsv(runs))
  if (opts.write) {
    if (runs.length < corpus.repos.length) process.stderr.write(`warning: --write with ${runs.length} of ${corpus.repos.length} repositories measured; the figures leave the others out\n`)
    const written = writeAll(opts.corpus, accuracy(corpus.repos, runs, new Date().toISOString().slice(0, 10)), ruleCountsOf(runs), RULES.map((r) => r.meta.id))
    process.stderr.write(`wrote ${written.join(', ')}\n`)
  }
  return 0
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (e) {
  process.stderr.write(`corpus: ${(e as Error).message}\nnpm run corpus -- --help shows the options\n`)
  process.exitCode = 2
}
