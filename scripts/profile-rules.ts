// Where the audit's time goes, rule by rule: runs the audit on one thread with every rule's check
// timed in CPU time (steadier than wall time on a busy machine), and prints the rules by total time with the files each one saw. A development aid next to
// `npm run bench` (which measures the whole); bundled on the fly by `npm run profile-rules -- PATH`.
import { resolve } from 'node:path'
import { runAudit } from '../src/audit.js'
import { defaultConfig } from '../src/config/schema.js'
import type { Rule } from '../src/engine/rule.js'
import { RULES } from '../src/rules/registry.js'

const root = resolve(process.argv[2] ?? '.')
/** This process's CPU time (user + system) in milliseconds. */
const cpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const spent = new Map<string, { ms: number; files: number }>()
// SourceFile.code (comment blanking) is computed once, by whichever rule asks first: time it apart.
const blanking = { ms: 0, files: 0 }
spent.set('(comment blanking)', blanking)
const timed: Rule[] = RULES.map((rule) => {
  if (!rule.check) return rule
  const check = rule.check
  const entry = { ms: 0, files: 0 }
  spent.set(rule.meta.id, entry)
  return {
    ...rule,
    check(file, report, ctx) {
      const b0 = cpuMs()
      void file.code
      const b1 = cpuMs()
      if (b1 - b0 > 0.002) {
        blanking.ms += b1 - b0
        blanking.files++
      }
      const t0 = cpuMs()
      try {
        check.call(rule, file, report, ctx)
      } finally {
        entry.ms += cpuMs() - t0
        entry.files++
      }
    }
  }
})
const t0 = cpuMs()
const result = runAudit({ root, config: defaultConfig(), rules: timed, jobs: 1 })
const total = cpuMs() - t0
const inRules = [...spent.values()].reduce((sum, e) => sum + e.ms, 0)
console.log(`${result.stats.files} files, ${(result.stats.bytes / 1e6).toFixed(1)} MB, ${result.findings.length} findings: ${total.toFixed(0)} ms in all, ${inRules.toFixed(0)} ms in rule checks`)
console.log('| rule | ms | files checked | µs/file |\n|---|---:|---:|---:|')
for (const [id, e] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.argv[3] ?? 15))) {
  console.log(`| ${id} | ${e.ms.toFixed(0)} | ${e.files} | ${e.files ? ((e.ms * 1000) / e.files).toFixed(0) : '-'} |`)
}
