export interface Credentials {
  email: string
  password: string
}

export const messages = {
  password: 'Password',
  passwordHint: 'At least 12 characters',
  token: 'Your session has expired'
}

export const seedUserId = '5f0c6c1e-9b2a-4d7e-8f55-3c2b1a0e9d88'
export const buildSha = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'
export const integrity = 'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUR'

export function getToken(): string {
  const token = readHeader('authorization')
  return token
}
declare function readHeader(name: string): string
