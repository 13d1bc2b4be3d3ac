// Database settings per environment.
const settings = {
  development: {
    db: { host: 'localhost', port: 5432, user: 'app' }
  },
  test: {
    db: { host: 'localhost', port: 5433, user: 'app' }
  },
  production: {
    db: { host: 'orders-db.cluster-c9akciq32.eu-west-1.rds.amazonaws.com', port: 5432, user: 'app' }
  }
}

const env = process.env.NODE_ENV || 'development'
module.exports = {
  ...settings[env],
  dbPassword: process.env.DB_PASSWORD,
  PASSWORD_FIELD: 'password',
  passwordResetUrl: '/account/reset',
  requestIdHeader: 'x-request-id',
  logLevel: env === 'production' ? 'info' : 'debug',
  users: require('./users')
}
