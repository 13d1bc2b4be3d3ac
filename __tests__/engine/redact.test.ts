import { describe, expect, it } from '@jest/globals'
import { maskCredentials, maskLine, redact, redactAll } from '../../src/engine/redact.js'
import { SourceFile } from '../../src/engine/source-file.js'

describe('redactAll', () => {
  it('masks every occurrence of a credential of 4 or more characters', () => {
    expect(redactAll('pw=Xq7vT2pL9 and again Xq7vT2pL9', ['Xq7vT2pL9'])).toBe(`pw=${redact('Xq7vT2pL9')} and again ${redact('Xq7vT2pL9')}`)
  })
  it('masks a credential shorter than 4 characters where it stands as a whole token', () => {
    expect(redactAll('spring.datasource.password=q1w', ['q1w'])).toBe('spring.datasource.password=****')
    expect(redactAll('password: "sa" # datasource', ['sa'])).toBe('password: "****" # datasource')
    expect(redactAll('DB_PASSWORD=ab', ['ab'])).toBe('DB_PASSWORD=****')
  })
  it('leaves a short credential inside a longer word alone', () => {
    expect(redactAll('spring.datasource.username=sam', ['sa'])).toBe('spring.datasource.username=sam')
  })
  it('ignores an empty secret and escapes regex characters', () => {
    expect(redactAll('a.b', [''])).toBe('a.b')
    expect(redactAll('pw=a.b and axb', ['a.b'])).toBe('pw=**** and axb')
  })
})

describe('maskCredentials (every snippet, whatever rules ran)', () => {
  const cases: [string, string, string][] = [
    ['Procfile KEY=value prefix', 'web: API_KEY=Zx81kd02lsPq node server.js --port 5000', 'Zx81kd02lsPq'],
    ['npm script prefix', '"start": "DB_PASSWORD=hunter2xyz tsc && node server"', 'hunter2xyz'],
    ['--flag=value in a k8s command', "command: ['app', '--db-password=s3cr3tV4lue', '--port', '8080']", 's3cr3tV4lue'],
    ['--flag value as two list items', "args: ['--api-token', 'abcDEF123456', '--port', '80']", 'abcDEF123456'],
    ['provider token anywhere', 'CMD GITHUB_TOKEN=ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa node server.js', 'aaaaaaaaaaaaaaaa'],
    ['provider token beside a listen call', "const s = 'sk_live_abcdefghijklmnopqrstuvwx'; app.listen(8080)", 'sk_live_abcdefgh'],
    ['Spring Security .password("…")', 'auth.password("s3cretValue!")', 's3cretValue!'],
    ['URL password', 'url = "postgres://app:Xk29fjQ0pL@db:5432/x"', 'Xk29fjQ0pL'],
    ['bearer token', 'curl -H "Authorization: Bearer abcdEFGH1234ijkl"', 'abcdEFGH1234ijkl'],
    ['JSON key', '{"client_secret": "q8Wm3nP0sLr7Tv2Y"}', 'q8Wm3nP0sLr7Tv2Y'],
    ['private key body on one line', '"key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"', 'MIIEvQIBADAN'],
    ['long random run under any name', 'x = "Zq8mW3nP0sLr7Tv2Yx5cBd9FgHj4Kl6Mn1"', 'Zq8mW3nP0sLr7Tv2Yx5c']
  ]
  it.each(cases)('%s', (_name, line, secret) => {
    const masked = maskCredentials(line)
    expect(masked).not.toContain(secret)
    expect(masked).toContain('****')
  })

  const kept: [string, string, boolean][] = [
    ['env read in code', 'password = os.environ["DB_PASSWORD"]', true],
    ['a call in code', 'const token = getToken()', true],
    ['a variable named in words', 'token: accessToken,', true],
    ['a reference', 'password: ${DB_PASSWORD}', false],
    ['a workflow secret', 'API_KEY: ${{ secrets.API_KEY }}', false],
    ['a switch', 'allowCredentials: true', false],
    ['an image digest', 'image: foo@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', false],
    ['a commit SHA', 'uses: actions/checkout@0123456789abcdef0123456789abcdef01234567', false],
    ['a name that only looks like one', 'author: Jane Doe', false],
    ['a port flag', 'web: node server.js --port 5000', false],
    ['an already masked value', 'password: "Zq8v****"', false]
  ]
  it.each(kept)('leaves %s alone', (_name, line, code) => {
    expect(maskCredentials(line, code)).toBe(line)
  })
})

describe('maskLine (YAML values secret by position)', () => {
  const yaml = (text: string, path = 'k8s/secret.yaml'): SourceFile => new SourceFile(path, text, 'kubernetes', 'none', 'app')
  const secretDoc = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app', 'stringData:', '  config: "Zq8mW3nP0sLr7Tv2Yx5cBd9Fg', '    Hj4Kl6Mn1Pq3Rs"', '  plain: abcdefghij', 'data:', '  blob: >-', '    c2VjcmV0dmFsdWVzZWNyZXQ='].join('\n')
  it('masks a Secret stringData value split over two lines, on both lines', () => {
    const f = yaml(secretDoc)
    expect(maskLine(f, 6)).not.toContain('Zq8mW3nP')
    expect(maskLine(f, 7)).not.toContain('Hj4Kl6Mn')
    expect(maskLine(f, 8)).not.toContain('abcdefghij')
    expect(maskLine(f, 11)).not.toContain('c2VjcmV0')
  })
  it('keeps the Secret metadata readable', () => {
    expect(maskLine(yaml(secretDoc), 4)).toBe('  name: app')
  })
  it('masks a k8s env value beside a credential name, not beside another name', () => {
    const f = yaml(['env:', '  - name: DB_PASSWORD', '    value: plainTextPw', '  - name: PORT', '    value: "8080"'].join('\n'), 'k8s/deploy.yaml')
    expect(maskLine(f, 3)).not.toContain('plainTextPw')
    expect(maskLine(f, 5)).toBe('    value: "8080"')
  })
  it('masks the continuation of a credential block scalar', () => {
    const f = yaml(['auth:', '  client_secret: >-', '    abcdefghijklmnopq'].join('\n'), 'config/app.yml')
    expect(maskLine(f, 3)).not.toContain('abcdefghijklmnopq')
  })
  it('reads only the first 1,000 characters of a huge line', () => {
    const f = new SourceFile('a.txt', `x${'a'.repeat(1_000_000)}`, 'other', 'none', 'app')
    expect(maskLine(f, 1).length).toBe(1000)
  })
})
