import { describe, expect, it } from '@jest/globals'
import { implicitSystemTool } from '../../../src/rules/ii-dependencies/implicit-system-tool.js'
import { auditTree, brief } from '../../helpers/audit-tree-i-ii-iv.js'

const rules = [implicitSystemTool]
const NODE_PKG = '{"dependencies": {"express": "^4"}}'

describe('TF0206 implicit-system-tool', () => {
  it('flags tools the app never declares, per language', () => {
    expect(
      brief(
        {
          'node/package.json': NODE_PKG,
          'node/src/thumb.js': "const { execFile, spawn } = require('child_process')\nexecFile('convert', [src, '-resize', '200x200', out])\nspawn('ffmpeg', ['-i', input, output])\n",
          'py/requirements.txt': 'flask==3.0.3\n',
          'py/app/pdf.py': "import subprocess\n\ndef text(path):\n    return subprocess.check_output(['pdftotext', path, '-'])\n",
          'rb/Gemfile': "gem 'sinatra'\n",
          'rb/lib/fetch.rb': "def fetch(url)\n  `curl -s #{url}`\nend\n",
          'go/go.mod': 'module x\n',
          'go/media.go': 'package main\n\nimport "os/exec"\n\nfunc probe(f string) { exec.Command("ffprobe", f).Run() }\n',
          'java/pom.xml': '<project/>',
          'java/src/main/java/Dump.java': 'class Dump { void run() throws Exception { new ProcessBuilder("sh", "-c", "pg_dump $DATABASE_URL").start(); } }\n'
        },
        rules
      )
    ).toEqual([
      'TF0206 go/media.go:5 warning',
      'TF0206 java/src/main/java/Dump.java:1 warning',
      'TF0206 node/src/thumb.js:2 warning',
      'TF0206 node/src/thumb.js:3 warning',
      'TF0206 py/app/pdf.py:4 warning',
      'TF0206 rb/lib/fetch.rb:2 warning'
    ])
  })

  it('names the tool, the call and the Dockerfile that lacks it', () => {
    const r = auditTree(
      {
        'package.json': NODE_PKG,
        Dockerfile: 'FROM node:20-slim\nRUN apt-get update && apt-get install -y imagemagick\n',
        'src/media.ts': "import { execSync } from 'node:child_process'\nexecSync('convert in.png out.jpg')\nexecSync(`ffmpeg -i ${a} ${b}`)\n"
      },
      rules
    )
    expect(r.findings.map((f) => [f.line, f.message])).toEqual([
      [3, '`ffmpeg` is run through execSync but `Dockerfile` does not install it: the app relies on the tool being on the host']
    ])
    expect(r.findings[0].remediation).toMatch(/apt-get install -y --no-install-recommends ffmpeg/)
    expect(r.findings[0].snippet).toBe('execSync(`ffmpeg -i ${a} ${b}`)')
  })

  it('stays silent when the build declares the tool, and on lookalikes', () => {
    expect(
      brief(
        {
          'a/package.json': NODE_PKG,
          'a/Aptfile': 'ffmpeg\n',
          'a/index.js': "const cp = require('child_process')\ncp.spawn('ffmpeg', args)\n",
          'b/requirements.txt': 'flask==3\n',
          'b/Dockerfile': 'FROM python:3.12\n', // full image: curl and git come with buildpack-deps
          'b/app.py': "import subprocess\nsubprocess.run(['git', 'rev-parse', 'HEAD'])\nsubprocess.run(['curl', url])\n",
          'c/package.json': NODE_PKG,
          'c/index.js': "// execSync('convert a b')\nconst msg = 'run `git pull` first'\nconst re = /x/\nre.exec('curl')\n", // no child_process
          'c/scripts/release.js': "require('child_process').execSync('git tag v1')\n", // developer script
          'c/test/media.test.js': "require('child_process').execSync('ffmpeg -version')\n",
          'f/requirements.txt': 'flask==3\n',
          'f/nixpacks.toml': '[phases.setup]\naptPkgs = ["...", "ffmpeg"]\n',
          'f/app.py': "import subprocess\nsubprocess.run(['ffmpeg', '-i', src, dst])\n",
          'e/package.json': NODE_PKG,
          'e/action.yml': 'runs:\n  using: node20\n  main: dist/index.js\n', // a GitHub Action uses the runner's git
          'e/src/git.ts': "import { execFileSync } from 'node:child_process'\nexecFileSync('git', ['ls-files'])\n",
          'e/src/parsers/dockerfile.ts': 'export const FROM = 1\n', // code, not a Dockerfile
                    'd/Gemfile': "gem 'rails'\n",
          'd/app/models/x.rb': 'raise "run `convert` first"\nsystem("echo", "hi")\n'
        },
        rules
      )
    ).toEqual([])
  })

  it('reads versioned Debian/Alpine package names and skips build-tool config', () => {
    const dump = "import subprocess\nsubprocess.run(['pg_dump', url])\n"
    expect(
      brief(
        {
          'a/requirements.txt': 'flask==3.0.3\n',
          'a/Dockerfile': 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y postgresql-client-16 && rm -rf /var/lib/apt/lists/*\n',
          'a/app/backup.py': dump,
          'b/requirements.txt': 'flask==3.0.3\n',
          'b/Dockerfile': 'FROM python:3.12-alpine\nRUN apk add --no-cache postgresql16-client\n',
          'b/app/backup.py': dump,
          'c/package.json': NODE_PKG,
          'c/Dockerfile': 'FROM node:20-alpine\nCMD ["node", "server.js"]\n',
          'c/next.config.mjs': "import { execSync } from 'child_process'\nexport default { generateBuildId: async () => execSync('git rev-parse HEAD').toString().trim() }\n",
          'c/vite.config.ts': "import { execSync } from 'node:child_process'\nconst rev = execSync('git rev-parse --short HEAD')\n"
        },
        rules
      )
    ).toEqual([])
    expect(
      brief(
        {
          'a/requirements.txt': 'flask==3.0.3\n',
          'a/Dockerfile': 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y postgresql-common && rm -rf /var/lib/apt/lists/*\n',
          'a/app/backup.py': "import subprocess\nsubprocess.run(['pg_dump', url])\n",
          'c/package.json': NODE_PKG,
          'c/Dockerfile': 'FROM node:20-alpine\nCMD ["node", "server.js"]\n',
          'c/src/version.ts': "import { execSync } from 'child_process'\nexport const rev = execSync('git rev-parse HEAD')\n"
        },
        rules
      )
    ).toEqual(['TF0206 a/app/backup.py:2 warning', 'TF0206 c/src/version.ts:2 warning'])
  })

  it('tools built from source in an earlier stage (heredoc RUN) and tools of the full base image reached through stages and ARGs', () => {
    const gemfile = "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n"
    const media = "class Thumbnail\n  def run(path)\n    system('ffmpeg', '-i', path, 'thumb.png')\n  end\nend\n"
    const built = [
      'FROM ubuntu:24.04 AS base', 'FROM base AS build-ffmpeg', 'RUN <<EOS', '  curl -L "$FFMPEG_URL" | tar -xzf -', '  ./configure --prefix=/usr/local && make install', '  ffmpeg -version', 'EOS',
      'FROM base AS app', 'COPY --from=build-ffmpeg /usr/local /usr/local', 'CMD ["bin/rails", "server"]'
    ].join('\n')
    expect(brief({ Gemfile: gemfile, Dockerfile: built, 'app/models/thumbnail.rb': media }, rules)).toEqual([])
    const version = "module Shop\n  REVISION = `git rev-parse --short HEAD`.strip\nend\n"
    const staged = 'ARG RUBY_VERSION=3.3\nFROM ruby:${RUBY_VERSION} AS base\nWORKDIR /app\nFROM base AS production\nCMD ["bin/rails", "server"]\n'
    expect(brief({ Gemfile: gemfile, Dockerfile: staged, 'config/initializers/revision.rb': version }, rules)).toEqual([])
    // The slim variant has no git: still reported through the same chain.
    expect(brief({ Gemfile: gemfile, Dockerfile: staged.replace('ARG RUBY_VERSION=3.3', 'ARG RUBY_VERSION=3.3-slim'), 'config/initializers/revision.rb': version }, rules)).toEqual(['TF0206 config/initializers/revision.rb:2 warning'])
  })
})
