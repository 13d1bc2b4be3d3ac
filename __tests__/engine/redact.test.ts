import { describe, expect, it } from '@jest/globals'
import { redact, redactAll } from '../../src/engine/redact.js'

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
