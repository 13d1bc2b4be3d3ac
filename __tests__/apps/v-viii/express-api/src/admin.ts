import express from 'express'
import session from 'express-session'

// Internal admin console.
const admin = express()
admin.use(session({ secret: process.env.ADMIN_SECRET ?? '', resave: false, saveUninitialized: false }))
admin.get('/health', (_req, res) => res.send('ok'))
admin.listen(9000)
