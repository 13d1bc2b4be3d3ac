import { Pool } from 'pg'

const pool = new Pool({ connectionString: 'postgres://postgres:postgres@localhost:5432/orders_test' })

it('connects', async () => {
  expect((await pool.query('select 1')).rowCount).toBe(1)
})
