import express from 'express'
import session from 'express-session'
import RedisStore from 'connect-redis'
import cron from 'node-cron'
import { createClient } from 'redis'
import { ordersRouter } from './routes/orders.js'
import { uploadsRouter } from './routes/uploads.js'
import { sendDailyDigest } from './jobs/digest.js'

const app = express()
const redisClient = createClient({ url: process.env.REDIS_URL })
await redisClient.connect()

app.use(express.json())
app.use(
  session({
    store: new RedisStore({ client: redisClient }),
    secret: process.env.SESSION_SECRET ?? '',
    resave: false,
    saveUninitialized: false
  })
)
app.use('/orders', ordersRouter)
app.use('/uploads', uploadsRouter)

// Nightly digest e-mails, scheduled inside the web process.
cron.schedule('0 6 * * *', () => sendDailyDigest())

// Metrics flush every 10 s is fine: it is per-process telemetry, not a job.
setInterval(() => flushMetrics(), 10_000)

const port = Number(process.env.PORT) || 3000
app.listen(port, () => console.log(`listening on ${port}`))

function flushMetrics(): void {}
