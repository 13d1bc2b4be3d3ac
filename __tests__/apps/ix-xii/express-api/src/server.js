const express = require('express')
const logger = require('./logger')
const { sequelize } = require('./db')
const adminRoutes = require('./routes/admin')
const orderRoutes = require('./routes/orders')

const app = express()
app.use(express.json())
app.use('/orders', orderRoutes)
app.use(adminRoutes)

const port = process.env.PORT || 3000

// In production we used to call sequelize.sync({ force: true }) here; migrations run as a release step now.
sequelize.authenticate().then(() => {
  app.listen(port, () => logger.info(`listening on ${port}`))
})
