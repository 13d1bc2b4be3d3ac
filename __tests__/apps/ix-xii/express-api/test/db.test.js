const { sequelize } = require('../src/db')

beforeAll(() => sequelize.sync({ force: true }))

test('app.listen', () => {
  expect(typeof sequelize).toBe('object')
})
