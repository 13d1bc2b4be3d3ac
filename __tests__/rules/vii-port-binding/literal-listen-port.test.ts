import { describe, expect, it } from '@jest/globals'
import { literalListenPort } from '../../../src/rules/vii-port-binding/literal-listen-port.js'
import { auditTreeV8, briefV8 } from '../../helpers/audit-tree-v-viii.js'

const run = (files: Record<string, string>): string[] => auditTreeV8(files, [literalListenPort]).map(briefV8)
const pkg = (deps: string): string => `{"name":"a","dependencies":{${deps}}}`

describe('TF0701 literal-listen-port', () => {
  describe('silent lookalikes', () => {
    const cases: [string, Record<string, string>][] = [
      ['process.env.PORT || 3000', { 'package.json': pkg('"express":"4"'), 'server.js': "const app = require('express')()\napp.listen(process.env.PORT || 3000)\n" }],
      ['PORT constant from env', { 'package.json': pkg('"express":"4"'), 'server.js': 'const PORT = Number(process.env.PORT) || 3000\napp.listen(PORT, () => console.log(PORT))\n' }],
      ['os.environ.get("PORT", 5000)', { 'requirements.txt': 'flask\n', 'app.py': 'import os\napp.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))\n' }],
      ['ENV.fetch("PORT") { 3000 }', { Gemfile: "gem 'rails'\n", 'config/puma.rb': 'port ENV.fetch("PORT") { 3000 }\npidfile ENV.fetch("PIDFILE") { "tmp/pids/server.pid" }\n' }],
      ['Spring server.port', { 'pom.xml': '<project><artifactId>spring-boot-starter-web</artifactId></project>', 'src/main/resources/application.properties': 'server.port=8081\n' }],
      ['gin r.Run() reads PORT itself', { 'go.mod': 'module x\nrequire github.com/gin-gonic/gin v1\n', 'main.go': 'package main\nfunc main() {\n\tr := gin.Default()\n\tr.Run()\n}\n' }],
      ['Go with Getenv', { 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() {\n\tport := os.Getenv("PORT")\n\thttp.ListenAndServe(":"+port, nil)\n}\n' }],
      ['commented-out listen', { 'package.json': pkg('"express":"4"'), 'server.js': '// app.listen(3000)\napp.listen(process.env.PORT)\n' }],
      ['test file', { 'package.json': pkg('"express":"4"'), 'test/server.test.js': 'app.listen(3000)\n' }],
      ['docs snippet', { 'README.md': '```js\napp.listen(3000)\n```\n' }],
      ['ephemeral port 0 in a script', { 'package.json': pkg('"express":"4"'), 'server.js': 'server.listen(0)\n' }],
      ['gunicorn with $PORT', { 'requirements.txt': 'flask\ngunicorn\n', Procfile: 'web: gunicorn --bind 0.0.0.0:$PORT app:app\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }],
      ['gunicorn with ${PORT:-8000} in CMD', { 'requirements.txt': 'django\n', Dockerfile: 'FROM python:3.12\nCMD gunicorn -b 0.0.0.0:${PORT:-8000} mysite.wsgi\n' }],
      ['__main__ dev entry when Procfile reads $PORT', { 'requirements.txt': 'flask\n', Procfile: 'web: gunicorn app:app\n', 'wsgi.py': 'import os\nPORT = os.environ.get("PORT")\n', 'app.py': 'app = Flask(__name__)\nif __name__ == "__main__":\n    app.run(port=5000)\n' }],
      ['compose/k8s ports are platform config', { 'package.json': pkg('"express":"4"'), 'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: npx http-server -p 8080\n' }],
      ['docker run -p mapping is not a bind', { 'package.json': pkg('"express":"4"'), 'start.sh': 'docker run -p 8080:80 nginx\n' }],
      ['uvicorn reload=True under __main__ is the dev entry', { 'requirements.txt': 'fastapi\n', 'app/main.py': 'app = FastAPI()\nif __name__ == "__main__":\n    uvicorn.run("app.main:app", host="0.0.0.0", port=8000, reload=True)\n' }],
      ['constant overridden from the environment', { 'package.json': pkg('"express":"4"'), 'server.js': 'let PORT = 3000\nif (process.env.PORT) PORT = Number(process.env.PORT)\napp.listen(PORT)\n' }],
      ['python constant overridden from the environment', { 'requirements.txt': 'flask\n', 'app.py': 'PORT = 5000\nPORT = int(os.environ.get("PORT", PORT))\napp.run(host="0.0.0.0", port=PORT)\n' }],
      ['code inside a string literal (a generator)', { 'package.json': pkg('"express":"4"'), 'gen.js': "const src = 'const app = express()\\napp.listen(3000)\\n'\nwrite('server.js', src)\n" }],
      ['loopback side channel (pprof) is not the exported service', { 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() {\n\tgo http.ListenAndServe("localhost:6060", nil)\n}\n' }],
      ['__main__ dev entry when the Procfile runs gunicorn without --bind (gunicorn binds $PORT itself)', { 'requirements.txt': 'flask\ngunicorn\n', Procfile: 'web: gunicorn app:app\n', 'app.py': 'app = Flask(__name__)\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n' }],
      ['Prometheus metrics listener beside a server that reads PORT', { 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() {\n\tgo http.ListenAndServe(":9090", promhttp.Handler())\n\tport := os.Getenv("PORT")\n\thttp.ListenAndServe(":"+port, nil)\n}\n' }],
      ['metrics exporter file of a worker', { 'package.json': pkg('"bullmq":"5"'), 'src/metrics.js': "http.createServer((req, res) => res.end(registry.metrics())).listen(9464)\n" }],
      ['a Dockerfile in a local/ folder', { 'requirements.txt': 'fastapi\n', 'app/main.py': 'import os\nPORT = os.environ.get("PORT")\n', 'docker/local/Dockerfile': 'FROM python:3.12\nCMD ["uvicorn", "app.main:app", "--port", "8000", "--reload"]\n' }],
      ['a development last stage; the production stage reads $PORT', { 'requirements.txt': 'fastapi\n', Dockerfile: 'FROM python:3.12-slim AS base\nFROM base AS production\nCMD ["sh", "-c", "uvicorn app.main:app --host 0.0.0.0 --port ${PORT:-8000}"]\nFROM base AS development\nCMD ["uvicorn", "app.main:app", "--port", "8000", "--reload"]\n' }],
      ['0.0.0.0 binding is port binding, not a finding', { 'requirements.txt': 'flask\n', 'app.py': 'import os\napp.run(host="0.0.0.0", port=int(os.environ["PORT"]))\n' }]
    ]
    for (const [name, files] of cases) it(name, () => expect(run(files)).toEqual([]))
  })

  describe('findings', () => {
    it('express app.listen(3000) with no env anywhere is an error', () => {
      const f = auditTreeV8({ 'package.json': pkg('"express":"4"'), 'src/server.js': "const app = require('express')()\n\napp.listen(3000, () => {})\n" }, [literalListenPort])
      expect(f.map(briefV8)).toEqual(['TF0701 src/server.js:3 error'])
      expect(f[0].column).toBe(1)
      expect(f[0].message).toMatch(/^app\.listen\(3000, …\) binds a literal port 3000 and the app never reads/)
      expect(f[0].remediation).toMatch(/process\.env\.PORT/)
    })
    it('a literal next to an env lookup elsewhere is a warning', () => {
      expect(run({ 'package.json': pkg('"express":"4"'), 'config.js': 'module.exports = { port: process.env.PORT }\n', 'admin.js': 'const PORT = 4000\nadmin.listen(PORT)\n' })).toEqual(['TF0701 admin.js:2 warning'])
    })
    it('gunicorn with -c or --bind does not count as reading $PORT; a non-metrics second listener still warns', () => {
      expect(run({ 'requirements.txt': 'flask\ngunicorn\n', Procfile: 'web: gunicorn -c gunicorn.conf.py app:app\n', 'app.py': 'app = Flask(__name__)\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n' })).toEqual(['TF0701 app.py:3 error'])
      expect(run({ 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() {\n\tgo http.ListenAndServe(":9091", adminRouter)\n\tport := os.Getenv("PORT")\n\thttp.ListenAndServe(":"+port, nil)\n}\n' })).toEqual(['TF0701 main.go:3 warning'])
    })
    it('the production stage before a development last stage is still checked', () => {
      expect(run({ 'requirements.txt': 'fastapi\n', Dockerfile: 'FROM python:3.12-slim AS base\nFROM base AS production\nCMD ["uvicorn", "app.main:app", "--port", "8000"]\nFROM base AS development\nCMD ["uvicorn", "app.main:app", "--port", "8000", "--reload"]\n' })).toEqual(['TF0701 Dockerfile:3 error'])
    })
    it('flask app.run(port=5000) outside __main__', () => {
      const f = auditTreeV8({ 'requirements.txt': 'flask\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=5000)\n' }, [literalListenPort])
      expect(f.map(briefV8)).toEqual(['TF0701 app.py:3 error'])
      expect(f[0].remediation).toMatch(/os\.environ\.get\("PORT", 5000\)/)
    })
    it('uvicorn.run with a PORT constant', () => {
      expect(run({ 'requirements.txt': 'fastapi\n', 'main.py': 'PORT = 8000\nuvicorn.run(app, host="0.0.0.0", port=PORT)\n' })).toEqual(['TF0701 main.py:2 error'])
    })
    it('a Dockerfile CMD port that a Kubernetes containerPort routes to is a notice; another port, or a Procfile, stays an error', () => {
      const k8s = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          ports:\n            - containerPort: 8000\n'
      const cmd = 'FROM python:3.12\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]\n'
      const f = auditTreeV8({ 'requirements.txt': 'fastapi\n', Dockerfile: cmd, 'k8s/deployment.yaml': k8s }, [literalListenPort])
      expect(f.map(briefV8)).toEqual(['TF0701 Dockerfile:2 notice'])
      expect(f[0].message).toMatch(/containerPort agrees/)
      expect(run({ 'requirements.txt': 'fastapi\n', Dockerfile: cmd.replace('8000', '9000'), 'k8s/deployment.yaml': k8s })).toEqual(['TF0701 Dockerfile:2 error'])
      expect(run({ 'requirements.txt': 'fastapi\n', Procfile: 'web: uvicorn app.main:app --port 8000\n', 'k8s/deployment.yaml': k8s })).toEqual(['TF0701 Procfile:1 error'])
    })
    it('gunicorn --bind in a Procfile and a Dockerfile CMD', () => {
      expect(run({ 'requirements.txt': 'django\n', Procfile: 'web: gunicorn --bind 0.0.0.0:8000 mysite.wsgi\n', Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n' })).toEqual(['TF0701 Dockerfile:2 error', 'TF0701 Procfile:1 error'])
    })
    it('gunicorn.conf.py bind', () => {
      expect(run({ 'requirements.txt': 'flask\n', 'gunicorn.conf.py': 'workers = 4\nbind = "0.0.0.0:8000"\n' })).toEqual(['TF0701 gunicorn.conf.py:2 error'])
    })
    it('puma port 3000 and rails s -p', () => {
      expect(run({ Gemfile: "gem 'rails'\n", 'config/puma.rb': 'threads 5, 5\nport 3000\n', Procfile: 'web: bundle exec rails server -p 3000\n' })).toEqual(['TF0701 Procfile:1 error', 'TF0701 config/puma.rb:2 error'])
    })
    it('sinatra set :port', () => {
      expect(run({ Gemfile: "gem 'sinatra'\n", 'app.rb': "require 'sinatra'\nset :port, 4567\n" })).toEqual(['TF0701 app.rb:2 error'])
    })
    it('Go ListenAndServe(":8080") and an addr variable', () => {
      expect(run({ 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n', 'cmd/admin/main.go': 'package main\nfunc main() {\n\taddr := ":9090"\n\tsrv.ListenAndServe(addr, nil)\n}\n' })).toEqual(['TF0701 cmd/admin/main.go:4 error', 'TF0701 main.go:3 error'])
    })
    // Keyword prefilter guards: no `import` in these files, so only the Go keywords let them through.
    it('gin r.Run(":8080") and echo e.Start(":1323")', () => {
      expect(run({ 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() {\n\tr := gin.Default()\n\tr.Run(":8080")\n}\n', 'cmd/echo/main.go': 'package main\nfunc main() {\n\te := echo.New()\n\te.Logger.Fatal(e.Start(":1323"))\n}\n' })).toEqual(['TF0701 cmd/echo/main.go:4 error', 'TF0701 main.go:4 error'])
    })
    it('an env lookup through a prefixed name (APP_PORT) still counts as reading the port', () => {
      expect(run({ 'package.json': pkg('"express":"4"'), 'src/server.js': 'const port = process.env.APP_PORT\napp.listen(port)\n' })).toEqual([])
    })
    it('fastify listen({ port: 3000 }) and nestjs app.listen(3000)', () => {
      const f = auditTreeV8({ 'package.json': pkg('"@nestjs/core":"10"'), 'src/main.ts': 'async function bootstrap() {\n  const app = await NestFactory.create(AppModule)\n  await app.listen(3000)\n}\n' }, [literalListenPort])
      expect(f.map(briefV8)).toEqual(['TF0701 src/main.ts:3 error'])
      expect(f[0].remediation).toMatch(/process\.env\.PORT \?\? 3000/)
      expect(run({ 'package.json': pkg('"fastify":"4"'), 'server.js': "await app.listen({ port: 3000, host: '0.0.0.0' })\n" })).toEqual(['TF0701 server.js:1 error'])
    })
    it('java HttpServer on a literal port', () => {
      expect(run({ 'pom.xml': '<project/>', 'src/main/java/App.java': 'class App {\n  void main() throws Exception {\n    HttpServer s = HttpServer.create(new InetSocketAddress(8080), 0);\n  }\n}\n' })).toEqual(['TF0701 src/main/java/App.java:3 error'])
    })
    it('php -S in a Dockerfile CMD', () => {
      expect(run({ 'composer.json': '{}', Dockerfile: 'FROM php:8.3-cli\nCMD php -S 0.0.0.0:8000 -t public\n' })).toEqual(['TF0701 Dockerfile:2 error'])
    })
    it('is suppressible with a reason', () => {
      expect(run({ 'package.json': pkg('"express":"4"'), 'server.js': '// twelve-factor-ignore TF0701 -- internal admin port, fixed by design\napp.listen(9999)\n' })).toEqual([])
    })
  })
})
