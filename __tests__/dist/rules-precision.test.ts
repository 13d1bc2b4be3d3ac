// Precision classes of issue 16 through the committed CLI bundle, on small realistic trees: config
// keys and overridable defaults are no locators (IV), schedulers that are housekeeping or cluster-aware
// are no background work in the web process (VIII), files are read for what they are (Dockerfiles by a
// real parser, *.dockerignore not at all, base images the repository builds), and a log file next to
// stdout is a warning, not a merge-blocking error (XI).
import { describe, expect, it } from '@jest/globals'
import { runCliBundle } from '../helpers/run-action.js'
import { makeTree } from '../helpers/tree.js'

interface Finding { ruleId: string; file: string; line: number; severity: string; message: string }

function audit(files: Record<string, string>): Finding[] {
  const root = makeTree(files)
  const r = runCliBundle([root, '--format', 'json', '--fail-on', 'none'], root)
  expect(r.status).toBe(0)
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings
}
const brief = (fs: Finding[], ids: string[]): string[] => fs.filter((f) => ids.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`)

const SPRING_POM = '<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n'

describe('dist/cli: precision of locators, schedulers, file kinds and log severities', () => {
  it('Factor IV: property keys, locale links, chart values and overridden defaults stay quiet; a literal relay does not', () => {
    const f = audit({
      'pom.xml': SPRING_POM,
      'src/main/java/com/acme/mail/MailSenderFactory.java': 'package com.acme.mail;\n\nclass MailSenderFactory {\n  Properties props(MailSettings s) {\n    Properties p = new Properties();\n    p.put("mail.transport.protocol", s.getProtocol());\n    p.put("mail.smtp.host", s.getHost());\n    return p;\n  }\n}\n',
      'src/main/java/com/acme/mail/LegacyRelay.java': 'package com.acme.mail;\n\nclass LegacyRelay {\n  void init(Properties p) {\n    p.put("mail.smtp.host", "smtp.mailrelay-corp.net");\n  }\n}\n',
      'src/main/resources/i18n/es.yml': 'es:\n  help: "Ver https://es.wikipedia.org/wiki/RSS"\n',
      'deploy/helm/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
      'deploy/helm/shop/values.yaml': 'global:\n  databaseUrl: "postgres://postgresql.db.svc.cluster.local:5432/shop"\n',
      'blog/Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n",
      'blog/config/database.yml': 'default: &default\n  adapter: postgresql\n  host: localhost\n  url: <%= ENV["DATABASE_URL"] %>\n\nproduction:\n  <<: *default\n'
    })
    expect(brief(f, ['TF0401', 'TF0402', 'TF0403'])).toEqual(['TF0401 src/main/java/com/acme/mail/LegacyRelay.java:5 error'])
  })

  it('Factor VIII: Spring jobs that print stats or check partition ownership are not web-process background work; an order-expiry job is', () => {
    const app = {
      'pom.xml': SPRING_POM,
      'src/main/java/com/acme/App.java': 'package com.acme;\n\n@SpringBootApplication\n@EnableScheduling\npublic class App {\n  public static void main(String[] args) { SpringApplication.run(App.class, args); }\n}\n',
      'src/main/java/com/acme/QueueStats.java': 'package com.acme;\n\nclass QueueStats {\n  @Scheduled(fixedDelayString = "${queue.stats.print-interval-ms:60000}")\n  public void printStats() { log.info("{}", stats); }\n}\n',
      'src/main/java/com/acme/EventsCleanUp.java': 'package com.acme;\n\nclass EventsCleanUp {\n  private final PartitionService partitionService;\n  @Scheduled(fixedDelayString = "${sql.ttl.events.interval_ms}")\n  public void cleanUp() {\n    if (partitionService.isMyPartition(tenantId)) { dao.cleanup(ttl); }\n  }\n}\n'
    }
    expect(brief(audit(app), ['TF0801'])).toEqual([])
    const withJob = { ...app, 'src/main/java/com/acme/UnpaidOrders.java': 'package com.acme;\n\n@Component\nclass UnpaidOrders {\n  @Scheduled(cron = "0 */10 * * * *")\n  public void cancelExpired() { orders.cancelOlderThan(Duration.ofMinutes(30)); }\n}\n' }
    expect(brief(audit(withJob), ['TF0801'])).toEqual(['TF0801 src/main/java/com/acme/UnpaidOrders.java:5 warning'])
  })

  it('files are read for what they are: *.dockerignore, heredocs, a base image built by the repository', () => {
    const f = audit({
      'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\n',
      'api/Dockerfile.dockerignore': '**/__pycache__\nentrypoint_alerts.sh\nenv.dev\n',
      'api/Dockerfile': 'FROM recommendations_base\nRUN <<EOF\npip install --no-cache-dir -r requirements.txt\nCMD this line is in the heredoc\nEOF\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      'api/README.md': '# API\n\nBuild the shared base image first:\n\n    docker build -t recommendations_base ..\n',
      Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n'
    })
    expect(f.filter((x) => x.file === 'api/Dockerfile.dockerignore')).toEqual([])
    expect(brief(f, ['TF0203', 'TF0902']).filter((x) => x.includes('api/'))).toEqual([])
  })

  it('Factor XI: a log file next to stdout is a warning; file-only logging stays an error', () => {
    const logback = (refs: string): string => `<configuration>\n  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">\n    <file>/var/log/app/app.log</file>\n  </appender>\n  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">\n  </appender>\n  <root level="INFO">\n${refs}  </root>\n</configuration>\n`
    const tee = audit({ 'pom.xml': SPRING_POM, 'src/main/resources/logback.xml': logback('    <appender-ref ref="FILE"/>\n    <appender-ref ref="STDOUT"/>\n') })
    expect(brief(tee, ['TF1101'])).toEqual(['TF1101 src/main/resources/logback.xml:2 warning'])
    const fileOnly = audit({ 'pom.xml': SPRING_POM, 'src/main/resources/logback.xml': logback('    <appender-ref ref="FILE"/>\n') })
    expect(brief(fileOnly, ['TF1101'])).toEqual(['TF1101 src/main/resources/logback.xml:2 error'])
  })
})
