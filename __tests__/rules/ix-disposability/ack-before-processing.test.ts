import { describe } from '@jest/globals'
import { ackBeforeProcessing } from '../../../src/rules/ix-disposability/ack-before-processing.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0906 ack-before-processing', () => {
  ruleTable(ackBeforeProcessing, {
    valid: [
      { name: 'RPC client consuming its callback queue with auto_ack (RabbitMQ tutorial)', path: 'rpc_client.py', code: 'self.channel.basic_consume(queue=self.callback_queue, on_message_callback=self.on_response, auto_ack=True)\n' },
      { name: 'direct reply-to requires noAck', path: 'src/rpc.js', code: "channel.consume('amq.rabbitmq.reply-to', onReply, { noAck: true })\n" },
      { name: 'amqplib ack after work', path: 'src/worker.js', code: "channel.consume('jobs', async (msg) => {\n  await handle(msg)\n  channel.ack(msg)\n}, { noAck: false })\n" },
      { name: 'pika ack after work', path: 'worker.py', code: 'def callback(ch, method, properties, body):\n    handle(body)\n    ch.basic_ack(delivery_tag=method.delivery_tag)\n\nchannel.basic_consume(queue="q", on_message_callback=callback)\n' },
      { name: 'ack only handler (nothing after)', path: 'src/drain.js', code: "channel.consume('dead', (msg) => {\n  channel.ack(msg)\n})\n" },
      { name: 'commented-out auto ack', path: 'worker.py', code: '# channel.basic_consume(queue="q", on_message_callback=cb, auto_ack=True)\n' },
      { name: 'test file', path: 'tests/test_worker.py', code: 'channel.basic_consume(queue="q", on_message_callback=cb, auto_ack=True)\n' },
      { name: 'java manual ack', path: 'src/main/java/W.java', code: 'channel.basicConsume(QUEUE, false, deliver, cancel);\n' }
    ],
    invalid: [
      { name: 'job queue with auto_ack', path: 'worker.py', code: "channel.basic_consume(queue='emails', on_message_callback=send_email, auto_ack=True)\n", errors: [{ line: 1 }] },
      { name: 'amqplib noAck', path: 'src/worker.ts', code: "await channel.consume('jobs', onMessage, { noAck: true })\n", errors: [{ line: 1, message: /`noAck`/ }] },
      { name: 'pika auto_ack', path: 'app/worker.py', code: 'import pika\nchannel.basic_consume(queue="emails", on_message_callback=send, auto_ack=True)\n', errors: [{ line: 2, message: /`auto_ack`/ }] },
      { name: 'java autoAck true', path: 'src/main/java/Worker.java', code: 'channel.basicConsume(QUEUE_NAME, true, deliverCallback, consumerTag -> { });\n', errors: [{ line: 1 }] },
      { name: 'go amqp autoAck', path: 'cmd/worker/main.go', code: 'import amqp "github.com/rabbitmq/amqp091-go"\nmsgs, err := ch.Consume(q.Name, "", true, false, false, false, nil)\n', errors: [{ line: 2 }] },
      { name: 'ack first in JS handler', path: 'src/worker.js', code: "channel.consume('jobs', async (msg) => {\n  channel.ack(msg)\n  await sendEmail(JSON.parse(msg.content))\n})\n", errors: [{ line: 2, column: 3 }] },
      { name: 'ack first in pika callback', path: 'worker.py', code: 'def callback(ch, method, properties, body):\n    ch.basic_ack(delivery_tag=method.delivery_tag)\n    process(body)\n', errors: [{ line: 2, column: 5 }] }
    ]
  })
})
