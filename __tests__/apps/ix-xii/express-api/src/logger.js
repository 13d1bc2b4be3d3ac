const winston = require('winston')
const DailyRotateFile = require('winston-daily-rotate-file')

const transports = [new winston.transports.Console()]
if (process.env.LOG_TO_FILE === 'true') {
  transports.push(new DailyRotateFile({ filename: 'logs/orders-%DATE%.log', maxFiles: '14d' }))
}

module.exports = winston.createLogger({
  level: process.env.LOG_LEVEL || 'info',
  format: winston.format.json(),
  transports
})
