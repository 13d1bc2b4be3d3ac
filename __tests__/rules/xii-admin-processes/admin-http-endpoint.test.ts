import { describe } from '@jest/globals'
import { adminHttpEndpoint } from '../../../src/rules/xii-admin-processes/admin-http-endpoint.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF1205 admin-http-endpoint', () => {
  ruleTable(adminHttpEndpoint, {
    valid: [
      { name: 'status route that only reads', path: 'src/routes.js', code: "router.get('/admin/migrations', async (req, res) => {\n  res.json(await listApplied())\n})\n" },
      { name: 'admin path without an admin action', path: 'src/routes.js', code: "app.post('/jobs/run-job', (req, res) => {\n  queue.add('report', req.body)\n  res.sendStatus(202)\n})\n" },
      { name: 'migrate in a later route does not count', path: 'src/routes.js', code: "app.get('/seed-status', (req, res) => res.json(status))\napp.get('/health', (req, res) => {\n  migrate()\n})\n" },
      { name: 'a help page that only talks about migrations', path: 'src/pages.js', code: "router.get('/admin/migrate', requireAdmin((ctx) => {\n  return render('Run migrations from the CLI: npm run migrate')\n}))\n" },
      { name: 'ordinary route', path: 'app/views.py', code: "@app.route('/orders')\ndef orders():\n    return jsonify(list_orders())\n" },
      { name: 'e2e seeding route behind NODE_ENV === test', path: 'src/app.js', code: "if (process.env.NODE_ENV === 'test') {\n  app.post('/__test__/seed', async (req, res) => {\n    await execSync('npm run db:seed')\n    res.sendStatus(204)\n  })\n}\n" },
      { name: 'test-support routes module', path: 'src/routes/test-support.js', code: "router.post('/seed', async (req, res) => {\n  execSync('npm run db:seed')\n  res.sendStatus(204)\n})\n" },
      { name: 'Rails route only in development', path: 'config/routes.rb', code: "Rails.application.routes.draw do\n  if Rails.env.development?\n    post '/dev/seed', to: 'dev#seed'\n  end\nend\n" },
      { name: 'test file', path: 'test/routes.test.js', code: "app.post('/admin/migrate', async () => { await umzug.up() })\n" }
    ],
    invalid: [
      { name: 'Express route runs migrations', path: 'src/routes/admin.js', code: "const { umzug } = require('../db')\nrouter.post('/admin/migrate', async (req, res) => {\n  await umzug.up()\n  res.send('ok')\n})\n", errors: [{ line: 2, message: /HTTP route `\/admin\/migrate` runs an admin task \(`umzug`\)/ }] },
      { name: 'seeding route when not test still fires', path: 'src/app.js', code: "if (process.env.NODE_ENV !== 'test') {\n  app.post('/admin/seed', async (req, res) => {\n    await execSync('npm run db:seed')\n  })\n}\n", errors: [{ line: 2 }] },
      { name: 'route wired to a controller action', path: 'src/routes.ts', code: "router.post('/admin/migrate', adminController.migrate);\n", errors: [{ line: 1, message: /`\.migrate`/ }] },
      { name: 'Flask route calls upgrade', path: 'app/admin.py', code: "from flask_migrate import upgrade\n@bp.route('/admin/db-upgrade/migrate', methods=['POST'])\ndef run_migrations():\n    upgrade()\n    return 'done'\n", errors: [{ line: 2 }] },
      { name: 'Django path to a migrate view', path: 'shop/urls.py', code: "urlpatterns = [\n    path('ops/run-migrations/', views.run_migrations),\n]\n", errors: [{ line: 2 }] },
      { name: 'Rails route to a seed action', path: 'config/routes.rb', code: "Rails.application.routes.draw do\n  post '/admin/seed', to: 'admin#seed'\nend\n", errors: [{ line: 2 }] },
      { name: 'Spring endpoint runs Flyway', path: 'src/main/java/com/acme/AdminController.java', code: '@PostMapping("/admin/migrate")\npublic String migrate() {\n    flyway.migrate();\n    return "ok";\n}\n', errors: [{ line: 1 }] },
      { name: 'Go handler shells out', path: 'cmd/api/main.go', code: 'http.HandleFunc("/run-script", func(w http.ResponseWriter, r *http.Request) {\n\tout, _ := exec.Command("./scripts/cleanup.sh").Output()\n\tw.Write(out)\n})\n', errors: [{ line: 1 }] }
    ]
  })
})
