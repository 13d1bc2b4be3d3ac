// TF1102: the app routes or rotates its own logs: logrotate configs, log shippers installed or
// started inside the app image, and in-app handlers that ship logs to syslog/sockets/vendors.
import type { Rule, ReportFn } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { dockerfileOf } from '../../parsers/dockerfile.js'
import { ENTRYPOINT_SCRIPT, matchesIn, tok } from '../shared/ix-xii-boot.js'

const AGENTS = 'logrotate|filebeat|fluentd|fluent-bit|td-agent|td-agent-bit|promtail|logstash|rsyslog|syslog-ng|vector|datadog-agent|newrelic-infra|splunkforwarder|nxlog'
const INSTALL = new RegExp(`\\b(?:apt-get|apt|apk|yum|dnf|microdnf|zypper)\\s+(?:-\\S+\\s+)*(?:install|add)\\b[^&;|]*?\\b(${AGENTS})\\b`, 'g')
const DOWNLOAD = /\b(?:curl|wget)\b[^&;|]*\b(filebeat|fluent-bit|promtail|vector|td-agent)[-_][\w.-]*\.(?:deb|rpm|tar\.gz|tgz|zip)\b/g
const COPY_CONF = /\/etc\/(logrotate\.d|logrotate\.conf|filebeat|fluent-bit|td-agent|fluentd|promtail|rsyslog\.d|rsyslog\.conf|vector)\b/

const CODE: Partial<Record<string, [RegExp, string][]>> = {
  javascript: [[/(?:require\s*\(\s*|from\s+)['"](winston-(?:syslog|elasticsearch|loggly|cloudwatch|logstash|papertrail|graylog2|mongodb)|pino-(?:elasticsearch|syslog|socket|mongodb|cloudwatch)|log4js-(?:logstash|syslog)[\w-]*|bunyan-(?:syslog|logstash)[\w-]*)['"]/g, 'ships logs from the app with']],
  python: [
    [/\b(?:logging\.)?handlers\.(SysLogHandler|SocketHandler|DatagramHandler|HTTPHandler)\s*\(|\b(SysLogHandler)\s*\(|['"]logging\.handlers\.(SysLogHandler|SocketHandler|DatagramHandler|HTTPHandler)['"]/g, 'ships logs from the app with'],
    // `fluent` is fluent-logger (Fluentd); `fluent.runtime`/`fluent.syntax` are Mozilla's localization library.
    [/\b(?:import|from)\s+(watchtower|logging_loki|graypy|logstash_async|fluent)\b(?!\.(?:runtime|syntax|pygments|migrate)\b)/g, 'ships logs from the app with']
  ],
  ruby: [[/\b(Syslog::Logger\.new|LogStashLogger\.new|RemoteSyslogLogger\.new)/g, 'ships logs from the app with']],
  go: [[/\bsyslog\.(?:New|Dial)\s*\(/g, 'ships logs from the app with']],
  java: [[/\bnew\s+(SocketHandler|SyslogAppender|LogstashTcpSocketAppender)\s*\(/g, 'ships logs from the app with']],
  xml: [[/\bclass\s*=\s*["'](net\.logstash\.logback\.appender\.Logstash(?:Tcp|Udp)SocketAppender|ch\.qos\.logback\.classic\.net\.(?:Syslog|Socket)Appender|org\.apache\.log4j\.net\.\w+Appender)["']|<(Syslog|Socket|Http|Kafka|Flume)\b[^>]*\bname\s*=/g, 'ships logs from the app with']]
}

const META = {
  id: 'TF1102',
  name: 'self-managed-log-routing',
  factor: 'XI' as const,
  severity: 'warning' as const,
  summary: 'The app routes or rotates its own logs: logrotate configs, log shippers inside the app image, in-app syslog/socket/vendor handlers.',
  why:
    'The app should emit one event stream and leave routing, storage and rotation to the execution environment (log router, node ' +
    'agent or sidecar). Shippers and rotation inside the app couple it to one destination, need config per environment, and lose ' +
    'events when the container dies.',
  remediation:
    'Write logs to stdout and configure routing outside the app: the platform log driver, a node-level agent (Fluent Bit DaemonSet) or ' +
    'a sidecar. Drop logrotate and agents from the app image.'
}

export const selfManagedLogRouting: Rule = {
  meta: { ...META, languages: ['javascript', 'typescript', 'python', 'ruby', 'go', 'java', 'kotlin'] },
  files: { kinds: ['dockerfile', 'source', 'xml', 'ini', 'other'] },
  keywords: ['logrotate', 'stdout_logfile', 'stderr_logfile', 'rotate', 'filebeat', 'fluent', 'td-agent', 'promtail', 'logstash', 'syslog', 'vector', 'datadog-agent', 'newrelic-infra', 'splunkforwarder', 'nxlog', 'winston-', 'pino-', 'log4js-', 'bunyan-', 'sockethandler', 'datagramhandler', 'httphandler', 'smtphandler', 'watchtower', 'logging_loki', 'graypy', 'socketappender', '<socket', '<http', '<kafka', '<flume', 'eventloghandler'],
  check(file, report) {
    if (file.kind === 'dockerfile') return checkDockerfile(file, report)
    if (/(^|\/)logrotate(\.d\/[^/]+|[^/]*\.conf)$/.test(file.path)) return checkLogrotate(file, report)
    if (/(^|\/)supervisor(d)?[^/]*\.conf$|(^|\/)supervisor\/conf\.d\/[^/]+$/.test(file.path)) return checkSupervisor(file, report)
    if (file.language === 'shell' && ENTRYPOINT_SCRIPT.test(file.path)) {
      const agent = new RegExp(`^[ \\t]*(?:exec[ \\t]+|nohup[ \\t]+)?(?:/[\\w/.-]*/)?(${AGENTS})\\b[^\\n]*|^[ \\t]*(?:service|rc-service)[ \\t]+(rsyslog|syslog-ng|filebeat|td-agent|fluent-bit)[ \\t]+start\\b`, 'gm')
      for (const { m, line, column } of matchesIn(file, agent)) {
        report({ line, column, message: `Entrypoint starts the log shipper/rotator ${tok(m[1] ?? m[2])} inside the app container`, remediation: META.remediation })
      }
      return
    }
    const key = file.language === 'typescript' ? 'javascript' : file.language === 'kotlin' ? 'java' : file.kind === 'xml' ? (/(logback|log4j)[^/]*\.xml$/i.test(file.path) ? 'xml' : '') : file.language
    for (const [re, verb] of CODE[key] ?? []) {
      for (const { m, line, column } of matchesIn(file, re)) {
        const what = (m.slice(1).find((g) => g) ?? m[0]).replace(/\s*\($/, '')
        report({ line, column, message: `The app ${verb} ${tok(what)} instead of writing an event stream to stdout`, remediation: META.remediation })
      }
    }
  }
}

function checkDockerfile(file: SourceFile, report: ReportFn): void {
  const d = dockerfileOf(file)
  const final = Math.max(0, d.stages.length - 1)
  for (const ins of d.instructions) {
    if (ins.stage !== final) continue
    if (ins.keyword === 'RUN') {
      for (const re of [INSTALL, DOWNLOAD]) {
        re.lastIndex = 0
        const m = re.exec(ins.args)
        if (m) {
          report({ line: ins.line, message: `The app image installs ${tok(m[1])}: rotating or shipping logs is the execution environment's job, not the app's`, remediation: META.remediation })
          break
        }
      }
    } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && COPY_CONF.test(ins.args)) {
      const m = COPY_CONF.exec(ins.args)!
      report({ line: ins.line, message: `The app image ships log routing config into ${tok(m[0])}`, remediation: META.remediation })
    }
  }
}

function checkLogrotate(file: SourceFile, report: ReportFn): void {
  const m = /^[ \t]*(\/[^\s{]+)[^\n{]*\{/m.exec(file.code)
  if (!m) return
  const pos = file.position(m.index + m[0].indexOf(m[1]))
  report({ line: pos.line, column: pos.column, message: `logrotate config rotates the app's log file ${tok(m[1])}: the app should not own log files or their rotation`, remediation: META.remediation })
}

function checkSupervisor(file: SourceFile, report: ReportFn): void {
  // stdout_logfile=/app/logs/api.log: the program's event stream goes to a file in the container, not to the container's stdout.
  let program = ''
  file.code.split(/\r\n|\r|\n/).forEach((l, i) => {
    const head = /^\s*\[program:([^\]]*)\]/.exec(l)
    if (head) program = head[1]
    else if (/^\s*\[/.test(l)) program = ''
    const m = /^\s*(stdout_logfile|stderr_logfile)\s*=\s*(\S+)/.exec(l)
    if (!m || !program || /^(\/dev\/(std(out|err)|fd\/[12])|\/proc\/(self|1)\/fd\/[12]|NONE|AUTO)$/i.test(m[2])) return
    // The stderr line of a program whose stdout already went to a file adds nothing: one finding per program.
    if (m[1] === 'stderr_logfile' && /^\s*stdout_logfile\s*=\s*(?!\/dev\/|\/proc\/|NONE|AUTO)\S/im.test(file.code.slice(file.code.lastIndexOf(`[program:${program}]`), file.code.indexOf(l)))) return
    report({
      line: i + 1,
      column: l.indexOf(m[2]) + 1,
      message: `supervisord writes program ${tok(program)}'s ${m[1] === 'stdout_logfile' ? 'stdout' : 'stderr'} to the file ${tok(m[2])} inside the container instead of the container's stdout`,
      remediation: `Send it to the container's stream: \`${m[1]}=/dev/${m[1] === 'stdout_logfile' ? 'stdout' : 'stderr'}\` with \`${m[1]}_maxbytes=0\`, and let the platform collect and route it.`
    })
  })
  for (const { m, line } of matchesIn(file, new RegExp(`^\\[program:([^\\]]*)\\][^\\n]*\\n(?:[^\\[\\n][^\\n]*\\n)*?\\s*command\\s*=\\s*[^\\n]*\\b(${AGENTS})\\b`, 'gm'))) {
    report({ line, message: `supervisord runs the log shipper ${tok(m[2])} (program ${tok(m[1])}) inside the app container`, remediation: META.remediation })
  }
}
