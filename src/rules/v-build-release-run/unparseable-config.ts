// TF0599: compose files, Kubernetes manifests, workflows and package.json that do not parse. The
// audit never crashes on them, but every rule that reads them is blind: say so, once per file.
import type { Rule } from '../../engine/rule.js'
import { packageJsonOf } from '../../parsers/package-json.js'
import { yamlOf } from '../../parsers/yaml.js'

const KIND_LABEL: Record<string, string> = { compose: 'Compose file', kubernetes: 'Kubernetes manifest', workflow: 'Workflow' }

export const unparseableConfig: Rule = {
  meta: {
    id: 'TF0599',
    name: 'unparseable-config',
    factor: 'V',
    severity: 'notice',
    summary: 'A compose file, Kubernetes manifest, workflow or package.json does not parse.',
    why: 'The release stage combines the build with config; a deployment descriptor that does not parse cannot be released as written, and every check of this audit that reads it is blind to its content.',
    remediation: 'Fix the syntax error at the reported line (run `docker compose config`, `kubectl apply --dry-run=client -f`, `actionlint` or `npm pkg get` to confirm).'
  },
  files: { kinds: ['compose', 'kubernetes', 'workflow', 'manifest'] },
  check(file, report) {
    if (file.kind === 'manifest') {
      if (file.name !== 'package.json') return
      const err = packageJsonOf(file).error
      if (!err) return
      report({ line: err.line, message: `package.json is not valid JSON: ${short(err.message)}`, remediation: 'Fix the JSON syntax (trailing commas and comments are not allowed); `node -e "require(\'./package.json\')"` shows the error.' })
      return
    }
    // Helm templates are not YAML until rendered: stay silent.
    if (file.text.includes('{{')) return
    const errors = yamlOf(file).errors
    if (errors.length === 0) return
    const first = errors[0]
    report({
      line: first.line,
      column: first.column,
      message: `${KIND_LABEL[file.kind] ?? 'YAML file'} does not parse: ${short(first.message)}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`
    })
  }
}

function short(message: string): string {
  const one = message.split('\n')[0].trim()
  return one.length > 120 ? `${one.slice(0, 119)}…` : one
}
