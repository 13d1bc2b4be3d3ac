import Redis from 'ioredis'

// Local development falls back to the compose service.
export const redis = new Redis(process.env.REDIS_URL || 'redis://localhost:6379')
