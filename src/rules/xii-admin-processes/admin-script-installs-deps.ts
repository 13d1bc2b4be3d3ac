// TF1203: a one-off admin script that installs its own dependencies instead of running with the
// release's dependency set.
import type { Rule } from '../../engine/rule.js'
import { isAdminScript, matchesIn, tok } from '../shared/ix-xii-boot.js'

/** Scripts whose job is installing things. */
const SETUP_NAME = /(^|[/_.-])(setup|bootstrap|install|build|ci|deps|dependencies|dev|prepare|init|provision|docker|release|deploy|package|vendor|lint|test|format|fmt|env|venv|ensure)([_.-]|$)/i
const INSTALL = /\b(pip3?\s+install|python3?\s+-m\s+pip\s+install|poetry\s+add|npm\s+(?:install|i)\s+(?!--?ci)\S|npm\s+install\s*$|yarn\s+add|pnpm\s+add|gem\s+install|bundle\s+install|go\s+(?:get|install)\s+\S|apt-get\s+install|apk\s+add)/gm
const IN_CODE = /\b(?:subprocess\.\w+|os\.system|os\.popen|execSync|exec|spawnSync|spawn|system|Kernel\.system)\s*\(\s*(?:\[\s*)?['"`](?:pip3?|npm|gem|yarn|pnpm|bundle)['"`]?\s*,?\s*['"`]?(install|add|i)\b|\bpip\.main\s*\(\s*\[\s*['"]install['"]|['"]-m['"]\s*,\s*['"]pip['"]\s*,\s*['"]install['"]/g

export const adminScriptInstallsDeps: Rule = {
  meta: {
    id: 'TF1203',
    name: 'admin-script-installs-deps',
    factor: 'XII',
    severity: 'warning',
    summary: 'A one-off admin script installs its own dependencies (pip/npm/gem install inside the script).',
    why:
      'One-off admin processes run in an identical environment to the release: same code, same dependency isolation. A script that ' +
      'installs packages at run time uses versions the release never tested, needs network access in production, and drifts from ' +
      'the manifest.',
    remediation: 'Declare what the script needs in the app manifest (requirements.txt, package.json, Gemfile) so it ships with the release, and run it with the release tooling (python manage.py <cmd>, npm run <task>, bundle exec rake <task>).',
    languages: ['python', 'javascript', 'typescript', 'ruby', 'shell']
  },
  files: { kinds: ['source', 'other'], path: /(^|\/)(scripts?|bin|tasks|tools|admin|ops|management\/commands|lib\/tasks)\/[^/]+$/ },
  keywords: ['install', ' add', 'go get'],
  check(file, report) {
    if (!isAdminScript(file.path) || SETUP_NAME.test(file.name) || file.language === 'none') return
    const re = file.language === 'shell' ? INSTALL : IN_CODE
    for (const { m, line, column } of matchesIn(file, re)) {
      const text = file.line(line)
      if (/^\s*(echo|printf)\b|Run:|usage/i.test(text)) continue
      report({ line, column, message: `Admin script ${file.name} installs dependencies itself (${tok(m[0])}): it runs with packages the release never shipped`, remediation: adminScriptInstallsDeps.meta.remediation })
    }
  }
}
