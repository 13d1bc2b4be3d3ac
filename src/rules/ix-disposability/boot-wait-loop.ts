// TF0903: startup that sleeps in a loop waiting for a database or broker before the app starts.
import type { Rule, ReportFn } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { kubernetesOf } from '../../parsers/kubernetes.js'
import { bootCommands, ENTRYPOINT_SCRIPT, MAX_LINE, shellScriptOf, tok } from '../shared/ix-xii-boot.js'

/** Something that probes a backing service. */
const PROBE = /\b(nc|ncat|netcat|pg_isready|mysqladmin|mysql|psql|redis-cli|curl|wget|nslookup|getent|ping|telnet|mongo|mongosh|rabbitmqctl|cqlsh)\b|\/dev\/tcp\/|manage\.py\s+(check|wait|showmigrations)|db:(version|migrate:status)/
const WAIT_TOOL = /\b(wait-for-it(\.sh)?|wait-for(\.sh)?|dockerize\s[^|;&]*-wait|wait4x|wait-on)\b/

const META = {
  id: 'TF0903',
  name: 'boot-wait-loop',
  factor: 'IX' as const,
  severity: 'notice' as const,
  summary: 'A sleep loop (or wait-for script) in the boot path holds startup until a backing service answers.',
  why:
    'Disposable processes start in seconds and cope with a backing service that is briefly away. A sleep loop in the entrypoint makes ' +
    'startup as slow as the slowest dependency, hides outages behind a process that looks alive, and multiplies on every restart and scale-out.',
  remediation:
    'Let the app connect with retries and back-off (and fail its readiness probe until connected) instead of sleeping in the entrypoint; ' +
    'for local compose use `depends_on: {db: {condition: service_healthy}}`.'
}

export const bootWaitLoop: Rule = {
  meta: META,
  files: { kinds: ['dockerfile', 'source', 'other', 'kubernetes'], roles: ['app'] },
  keywords: ['sleep', 'wait-for', 'dockerize', 'wait4x', 'wait-on'],
  check(file, report) {
    if (/(^|\/)\.devcontainer\//.test(file.path)) return
    if (file.kind === 'dockerfile') {
      const { entrypoint, cmd } = bootCommands(file)
      for (const bc of [entrypoint, cmd]) if (bc) checkText(bc.text, bc.instruction.line, report, `${bc.keyword}`)
    } else if (file.kind === 'kubernetes') {
      for (const w of kubernetesOf(file).workloads) {
        if (w.kind === 'Job' || w.kind === 'CronJob') continue
        for (const c of w.containers) {
          if (c.init) continue // an init container that waits is the platform's explicit ordering, not the app's boot
          const script = shellScriptOf([...(c.command ?? []), ...(c.args ?? [])])
          if (script !== undefined) checkText(script, c.commandLine, report, `container ${c.name}`)
        }
      }
    } else if (file.language === 'shell' && ENTRYPOINT_SCRIPT.test(file.path)) checkScript(file, report)
  }
}

/** One-line commands (CMD, sh -c): a while/until loop with sleep and a probe, or a wait-for tool. */
function checkText(text: string, line: number, report: ReportFn, where: string): void {
  if (text.length > MAX_LINE) return
  const loop = /\b(while|until)\b([^]*?)\bdone\b/.exec(text)
  if (loop && /\bsleep\b/.test(loop[2]) && PROBE.test(loop[2])) {
    report({ line, message: `${where} waits for a dependency in a sleep loop ${tok(loop[0], 70)}`, remediation: META.remediation })
    return
  }
  const wait = WAIT_TOOL.exec(text)
  if (wait) report({ line, message: `${where} blocks startup on ${tok(wait[0])} until a dependency answers`, remediation: META.remediation })
}

function checkScript(file: SourceFile, report: ReportFn): void {
  const lines = file.code.split(/\r\n|\r|\n/)
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]
    if (t.length > MAX_LINE) continue
    if (/^\s*(while|until)\b/.test(t)) {
      let block = ''
      let end = i
      for (let j = i; j < Math.min(lines.length, i + 15); j++) {
        block += `${lines[j]}\n`
        end = j
        if (/\bdone\b/.test(lines[j])) break
      }
      if (/\bsleep\b/.test(block) && PROBE.test(block)) {
        report({ line: i + 1, column: t.search(/\S/) + 1, message: `Entrypoint waits for a dependency in a sleep loop ${tok(t.trim())}`, remediation: META.remediation })
        return // one finding per script: fallback loops (pg_isready, else /dev/tcp) are the same wait
      }
      i = end
      continue
    }
    const wait = WAIT_TOOL.exec(t)
    if (wait && !/^\s*(echo|printf)\b/.test(t)) {
      report({ line: i + 1, column: wait.index + 1, message: `Entrypoint blocks startup on ${tok(wait[0])} until a dependency answers`, remediation: META.remediation })
    }
  }
}
