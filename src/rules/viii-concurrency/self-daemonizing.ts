// TF0802: processes that daemonize themselves or manage PID files instead of running in the
// foreground under the platform's process manager.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { codeLines, isNonProductionPath, locateInCommand, startCommandsOf, type StartCommand } from '../shared/v-viii-commands.js'

type Report = Parameters<NonNullable<Rule['check']>>[1]

const COMMAND_PATTERNS: { re: RegExp; what: (m: RegExpExecArray) => string; fix: string; background?: boolean }[] = [
  { re: /\bnohup\b/, what: () => '"nohup" detaches the process from the platform', fix: 'Run the process in the foreground (`exec node server.js`) and let the platform (Docker, Kubernetes, systemd, Heroku) supervise and restart it.' },
  { re: /\bpm2\s+start\b(?![^;&|]*--no-daemon)/, what: () => '"pm2 start" daemonizes the app (the container\'s PID 1 exits or supervises a background process)', fix: 'Use the foreground runner: `CMD ["pm2-runtime", "ecosystem.config.js"]`, or just `CMD ["node", "server.js"]` and scale with replicas.' },
  { re: /\bforever\s+start\b/, what: () => '"forever start" daemonizes the app', fix: 'Run `node server.js` in the foreground and let the platform restart it.' },
  { re: /(?:^|[\s;&|"'])(?:\/usr\/bin\/)?supervisord\b/, what: () => 'supervisord as the entry runs the app under an in-container process manager', fix: 'Run one process per container in the foreground (`CMD ["gunicorn", "app.wsgi"]`) and declare the other process types as separate services/Deployments.' },
  { re: /--daemon(?:ize)?\b(?![=\s]+(?:false|off|no)\b)/, what: (m) => `"${m[0]}" detaches the server from the platform`, fix: 'Drop the daemon flag so the server stays in the foreground: `gunicorn app.wsgi --bind 0.0.0.0:$PORT`.' },
  { re: /\bgunicorn\b[^;&|]*\s-D\b/, what: () => 'gunicorn "-D" daemonizes the server', fix: 'Drop -D so gunicorn stays in the foreground.' },
  { re: /(?:^|\s)--pid(?:file)?(?:=(?!\/dev\/null\b)[^\s'"]+|\s+(?!-|\/dev\/null\b)[^\s'"]+)/, what: (m) => `"${m[0].trim()}" manages a PID file`, fix: 'Do not write PID files: the platform tracks the process. Remove the --pid option.' },
  { re: /\b(?:service\s+[\w.-]+\s+start|\/etc\/init\.d\/[\w.-]+\s+start|systemctl\s+start)\b/, what: (m) => `"${m[0]}" starts a background service inside the app's process`, fix: 'Run each service as its own process type (its own container/Deployment) in the foreground.' },
  { re: /(?<=\s)&(?=\s|$)/, background: true, what: () => '"&" backgrounds a process the platform cannot see', fix: 'Start one foreground process per container (`exec` it as the last command) and run the other one as its own process type.' }
]

const SOURCE_PATTERNS: { languages: string[]; path?: RegExp; re: RegExp; what: string; fix: string }[] = [
  { languages: ['python'], path: /gunicorn[^/]*\.py$|(^|\/)conf[^/]*\.py$/, re: /^daemon\s*=\s*True\b/m, what: 'gunicorn "daemon = True" detaches the server', fix: 'Set `daemon = False` (the default) so gunicorn runs in the foreground.' },
  { languages: ['python'], path: /gunicorn[^/]*\.py$/, re: /^pidfile\s*=\s*["']/m, what: 'gunicorn "pidfile" writes a PID file', fix: 'Remove `pidfile`: the platform tracks the process.' },
  { languages: ['python'], re: /\bdaemon\.DaemonContext\(/, what: 'daemon.DaemonContext() daemonizes the process', fix: 'Run in the foreground and let the platform supervise the process.' },
  { languages: ['ruby'], path: /puma[^/]*\.rb$/, re: /^[ \t]*daemonize(?:\s+true)?\s*$/m, what: 'puma "daemonize" detaches the server', fix: 'Remove `daemonize`; run `bundle exec puma -C config/puma.rb` in the foreground.' },
  { languages: ['ruby'], path: /puma[^/]*\.rb$/, re: /^[ \t]*pidfile\s+["']/m, what: 'puma "pidfile" writes a PID file to a fixed path', fix: 'Remove `pidfile` (or keep Rails\' `pidfile ENV.fetch("PIDFILE") { ... }` so the platform can turn it off).' },
  { languages: ['ruby'], re: /\bProcess\.daemon\b/, what: 'Process.daemon detaches the process', fix: 'Run in the foreground and let the platform supervise the process.' },
  { languages: ['javascript', 'typescript'], re: /\brequire\(\s*["']daemon["']\s*\)\s*\(/, what: "require('daemon')() detaches the process", fix: 'Run `node server.js` in the foreground and let the platform supervise it.' },
  { languages: ['javascript', 'typescript'], re: /\bfs\.(?:writeFileSync|writeFile|promises\.writeFile)\(\s*[^,\n]*\.pid["'`][^,\n]*,\s*(?:String\()?process\.pid/, what: 'writes a PID file', fix: 'Do not write PID files: the platform tracks the process.' },
  { languages: ['python'], re: /\bopen\(\s*[^,\n]*\.pid["'][^\n]*\n?[^\n]*os\.getpid\(\)/, what: 'writes a PID file', fix: 'Do not write PID files: the platform tracks the process.' }
]

export const selfDaemonizing: Rule = {
  meta: {
    id: 'TF0802',
    name: 'self-daemonizing',
    factor: 'VIII',
    severity: 'warning',
    summary: 'A process daemonizes itself, runs under an in-container process manager or manages PID files.',
    why: 'Twelve-factor processes never daemonize or write PID files: they run in the foreground and rely on the platform\'s process manager (Heroku, Kubernetes, systemd, Foreman) to capture output, restart crashes and scale them by process type. A detached or self-supervised process hides crashes and signals from the platform and cannot be scaled one process type at a time.',
    remediation: 'Run the process in the foreground, one process per container, and let the platform supervise, restart and scale it.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'shell']
  },
  files: { kinds: ['procfile', 'dockerfile', 'manifest', 'compose', 'kubernetes', 'source', 'yaml'], roles: ['app'] },
  keywords: ['nohup', 'pm2', 'forever', 'supervisord', 'daemon', 'pid', 'service', 'init.d', 'systemctl', '&'],
  check(file, report) {
    if (isNonProductionPath(file.path)) return
    if (file.kind === 'manifest' && file.name !== 'package.json') return
    for (const cmd of startCommandsOf(file)) checkCommand(file, cmd, report)
    if (file.kind === 'source' && file.language !== 'shell') checkSource(file, report)
    if (file.kind === 'yaml') {
      const m = /^[ \t]*daemon(?:ize)?\s*:\s*true\s*$/m.exec(file.code)
      if (m) {
        const p = file.position(m.index + (m[0].length - m[0].trimStart().length))
        report({ line: p.line, column: p.column, message: `"${m[0].trim()}" makes the process detach itself`, remediation: 'Set it to false and run the process in the foreground under the platform.' })
      }
    }
  }
}

function checkCommand(file: SourceFile, cmd: StartCommand, report: Report): void {
  if (cmd.command.length > 4000) return
  for (const p of COMMAND_PATTERNS) {
    // Backgrounding with `&` is only clear in one-line commands and start scripts, never inside a URL.
    if (p.background && (cmd.carrier === 'kubernetes' || cmd.carrier === 'compose')) continue
    const m = p.re.exec(cmd.command)
    if (!m) continue
    if (p.background && insideQuotes(cmd.command, m.index)) continue
    // `trap 'kill -TERM $PID' TERM; node server.js & PID=$!; wait $PID`: the script stays in front and forwards signals.
    if (p.background && cmd.carrier === 'script' && forwardsAndWaits(file)) continue
    const pos = locateInCommand(file, cmd, p.re)
    // A grouped one-off init block `( ... ) &` backgrounded before the script `exec`s its main process
    // (postgres' entrypoint refreshing collations once the server is up): the main process is PID 1 in
    // the foreground. A backgrounded server (`nginx &`) is a second long-lived process and still reported.
    if (p.background && cmd.carrier === 'script' && /^\s*[)}]\s*&\s*$/.test(codeLines(file)[pos.line - 1] ?? '') && execsLater(file, pos.line)) continue
    // An entrypoint that runs pm2-runtime or `exec` after backgrounding a helper is still two processes.
    if (p.re.source.startsWith('\\bpm2') && /pm2-runtime/.test(cmd.command)) continue
    report({ line: pos.line, column: pos.column, message: `${cmd.label}: ${p.what(m)}`, remediation: p.fix })
    return
  }
}

function checkSource(file: SourceFile, report: Report): void {
  const lines = codeLines(file)
  for (const p of SOURCE_PATTERNS) {
    if (!p.languages.includes(file.language) || (p.path && !p.path.test(file.path))) continue
    const m = p.re.exec(file.code)
    if (!m || file.inStringLiteral(m.index + (m[0].length - m[0].trimStart().length))) continue
    const pos = file.position(m.index + (m[0].length - m[0].trimStart().length))
    if ((lines[pos.line - 1] ?? '').length > 4000) continue
    report({ line: pos.line, column: pos.column, message: p.what, remediation: p.fix })
  }
}

/** A start script that traps TERM and waits for its child: the backgrounded process is supervised, not detached. */
function forwardsAndWaits(file: SourceFile): boolean {
  const code = file.code
  return /^[ \t]*trap\b[^\n]*\b(?:SIG)?(?:TERM|INT|15)\b/m.test(code) && /^[ \t]*wait\b/m.test(code) && (code.match(/(?<=\s)&(?=\s|$)/gm) ?? []).length === 1
}

/** Does the script `exec` a process on a line after `line` (its main process replaces the shell)? */
function execsLater(file: SourceFile, line: number): boolean {
  const lines = codeLines(file)
  for (let i = line; i < lines.length; i++) if (/^[ \t]*exec[ \t]+(?!\d*[<>])\S/.test(lines[i])) return true
  return false
}

/** Is `at` inside a single- or double-quoted string of a shell command (quotes counted before it)? */
function insideQuotes(command: string, at: number): boolean {
  const before = command.slice(0, at)
  return (before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1
}
