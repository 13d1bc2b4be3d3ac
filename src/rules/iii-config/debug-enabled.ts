// TF0307: debug mode switched on in code (Django DEBUG = True, Flask config DEBUG = True). Whether a
// deploy shows tracebacks is per-deploy config; hardcoded on, production leaks settings and source.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { isDevSettings, isTemplatePath } from '../../model/paths.js'
import { inNonProductionCode } from '../../model/blocks.js'

const DJANGO = /^DEBUG\s*=\s*True\b/gm
const FLASK = /\b\w{1,40}\.(?:config\[\s*["']DEBUG["']\s*\]\s*=\s*True\b|debug\s*=\s*True\b|config\.update\s*\([^)]{0,300}?\bDEBUG\s*=\s*True\b)/g

export const debugEnabled: Rule = {
  meta: {
    id: 'TF0307',
    name: 'debug-enabled',
    factor: 'III',
    severity: 'warning',
    summary: 'Debug mode hardcoded on in application settings (Django DEBUG = True, Flask DEBUG).',
    why:
      'Debug mode is config that differs between a developer\'s machine and production. Set in code, every deploy ' +
      'gets it, and in production it exposes tracebacks, settings and source to anyone who triggers an error.',
    remediation: 'Read it from the environment, off unless asked for: DEBUG = os.environ.get("DEBUG") == "1".',
    languages: ['python']
  },
  files: { kinds: ['source'], languages: ['python'] },
  keywords: ['debug'],
  check(file, report) {
    if (isDevSettings(file.path) || isTemplatePath(file.path)) return // settings/dev.py, local_settings.py: debug is their point
    const code = file.code
    const django = /settings/i.test(file.path) || code.includes('INSTALLED_APPS')
    // FLASK starts at every word: run it only where `.config` or `.debug` occurs
    const flask = code.includes('.config') || code.includes('.debug')
    for (const re of [...(django ? [DJANGO] : []), ...(flask ? [FLASK] : [])]) {
      re.lastIndex = 0
      for (let m = re.exec(code); m; m = re.exec(code)) {
        const at = m.index + m[0].lastIndexOf('True')
        // `if FLASK_ENV == "development":` and the `if __name__ == "__main__":` dev-server entry point
        if (inNonProductionCode(file, at) || inMainGuard(file, at)) continue
        report({ ...file.position(at), message: `${re === DJANGO ? 'Django DEBUG' : 'Flask debug mode'} is hardcoded to True` })
      }
    }
  }
}

/** Inside `if __name__ == "__main__":` (the script run by hand; production imports the module)? */
function inMainGuard(file: SourceFile, offset: number): boolean {
  const i = file.position(offset).line - 1
  if (!/^\s/.test(file.lines[i] ?? '')) return false
  for (let j = i - 1; j >= 0 && i - j < 200; j--) {
    const line = file.lines[j]
    if (!/^\S/.test(line) || line.startsWith('#')) continue
    return /^if\s+__name__\s*==\s*["']__main__["']\s*:/.test(line)
  }
  return false
}
