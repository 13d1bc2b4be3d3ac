// Action entry point (bundled to dist/index.js). All logic lives in main.ts.
// The same bundle serves the audit's worker threads (engine/worker-pool.ts).
import { isAuditWorker, serveAuditWorker } from './engine/worker-pool.js'
import { run } from './main.js'
import { RULES } from './rules/registry.js'

if (isAuditWorker()) serveAuditWorker(RULES)
else await run(process.env, { workerEntry: new URL(import.meta.url) })
