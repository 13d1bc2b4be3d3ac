#!/usr/bin/env node
// CLI entry point (bundled to dist/cli/index.js). All logic lives in cli/main.ts.
import { runCli } from './cli/main.js'

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTty: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  env: process.env
})
