// What static analysis cannot verify, per factor: a checklist for a reviewer to confirm by hand.
// Short on purpose; each item is something a person can check in a few minutes.
import type { Factor } from '../engine/types.js'

export const MANUAL_CHECKS: Record<Factor, readonly string[]> = {
  I: ['One codebase per app: other deployed apps do not share this repository except through libraries.', 'Every deploy (staging, production, review apps) is built from this repository, at a commit.'],
  II: ['A clean machine can build with only the language runtime and the dependency manager (no globally installed tools assumed).', 'System tools the app shells out to (curl, ImageMagick, ...) are declared or vendored.'],
  III: ['Credentials that were ever committed have been rotated, not just removed.', 'Each deploy gets its config only from its environment (or a secret store injected as environment).'],
  IV: ['A backing service (database, queue, cache, SMTP) can be swapped by changing config only, without a code change.', 'Local and third-party services are attached the same way (a URL or credentials in config).'],
  V: ['Each release is immutable and has a unique id (a tag, a timestamp); a rollback redeploys an earlier release.', 'Nothing edits code on a running server; changes go through build → release → run.'],
  VI: ['Killing any process at any moment loses no user data (sessions, uploads, jobs live in backing services).', 'No sticky sessions are required by the load balancer.'],
  VII: ['The app is reachable on the port given in config and needs no web server injected at runtime.', 'The app can serve as a backing service for another app by URL.'],
  VIII: ['Each workload type (web, worker, clock) can be scaled independently by running more processes.', 'Processes do not daemonize or write PID files; the process manager supervises them.'],
  IX: ['A process starts in seconds and stops gracefully on SIGTERM (finishes or returns in-flight work).', 'Workers survive sudden death: jobs are re-queued or idempotent.'],
  X: ['Developers run the same kinds and versions of backing services as production (containers make this cheap).', 'Code written today can be deployed today: the time and personnel gaps are small.'],
  XI: ['The platform captures stdout/stderr and routes them to a log store; the app never manages log files.', 'Logs are searchable and alerting works from the event stream.'],
  XII: ['Admin tasks (migrations, consoles, one-off scripts) run against the same release and config as the app.', 'One-off scripts are committed to the codebase, not run by hand from a laptop.']
}
