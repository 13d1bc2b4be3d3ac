const jwt = require('jsonwebtoken')
test('signs', () => {
  const token = jwt.sign({ sub: 1 }, 'test-secret')
  expect(token).toBeTruthy()
  const password = 'Sup3r-Secret-Fixture!'
  expect(password).toHaveLength(21)
})
