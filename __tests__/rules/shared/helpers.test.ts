import { describe, expect, it } from '@jest/globals'
import { parseYaml, yamlEntries } from '../../../src/parsers/yaml.js'
import { secretNameKind, envName } from '../../../src/rules/iii-config/secret-patterns.js'
import { configEntries, hoconOverride, hoconOverrides } from '../../../src/rules/shared/config-entries.js'
import { isFallbackAt } from '../../../src/rules/shared/backing-service-urls.js'
import { isUuid, looksLikeSecret } from '../../../src/rules/shared/entropy.js'
import { isEnvReference, isPlaceholder } from '../../../src/rules/shared/placeholders.js'
import { makeFile } from '../../helpers/rule-tester.js'

describe('parsers/yaml', () => {
  it('never throws and returns errors with positions', () => {
    const r = parseYaml('a: [\nb: : :\n  - x\n')
    expect(r.errors.length).toBeGreaterThan(0)
    expect(r.errors[0].line).toBeGreaterThan(0)
    expect(() => parseYaml('\u0000\uffff{{{{')).not.toThrow()
  })
  it('gives scalar leaves with key paths and offsets, without expanding aliases', () => {
    const file = makeFile('config/app.yml', 'base: &b\n  user: app\nprod:\n  <<: *b\n  password: "x y"\n---\nlist:\n  - name: A\n')
    const entries = yamlEntries(file)
    const pw = entries.find((e) => e.key === 'password')!
    expect(pw.path).toEqual(['prod', 'password'])
    expect(pw.quoted).toBe(true)
    expect(file.position(pw.offset)).toEqual({ line: 5, column: 13 })
    expect(entries.find((e) => e.key === 'name')?.docIndex).toBe(1)
    expect(entries.filter((e) => e.key === 'user')).toHaveLength(1)
  })
})

describe('config entries', () => {
  it('reads properties, INI sections and JSON with value offsets', () => {
    const props = makeFile('app.properties', 'a.b=1\nspring.datasource.password = "s3cr3t"\n')
    const e = configEntries(props).find((x) => x.leaf === 'password')!
    expect(e.value).toBe('s3cr3t')
    expect(props.position(e.offset)).toEqual({ line: 2, column: 31 })
    const ini = configEntries(makeFile('x.ini', '[db]\npassword = p\n'))
    expect(ini[0].key).toBe('db.password')
    const json = configEntries(makeFile('x.json', '{"a": {"token": "t\\"q"}}'))
    expect(json[0]).toMatchObject({ key: 'token', value: 't\\"q' })
  })
})

describe('hoconOverride', () => {
  it('finds a ${?VAR} override of the same key in the same block, before or after', () => {
    const lines = ['db {', '  url = "jdbc:postgresql://localhost/app"', '  url = ${?DATABASE_URL}', '}', 'cache {', '  url = ${?REDIS_URL}', '  url = "redis://localhost"', '}', 'mail {', '  host = "smtp.internal"', '  nested { host = ${?SMTP_HOST} }', '}']
    expect(hoconOverride(lines, 1)).toBe('DATABASE_URL')
    expect(hoconOverride(lines, 6)).toBe('REDIS_URL')
    expect(hoconOverride(lines, 9)).toBeUndefined()
    expect(hoconOverride(['url = "x"', 'other = ${?URL}'], 0)).toBeUndefined()
    expect([...hoconOverrides(lines)].sort()).toEqual([[1, 'DATABASE_URL'], [6, 'REDIS_URL']])
  })
})

describe('isFallbackAt', () => {
  const at = (code: string, token: string): boolean => {
    const lines = code.split('\n')
    const i = lines.findIndex((l) => l.includes(token))
    return isFallbackAt(lines, i, lines[i].indexOf(token))
  }
  it('is true inside or after an open lookup, false for a separate argument', () => {
    expect(at("const u = process.env.U || 'redis://a'", 'redis://')).toBe(true)
    expect(at('u = os.environ.get(\n    "U", "redis://a")', 'redis://')).toBe(true)
    expect(at('new Client(System.getenv("H"),\n    "redis://a")', 'redis://')).toBe(false)
    expect(at('new Client(System.getenv("H"), "redis://a")', 'redis://')).toBe(false)
    expect(at("const a = process.env.A; const b = 'redis://a'", 'redis://')).toBe(false)
  })
})

describe('placeholders, shapes and names', () => {
  it.each(['', 'changeme', '${DB_PASSWORD}', '${{ secrets.X }}', '<your-key>', 'xxx', '***', 'replace-me', 'your_password_here', '{{ .Values.x }}', '<%= ENV["X"] %>', 'password123', 'ENC[AES256_GCM,data:Tr7o1P8BMBb2ZBx3jQ==,iv:1b6f9Z2b=,tag:0Z4r==,type:str]', '$ANSIBLE_VAULT;1.1;AES256'])(
    'placeholder: %s', (v) => expect(isPlaceholder(v)).toBe(true))
  it.each(['Hunter2-Prod!', 'k9Jd7Fh2Lq8Wz3Xc', 's3cret-Dev9', 'ENC[k9Jd7Fh2Lq8Wz3Xc]'])('not a placeholder: %s', (v) => expect(isPlaceholder(v)).toBe(false))
  it('env references', () => {
    expect(isEnvReference('$(PASSWORD)')).toBe(true)
    expect(isEnvReference('abc$def')).toBe(false)
  })
  it('shapes', () => {
    expect(isUuid('550e8400-e29b-41d4-a716-446655440000')).toBe(true)
    expect(looksLikeSecret('550e8400-e29b-41d4-a716-446655440000', { kind: 'token' })).toBe(false)
    expect(looksLikeSecret('Enter your password', { kind: 'password' })).toBe(false)
    expect(looksLikeSecret('DB_PASSWORD', { kind: 'password' })).toBe(false)
    expect(looksLikeSecret('/account/reset', { kind: 'password' })).toBe(false)
    expect(looksLikeSecret('e1f7Kq9Zt3Wm8Rv2', { kind: 'token' })).toBe(true)
    expect(looksLikeSecret('aaaaaaaaaaaaaaaaaa', { kind: 'token' })).toBe(false)
  })
  it.each([
    ['password', 'password'], ['DB_PASSWORD', 'password'], ['dbPassword', 'password'], ['apiKey', 'token'], ['client_secret', 'token'],
    ['spring.datasource.password', 'password'], ['secret_key_base', 'token'], ['api-key', 'token'],
    ['PASSWORD_FIELD', undefined], ['password_reset_url', undefined], ['tokenExpiry', undefined], ['publishableKey', undefined],
    ['primary_key', undefined], ['nextPageToken', undefined], ['secretName', undefined], ['csrf_token', undefined]
  ])('secretNameKind(%s) = %s', (name, kind) => expect(secretNameKind(name)).toBe(kind))
  it('env names', () => expect(envName('spring.datasource.password')).toBe('SPRING_DATASOURCE_PASSWORD'))
})
