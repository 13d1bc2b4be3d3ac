import { describe } from '@jest/globals'
import { selfManagedLogRouting } from '../../../src/rules/xi-logs/self-managed-log-routing.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF1102 self-managed-log-routing', () => {
  ruleTable(selfManagedLogRouting, {
    valid: [
      { name: 'plain app image', path: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nCMD ["gunicorn", "app:app"]\n' },
      { name: 'agent in a build stage only', path: 'Dockerfile', code: 'FROM debian:12 AS tools\nRUN apt-get install -y logrotate\nFROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n' },
      { name: 'Mozilla Fluent localization is not Fluentd', path: 'app/i18n.py', code: 'from fluent.runtime import FluentBundle, FluentResource\nbundle = FluentBundle(["en-US"])\n' },
      { name: 'pgvector is not the vector agent', path: 'Dockerfile', code: 'FROM postgres:16\nRUN apt-get update && apt-get install -y postgresql-16-pgvector\n' },
      { name: 'urllib HTTPHandler is not logging', path: 'app/http.py', code: 'import urllib.request\nopener = urllib.request.build_opener(urllib.request.HTTPHandler())\n' },
      { name: 'OpenTelemetry exporter is fine', path: 'src/otel.js', code: "const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-http')\n" },
      { name: 'commented-out syslog handler', path: 'app/log.py', code: '# h = logging.handlers.SysLogHandler(address="/dev/log")\n' },
      { name: 'entrypoint that only echoes', path: 'docker-entrypoint.sh', code: '#!/bin/sh\necho "logs go to stdout; no logrotate here"\nexec "$@"\n' },
      { name: 'docstring and class definition', path: 'mylib/handlers.py', code: 'class SysLogHandler(logging.Handler):\n    """\n    To log to syslogd, "SysLogHandler(address=\'/dev/log\')" can be used.\n    """\n' },
      { name: 'winston core import', path: 'src/log.js', code: "const winston = require('winston')\n" }
    ],
    invalid: [
      { name: 'fluent-logger sender', path: 'app/log.py', code: 'from fluent import sender\nlogger = sender.FluentSender("app", host="fluentd")\n', errors: [{ line: 1 }] },
      { name: 'logrotate installed in image', path: 'Dockerfile', code: 'FROM ruby:3.3\nRUN apt-get update && apt-get install -y logrotate cron\nCMD ["bundle", "exec", "puma"]\n', errors: [{ line: 2, message: /installs `logrotate`/ }] },
      { name: 'logrotate config copied', path: 'Dockerfile', code: 'FROM node:20\nCOPY deploy/app.logrotate /etc/logrotate.d/app\nCMD ["node", "server.js"]\n', errors: [{ line: 2 }] },
      { name: 'filebeat downloaded', path: 'Dockerfile', code: 'FROM openjdk:17\nRUN curl -L -O https://artifacts.elastic.co/downloads/beats/filebeat/filebeat-8.12.0-amd64.deb && dpkg -i filebeat-8.12.0-amd64.deb\n', errors: [{ line: 2 }] },
      { name: 'logrotate config file', path: 'deploy/logrotate.d/myapp', code: '/var/www/myapp/log/*.log {\n  daily\n  rotate 7\n}\n', errors: [{ line: 1, column: 1, message: /`\/var\/www\/myapp\/log\/\*\.log`/ }] },
      { name: 'supervisord runs fluentd', path: 'docker/supervisord.conf', code: '[supervisord]\nnodaemon=true\n\n[program:app]\ncommand=node server.js\n\n[program:shipper]\ncommand=/usr/sbin/td-agent -c /etc/td-agent/td-agent.conf\n', errors: [{ line: 7 }] },
      { name: 'python SysLogHandler', path: 'app/log.py', code: "import logging.handlers\nh = logging.handlers.SysLogHandler(address=('logs.example.com', 514))\n", errors: [{ line: 2, message: /SysLogHandler/ }] },
      { name: 'winston-elasticsearch', path: 'src/log.ts', code: "import { ElasticsearchTransport } from 'winston-elasticsearch'\n", errors: [{ line: 1, message: /winston-elasticsearch/ }] },
      { name: 'logstash appender', path: 'src/main/resources/logback.xml', code: '<configuration>\n  <appender name="LS" class="net.logstash.logback.appender.LogstashTcpSocketAppender">\n    <destination>logstash:5000</destination>\n  </appender>\n</configuration>\n', errors: [{ line: 2 }] },
      { name: 'entrypoint starts filebeat', path: 'docker-entrypoint.sh', code: '#!/bin/sh\nfilebeat -e -c /etc/filebeat/filebeat.yml &\nservice cron start\nexec "$@"\n', errors: [{ line: 2, message: /`filebeat`/ }] },
      { name: 'ruby syslog logger', path: 'config/initializers/log.rb', code: "Rails.logger = Syslog::Logger.new('myapp')\n", errors: [{ line: 1 }] }
    ]
  })
})
