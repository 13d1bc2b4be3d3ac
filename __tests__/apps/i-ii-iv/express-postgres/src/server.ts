import express from 'express'
import { pool } from './db'

const app = express()
const port = Number(process.env.PORT ?? 3000)

app.get('/health', async (_req, res) => {
  await pool.query('select 1')
  res.json({ ok: true })
})

app.get('/debug', (req, res) => {
  if (req.hostname === 'localhost') res.set('X-Debug', '1')
  res.end()
})

app.listen(port, '0.0.0.0', () => console.log(`listening on http://localhost:${port}`))
