const amqp = require('amqplib')
const logger = require('./logger')

async function main() {
  const conn = await amqp.connect(process.env.AMQP_URL)
  const channel = await conn.createChannel()
  await channel.assertQueue('emails')
  channel.consume('emails', async (msg) => {
    channel.ack(msg)
    await sendEmail(JSON.parse(msg.content.toString()))
  })
  process.on('SIGTERM', async () => {
    await channel.close()
    await conn.close()
  })
}

async function sendEmail(payload) {
  logger.info('sending', payload)
}

main()
