#!/usr/bin/env node
// CLI entry point (bundled to dist/cli/index.js). All logic lives in cli/main.ts.
// The same bundle serves the audit's worker threads (engine/worker-pool.ts).
import { runCli } from './cli/main.js'
import { isAuditWorker, serveAuditWorker } from './engine/worker-pool.js'
import { RULES } from './rules/registry.js'

if (isAuditWorker()) {
  serveAuditWorker(RULES)
} else {
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
    workerEntry: new URL(import.meta.url)
  })
}
