import express from 'express'

export const server = express()
server.use(express.json({ limit: '1mb' }))
server.disable('x-powered-by')
