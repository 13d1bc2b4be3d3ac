const { sequelize } = require('../src/db')

async function seed() {
  await sequelize.sync({ force: true })
  await sequelize.models.Order.bulkCreate([{ total: 10 }])
}

seed()
