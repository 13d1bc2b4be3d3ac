// TF1204: a process definition or task entry runs an admin script that is not in the codebase
// (referenced but missing: it lives on someone's laptop or a server, not in the release).
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { composeOf } from '../../parsers/compose.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { procfileOf } from '../../parsers/procfile.js'
import { tok } from '../shared/ix-xii-boot.js'
import { FACT_ADMIN_TASK, type AdminTaskFact } from './schema-change-at-start.js'

const SCRIPT_REF = /(?:^|[\s"'=])((?:\.\/)?(?:scripts?|bin|tasks|tools|admin|ops)\/[\w./-]+\.(?:sh|bash|py|js|mjs|cjs|ts|rb|php|pl))\b/g

const ADMIN_TASK_NAME = /^(db[:_-]|migrat|seed|backfill|cleanup|clean[:_-]?db|import|export|reindex|task|job|cron|admin|console|purge|sync|fix|one[-_]?off|maintenance|ops|data[:_-]|populate|manage|worker|queue)/i

interface Ref { path: string; line: number; where: string; base: string }

export const adminScriptMissing: Rule = {
  meta: {
    id: 'TF1204',
    name: 'admin-script-missing',
    factor: 'XII',
    severity: 'warning',
    summary: 'A Procfile, npm script, Kubernetes Job or compose service runs an admin script that is not in the codebase.',
    why:
      'Admin code ships with the application code, so the one-off process runs exactly what the release contains. A referenced ' +
      'script that is not in the repository lives outside version control: nobody can review it, it drifts from the release, and ' +
      'the task breaks on a fresh checkout.',
    remediation: 'Commit the script to the repository (next to the app code, e.g. scripts/ or a framework task: manage.py command, rake task, npm script) or remove the stale reference.'
  },
  checkRepo(repo, report) {
    const existing = new Set(repo.files.map((f) => f.path))
    // Credit admin tasks that live in the codebase and run with the app's toolchain (fact for the remediation plan).
    for (const f of repo.files) {
      if (f.role !== 'app') continue
      const django = /(^|\/)management\/commands\/(?!__init__)([\w-]+)\.py$/.exec(f.path)
      const rake = /(^|\/)lib\/tasks\/([\w-]+)\.rake$/.exec(f.path)
      const task = django ? `python manage.py ${django[2]}` : rake ? `bin/rails ${rake[2]}:*` : undefined
      if (task) repo.facts.add<AdminTaskFact>(FACT_ADMIN_TASK, { app: repo.appOf(f.path)?.path ?? '.', file: f.path, line: 1, task })
    }
    for (const f of repo.files) {
      if (f.role === 'test' || f.role === 'docs' || f.role === 'example') continue
      if (!['procfile', 'manifest', 'kubernetes', 'compose'].includes(f.kind)) continue
      const file = repo.get(f.path)
      if (!file) continue
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : ''
      const appDir = repo.appOf(f.path)?.path
      for (const ref of refsOf(file)) {
        const rel = ref.path.replace(/^\.\//, '')
        const candidates = [dir ? `${dir}/${rel}` : rel, rel, appDir && appDir !== '.' ? `${appDir}/${rel}` : rel]
        const ext = rel.slice(rel.lastIndexOf('.'))
        const stem = rel.slice(0, -ext.length)
        // node scripts/x.js compiled from scripts/x.ts
        const alt = ext === '.js' || ext === '.mjs' || ext === '.cjs' ? [`${stem}.ts`, `${stem}.mts`] : []
        // Containers run from their WORKDIR: any folder of the repository may be what `scripts/x.py` is relative to.
        const suffixes = [rel, ...alt].map((r) => `/${r}`)
        const found = candidates.some((c) => existing.has(c) || alt.some((a) => existing.has(c.slice(0, -rel.length) + a))) || (f.kind !== 'procfile' && f.kind !== 'manifest' && repo.files.some((o) => suffixes.some((x) => o.path.endsWith(x))))
        if (found) continue
        report({ file: f.path, line: ref.line, message: `${ref.where} runs ${tok(ref.path)}, which is not in the codebase`, remediation: adminScriptMissing.meta.remediation })
      }
    }
  }
}

function refsOf(file: SourceFile): Ref[] {
  const out: Ref[] = []
  const scan = (text: string, line: number, where: string): void => {
    SCRIPT_REF.lastIndex = 0
    for (let m = SCRIPT_REF.exec(text); m; m = SCRIPT_REF.exec(text)) out.push({ path: m[1], line, where, base: '' })
  }
  if (file.kind === 'procfile') for (const p of procfileOf(file)) scan(p.command, p.line, `Procfile process \`${p.type}\``)
  else if (file.name === 'package.json') {
    const pkg = packageJsonOf(file)
    // Only admin tasks: build, release, lint, test and lifecycle scripts are development tooling (and are
    // often left out of published packages on purpose).
    for (const [name, cmd] of Object.entries(pkg.data?.scripts ?? {})) {
      if (typeof cmd === 'string' && ADMIN_TASK_NAME.test(name)) scan(cmd, pkg.lineOf('scripts', name), `npm script \`${name}\``)
    }
  } else if (file.kind === 'kubernetes') {
    for (const w of kubernetesOf(file).workloads) {
      if (w.kind !== 'Job' && w.kind !== 'CronJob') continue
      for (const c of w.containers) scan([...(c.command ?? []), ...(c.args ?? [])].join(' '), c.commandLine, `${w.kind} ${tok(w.name)}`)
    }
  } else if (file.kind === 'compose') {
    // A service with no `build:` runs a prebuilt image: a script its command names is the image's own file
    // (`image: ghcr.io/acme/archiver` + `command: scripts/bootstrap.sh`), not a file of this codebase.
    for (const s of composeOf(file).services) if (s.build) scan([...(s.entrypoint ?? []), ...(s.command ?? [])].join(' '), s.commandLine, `Service ${tok(s.name)}`)
  }
  return out
}
