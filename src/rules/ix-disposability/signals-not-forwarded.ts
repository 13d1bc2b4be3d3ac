// TF0902: SIGTERM never reaches the app: shell-form CMD/ENTRYPOINT, `npm start` as PID 1, `sh -c`
// wrappers and entrypoint scripts that start the app without `exec`.
import type { Rule, ReportFn } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { baseImageOf, dockerfileOf } from '../../parsers/dockerfile.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { bootCommands, isStartScript, shellScriptOf, tok, toExecForm, type BootCommand } from '../shared/ix-xii-boot.js'

const INIT = /(^|\/|\s)(tini|dumb-init|catatonit|s6-svscan|supervisord|runsvdir|\/init)(\s|$)/
const PKG_START = /^(npm|yarn|pnpm|bun)\s+(run\s+)?(start|serve|start:prod|prod)(\s|$)/
/** A command that starts a long-running program (as opposed to `echo`, `cd`, `export`...). */
const LAUNCHER =
  /^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:node|nodejs|npm|npx|yarn|pnpm|bun|deno|python[0-9.]*|gunicorn|uvicorn|hypercorn|daphne|celery|java|bundle|rails|bin\/rails|\.\/bin\/\S+|puma|unicorn|sidekiq|php-fpm|php|nginx|httpd|\.\/\S+|\/app\/\S+|\/usr\/local\/bin\/\S+|"\$@"|\$@|"\$\{@\}")(\s|$)/

const META = {
  id: 'TF0902',
  name: 'signals-not-forwarded',
  factor: 'IX' as const,
  severity: 'warning' as const,
  summary: 'SIGTERM never reaches the app: shell-form CMD/ENTRYPOINT, npm start as PID 1, or an entrypoint script without exec.',
  why:
    'A disposable process must stop gracefully when the platform sends SIGTERM. When a shell or npm is PID 1, the signal stops at that ' +
    'wrapper: the app keeps serving until the grace period ends and is then killed with SIGKILL, dropping in-flight requests and jobs.',
  remediation:
    'Start the app as PID 1 in exec form (CMD ["node", "server.js"]), end entrypoint scripts with `exec "$@"`, and add an init ' +
    '(`docker run --init`, tini) when the app spawns children.'
}

export const signalsNotForwarded: Rule = {
  meta: META,
  files: { kinds: ['dockerfile', 'source', 'other', 'kubernetes'], roles: ['app'] },
  keywords: ['cmd', 'entrypoint', 'start', 'command', 'exec', '-c', 'node', 'python', 'java', 'rails', 'gunicorn', 'uvicorn', 'celery', 'puma', 'bundle', '$@'],
  check(file, report) {
    if (/(^|\/)\.devcontainer\//.test(file.path)) return
    if (file.kind === 'dockerfile') checkDockerfile(file, report)
    else if (file.kind === 'kubernetes') checkKubernetes(file, report)
    else if (file.language === 'shell' && isStartScript(file.path)) checkScript(file, report)
  }
}

function checkDockerfile(file: SourceFile, report: ReportFn): void {
  const { entrypoint, cmd } = bootCommands(file)
  const parsed = dockerfileOf(file)
  // BusyBox sh (Alpine) execs a lone simple command in place of itself, so the app is PID 1; Debian's
  // dash (node:, python:, ruby:, golang: default tags, Ubuntu) does not and keeps sh as PID 1.
  const busybox = BUSYBOX_IMAGE.test(baseImageOf(parsed) ?? '') && !parsed.instructions.some((i) => i.keyword === 'SHELL')
  const hasInit = entrypoint !== undefined && INIT.test(entrypoint.text)
  if (entrypoint) {
    if (!hasInit) checkBoot(entrypoint, report, busybox)
    // An exec-form entrypoint script runs `exec "$@"`: a shell-form CMD then becomes `/bin/sh -c ...` under it.
    if (cmd && !cmd.exec && entrypoint.exec && /(entrypoint|\.sh$)/i.test(entrypoint.exec[0] ?? '') && !/^exec\s/.test(cmd.text)) {
      report({
        line: cmd.instruction.line,
        column: 1,
        message: `Shell-form CMD ${tok(cmd.text)} is passed to the entrypoint as \`/bin/sh -c ...\`: the shell, not the app, receives SIGTERM`,
        remediation: fixFor(cmd)
      })
    }
    return
  }
  if (cmd) checkBoot(cmd, report, busybox)
}

/** Alpine and BusyBox images, whose /bin/sh is BusyBox ash. */
const BUSYBOX_IMAGE = /(^|\/)(alpine|busybox)(:|@|$)|[:-]alpine[\w.]*$/i
/** One simple command: no lists, pipes, background jobs, substitutions or redirections. */
function isSingleCommand(text: string): boolean {
  return !/&&|\|\||[;&|<>`\n]|\$\(/.test(text)
}

function checkBoot(bc: BootCommand, report: ReportFn, busybox = false): void {
  const line = bc.instruction.line
  if (!bc.exec) {
    if (/^exec\s/.test(bc.text)) return
    if (busybox && isSingleCommand(bc.text)) {
      report({
        line,
        column: 1,
        severity: 'notice',
        message: `Shell-form ${bc.keyword} ${tok(bc.text)} runs under \`/bin/sh -c\`: BusyBox sh execs a single command, so the app is PID 1 on this Alpine base, but it stops being so when a second command or another base image comes in`,
        remediation: fixFor(bc)
      })
      return
    }
    report({
      line,
      column: 1,
      message: `Shell-form ${bc.keyword} ${tok(bc.text)} runs under \`/bin/sh -c\`: the shell is PID 1 and SIGTERM does not reach the app`,
      remediation: fixFor(bc)
    })
    return
  }
  const script = shellScriptOf(bc.exec)
  if (script !== undefined) {
    if (/^\s*exec\s/.test(script) || !/(&&|;|\|\||\n)/.test(script)) return
    if (/(^|[;&|]\s*)exec\s/.test(script)) return
    report({
      line,
      column: 1,
      message: `${bc.keyword} ${tok(bc.text)} starts the app from \`sh -c\` without \`exec\`: the shell keeps PID 1 and swallows SIGTERM`,
      remediation: `Prefix the long-running command with exec so it replaces the shell: ${bc.keyword} ${JSON.stringify([bc.exec[0], '-c', execLast(script)])}`
    })
    return
  }
  const text = bc.text.trim()
  if (PKG_START.test(text)) {
    const pm = text.split(/\s+/)[0]
    report({
      line,
      column: 1,
      message: `${bc.keyword} ${tok(text)} makes ${pm} PID 1: ${pm} does not reliably forward SIGTERM to the Node process, so in-flight requests are cut at SIGKILL`,
      remediation:
        'Run node directly in exec form, with the command your start script runs, e.g. CMD ["node", "dist/server.js"]; ' +
        'add `init: true` (compose) or tini (ENTRYPOINT ["/sbin/tini", "--"]) if the app spawns child processes.'
    })
  }
}

/** `a && b` → `a && exec b`: only the last command should replace the shell. */
function execLast(script: string): string {
  const at = Math.max(script.lastIndexOf('&&') + 2, script.lastIndexOf(';') + 1)
  const head = script.slice(0, at)
  const tail = script.slice(at).trimStart()
  return `${head}${head ? ' ' : ''}exec ${tail}`
}

function fixFor(bc: BootCommand): string {
  const exec = toExecForm(bc.text)
  if (exec) return `Use the exec form so the app is PID 1 and receives SIGTERM: ${bc.keyword} ${exec}`
  return (
    `Move the shell logic into an entrypoint script that ends with \`exec "$@"\` (or prefix the last command with exec: ` +
    `${bc.keyword} ["sh", "-c", "... && exec <server>"]), and keep ${bc.keyword} in exec form.`
  )
}

function checkKubernetes(file: SourceFile, report: ReportFn): void {
  for (const w of kubernetesOf(file).workloads) {
    if (w.kind === 'Job' || w.kind === 'CronJob') continue
    for (const c of w.containers) {
      if (c.init) continue
      const argv = [...(c.command ?? []), ...(c.args ?? [])]
      const script = shellScriptOf(argv)
      if (script === undefined || !/(&&|;|\n)/.test(script.trim())) continue
      if (/(^|[;&|\n]\s*)exec\s/.test(script)) continue
      report({
        line: c.commandLine,
        message: `Container ${tok(c.name)} starts through \`${argv[0]} -c\` without \`exec\`: the shell keeps PID 1 and SIGTERM never reaches the app`,
        remediation: `Prefix the last command with exec (\`... && exec <server>\`) or move the steps into an entrypoint script that ends with \`exec "$@"\`.`
      })
    }
  }
}

/** A long-running server or worker: what a start script exists to launch. */
const SERVER_LAUNCH =
  /^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:java\s[^;&|]*(?:-jar|-cp|-classpath)\s|uvicorn\s|gunicorn\s|hypercorn\s|daphne\s|celery\s[^;&|]*\bworker\b|puma\b|unicorn\s|sidekiq\b|bundle\s+exec\s+(?:puma|unicorn|sidekiq|rails\s+s(?:erver)?)\b|(?:bin\/)?rails\s+s(?:erver)?\b)/

/**
 * The script does more after the server (`stop-db.sh` once java returns): the server line is still
 * a child of the shell. Reported when no line of the script execs or backgrounds anything.
 */
function reportServer(lines: readonly { text: string; line: number; column: number }[], report: ReportFn): void {
  if (lines.some((l) => /^exec\s/.test(l.text) || /(^|[;&|]\s*)exec\s/.test(l.text))) return
  const server = [...lines].reverse().find((l) => SERVER_LAUNCH.test(l.text) && !/&\s*$/.test(l.text))
  if (!server) return
  report({
    line: server.line,
    column: server.column,
    message: `Start script runs ${tok(server.text)} as a child of its shell, without \`exec\` or a trap: SIGTERM stops at the shell and never reaches the app`,
    remediation: `Run the server with \`exec\` as the script's last step (\`exec ${server.text.slice(0, 60)}...\`), moving the commands after it into a trap or the platform's stop hook.`
  })
}

function checkScript(file: SourceFile, report: ReportFn): void {
  const code = file.code
  if (/\btrap\b[^\n]*\b(TERM|SIGTERM|15)\b/.test(code)) return // the script forwards signals itself
  // Logical lines: a command continued with `\` is one command, reported on its first line.
  const raw = code.split(/\r\n|\r|\n/)
  const lines: { text: string; line: number; column: number }[] = []
  for (let i = 0; i < raw.length; i++) {
    const first = i
    let text = raw[i]
    while (/\\\s*$/.test(text) && i + 1 < raw.length && text.length < 4000) text = text.replace(/\\\s*$/, ' ') + raw[++i].trim()
    lines.push({ text: text.trim(), line: first + 1, column: raw[first].indexOf(raw[first].trim()) + 1 })
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const { text: t, line, column } = lines[i]
    if (t === '' || /^(fi|done|esac|\}|;;|else|then|do)$/.test(t)) continue
    // Messages after the server line (an `else echo "not installed"` branch) do not start anything.
    if (/^(echo|printf|log|>&2)\b/.test(t)) continue
    if (t.length > 4000) return
    if (/^exec\s/.test(t) || /&\s*$/.test(t) || /^(wait|exit)\b/.test(t)) return
    if (!LAUNCHER.test(t)) return reportServer(lines, report)
    report({
      line,
      column,
      message: `Entrypoint script runs ${tok(t)} without \`exec\`: the script's shell stays PID 1 and SIGTERM never reaches the app`,
      remediation: `Replace the shell with the app: \`exec ${t}\` (for the usual pattern, end the script with \`exec "$@"\`).`
    })
    return
  }
}
