const { Router } = require('express')
const router = Router()

router.get('/', async (req, res) => {
  res.json([])
})

router.post('/sync-status', async (req, res) => {
  res.json({ synced: true })
})

module.exports = router
