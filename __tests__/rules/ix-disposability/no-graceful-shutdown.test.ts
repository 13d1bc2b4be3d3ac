import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../../src/audit.js'
import { defaultConfig } from '../../../src/config/schema.js'
import { noGracefulShutdown } from '../../../src/rules/ix-disposability/no-graceful-shutdown.js'
import { makeTree } from '../../helpers/tree.js'

const run = (files: Record<string, string>): string[] =>
  runAudit({ root: makeTree(files), config: defaultConfig(), rules: [noGracefulShutdown] }).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)
const messages = (files: Record<string, string>): string[] =>
  runAudit({ root: makeTree(files), config: defaultConfig(), rules: [noGracefulShutdown] }).findings.map((f) => `${f.message} || ${f.remediation}`)

const express = '{"dependencies": {"express": "^4.19.0"}}'
const server = "const express = require('express')\nconst app = express()\napp.get('/', (req, res) => res.send('ok'))\napp.listen(process.env.PORT || 3000)\n"

describe('TF0901 no-graceful-shutdown', () => {
  it('reports an Express server without SIGTERM handling, once, at the entry', () => {
    expect(run({ 'package.json': express, 'src/server.js': server, 'src/other.js': "server.listen(4000)\n" })).toEqual(['src/other.js:1:1 warning'])
    expect(run({ 'package.json': express, 'src/server.js': server })).toEqual(['src/server.js:4:1 warning'])
    expect(messages({ 'package.json': express, 'src/server.js': server })[0]).toMatch(/`app\.listen\(` starts a long-running server, but the app never handles SIGTERM.*process\.on\('SIGTERM'/s)
  })
  it('is silent when any file of the app handles SIGTERM', () => {
    expect(run({ 'package.json': express, 'src/server.js': "require('./shutdown')\n" + server, 'src/shutdown.js': "process.on('SIGTERM', () => server.close())\n" })).toEqual([])
    expect(run({ 'package.json': express, 'src/server.js': server + "const { createTerminus } = require('@godaddy/terminus')\n" })).toEqual([])
    expect(run({ 'package.json': express, 'src/server.js': "const gracefulShutdown = require('http-graceful-shutdown')\n" + server })).toEqual([])
  })
  it('counts SIGTERM handled in a loop over signal names, events.once, or in the main that imports the server module', () => {
    expect(run({ 'package.json': express, 'src/server.ts': server + "for (const sig of ['SIGTERM', 'SIGINT'] as const) {\n  process.on(sig, () => server.close())\n}\n" })).toEqual([])
    expect(run({ 'package.json': express, 'src/server.js': server + "['SIGINT', 'SIGTERM'].forEach((s) => process.once(s, shutdown))\n" })).toEqual([])
    expect(run({ 'package.json': express, 'src/server.mjs': "import { once } from 'node:events'\n" + server + "await once(process, 'SIGTERM')\nserver.close()\n" })).toEqual([])
    expect(run({ 'package.json': express, 'src/server.js': server, 'src/index.js': "const { start } = require('./server')\nprocess.on('SIGTERM', () => stop())\n" })).toEqual([])
    // lookalikes: a loop over SIGHUP only, and a variable listener with no SIGTERM named
    expect(run({ 'package.json': express, 'src/server.js': server + "for (const sig of ['SIGHUP', 'SIGUSR2']) process.on(sig, reload)\n" })).toEqual(['src/server.js:4:1 warning'])
    expect(run({ 'package.json': express, 'src/server.js': server + "await once(process, 'SIGHUP')\n" })).toEqual(['src/server.js:4:1 warning'])
  })
  it('a server started only outside production (serverless in production) is not the deployed process', () => {
    const lambda = "const express = require('express')\nconst app = express()\nmodule.exports.handler = serverless(app)\nif (process.env.NODE_ENV !== 'production') {\n  app.listen(3000)\n}\n"
    expect(run({ 'package.json': express, 'src/app.js': lambda })).toEqual([])
    expect(run({ 'package.json': express, 'src/app.js': lambda.replace("!== 'production'", "=== 'production'") })).toEqual(['src/app.js:5:3 warning'])
  })
  it('a shutdown helper module wired in by the main counts', () => {
    expect(run({ 'package.json': express, 'src/server.js': server, 'src/lifecycle/shutdown.js': "module.exports = (server) => process.on('SIGTERM', () => server.close())\n", 'src/index.js': "require('./server')\nrequire('./lifecycle/shutdown')\n" })).toEqual([])
    // a handler in an unrelated module of another name does not
    expect(run({ 'package.json': express, 'src/server.js': server, 'src/queue.js': "process.on('SIGTERM', () => channel.close())\n" })).toEqual(['src/server.js:4:1 warning'])
  })
  it('Go: a server main that imports the package holding the signal handling counts', () => {
    const gomod = 'module github.com/acme/api\n\ngo 1.22\n'
    const main = 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/acme/api/internal/lifecycle"\n)\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080"}\n\tlifecycle.OnStop(srv)\n\tsrv.ListenAndServe()\n}\n'
    const lc = 'package lifecycle\nfunc OnStop(s Stopper) {\n\tsignal.Notify(ch, syscall.SIGTERM)\n}\n'
    expect(run({ 'go.mod': gomod, 'cmd/api/main.go': main, 'internal/lifecycle/lifecycle.go': lc })).toEqual([])
    expect(run({ 'go.mod': gomod, 'cmd/api/main.go': main.replace('internal/lifecycle', 'internal/config'), 'internal/lifecycle/lifecycle.go': lc })).toEqual(['cmd/api/main.go:12:2 warning'])
  })
  it('a handler in another process (a worker entry) does not cover the server', () => {
    expect(run({ 'package.json': express, 'src/server.js': server, 'src/worker.js': "process.on('SIGTERM', () => channel.close())\nchannel.consume('q', handle)\n" })).toEqual(['src/server.js:4:1 warning'])
  })
  it('dev servers and scripts are not the deployed process', () => {
    expect(run({ 'package.json': express, 'scripts/dev-server.js': server, 'src/dev.js': server })).toEqual([])
  })
  it('does not count a commented-out handler or test files', () => {
    expect(run({ 'package.json': express, 'src/server.js': server + "// process.on('SIGTERM', () => server.close())\n" })).toEqual(['src/server.js:4:1 warning'])
    expect(run({ 'package.json': express, 'test/server.test.js': server })).toEqual([])
  })
  it('NestJS: enableShutdownHooks counts', () => {
    const pkg = '{"dependencies": {"@nestjs/core": "^10"}}'
    expect(run({ 'package.json': pkg, 'src/main.ts': 'const app = await NestFactory.create(AppModule)\nawait app.listen(3000)\n' })).toEqual(['src/main.ts:2:7 warning'])
    expect(messages({ 'package.json': pkg, 'src/main.ts': 'const app = await NestFactory.create(AppModule)\nawait app.listen(3000)\n' })[0]).toContain('enableShutdownHooks')
    expect(run({ 'package.json': pkg, 'src/main.ts': 'const app = await NestFactory.create(AppModule)\napp.enableShutdownHooks()\nawait app.listen(3000)\n' })).toEqual([])
  })
  it('Python: gunicorn/uvicorn handle signals for the app', () => {
    const flask = "from flask import Flask\napp = Flask(__name__)\nif __name__ == '__main__':\n    app.run(host='0.0.0.0')\n"
    expect(run({ 'requirements.txt': 'flask==3.0\n', 'app.py': flask })).toEqual(['app.py:4:5 warning'])
    expect(run({ 'requirements.txt': 'flask==3.0\ngunicorn==22.0\n', 'app.py': flask })).toEqual([])
    expect(run({ 'requirements.txt': 'flask==3.0\n', 'app.py': flask, Procfile: 'web: gunicorn app:app\n' })).toEqual([])
    expect(run({ 'requirements.txt': 'pika\n', 'worker.py': 'import pika, signal\nsignal.signal(signal.SIGTERM, stop)\nchannel.start_consuming()\n' })).toEqual([])
    expect(run({ 'requirements.txt': 'pika\n', 'worker.py': 'import pika\nchannel.start_consuming()\n' })).toEqual(['worker.py:2:9 warning'])
    expect(run({ 'requirements.txt': 'x\n', 'lib/server.py': 'class S:\n    def serve_forever(self):\n        """Call serve_forever() to start."""\n' })).toEqual([])
  })
  it('Go: signal.Notify / NotifyContext', () => {
    const gomod = 'module x\n\ngo 1.22\n'
    expect(run({ 'go.mod': gomod, 'main.go': 'package main\nfunc main() {\n\thttp.ListenAndServe(":8080", mux)\n}\n' })).toEqual(['main.go:3:2 warning'])
    // A pprof or metrics listener is not the app's server: the finding points at the real one, or at none.
    const pprof = 'package pprof\n\nimport (\n\t"log"\n\t"net/http"\n\t_ "net/http/pprof"\n)\n\nfunc Start() {\n\tgo func() { log.Println(http.ListenAndServe(":6060", nil)) }()\n}\n'
    expect(run({ 'go.mod': gomod, 'pkg/pprof/pprof.go': pprof })).toEqual([])
    expect(run({ 'go.mod': gomod, 'cmd/api/main.go': 'package main\nfunc main() {\n\tgo http.ListenAndServe(":6060", nil)\n\thttp.ListenAndServe(":8080", mux)\n}\n' })).toEqual(['cmd/api/main.go:4:2 warning'])
    expect(run({ 'go.mod': gomod, 'main.go': 'package main\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)\n\tgo srv.ListenAndServe()\n}\n' })).toEqual([])
    expect(run({ 'go.mod': gomod + 'require github.com/gin-gonic/gin v1.9.1\n', 'main.go': 'import "github.com/gin-gonic/gin"\nfunc main() {\n\tr := gin.Default()\n\tr.Run(":8080")\n}\n' })).toEqual(['main.go:4:2 warning'])
    expect(run({ 'go.mod': gomod, 'tool.go': 'func main() {\n\tcmd.Run()\n}\n' })).toEqual([])
  })
  it('Go: signal.NotifyContext in a main that imports the server package counts for it', () => {
    const gomod = 'module github.com/acme/api\n\ngo 1.22\n'
    const srv = 'package server\nfunc (s *Server) Run() error {\n\treturn s.http.ListenAndServe()\n}\n'
    const main = 'package main\n\nimport (\n\t"context"\n\t"os/signal"\n\t"syscall"\n\n\t"github.com/acme/api/internal/server"\n)\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)\n\tdefer stop()\n\tserver.New().Start(ctx)\n}\n'
    expect(run({ 'go.mod': gomod, 'internal/server/server.go': srv, 'cmd/api/main.go': main })).toEqual([])
    // a main that handles signals but imports another package does not cover the server
    expect(run({ 'go.mod': gomod, 'internal/server/server.go': srv, 'cmd/api/main.go': main.replace('internal/server', 'internal/worker') })).toEqual(['internal/server/server.go:3:11 warning'])
  })
  it('Spring Boot: decided by version and server.shutdown', () => {
    const pom = (v: string): string => `<project>\n<parent><artifactId>spring-boot-starter-parent</artifactId><version>${v}</version></parent>\n<dependency><artifactId>spring-boot-starter-web</artifactId></dependency>\n</project>\n`
    const main = 'package x;\n@SpringBootApplication\npublic class App {\n  public static void main(String[] args) {\n    SpringApplication.run(App.class, args);\n  }\n}\n'
    expect(run({ 'pom.xml': pom('3.2.5'), 'src/main/java/x/App.java': main })).toEqual(['src/main/java/x/App.java:5:5 warning'])
    expect(messages({ 'pom.xml': pom('3.2.5'), 'src/main/java/x/App.java': main })[0]).toMatch(/Spring Boot 3\.2 app.*server\.shutdown=graceful/s)
    expect(run({ 'pom.xml': pom('3.2.5'), 'src/main/java/x/App.java': main, 'src/main/resources/application.properties': 'server.shutdown=graceful\n' })).toEqual([])
    expect(run({ 'pom.xml': pom('3.4.1'), 'src/main/java/x/App.java': main })).toEqual([])
    expect(run({ 'pom.xml': pom('3.2.5').replace('spring-boot-starter-web', 'spring-boot-starter-batch'), 'src/main/java/x/App.java': main })).toEqual([])
  })
  it('Rails apps are served by puma', () => {
    expect(run({ Gemfile: "gem 'rails'\ngem 'puma'\n", 'lib/server.rb': 'server = TCPServer.new(2000)\n' })).toEqual([])
  })
})
