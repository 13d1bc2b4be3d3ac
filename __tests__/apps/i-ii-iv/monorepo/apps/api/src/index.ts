import express from 'express'
import { formatPrice } from '@acme/shared'
import { ordersRouter } from './routes/orders'

const app = express()
app.use('/orders', ordersRouter)
app.get('/price/:cents', (req, res) => res.send(formatPrice(Number(req.params.cents))))
app.listen(Number(process.env.PORT ?? 4000))
