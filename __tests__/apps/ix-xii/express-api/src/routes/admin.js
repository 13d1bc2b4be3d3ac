const { Router } = require('express')
const { Umzug, SequelizeStorage } = require('umzug')
const { sequelize } = require('../db')

const router = Router()
const umzug = new Umzug({ migrations: { glob: 'migrations/*.js' }, context: sequelize.getQueryInterface(), storage: new SequelizeStorage({ sequelize }), logger: console })

router.post('/admin/migrate', async (req, res) => {
  if (req.get('x-admin-token') !== process.env.ADMIN_TOKEN) return res.sendStatus(403)
  await umzug.up()
  res.send('migrated')
})

router.get('/admin/migrations', async (req, res) => {
  res.json(await listExecuted())
})

async function listExecuted() {
  return []
}

module.exports = router
