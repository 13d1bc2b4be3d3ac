// TF0502: code changed where it runs: deploy steps that `git pull`/checkout or install/build on a
// server over ssh (rsync-then-install included), `kubectl cp`/`docker cp` hot patches into running
// containers, and start commands that fetch code (`git pull && npm start`).
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { workflowOf } from '../../parsers/workflow.js'
import { codeLines, isNonProductionPath, locateInCommand, startCommandsOf } from '../shared/v-viii-commands.js'

type Report = Parameters<NonNullable<Rule['check']>>[1]

const GIT = /\bgit\s+(?:pull|fetch|checkout|reset\s+--hard|clone|merge|rebase)\b/
const BUILD = /\b(?:npm\s+(?:install|i|ci)|npm\s+run\s+build|yarn(?:\s+install)?(?=\s*(?:&&|;|$|["']))|pnpm\s+(?:install|i)|pip3?\s+install|bundle\s+install|composer\s+install|mvn\s+\S*\s*package|go\s+build|rails\s+assets:precompile|python3?\s+manage\.py\s+collectstatic)\b/
/** `docker cp ./src app:/srv`: a local source (not a flag, no `container:` prefix) copied into a container. */
const HOT_PATCH = /\b(?:kubectl\s+cp|docker\s+cp)\s+(?:-\S+\s+)*(?!-)(?!\S*:)\S+\s+([^\s:]+):\S*/
const SSH = /(?:^|[\s;&|(])ssh\s/
const HEREDOC = /<<-?\s*['"]?(\w+)['"]?/

/** Is `name` assigned, in the lines before `i`, the id of a container the script starts or creates itself? */
function scratchContainer(lines: readonly string[], i: number, name: string): boolean {
  if (!/^\w{1,60}$/.test(name)) return false
  const assign = new RegExp(`\\b${name}=\\$\\(\\s*docker\\s+(?:run|create|container\\s+(?:run|create))\\b`)
  for (let j = i - 1; j >= 0 && j >= i - 200; j--) if (assign.test(lines[j])) return true
  return false
}

const FIX_GIT = 'Ship an immutable release instead of changing code on the server: build an artifact in CI (a container image tagged with the commit SHA, a versioned tarball), then deploy that artifact (`docker pull ghcr.io/acme/web:$SHA && docker compose up -d`, `kubectl set image ...:$SHA`) — never `git pull` on the host.'
const FIX_BUILD = 'Build once in CI and deploy the built artifact: install dependencies and compile in the build stage (Dockerfile RUN / CI job), push a versioned image or archive, and have the server only download and start it.'
const FIX_PATCH = 'Do not patch running containers: change the code, build a new image with a new tag and roll it out (`kubectl set image deployment/web web=ghcr.io/acme/web:$SHA`).'
const FIX_START = 'Never fetch code when a process starts: bake the code into the build artifact (`COPY . .` in the Dockerfile, or the buildpack slug) and start it as is.'

export const codeChangedAtRunTime: Rule = {
  meta: {
    id: 'TF0502',
    name: 'code-changed-at-run-time',
    factor: 'V',
    severity: 'warning',
    summary: 'Code is changed where it runs: git pull/checkout or builds on a server, hot patches into running containers, code fetched at start.',
    why: 'In a twelve-factor deploy the run stage only executes a release built earlier; it is impossible to change code at run time because there is no way to propagate the change back to the build. A `git pull` or an install on the server makes the running code depend on that server\'s history, so two servers drift apart, a rollback is a guess, and nothing records what actually ran.',
    remediation: FIX_GIT
  },
  files: { kinds: ['workflow', 'source', 'procfile', 'dockerfile', 'manifest', 'compose', 'kubernetes'], roles: ['app'] },
  keywords: ['git ', 'kubectl cp', 'docker cp', 'ssh', 'install', 'build'],
  check(file, report) {
    if (file.kind === 'manifest' && file.name !== 'package.json') return
    if (file.kind === 'source' && file.language !== 'shell') return
    if (file.kind === 'workflow' || (file.kind === 'source' && file.language === 'shell')) {
      if (file.kind === 'source' && isNonProductionPath(file.path)) return
      scanDeployLines(file, report)
    }
    // Start commands that fetch code. (Build work in start commands is TF0501.)
    for (const cmd of startCommandsOf(file)) {
      if (cmd.command.length > 4000 || SSH.test(cmd.command)) continue
      const m = GIT.exec(cmd.command)
      if (!m) continue
      const pos = locateInCommand(file, cmd, GIT)
      report({ ...pos, severity: 'error', message: `${cmd.label} runs "${m[0]}" at start: the code changes at run time`, remediation: FIX_START })
    }
  }
}

function scanDeployLines(file: SourceFile, report: Report): void {
  const lines = codeLines(file)
  const remote = new Set<number>() // 1-based lines that run on a remote host
  // ssh-action style steps: the `script` input runs on the server.
  if (file.kind === 'workflow') {
    for (const job of workflowOf(file).jobs) {
      for (const step of job.steps) {
        if (!step.uses || !/ssh/i.test(step.uses)) continue
        const script = step.with.find((w) => w.key === 'script' || w.key === 'command')
        if (!script) continue
        const count = script.value.split('\n').length
        for (let n = script.line; n <= Math.min(lines.length, script.line + count + 1); n++) remote.add(n)
      }
    }
  }
  let heredocEnd: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]
    if (text.length > 4000) continue
    const n = i + 1
    if (heredocEnd !== undefined) {
      if (text.trim() === heredocEnd) {
        heredocEnd = undefined
        continue
      }
      remote.add(n)
    } else if (SSH.test(text)) {
      const h = HEREDOC.exec(text.slice(text.search(SSH)))
      if (h) heredocEnd = h[1]
    }
    const patch = HOT_PATCH.exec(text)
    // Into a container the script itself just started from a utility image (`TMP=$(docker run -d -v vol:/data busybox true)`): moving volume data, not code.
    if (patch && !scratchContainer(lines, i, patch[1].replace(/^["']?\$?\{?|\}?["']?$/g, ''))) {
      report({ line: n, column: patch.index + 1, message: `"${patch[0].split(/\s+/).slice(0, 2).join(' ')}" hot-patches files into a running container`, remediation: FIX_PATCH })
      continue
    }
    // The part of the line that runs remotely: after `ssh host`, or the whole line in a remote block.
    let segment = ''
    let offset = 0
    if (remote.has(n)) segment = text
    else {
      const s = SSH.exec(text)
      if (s) {
        offset = s.index
        segment = text.slice(s.index)
      }
    }
    if (!segment) continue
    const g = GIT.exec(segment)
    const b = BUILD.exec(segment)
    const hit = g && (!b || g.index <= b.index) ? { m: g, git: true } : b ? { m: b, git: false } : undefined
    if (!hit) continue
    report({
      line: n,
      column: offset + hit.m.index + 1,
      message: hit.git ? `runs "${hit.m[0]}" on the server: code changes outside the build` : `runs "${hit.m[0]}" on the server: the build happens on the run host`,
      remediation: hit.git ? FIX_GIT : FIX_BUILD
    })
  }
}
