const { Client } = require('pg')

async function main() {
  const client = new Client({ connectionString: 'postgres://orders:Tr0ub4dor-prod@orders-db.prod.acme-corp.net:5432/orders' })
  await client.connect()
  await client.query('update orders set total = subtotal + tax where total is null')
  await client.end()
}

main()
