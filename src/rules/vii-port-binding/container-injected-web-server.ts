// TF0702: apps that depend on a container to inject the web server instead of binding a port
// themselves: Java WAR packaging for an external servlet container, PHP apps that only run under
// mod_php (.htaccess directives, no image, Procfile or built-in server), Python WSGI apps whose
// only entry is an Apache mod_wsgi config.
import type { Rule } from '../../engine/rule.js'
import { dockerfileOf } from '../../parsers/dockerfile.js'
import { procfileOf } from '../../parsers/procfile.js'

interface ApacheFact {
  file: string
  line: number
  column: number
  kind: 'php' | 'wsgi'
  token: string
  app: string
}
const KEY = 'tf0702:apache'

const JAVA_FIX = 'Package an executable application with an embedded server: Spring Boot (`<packaging>jar</packaging>` + spring-boot-maven-plugin, `java -jar app.jar` binds server.port/$PORT), or embed Jetty/Undertow, and drop the external Tomcat/WebLogic/JBoss deployment.'
const PHP_FIX = 'Make the app export HTTP itself: ship an image that runs the server in the foreground (`FROM php:8.3-apache` or php-fpm + Caddy/nginx in one service, `EXPOSE 8080`), or a Procfile `web: heroku-php-apache2 public/`; for development `php -S 0.0.0.0:${PORT:-8000} -t public`.'
const WSGI_FIX = 'Serve the WSGI app with a server the app depends on: add gunicorn to requirements.txt and run `gunicorn --bind 0.0.0.0:${PORT:-8000} mysite.wsgi` (or `mod_wsgi-express start-server mysite/wsgi.py --port $PORT`).'

export const containerInjectedWebServer: Rule = {
  meta: {
    id: 'TF0702',
    name: 'container-injected-web-server',
    factor: 'VII',
    severity: 'warning',
    summary: 'The app relies on an external container (servlet container, mod_php, mod_wsgi) to provide its web server.',
    why: 'A twelve-factor app is completely self-contained and exports HTTP by binding a port; it does not rely on a web server being injected at run time. A WAR dropped into Tomcat, or code that only works under Apache\'s mod_php or mod_wsgi, ties the app to a hand-managed server whose version, config and port live outside the codebase.',
    remediation: 'Declare the web server as a dependency of the app and start it from the app\'s own process (embedded server, gunicorn, an image that runs the server).',
    languages: ['java', 'kotlin', 'php', 'python']
  },
  files: { kinds: ['manifest', 'other', 'ini'], roles: ['app'] },
  // Reports land on source lines the engine does not keep: have them re-read for snippets and suppressions.
  rereadReportedFiles: true,
  keywords: ['war', 'php', 'wsgiscriptalias'],
  check(file, report, ctx) {
    // Manifests are not comment-blanked by the engine: blank XML and Gradle comments here (offsets kept).
    const blank = (t: string): string => t.replace(/[^\n]/g, ' ')
    const code =
      file.name === 'pom.xml' ? file.text.replace(/<!--[\s\S]*?-->/g, blank) : /^build\.gradle/.test(file.name) ? file.text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, blank) : file.code
    if (file.kind === 'manifest') {
      if (file.name === 'pom.xml') {
        const m = /<packaging>\s*war\s*<\/packaging>/.exec(code)
        if (!m || /spring-boot-maven-plugin/.test(code)) return
        const p = file.position(m.index)
        report({ ...p, message: '<packaging>war</packaging> builds an archive that needs an external servlet container to serve HTTP', remediation: JAVA_FIX })
      } else if (/^build\.gradle(\.kts)?$/.test(file.name)) {
        const m = /^[ \t]*(?:id\s*\(?\s*["']war["']\s*\)?|apply\s+plugin\s*:\s*["']war["'])/m.exec(code)
        if (!m || /org\.springframework\.boot/.test(code)) return
        const p = file.position(m.index + (m[0].length - m[0].trimStart().length))
        report({ ...p, message: `${m[0].trim()} builds a WAR that needs an external servlet container to serve HTTP`, remediation: JAVA_FIX })
      }
      return
    }
    const isHtaccess = file.name === '.htaccess'
    if (!isHtaccess && !/\.conf$/i.test(file.name)) return
    const php = /^[ \t]*(php_value|php_flag|php_admin_value|php_admin_flag|AddHandler\s+\S*php\S*|SetHandler\s+\S*php\S*|AddType\s+application\/x-httpd-php)\b/im.exec(code)
    const wsgi = /^[ \t]*WSGIScriptAlias\b/im.exec(code)
    for (const [m, kind] of [[php, 'php'], [wsgi, 'wsgi']] as const) {
      if (!m) continue
      const p = file.position(m.index + (m[0].length - m[0].trimStart().length))
      ctx.facts.add<ApacheFact>(KEY, { file: file.path, line: p.line, column: p.column, kind, token: m[0].trim().split(/\s+/)[0], app: ctx.app?.path ?? '.' })
    }
  },
  checkRepo(repo, report) {
    const facts = repo.facts.get<ApacheFact>(KEY)
    if (facts.length === 0) return
    // Anything that starts a server of the app's own: an image, a Procfile, a compose service.
    const serverDeclared = repo.files.some((f) => {
      if (f.role === 'test' || f.role === 'docs' || f.role === 'example') return false
      const file = repo.get(f.path)
      if (!file) return false
      if (f.kind === 'procfile') return procfileOf(file).some((p) => p.type === 'web')
      if (f.kind === 'dockerfile') return dockerfileOf(file).instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT' || i.keyword === 'FROM')
      if (f.kind === 'compose') return true
      return false
    })
    if (serverDeclared) return
    const pythonServer = repo.files.some((f) => {
      if (f.kind !== 'manifest') return false
      const file = repo.get(f.path)
      return file !== undefined && /\b(?:gunicorn|uwsgi|waitress|uvicorn|hypercorn|daphne|granian|mod[-_]wsgi|bjoern|cheroot)\b/i.test(file.text)
    })
    const phpApp = repo.apps.some((a) => a.language === 'php') || repo.files.some((f) => f.language === 'php')
    const pythonApp = repo.apps.some((a) => a.language === 'python') || repo.files.some((f) => f.language === 'python')
    const seen = new Set<string>()
    for (const f of facts) {
      if (f.kind === 'php' && !phpApp) continue
      if (f.kind === 'wsgi' && (!pythonApp || pythonServer)) continue
      if (seen.has(`${f.kind}:${f.file}`)) continue
      seen.add(`${f.kind}:${f.file}`)
      report({
        file: f.file,
        line: f.line,
        column: f.column,
        message: f.kind === 'php' ? `${f.token} configures mod_php, and the app has no image, Procfile or server of its own: it only runs inside an Apache host` : 'WSGIScriptAlias is the only entry of this WSGI app: it runs only inside Apache mod_wsgi',
        remediation: f.kind === 'php' ? PHP_FIX : WSGI_FIX
      })
    }
  }
}
