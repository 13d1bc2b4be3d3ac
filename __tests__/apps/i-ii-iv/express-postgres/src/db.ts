import { Pool } from 'pg'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) throw new Error('DATABASE_URL is not set (postgres://user:pass@host:5432/db)')

let ssl: false | { rejectUnauthorized: boolean } = { rejectUnauthorized: false }
if (databaseUrl.includes('localhost')) {
  ssl = false
}

export const pool = new Pool({ connectionString: databaseUrl, ssl, max: Number(process.env.PG_POOL_MAX ?? 10) })
