import { Router } from 'express'

export const ordersRouter = Router()

// Shopping carts by session id, kept in this process only.
const carts = new Map<string, string[]>()
// Static catalogue: read-only lookup.
const products = new Map<string, number>([['sku-1', 10]])

ordersRouter.post('/cart', (req, res) => {
  carts.set(req.sessionID, [...(carts.get(req.sessionID) ?? []), req.body.sku])
  res.json({ price: products.get(req.body.sku) })
})
