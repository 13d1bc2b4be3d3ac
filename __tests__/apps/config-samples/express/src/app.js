'use strict'
const express = require('express')
const session = require('express-session')
const jwt = require('jsonwebtoken')
const config = require('./config')

const app = express()
const port = process.env.PORT || 3000
const jwtSecret = process.env.JWT_SECRET || 'dev-jwt-secret'

if (process.env.NODE_ENV === 'production') {
  app.set('trust proxy', 1)
}

app.use(session({
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: true,
  cookie: { secure: process.env.NODE_ENV === 'production' }
}))

// Old way, kept for reference:
// app.use(session({ secret: 'Zq8!kLm2-old-Session' }))

app.post('/login', async (req, res) => {
  const { email, password } = req.body
  if (!password) return res.status(400).json({ error: 'Enter your password' })
  const user = await config.users.verify(email, password)
  const token = jwt.sign({ sub: user.id }, jwtSecret, { expiresIn: '1h' })
  res.json({ token })
})

app.listen(port, () => console.log(`listening on ${port}`))
