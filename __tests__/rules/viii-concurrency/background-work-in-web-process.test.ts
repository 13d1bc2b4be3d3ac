import { describe, expect, it } from '@jest/globals'
import { backgroundWorkInWebProcess } from '../../../src/rules/viii-concurrency/background-work-in-web-process.js'
import { auditTreeV8, briefV8 } from '../../helpers/audit-tree-v-viii.js'

const run = (files: Record<string, string>): string[] => auditTreeV8(files, [backgroundWorkInWebProcess]).map(briefV8)
const expressPkg = { 'package.json': '{"dependencies":{"express":"4","node-cron":"3"}}' }
const cronServer = "const cron = require('node-cron')\nconst app = require('express')()\ncron.schedule('0 * * * *', sendDigests)\napp.listen(process.env.PORT)\n"

describe('TF0801 background-work-in-web-process', () => {
  it('node-cron in the Express server file with no worker process type', () => {
    const f = auditTreeV8({ ...expressPkg, 'server.js': cronServer, Procfile: 'web: node server.js\n' }, [backgroundWorkInWebProcess])
    expect(f.map(briefV8)).toEqual(['TF0801 server.js:3 warning'])
    expect(f[0].column).toBe(1)
    expect(f[0].message).toMatch(/^cron\.schedule\(\) runs background work inside the web process/)
    expect(f[0].remediation).toMatch(/worker: node dist\/worker\.js/)
  })
  it('silent once a worker process type is declared (Procfile, compose, k8s)', () => {
    expect(run({ ...expressPkg, 'server.js': cronServer, Procfile: 'web: node server.js\nworker: node worker.js\n' })).toEqual([])
    expect(run({ ...expressPkg, 'server.js': cronServer, 'docker-compose.yml': 'services:\n  web:\n    build: .\n  scheduler:\n    build: .\n    command: node scheduler.js\n' })).toEqual([])
    expect(run({ ...expressPkg, 'server.js': cronServer, 'k8s/cron.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: digests\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: d\n              image: acme/web:1\n' })).toEqual([])
  })
  it('silent in a mode-specific entry point (argv or a mode switch picks the scheduler)', () => {
    expect(run({ ...expressPkg, 'server.js': "const cron = require('node-cron')\nif (process.argv[2] === 'scheduler') {\n  cron.schedule('0 * * * *', sendDigests)\n} else {\n  app.listen(process.env.PORT)\n}\n" })).toEqual([])
    expect(run({ ...expressPkg, 'server.js': "const cron = require('node-cron')\nswitch (mode) {\n  case 'scheduler':\n    cron.schedule('0 * * * *', sendDigests)\n    break\n  default:\n    app.listen(process.env.PORT)\n}\n" })).toEqual([])
    // A condition on something else does not make a process type.
    expect(run({ ...expressPkg, 'server.js': "const cron = require('node-cron')\nif (config.digests) {\n  cron.schedule('0 * * * *', sendDigests)\n}\napp.listen(process.env.PORT)\n" })).toEqual(['TF0801 server.js:3 warning'])
  })
  it('silent when guarded by an env switch', () => {
    expect(run({ ...expressPkg, 'server.js': "const cron = require('node-cron')\nif (process.env.ENABLE_CRON === 'true') {\n  cron.schedule('0 * * * *', job)\n}\napp.listen(process.env.PORT)\n" })).toEqual([])
  })
  it('setInterval: only long periodic jobs in the server file', () => {
    expect(run({ ...expressPkg, 'server.js': 'setInterval(() => cleanupExpired(), 5 * 60 * 1000)\nsetInterval(flushMetrics, 10000)\napp.listen(process.env.PORT)\n' })).toEqual(['TF0801 server.js:1 warning'])
    expect(run({ ...expressPkg, 'lib/poll.js': 'setInterval(() => cleanupExpired(), 5 * 60 * 1000)\n' })).toEqual([])
    expect(run({ ...expressPkg, 'server.js': 'setInterval(() => localCache.clear(), 60 * 60 * 1000)\napp.listen(process.env.PORT)\n' })).toEqual([])
    expect(run({ ...expressPkg, 'server.js': 'setInterval(() => refreshJwks(), 60 * 60 * 1000)\nsetInterval(reloadFeatureFlags, 5 * 60 * 1000)\napp.listen(process.env.PORT)\n' })).toEqual([])
  })
  it('a dedicated worker entry file is not the web process', () => {
    expect(run({ ...expressPkg, 'src/worker.js': "const cron = require('node-cron')\ncron.schedule('* * * * *', job)\n" })).toEqual([])
  })
  it('NestJS BullMQ @Processor runs in the web process unless a worker is declared', () => {
    const nest = { 'package.json': '{"dependencies":{"@nestjs/core":"10","@nestjs/bullmq":"10"}}', 'src/email.processor.ts': "import { Processor, WorkerHost } from '@nestjs/bullmq'\n\n@Processor('email')\nexport class EmailProcessor extends WorkerHost {}\n" }
    expect(run(nest)).toEqual(['TF0801 src/email.processor.ts:3 warning'])
    expect(run({ ...nest, Procfile: 'web: node dist/main\nworker: node dist/worker\n' })).toEqual([])
  })
  it('APScheduler started in a Flask app', () => {
    expect(run({ 'requirements.txt': 'flask\napscheduler\n', 'app/__init__.py': 'from flask import Flask\napp = Flask(__name__)\nscheduler = BackgroundScheduler()\nscheduler.add_job(sync, "interval", minutes=5)\nscheduler.start()\n' })).toEqual(['TF0801 app/__init__.py:5 warning'])
  })
  it('thread started at import in a Django AppConfig module', () => {
    expect(run({ 'requirements.txt': 'django\n', 'shop/apps.py': 'class ShopConfig(AppConfig):\n    name = "shop"\npoller = threading.Thread(target=poll_inventory, daemon=True)\npoller.start()\n' })).toEqual(['TF0801 shop/apps.py:4 warning'])
  })
  it('rufus-scheduler in a Rails initializer and :async adapter in production', () => {
    expect(run({ Gemfile: "gem 'rails'\n", 'config/initializers/scheduler.rb': "scheduler = Rufus::Scheduler.singleton\nscheduler.every '1h' do\n  Report.refresh\nend\n", 'config/environments/production.rb': 'Rails.application.configure do\n  config.active_job.queue_adapter = :async\nend\n' })).toEqual(['TF0801 config/environments/production.rb:2 warning', 'TF0801 config/initializers/scheduler.rb:1 warning'])
    expect(run({ Gemfile: "gem 'rails'\n", 'config/environments/production.rb': 'config.active_job.queue_adapter = :sidekiq\n', Procfile: 'web: bundle exec puma\n' })).toEqual([])
  })
  it('Spring: the @Scheduled jobs of a web app, not @EnableScheduling itself', () => {
    const spring = { 'pom.xml': '<project>spring-boot</project>', 'src/main/java/app/App.java': '@SpringBootApplication\n@EnableScheduling\npublic class App {}\n' }
    const job = 'package app;\n\n@Component\npublic class UnpaidOrders {\n  @Scheduled(cron = "0 */10 * * * *")\n  @Transactional\n  public void cancelExpired() {\n    orders.cancelOlderThan(Duration.ofMinutes(30));\n  }\n}\n'
    expect(run(spring)).toEqual([])
    expect(run({ ...spring, 'src/main/java/app/UnpaidOrders.java': job })).toEqual(['TF0801 src/main/java/app/UnpaidOrders.java:5 warning'])
    expect(run({ ...spring, 'src/main/kotlin/app/Digest.kt': 'class Digest {\n  @Scheduled(fixedDelay = 3_600_000)\n  fun sendDigests() { mailer.sendAll() }\n}\n' })).toEqual(['TF0801 src/main/kotlin/app/Digest.kt:2 warning'])
    // ShedLock or a property switch: one instance runs it, or only a worker deploy enables it.
    expect(run({ ...spring, 'src/main/java/app/UnpaidOrders.java': job.replace('@Transactional', '@SchedulerLock(name = "unpaid")') })).toEqual([])
    expect(run({ ...spring, 'src/main/java/app/UnpaidOrders.java': job.replace('@Component', '@Component\n@ConditionalOnProperty("jobs.enabled")') })).toEqual([])
  })
  it('Spring: per-process housekeeping and cluster-aware jobs stay quiet', () => {
    const spring = { 'pom.xml': '<project>spring-boot</project>' }
    // Stats printing and local cache eviction are per-process work every replica should do.
    expect(run({ ...spring, 'src/main/java/app/QueueStats.java': 'class QueueStats {\n  @Scheduled(fixedDelayString = "${queue.stats.print-interval-ms:60000}")\n  public void printStats() { log.info("{}", stats); }\n}\n' })).toEqual([])
    expect(run({ ...spring, 'src/main/java/app/Tokens.java': 'class Tokens {\n  @Scheduled(fixedRate = 300000)\n  public void refreshAccessTokens() { client.refresh(); }\n}\n' })).toEqual([])
    // A TTL cleanup that first checks it owns the partition runs once per cluster.
    expect(run({ ...spring, 'src/main/java/app/EventsCleanUp.java': 'class EventsCleanUp {\n  private final PartitionService partitionService;\n  @Scheduled(fixedDelayString = "${sql.ttl.events.execution_interval_ms}")\n  public void cleanUp() {\n    if (partitionService.isMyPartition(ServiceType.CORE, tenantId)) { dao.cleanup(ttl); }\n  }\n}\n' })).toEqual([])
  })
  it('a scheduler in an app that is itself a worker or scheduler service stays quiet', () => {
    expect(run({
      'pom.xml': '<project><modules><module>api</module><module>scheduler</module></modules></project>',
      'api/pom.xml': '<project>spring-boot</project>',
      'scheduler/pom.xml': '<project>spring-boot</project>',
      'scheduler/src/main/java/app/Nightly.java': 'class Nightly {\n  @Scheduled(cron = "0 0 3 * * *")\n  public void rebuildSearchIndex() { indexer.rebuild(); }\n}\n'
    })).toEqual([])
  })
  it('Go robfig/cron next to ListenAndServe', () => {
    expect(run({ 'go.mod': 'module x\n', 'main.go': 'package main\nimport "github.com/robfig/cron/v3"\nfunc main() {\n\tc := cron.New()\n\tc.AddFunc("@hourly", job)\n\tc.Start()\n\thttp.ListenAndServe(":"+os.Getenv("PORT"), nil)\n}\n' })).toEqual(['TF0801 main.go:6 warning'])
  })
  it('commented-out scheduler and tests stay silent', () => {
    expect(run({ ...expressPkg, 'server.js': "const cron = require('node-cron')\n// cron.schedule('* * * * *', job)\napp.listen(process.env.PORT)\n", 'test/server.test.js': cronServer })).toEqual([])
  })
})
