import { describe } from '@jest/globals'
import { inMemorySessionStore } from '../../../src/rules/vi-processes/in-memory-session-store.js'
import { ruleTable } from '../../helpers/rule-tester.js'

const express = (opts: string): string => `const express = require('express')\nconst session = require('express-session')\nconst app = express()\n${opts}\n`

describe('TF0601 in-memory-session-store', () => {
  ruleTable(inMemorySessionStore, {
    valid: [
      { name: 'express-session MemoryStore only outside production', path: 'src/app.js', code: "const session = require('express-session')\nif (process.env.NODE_ENV !== 'production') {\n  app.use(session({ secret: 'dev', resave: false }))\n}\n" },
      { name: 'connect-redis store', path: 'src/app.js', code: express("app.use(session({\n  store: new RedisStore({ client }),\n  secret: process.env.SESSION_SECRET,\n}))") },
      { name: 'options object with store', path: 'src/app.js', code: express('const sessionConfig = { secret: process.env.S, store: pgStore }\napp.use(session(sessionConfig))') },
      { name: 'store assigned in production only', path: 'src/app.js', code: express("const sess = { secret: 'x', cookie: {} }\nif (app.get('env') === 'production') { sess.store = new RedisStore({ client }) }\napp.use(session(sess))") },
      { name: 'options from another module', path: 'src/app.js', code: express("app.use(session(require('./config').session))") },
      { name: 'spread options', path: 'src/app.js', code: express('app.use(session({ ...baseOptions, secret: s }))') },
      { name: 'cookie-session is client-side', path: 'src/app.js', code: "const session = require('cookie-session')\napp.use(session({ keys: [process.env.KEY] }))\n" },
      { name: 'commented out', path: 'src/app.js', code: express("// app.use(session({ secret: 'x' }))") },
      { name: 'test file', path: 'test/app.test.js', code: express("app.use(session({ secret: 'x' }))") },
      { name: 'dev settings', path: 'mysite/settings/dev.py', code: 'SESSION_ENGINE = "django.contrib.sessions.backends.file"\n' },
      { name: 'django cached_db', path: 'mysite/settings.py', code: 'SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\n' },
      { name: 'django cache on redis', path: 'mysite/settings.py', code: 'SESSION_ENGINE = "django.contrib.sessions.backends.cache"\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}\n' },
      { name: 'flask redis sessions', path: 'app/__init__.py', code: 'app.config["SESSION_TYPE"] = "redis"\n' },
      { name: 'rails cookie store', path: 'config/environments/production.rb', code: 'Rails.application.configure do\n  config.session_store :cookie_store, key: "_app"\n  config.cache_store = :memory_store\nend\n' },
      { name: 'laravel env default', path: 'config/session.php', code: "<?php\nreturn ['driver' => env('SESSION_DRIVER', 'file')];\n" },
      { name: 'php redis handler', path: 'docker/php.ini', code: 'session.save_handler = redis\nsession.save_path = "tcp://redis:6379"\n' },
      { name: 'local .env', path: '.env', code: 'SESSION_DRIVER=file\n' }
    ],
    invalid: [
      { name: 'express-session without store in the production branch', path: 'src/app.js', code: "const session = require('express-session')\nif (process.env.NODE_ENV === 'production') {\n  app.use(session({ secret: process.env.SECRET }))\n}\n", errors: [{ line: 3 }] },
      { name: 'express-session without store', path: 'src/app.js', code: express("app.use(session({\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n}))"), errors: [{ line: 4, column: 9, message: /^session\(\{\.\.\.\}\) has no store: express-session keeps sessions in process memory/ }] },
      { name: 'ESM import, options object without store', path: 'src/app.ts', code: "import session from 'express-session'\nconst opts = { secret: process.env.S!, cookie: { secure: true } }\napp.use(session(opts))\n", errors: [{ line: 3, column: 9 }] },
      { name: 'explicit MemoryStore', path: 'src/app.js', code: "const session = require('express-session')\napp.use(session({ secret: s, store: new session.MemoryStore() }))\n", errors: [{ line: 2, message: /store: new session\.MemoryStore\(\)/ }] },
      { name: 'fastify session', path: 'src/server.ts', code: "import fastifySession from '@fastify/session'\napp.register(fastifySession, { secret: process.env.SECRET, cookie: {} })\n", errors: [{ line: 2, column: 5, message: /register\(fastifySession/ }] },
      { name: 'django file sessions', path: 'mysite/settings/production.py', code: 'SESSION_ENGINE = "django.contrib.sessions.backends.file"\n', errors: [{ line: 1, column: 1, message: /backends\.file/ }] },
      { name: 'django locmem sessions', path: 'mysite/settings.py', code: 'CACHES = {\n    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},\n}\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\n', errors: [{ line: 4, message: /LocMemCache/ }] },
      { name: 'flask-session filesystem', path: 'app/config.py', code: 'class Config:\n    SESSION_TYPE = "filesystem"\n', errors: [{ line: 2, message: /SESSION_TYPE "filesystem"/ }] },
      { name: 'php.ini files handler', path: 'docker/php.ini', code: 'memory_limit = 256M\nsession.save_handler = files\n', errors: [{ line: 2 }] },
      { name: 'laravel production env', path: '.env.production', code: 'APP_ENV=production\nSESSION_DRIVER=file\n', errors: [{ line: 2 }] },
      { name: 'rails cache_store sessions on memory store', path: 'config/environments/production.rb', code: 'Rails.application.configure do\n  config.cache_store = :memory_store\n  config.session_store :cache_store\nend\n', errors: [{ line: 3, column: 3 }] }
    ]
  })
})
