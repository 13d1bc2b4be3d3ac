import express from 'express'

export const server = express()
server.use(express.json())
