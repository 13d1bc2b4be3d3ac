// TF1101: the app writes its logs to files (file transports, handlers and appenders) instead of
// emitting an event stream on stdout. Records stdout/structured loggers as a fact for credit.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import type { Language, Severity } from '../../engine/types.js'
import { codeLines, isStartScript, matchesIn, pick, profileDocumentKind, tok } from '../shared/ix-xii-boot.js'
import { locateInCommand, startCommandsOf } from '../shared/v-viii-commands.js'
import { isDevOnlyPath } from '../../model/paths.js'
import { inNonProductionBlock } from '../../model/blocks.js'

/** Fact key: a logger that writes to stdout/stderr (or a structured JSON logger), for the factor summary's credit. */
export const FACT_STDOUT_LOGGING = 'xi-stdout-logging'
export interface StdoutLoggingFact { file: string; line: number; logger: string; app: string }

interface Pattern { re: RegExp; what: string }

const FILE_PATTERNS: Partial<Record<Language | 'xml' | 'properties' | 'yaml', Pattern[]>> = {
  javascript: [
    { re: /\bnew\s+\(?\s*(?:winston\.)?transports\.File\s*\)?\s*\(/g, what: 'winston File transport' },
    { re: /\bnew\s+\(?\s*(?:winston\.transports\.)?DailyRotateFile\s*\)?\s*\(/g, what: 'winston DailyRotateFile transport' },
    { re: /\bpino\.destination\s*\(\s*(?:\{[^}\n]*\bdest\s*:\s*)?['"`][^'"`\n]+['"`]/g, what: 'pino file destination' },
    { re: /\btarget\s*:\s*['"]pino\/file['"][^}\n]*\bdestination\s*:\s*['"`][^'"`\n]+['"`]/g, what: 'pino/file transport' },
    { re: /\btype\s*:\s*['"](?:file|dateFile|fileSync|multiFile)['"]/g, what: 'log4js file appender' },
    { re: /\bpath\s*:\s*['"`][^'"`\n]*\.log['"`]/g, what: 'bunyan file stream' },
    { re: /\bcreateWriteStream\s*\([^)\n]*\.log\b/g, what: 'fs.createWriteStream log file' }
  ],
  python: [
    // gunicorn.conf.py: accesslog/errorlog to a path ('-' is stdout)
    { re: /^[ \t]*(?:accesslog|errorlog)[ \t]*=[ \t]*f?['"](?!-['"])(?!\/dev\/std(?:out|err))[^'"\n]+['"]/gm, what: 'gunicorn log file setting' },
    { re: /\b(?:logging\.)?(?:handlers\.)?(?:Rotating|TimedRotating|Watched)?FileHandler\s*\(/g, what: 'logging file handler' },
    { re: /\bbasicConfig\s*\([^)\n]*\bfilename\s*=/g, what: 'logging.basicConfig with a filename' },
    { re: /['"]class['"]\s*:\s*['"]logging\.(?:handlers\.)?(?:Rotating|TimedRotating|Watched)?FileHandler['"]/g, what: 'LOGGING file handler' },
    { re: /\blogger\.add\s*\(\s*f?['"][^'"\n]+['"]/g, what: 'loguru file sink' }
  ],
  ruby: [
    { re: /^[ \t]*stdout_redirect\b[ \t(]*['"](?!\/dev\/std(?:out|err)['"])[^'"\n]+['"]/gm, what: 'puma stdout_redirect' },
    { re: /\b(?:ActiveSupport::)?Logger\.new\s*\(\s*(?:['"][^'"\n]+['"]|Rails\.root\.join\s*\(|File\.(?:open|join)\s*\(|["']?#\{)/g, what: 'Ruby Logger on a file path' },
    // production picks the file, other environments stdout: `Logger.new(Rails.env.production? ? Rails.root.join("log/x.log") : $stdout)`
    { re: /\b(?:ActiveSupport::)?Logger\.new\s*\(\s*Rails\.env\.production\?\s*\?\s*(?:Rails\.root\.join\s*\(|['"])/g, what: 'Ruby Logger on a file path in production' }
  ],
  java: [
    { re: /\bnew\s+FileHandler\s*\(/g, what: 'java.util.logging FileHandler' },
    { re: /\bnew\s+(?:Rolling)?FileAppender\s*\(/g, what: 'file appender' }
  ],
  go: [
    { re: /\b(?:log|logrus|logger)\.SetOutput\s*\(\s*(?:f|file|logFile|lf|fh|logfile)\s*\)/g, what: 'SetOutput(file)' },
    // log.New(F, prefix, flags) where F was opened as a file in the same file (checked below)
    { re: /\blog\.New\s*\(\s*(\w+)\s*,/g, what: 'log.New on a file' },
    { re: /\bos\.OpenFile\s*\(\s*["`][^"`\n]*\.log["`]/g, what: 'os.OpenFile of a log file' },
    { re: /&?lumberjack\.Logger\s*\{/g, what: 'lumberjack rotating file logger' },
    { re: /\bOutputPaths\s*:\s*\[\]string\s*\{[^}\n]*["`](?!stdout|stderr)[^"`\n]+["`]/g, what: 'zap OutputPaths file' }
  ],
  xml: [
    { re: /<appender\b[^>]*\bclass\s*=\s*["'](?:ch\.qos\.logback\.core\.(?:rolling\.)?(?:Rolling)?FileAppender|org\.apache\.log4j\.(?:DailyRolling|Rolling)?FileAppender)["']/g, what: 'file appender' },
    { re: /<(?:RollingRandomAccessFile|RollingFile|RandomAccessFile|File)\b[^>]*\bfileName\s*=/g, what: 'log4j2 file appender' }
  ],
  properties: [
    { re: /^[ \t]*logging\.file(?:\.name|\.path)?[ \t]*[=:][ \t]*\S/gm, what: 'Spring logging.file' },
    { re: /^[ \t]*log4j\.appender\.\w+[ \t]*=[ \t]*org\.apache\.log4j\.(?:DailyRolling|Rolling)?FileAppender\b/gm, what: 'log4j file appender' },
    { re: /^[ \t]*appender\.\w+\.type[ \t]*=[ \t]*(?:Rolling)?(?:RandomAccess)?File\b/gm, what: 'log4j2 file appender' }
  ],
  yaml: [{ re: /^([ \t]*)file:[ \t]*\r?\n\1[ \t]+(?:name|path):[ \t]*\S/gm, what: 'Spring logging.file' }]
}

const STDOUT_PATTERNS: Partial<Record<Language | 'xml', [RegExp, string][]>> = {
  javascript: [[/\btransports\.Console\b/, 'winston Console'], [/\bpino\s*\(/, 'pino'], [/\bbunyan\.createLogger\b/, 'bunyan'], [/\bconsole\.(log|info|error)\s*\(/, 'console']],
  python: [[/\bStreamHandler\s*\(/, 'logging.StreamHandler'], [/\bstructlog\b/, 'structlog'], [/\bbasicConfig\s*\((?![^)\n]*filename)/, 'logging.basicConfig'], [/json_log_formatter|pythonjsonlogger/, 'JSON formatter']],
  ruby: [[/\bLogger\.new\s*\(\s*(?:STDOUT|\$stdout|STDERR|\$stderr)/, 'Logger(STDOUT)'], [/\bRAILS_LOG_TO_STDOUT\b/, 'RAILS_LOG_TO_STDOUT']],
  go: [[/\bslog\.New(?:JSON|Text)Handler\s*\(\s*os\.Std(?:out|err)/, 'slog'], [/\bzap\.NewProduction\s*\(/, 'zap'], [/\bzerolog\.New\s*\(\s*os\.Std(?:out|err)/, 'zerolog'], [/\blog\.SetOutput\s*\(\s*os\.Std(?:out|err)/, 'log']],
  java: [[/\bConsoleHandler\b/, 'ConsoleHandler']],
  xml: [[/ConsoleAppender|<Console\b|LogstashEncoder|JsonLayout|JsonTemplateLayout/, 'console appender']]
}

const SNIPPETS: Record<string, string> = {
  javascript: "Log to stdout and let the platform route it:\nconst logger = winston.createLogger({ format: winston.format.json(), transports: [new winston.transports.Console()] })\n// pino: const logger = pino() // JSON on stdout",
  python: "Log to stdout:\nlogging.basicConfig(stream=sys.stdout, level=logging.INFO)\n# or in a dictConfig: 'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout'",
  django: "LOGGING = {'version': 1, 'handlers': {'console': {'class': 'logging.StreamHandler'}}, 'root': {'handlers': ['console'], 'level': 'INFO'}}",
  ruby: 'logger = Logger.new($stdout)',
  rails: 'config.logger = ActiveSupport::TaggedLogging.new(ActiveSupport::Logger.new($stdout))',
  java: 'Use a console appender: <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender"> (with a JSON encoder if you want structure).',
  'spring-boot': 'Remove logging.file.name / logging.file.path: Spring Boot logs to the console by default (add logging.structured.format.console=ecs for JSON on 3.4+).',
  go: 'logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))',
  default: 'Write logs unbuffered to stdout/stderr and let the execution environment capture and route them.'
}

export const logToFile: Rule = {
  meta: {
    id: 'TF1101',
    name: 'log-to-file',
    factor: 'XI',
    severity: 'error',
    summary: 'The app writes its logs to files (file transports, handlers, appenders, logging.file) instead of stdout.',
    why:
      'A twelve-factor app never concerns itself with routing or storing its output: it writes an event stream to stdout and the ' +
      'execution environment collects it. Log files live on a disposable filesystem, vanish with the container, fill disks, and are ' +
      'invisible to the platform log pipeline.',
    remediation: SNIPPETS.default,
    languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go']
  },
  files: { kinds: ['source', 'xml', 'properties', 'yaml', 'procfile', 'dockerfile', 'compose', 'kubernetes'] },
  keywords: ['file', 'log.new', 'logfile', 'stdout_redirect', 'accesslog', 'errorlog', 'destination', '.log', 'logger.new', 'setoutput', 'lumberjack', 'outputpaths', 'transports.console', 'pino', 'bunyan', 'streamhandler', 'structlog', 'basicconfig', 'stdout', 'slog', 'zap', 'consoleappender', '<console', 'logger.add'],
  check(file, report, ctx) {
    if (file.kind === 'procfile' || file.kind === 'dockerfile' || file.kind === 'compose' || file.kind === 'kubernetes' || (file.language === 'shell' && isStartScript(file.path))) return checkServerFlags(file, report)
    const key = patternKey(file)
    if (!key) return
    const app = ctx.app?.path ?? '.'
    const stdout = STDOUT_PATTERNS[key as Language | 'xml']
    if (stdout) {
      for (const [re, logger] of stdout) {
        const at = file.code.search(re)
        if (at !== -1) {
          if (!ctx.facts.get<StdoutLoggingFact>(FACT_STDOUT_LOGGING).some((f) => f.app === app && f.logger === logger)) ctx.facts.add<StdoutLoggingFact>(FACT_STDOUT_LOGGING, { file: file.path, line: file.position(at).line, logger, app })
          break
        }
      }
    }
    const patterns = FILE_PATTERNS[key]
    if (!patterns) return
    if (key === 'javascript' && !/\b(winston|pino|log4js|bunyan|morgan|logger|log)\b/i.test(file.code)) return
    const lang = file.language === 'none' ? ctx.app?.language ?? 'java' : file.language
    const dev = isDevOnlyPath(file.path)
    for (const p of patterns) {
      for (const { m, line, column } of matchesIn(file, p.re)) {
        if (key === 'javascript' && p.what === 'bunyan file stream' && !/bunyan/.test(file.code)) continue
        if (key === 'javascript' && p.what === 'log4js file appender' && !/log4js/.test(file.code)) continue
        if (p.what === 'log.New on a file' && (/\bos\.OpenFile\s*\(\s*["`][^"`\n]*\.log["`]/.test(file.code) || !new RegExp(`\\b${m[1]}\\b[\\w\\s,]*:?=\\s*(?:[\\w.]+\\.)?(?:OpenFile|Create|MustOpen|Open)\\s*\\(`).test(file.code))) continue // the OpenFile of a .log file is reported itself
        if (key === 'python' && p.what === 'loguru file sink' && (!/\bloguru\b/.test(file.code) || /['"](?:sys\.)?std(?:out|err)['"]/.test(m[0]))) continue
        if (key === 'xml' && !/(logback|log4j|<configuration|<Configuration)/i.test(file.code.slice(0, 2000))) continue
        if (key === 'yaml' && parentKey(file, line) !== 'logging') continue
        if (/^\s*(class|def|func|function)\s/.test(file.line(line))) continue // a class named FileHandler (e.g. a Tornado upload handler)
        if (STDOUT_PATH.test(targetOf(file, key, m))) continue // a "file" that is the process's stdout/stderr
        if (file.kind === 'source' && inNonProductionBlock(codeLines(file), line - 1)) continue // if (NODE_ENV === 'development') ...
        if (key === 'xml' && m[0].startsWith('<') && !m[0].startsWith('<appender') && !log4j2Referenced(file, m.index)) continue
        if (key === 'xml' && m[0].startsWith('<appender') && !appenderReferenced(file, m.index)) continue
        if (key === 'xml' && inDevProfile(file, m.index)) {
          report({ line, column, severity: 'notice', message: `${p.what} ${tok(m[0], 60)} in a dev-only Spring profile writes logs to a file`, remediation: pick(SNIPPETS, ctx.app?.framework, lang) })
          continue
        }
        // A Python file in no web/worker framework app is often a CLI or batch tool: still reported, less loudly.
        const profile = key === 'yaml' || key === 'properties' ? profileDocumentKind(file.text, m.index) : undefined
        if (profile === 'test') continue // a test-only profile document, like application-test.yml
        if (profile) {
          report({ line, column, severity: 'notice', message: `${p.what} ${tok(file.line(line).trim(), 60)} in a dev-only Spring profile document writes logs to a file`, remediation: pick(SNIPPETS, ctx.app?.framework, lang) })
          continue
        }
        // A file copy next to the stdout stream (a tee) keeps the platform's log pipeline working: worth fixing, not blocking.
        const tee = !dev && alsoToStdout(file, key, line)
        // `if ENV["ENABLE_SLOW_QUERY_LOG"] == "true"`: a diagnostic log an operator switches on; production logs elsewhere by default.
        const optIn = !dev && file.kind === 'source' && envOptIn(file, line)
        const severity: Severity = dev ? 'notice' : tee || optIn || (key === 'python' && !ctx.app?.framework) ? 'warning' : 'error'
        report({
          line,
          column,
          severity,
          message: `${p.what} ${tok(key === 'xml' ? m[0] : key === 'properties' || key === 'yaml' ? file.line(line).trim() : callText(file.line(line).slice(column - 1)), 80)} writes logs to a file${dev ? ' (dev-only config)' : ''}${tee ? ' in addition to stdout: a second copy on a disposable disk that fills it and that the platform does not collect' : ' instead of streaming them to stdout'}`,
          remediation: pick(SNIPPETS, ctx.app?.framework, lang)
        })
      }
    }
  }
}

/**
 * Does the same configuration also stream the logs to stdout/stderr: a Rails BroadcastLogger over
 * `$stdout` and a file, a logback/log4j2 config whose loggers reference a console appender too,
 * Spring Boot's `logging.file` (Boot keeps its console appender unless the console pattern is
 * emptied), a winston Console transport, a Python StreamHandler, Go's io.MultiWriter(os.Stdout, f)?
 */
function alsoToStdout(file: SourceFile, key: string, line: number): boolean {
  const code = file.code
  switch (key) {
    case 'ruby': {
      const around = Array.from({ length: 8 }, (_, k) => file.line(line - 4 + k) ?? '').join('\n')
      return /BroadcastLogger|\.broadcast_to\s*\(|Logger\.broadcast\s*\(/.test(around) && /\$stdout|\bSTDOUT\b|\$stderr|\bSTDERR\b/.test(around)
    }
    case 'xml':
      return referencedConsole(file)
    case 'properties':
      return !/^[ \t]*logging\.pattern\.console[ \t]*[=:][ \t]*$/m.test(code)
    case 'yaml':
      return !/^[ \t]+console:[ \t]*(?:""|'')?[ \t]*$/m.test(code)
    case 'javascript':
      // A Console transport only outside production (`if (NODE_ENV !== 'production')`) is no copy in production.
      return [...code.matchAll(/\btransports\.Console\b/g)].some((m) => !inNonProductionBlock(codeLines(file), file.position(m.index).line - 1))
    case 'python':
      return /\bStreamHandler\b/.test(code)
    case 'go':
      return /\bio\.MultiWriter\s*\([^)\n]*\bos\.Std(?:out|err)\b/.test(code)
    case 'java':
      return /\bConsoleHandler\b|\bConsoleAppender\b/.test(code)
    default:
      return false
  }
}

/** Is line `line` inside an `if` (at most 6 lines up, less indented) that tests an environment variable? */
function envOptIn(file: SourceFile, line: number): boolean {
  const indent = (t: string): number => t.length - t.trimStart().length
  let own = indent(file.line(line))
  for (let l = line - 1; l >= 1 && l >= line - 6; l--) {
    const t = file.line(l)
    if (t.trim() === '' || indent(t) >= own) continue
    // A switch, not the environment's name: `NODE_ENV === 'production'` selects production itself.
    if (/^\s*(?:if|unless)\b.*(?:ENV\[|ENV\.fetch|process\.env|os\.environ|os\.getenv|System\.getenv|os\.Getenv)/.test(t)) return !/\b(?:NODE_ENV|RAILS_ENV|RACK_ENV|APP_ENV|FLASK_ENV|GO_ENV|ENVIRONMENT|STAGE)\b|production|prod\b/i.test(t)
    own = indent(t)
  }
  return false
}

/** A logback ConsoleAppender or a log4j2 <Console> appender that some logger references. */
function referencedConsole(file: SourceFile): boolean {
  for (const m of file.code.matchAll(/<appender\b[^>]*\bclass\s*=\s*["'][\w.]*ConsoleAppender["'][^>]*>|<Console\b[^>]*>/g)) {
    if (m[0].startsWith('<appender') ? appenderReferenced(file, m.index) : log4j2Referenced(file, m.index)) return true
  }
  return false
}

/** gunicorn --access-logfile/--error-logfile/--log-file and celery --logfile pointing at a file ('-' is stdout). */
const SERVER_LOG_FLAG = /\b(gunicorn|celery)\b[^\n;&|]*?\s(--access-logfile|--error-logfile|--log-file|--logfile)[ =]["']?((?!-(?:\s|["']|$))(?!\/dev\/std(?:out|err))[^\s"']+)/

function checkServerFlags(file: SourceFile, report: Parameters<NonNullable<Rule['check']>>[1]): void {
  // Development compose files and dev paths: the same files, quietly.
  const quiet = file.role !== 'app' || isDevOnlyPath(file.path)
  for (const cmd of startCommandsOf(file)) {
    if (cmd.command.length > 4000) continue
    const m = SERVER_LOG_FLAG.exec(cmd.command)
    if (!m) continue
    const pos = locateInCommand(file, cmd, new RegExp(m[2]))
    report({
      line: pos.line,
      column: pos.column,
      severity: quiet ? 'notice' : 'warning',
      message: `${cmd.label} starts ${m[1]} with ${tok(`${m[2]} ${m[3]}`)}: its ${m[2] === '--access-logfile' ? 'access log' : 'log'} goes to a file in the container instead of stdout`,
      remediation: m[1] === 'gunicorn' ? `Log to the process streams: \`${m[2]} -\` (gunicorn writes to stdout/stderr), and let the platform collect them.` : 'Drop --logfile: celery logs to stderr by default, which the platform collects.'
    })
  }
}

/** A call from its start to its closing parenthesis (the rest of the line when it closes on a later line). */
function callText(rest: string): string {
  let depth = 0
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '(') depth++
    else if (rest[i] === ')' && --depth === 0) return rest.slice(0, i + 1)
  }
  return rest
}

/** /dev/stdout, /dev/stderr, /proc/self/fd/1|2, /proc/1/fd/1|2 (as a whole value): the log stream, not a file; /dev/null keeps nothing. */
const STDOUT_PATH = /(^|[\s'"`=>:(])(\/dev\/(std(out|err)|null)|\/proc\/(self|1)\/fd\/[12])(?![\w/.])|\bos\.devnull\b|\bFile::NULL\b/

/** The text that names a match's target: its call arguments, its XML element, or its config line. */
function targetOf(file: SourceFile, key: string, m: RegExpExecArray): string {
  const code = file.code
  if (key === 'properties' || key === 'yaml') {
    const end = code.indexOf('\n', m.index + m[0].length)
    return code.slice(m.index, end === -1 ? code.length : end)
  }
  if (key === 'xml') {
    const close = m[0].startsWith('<appender') ? code.indexOf('</appender>', m.index) : code.indexOf('>', m.index)
    return code.slice(m.index, close === -1 ? m.index + 600 : Math.min(close + 1, m.index + 4000))
  }
  // An object entry (`'class': 'logging.FileHandler'`, `type: 'file'`): the rest of its object.
  if (!m[0].endsWith('(')) {
    const close = code.slice(m.index, m.index + 600).search(/[)}]/)
    return code.slice(m.index, close === -1 ? m.index + 600 : m.index + close)
  }
  // Call arguments: up to the parenthesis that closes the one the match opened (at most 600 characters).
  let depth = 0
  for (let i = m.index + m[0].length - 1; i < Math.min(code.length, m.index + 600); i++) {
    const c = code[i]
    if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') {
      depth--
      if (depth <= 0) return code.slice(m.index, i + 1)
    }
  }
  return code.slice(m.index, m.index + 600)
}

function patternKey(file: SourceFile): keyof typeof FILE_PATTERNS | undefined {
  switch (file.language) {
    case 'typescript':
    case 'javascript':
      return 'javascript'
    case 'kotlin':
    case 'java':
      return 'java'
    case 'python':
    case 'ruby':
    case 'go':
      return file.language
    default:
  }
  if (file.kind === 'xml' && /(logback|log4j)[^/]*\.xml$/i.test(file.path)) return 'xml'
  if (file.kind === 'properties' && /(^|\/)(application|bootstrap|log4j2?)[^/]*\.properties$/.test(file.path)) return 'properties'
  if (file.kind === 'yaml' && /(^|\/)(application|bootstrap)[^/]*\.ya?ml$/.test(file.path)) return 'yaml'
  return undefined
}

/** Inside <springProfile name="dev|local|test"> in a logback-spring.xml. */
function inDevProfile(file: SourceFile, offset: number): boolean {
  const before = file.code.slice(0, offset)
  const open = before.lastIndexOf('<springProfile')
  if (open === -1 || before.lastIndexOf('</springProfile>') > open) return false
  const tag = before.slice(open, before.indexOf('>', open) + 1)
  return /name\s*=\s*["'][^"']*\b(dev|development|local|test)\b/.test(tag) && !/!/.test(tag)
}

/** The key of the nearest less-indented line above a YAML line. */
function parentKey(file: SourceFile, line: number): string | undefined {
  const indent = (s: string): number => s.length - s.trimStart().length
  const own = indent(file.line(line))
  for (let l = line - 1; l >= 1; l--) {
    const t = file.line(l)
    if (t.trim() === '' || t.trim().startsWith('#')) continue
    if (indent(t) < own) return /^\s*([\w.-]+)\s*:/.exec(t)?.[1]
  }
  return undefined
}

/** A logback/log4j appender only writes if a logger references it by name. */
function appenderReferenced(file: SourceFile, offset: number): boolean {
  const tag = file.code.slice(offset, file.code.indexOf('>', offset) + 1)
  const name = /\bname\s*=\s*["']([^"']+)["']/.exec(tag)?.[1]
  if (!name) return true
  return file.code.includes(`ref="${name}"`) || file.code.includes(`ref='${name}'`)
}

/** A log4j2 appender writes only if some logger has <AppenderRef ref="name"/>. */
function log4j2Referenced(file: SourceFile, offset: number): boolean {
  const tag = file.code.slice(offset, file.code.indexOf('>', offset) + 1)
  const name = /\bname\s*=\s*["']([^"']+)["']/.exec(tag)?.[1]
  if (!name) return true
  return new RegExp(`<AppenderRef\\b[^>]*\\bref\\s*=\\s*["']${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`, 'i').test(file.code)
}
