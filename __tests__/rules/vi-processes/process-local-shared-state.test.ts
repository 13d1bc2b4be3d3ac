import { describe } from '@jest/globals'
import { processLocalSharedState } from '../../../src/rules/vi-processes/process-local-shared-state.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0604 process-local-shared-state', () => {
  ruleTable(processLocalSharedState, {
    valid: [
      { name: 'a lookup table that handlers only read', path: 'src/routes.js', code: "const users = new Map()\nusers.set('admin', { role: 'admin' })\napp.get('/u/:id', (req, res) => res.json(users.get(req.params.id)))\n" },
      { name: 'a cache keyed by a constant', path: 'src/routes.js', code: "const tokenCache = new Map()\napp.get('/x', async (req, res) => { tokenCache.set('jwks', await fetchJwks()) })\n" },
      { name: 'a local variable inside a handler', path: 'src/routes.js', code: "app.post('/cart', (req, res) => {\n  const carts = {}\n  carts[req.body.id] = 1\n})\n" },
      { name: 'no request handlers in the file', path: 'src/lib/store.js', code: 'const sessions = new Map()\nexport function put(sessionId, v) { sessions.set(sessionId, v) }\n' },
      { name: 'python config dict', path: 'app/views.py', code: 'SETTINGS = {}\n@app.route("/")\ndef index():\n    return SETTINGS.get("x")\n' },
      { name: 'test', path: 'test/routes.test.js', code: "const sessions = new Map()\napp.post('/login', (req, res) => { sessions.set(req.body.user, 1) })\n" }
    ],
    invalid: [
      { name: 'express sessions map', path: 'src/routes/auth.js', code: "const sessions = new Map()\n\nrouter.post('/login', (req, res) => {\n  sessions.set(req.body.username, { at: Date.now() })\n})\n", errors: [{ line: 1, column: 1, message: /module-level "sessions" Map holds per-user state written from request handlers \(line 4\)/ }] },
      { name: 'login attempts by ip', path: 'src/app.ts', code: "const loginAttempts: Record<string, number> = {}\napp.post('/login', (req, res) => {\n  loginAttempts[req.ip] = (loginAttempts[req.ip] ?? 0) + 1\n})\n", errors: [{ line: 1 }] },
      { name: 'koa visit counters by session', path: 'src/server.js', code: "const visits = {}\nrouter.get('/', (ctx) => {\n  visits[ctx.session.id] = (visits[ctx.session.id] || 0) + 1\n})\n", errors: [{ line: 1 }] },
      { name: 'socket.io presence map', path: 'src/index.js', code: "const onlineUsers = new Map()\nio.on('connection', (socket) => { onlineUsers.set(socket.id, socket.handshake.auth.user) })\napp.get('/online', (req, res) => res.json([...onlineUsers.values()]))\n", errors: [{ line: 1, message: /"onlineUsers" Map/ }] },
      { name: 'flask carts dict', path: 'app/views.py', code: 'carts = {}\n\n@app.route("/cart", methods=["POST"])\ndef add():\n    carts[session["uid"]] = request.json\n    return "", 204\n', errors: [{ line: 1, message: /"carts" dict/ }] }
    ]
  })
})
