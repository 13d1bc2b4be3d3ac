// TF0205: dependencies installed by hand in a Dockerfile or deploy script instead of from the
// manifest: `npm install -g x`, `pip install x` without a pin or requirements file, `gem install x`
// without -v, `go install x@latest`, and `curl ... | sh` installers.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { dockerfileOf, shippedStages } from '../../parsers/dockerfile.js'

interface Hit {
  offset: number // into the command text
  message: string
  remediation: string
}

/** Package tools that bootstrap the manifest's own installer; unpinned they rarely matter. */
const PIP_BOOTSTRAP = /^(pip|setuptools|wheel)$/i
const NPM_BOOTSTRAP = /^(npm|corepack)$/i

function tokens(segment: string): { t: string; at: number }[] {
  const out: { t: string; at: number }[] = []
  const re = /\S+/g
  for (let m = re.exec(segment); m; m = re.exec(segment)) out.push({ t: m[0].replace(/^['"]|['"]$/g, ''), at: m.index })
  return out
}

/** Scans one shell command line (a RUN or a script line) for installs outside the manifest. */
export function scanCommand(cmd: string, versionVars: ReadonlySet<string> = new Set()): Hit[] {
  const hits: Hit[] = []
  if (cmd.length > 4000) return hits
  // curl/wget piped straight into a shell.
  const pipe = /\b(curl|wget)\b[^|;&\n]{0,1000}\|\s*(sudo\s+)?(-E\s+)?(ba|z|da)?sh\b/.exec(cmd)
  if (pipe) {
    const url = /https?:\/\/[^\s'"|]+/.exec(pipe[0])?.[0] ?? 'a remote script'
    hits.push({
      offset: pipe.index,
      message: `\`${pipe[1]} ... | ${pipe[4] ?? ''}sh\` runs the installer at ${url}: what it installs is neither declared nor pinned`,
      remediation: 'Install the tool from the distribution package manager (apt-get install tool=version), or download a versioned release archive and verify its checksum (curl -fsSLO .../v1.2.3/tool.tar.gz && sha256sum -c); better still, declare it as a dependency of the app.'
    })
  }
  // Split into simple commands so `a && pip install x` is seen.
  const re = /[^;&|\n]+/g
  for (let m = re.exec(cmd); m; m = re.exec(cmd)) {
    const seg = m[0]
    const toks = tokens(seg)
    let i = 0
    while (i < toks.length && (/^(sudo|-E|env|[A-Z_][A-Z0-9_]*=\S*)$/.test(toks[i].t))) i++
    const tool = toks[i]?.t.replace(/^.*\//, '')
    const sub = toks[i + 1]?.t
    const rest = toks.slice(i + 2)
    const args = rest.filter((a) => !a.t.startsWith('-'))
    const at = m.index + (toks[i]?.at ?? 0)
    if (!tool) continue
    if ((tool === 'npm' && /^(install|i|add)$/.test(sub ?? '') && rest.some((a) => a.t === '-g' || a.t === '--global')) ||
        (tool === 'yarn' && sub === 'global' && toks[i + 2]?.t === 'add') ||
        (tool === 'pnpm' && /^(add|install|i)$/.test(sub ?? '') && rest.some((a) => a.t === '-g' || a.t === '--global'))) {
      const pkgs = args.filter((a) => a.t !== 'add').map((a) => a.t).filter((p) => !NPM_BOOTSTRAP.test(p.replace(/@[^@/]*$/, '')))
      // `turbo@${TURBO_VERSION}` with `ARG TURBO_VERSION=2.9.4`: pinned through a build argument.
      const loose = pkgs.filter((p) => !/.@\d/.test(p) && !versionVars.has(/.@\$\{?(\w+)\}?$/.exec(p)?.[1] ?? ''))
      if (loose.length > 0) hits.push({ offset: at, message: `\`${tool} ${sub} -g ${loose.join(' ')}\` installs a global package outside package.json, at whatever version is newest`, remediation: `Add it to package.json (\`npm install --save-dev ${loose[0]}\`) and run it with \`npx\` / an npm script; if it must be global, pin it: \`npm install -g ${loose[0]}@<version>\`.` })
    } else if ((tool === 'pip' || tool === 'pip3' || (tool.startsWith('python') && sub === '-m' && /^pip3?$/.test(toks[i + 2]?.t ?? ''))) && (tool.startsWith('python') ? toks[i + 3]?.t : sub) === 'install') {
      const after = tool.startsWith('python') ? toks.slice(i + 4) : rest
      if (after.some((a) => /^(-r|--requirement|-c|--constraint|-e|--editable)$/.test(a.t) || /^(-r|--requirement=)\S/.test(a.t))) continue
      const pkgs = after.filter((a, k) => !a.t.startsWith('-') && !/^(-i|--index-url|--extra-index-url|-f|--find-links|--target|-t|--prefix|--root)$/.test(after[k - 1]?.t ?? ''))
      const loose = pkgs.map((a) => a.t).filter((p) => !/^[./]/.test(p) && !/\.(whl|tar\.gz|zip)$/.test(p) && !/===?[^=*]+$/.test(p) && !PIP_BOOTSTRAP.test(p.replace(/[<>=!~[].*$/, '')))
      if (loose.length > 0) hits.push({ offset: at, message: `\`pip install ${loose.join(' ')}\` installs ${loose.length === 1 ? 'a package' : 'packages'} outside the requirements file, unpinned`, remediation: `Declare it in requirements.txt (or pyproject.toml) with an exact version, e.g. \`${loose[0].replace(/[<>=!~].*$/, '')}==<version>\`, and install with \`pip install -r requirements.txt\`.` })
    } else if (tool === 'gem' && sub === 'install') {
      if (rest.some((a) => /^(-v|--version)$/.test(a.t) || a.t.startsWith('--version=')) || rest.some((a) => /:\d/.test(a.t))) continue
      const loose = args.map((a) => a.t).filter((p) => p !== 'bundler' && !p.endsWith('.gem'))
      if (loose.length > 0) hits.push({ offset: at, message: `\`gem install ${loose.join(' ')}\` installs a gem outside the Gemfile, unpinned`, remediation: `Add it to the Gemfile (\`gem '${loose[0]}', '~> x.y'\`) and run it with \`bundle exec\`; if it must be installed globally, pin it: \`gem install ${loose[0]} -v <version>\`.` })
    } else if (tool === 'go' && sub === 'install') {
      const latest = args.map((a) => a.t).filter((p) => /@(latest|master|main)$/.test(p))
      if (latest.length > 0) hits.push({ offset: at, message: `\`go install ${latest.join(' ')}\` installs whatever version is newest`, remediation: `Pin the module version: \`go install ${latest[0].replace(/@\w+$/, '')}@v1.2.3\` (or track the tool in go.mod with a tools.go / \`go get -tool\`).` })
    }
  }
  return hits
}

function isDeployScript(file: SourceFile): boolean {
  // Developer bootstrap scripts install on a laptop, not in the deployed environment.
  return !/(^|[/_.-])(dev|local|setup|bootstrap|install|test)[^/]*$/i.test(file.name) && !/(^|\/)(scripts\/dev|hack|tools)\//.test(file.path)
}

export const installOutsideManifest: Rule = {
  meta: {
    id: 'TF0205',
    name: 'install-outside-manifest',
    factor: 'II',
    severity: 'warning',
    summary: 'A Dockerfile or deploy script installs packages outside the dependency manifest (npm -g, bare pip install, gem install, curl | sh).',
    why:
      'Factor II: every dependency is declared in one manifest and installed from it, so the manifest is the whole truth about what the app needs. A package added by hand in a RUN line or script is invisible to the manifest, to dependency updates and to security scanners, and floats to whatever version is newest on each build.',
    remediation: 'Declare the package in the app\'s manifest (package.json, requirements.txt, Gemfile, go.mod) and install from it; pin any tool that must be installed separately.',
    languages: ['shell']
  },
  files: { kinds: ['dockerfile', 'source'], roles: ['app'] },
  keywords: ['install', 'curl', 'wget'],
  check(file, report, ctx) {
    if (file.kind === 'dockerfile') {
      if (file.language !== 'none') return // dockerfile.ts is code, not a Dockerfile
      const parsed = dockerfileOf(file)
      // Build arguments and env vars whose default is a version (`ARG TURBO_VERSION=2.9.4`).
      const versionVars = new Set<string>()
      for (const ins of parsed.instructions) {
        if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue
        for (const m of ins.args.matchAll(/(?:^|\s)([A-Za-z_]\w*)[= ]["']?v?\d+(?:\.\d+)*[\w.+-]*["']?(?=\s|$)/g)) versionVars.add(m[1])
      }
      const shipped = shippedStages(parsed)
      for (const ins of parsed.instructions) {
        // A `dev` target stage the final image neither builds on nor copies from ships nothing.
        if (ins.keyword !== 'RUN' || !shipped.has(ins.stage) || ctx.deploy.environmentAt(file, ins.line) !== 'production') continue
        const text = ins.exec ? ins.exec.join(' ') : ins.args
        for (const h of scanCommand(text, versionVars)) report({ line: ins.line, message: h.message, remediation: h.remediation })
      }
      return
    }
    if (file.language !== 'shell' || !isDeployScript(file)) return
    file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
      for (const h of scanCommand(line)) report({ line: i + 1, column: h.offset + 1, message: h.message, remediation: h.remediation })
    })
  }
}
