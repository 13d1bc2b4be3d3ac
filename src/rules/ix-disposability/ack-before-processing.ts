// TF0906: queue consumers that acknowledge a message before processing it (auto-ack flags, or an
// explicit ack as the first statement of the handler): a crash or SIGTERM mid-job loses the job.
import type { Rule } from '../../engine/rule.js'
import { matchesIn, pick, tok } from '../shared/ix-xii-boot.js'

const FLAGS: Partial<Record<string, RegExp>> = {
  javascript: /\.consume\s*\([^\n]*\bnoAck\s*:\s*true\b/g,
  python: /\bbasic_consume\s*\([^\n]*\b(?:auto_ack|no_ack)\s*=\s*True\b/g,
  java: /\bbasicConsume\s*\(\s*[\w."]+\s*,\s*true\s*,/g,
  go: /\.Consume\s*\(\s*[^,\n]+,\s*[^,\n]+,\s*true\s*,/g
}
const FIRST_ACK: Partial<Record<string, RegExp>> = {
  javascript: /\.consume\s*\([^\n]*=>\s*\{[ \t]*\r?\n[ \t]*(?:await\s+)?\w+\.ack\s*\(\s*\w+\s*\)\s*;?[ \t]*\r?\n[ \t]*(?!\}|$)\S/g,
  python: /\bdef\s+\w+\s*\(\s*ch\s*,\s*method\s*,\s*\w+\s*,\s*body\s*\)\s*:[ \t]*\r?\n[ \t]+ch\.basic_ack\s*\([^\n]*\)[ \t]*\r?\n[ \t]+\S/g
}

const SNIPPET: Record<string, string> = {
  javascript: "channel.consume(queue, async (msg) => {\n  await handle(msg)   // process first\n  channel.ack(msg)    // then ack; nack(msg, false, true) on failure\n}, { noAck: false })",
  python: 'def callback(ch, method, properties, body):\n    handle(body)\n    ch.basic_ack(delivery_tag=method.delivery_tag)\n\nchannel.basic_consume(queue=q, on_message_callback=callback, auto_ack=False)',
  java: 'channel.basicConsume(queue, false, (tag, delivery) -> {\n  handle(delivery);\n  channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);\n}, tag -> {});',
  go: 'msgs, _ := ch.Consume(q.Name, "", false, false, false, false, nil) // autoAck=false\nfor d := range msgs { handle(d); d.Ack(false) }'
}

export const ackBeforeProcessing: Rule = {
  meta: {
    id: 'TF0906',
    name: 'ack-before-processing',
    factor: 'IX',
    severity: 'notice',
    summary: 'A queue consumer acknowledges messages before processing them (auto-ack or ack as the first statement).',
    why:
      'Disposable workers can be stopped at any moment; 12factor asks that jobs return to the queue when a worker dies. A message acked ' +
      'before it is processed is gone from the broker, so a crash, deploy or SIGTERM mid-job silently loses it.',
    remediation: 'Turn auto-ack off and ack after the work is done (nack/requeue on failure); keep handlers idempotent so redelivery is safe.',
    languages: ['javascript', 'typescript', 'python', 'java', 'go']
  },
  files: { kinds: ['source'], languages: ['javascript', 'typescript', 'python', 'java', 'kotlin', 'go'] },
  keywords: ['noack', 'auto_ack', 'no_ack', 'basicconsume', '.consume(', 'basic_ack', '.ack('],
  check(file, report) {
    const lang = file.language === 'typescript' ? 'javascript' : file.language === 'kotlin' ? 'java' : file.language
    if (lang === 'go' && !/amqp/.test(file.code)) return
    const flags = FLAGS[lang]
    if (flags) {
      for (const { m, line, column } of matchesIn(file, flags)) {
        // RPC replies (the RabbitMQ tutorial's callback_queue, amq.rabbitmq.reply-to, which requires auto-ack) are not jobs.
        if (/reply|callback_queue|callbackQueue|\brpc\b|on_response|onResponse/i.test(m[0])) continue
        const flag = /noAck|auto_ack|no_ack/.exec(m[0])?.[0] ?? 'autoAck=true'
        report({ line, column, message: `Consumer acks on delivery (${tok(flag)}): a message is lost if the worker stops before it is processed`, remediation: pick(SNIPPET, undefined, file.language) })
      }
    }
    const first = FIRST_ACK[lang]
    if (first) {
      for (const { m } of matchesIn(file, first)) {
        const ackAt = m[0].search(/\w+\.(?:basic_)?ack\s*\(/)
        const pos = file.position(m.index + ackAt)
        report({ line: pos.line, column: pos.column, message: `Handler acks the message (${tok(m[0].slice(ackAt).split('\n')[0])}) before processing it: a crash mid-job loses the message`, remediation: pick(SNIPPET, undefined, file.language) })
      }
    }
  }
}
