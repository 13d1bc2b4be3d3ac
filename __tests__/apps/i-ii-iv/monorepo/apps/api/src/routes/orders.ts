import { Router } from 'express'
import { validateOrder } from '../../../web/lib/validate'
import { producer } from '../events'

export const ordersRouter = Router()
ordersRouter.post('/', async (req, res) => {
  const errors = validateOrder(req.body)
  if (errors.length) return res.status(422).json({ errors })
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(req.body) }] })
  res.status(201).end()
})
