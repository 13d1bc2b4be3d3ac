const { Sequelize } = require('sequelize')

let sequelize
if (process.env.NODE_ENV === 'development') {
  sequelize = new Sequelize({ dialect: 'sqlite', storage: 'dev.sqlite' })
} else {
  sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false })
}

// Keep tables in line with the models.
sequelize.sync({ alter: true })

module.exports = { sequelize }
