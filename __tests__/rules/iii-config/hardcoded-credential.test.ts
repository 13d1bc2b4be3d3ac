import { describe, expect, it } from '@jest/globals'
import { hardcodedCredential as rule } from '../../../src/rules/iii-config/hardcoded-credential.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

// Tokens are assembled at run time so this file does not itself look like a leak to scanners.
const GH = 'ghp_' + 'a1B2c3D4e5'.repeat(3) + 'F6g7H8'
const AWS_ID = 'AKIA' + 'Z7QW3RTY5UIO2PLK'
const AWS_SECRET = 'k9Jd7Fh2' + 'Lq8Wz3Xc' + '5Vb1Nm6A' + 'sD4fG7hJ' + 'kL0pO9iU'
const STRIPE = 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dc'
const SLACK_HOOK = 'https://hooks.slack.com/services/' + 'T024BE7LD/B024BE7LH/' + 'bCdEfGhIjKlMnOpQrStUvWxY'
const SENDGRID = 'SG.' + 'ngeVfQFYQlKU0ufo8x5d1A' + '.' + 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr'
const ANTHROPIC = 'sk-ant-' + 'api03-' + 'Xy7Zq9Wv3Ut5Sr1Qp8On6Ml4Kj2Ih0Gf7Ed5Cb3Az1'
const NPM = 'npm_' + 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2'
const AZURE = 'q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7K8l9Z0x1C2v3B4n5M6q7W8e9R0t1Y2u3I4o5P6a7S8d9F0g1H2j3K4=='
const GITLAB = 'glpat-' + 'xY7zQ2wV9uT4sR1pO8nM'
const SLACK_BOT = 'xoxb-' + '123456789012-1234567890123-' + 'AbCdEfGhIjKlMnOpQrStUvWx'
const TWILIO = 'SK' + '0123456789abcdef0123456789abcdef'
const OPENAI = 'sk-proj-' + 'Ab3De6Gh9Jk2Mn5Pq8St1Vw4Yz7Bc0Ef3Hi6Kl9No2Qr5Tu8'
const KEY_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj'
const PEM = `-----BEGIN RSA ${'PRIVATE'} KEY-----\n${KEY_BODY}\n${KEY_BODY}\n-----END RSA ${'PRIVATE'} KEY-----`

describe('TF0301 hardcoded-credential', () => {
  ruleTable(rule, {
    valid: [
      { name: 'a key header quoted in a Helm values comment, no body', path: 'charts/store/values.yaml', code: `secrets:\n  ## If you provide your own certificates, key and certificate should start with -----BEGIN CERTIFICATE----- or\n  ## -----BEGIN RSA ${'PRIVATE'} KEY-----\n  ##\n  ## name should line up with a tlsSecret set further up, and the certificate must match the host names\n  name: store-tls\n` },
      { name: 'an example presigned URL of a third party in a comment', path: 'app/sources/cdn_url.rb', code: `# https://bucket.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${AWS_ID}%2F20221224%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc\nclass CdnUrl; end\n` },
      { name: "a provider's published documentation example token", path: 'engine/constants/slack_auth.py', code: `OAUTH_RESPONSE = {\n    "ok": True,\n    "access_token": "${'xoxb-' + '17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy'}",\n}\n` },
      { name: 'AWS documentation example key', path: 'src/aws.ts', code: `const id = 'AKIAIOSFODNN7EXAMPLE'\nconst aws_secret_access_key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\n` },
      { name: 'env reads', path: 'src/gh.js', code: 'const token = process.env.GITHUB_TOKEN\nconst stripe = require("stripe")(process.env.STRIPE_KEY)\n' },
      { name: 'test fixture path', path: '__tests__/fixtures/creds.ts', code: `export const token = '${GH}'\n` },
      { name: 'Markdown docs', path: 'docs/setup.md', code: `\`\`\`\nexport GITHUB_TOKEN=${GH}\n\`\`\`\n` },
      { name: 'Stripe test key, short prefixes', path: 'src/pay.py', code: `stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"\nghp = "ghp_"\n` },
      { name: 'placeholder private key', path: 'config/keys.yml', code: `key: |\n  -----BEGIN ${'PRIVATE'} KEY-----\n  ...\n  -----END ${'PRIVATE'} KEY-----\n` },
      { name: 'Azure storage emulator key', path: 'appsettings.json', code: '{"Storage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="}\n' },
      { name: 'integrity hash and git sha', path: 'src/x.ts', code: "const integrity = 'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUR'\nconst commit = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'\n" }
    ],
    invalid: [
      { name: 'a commented-out key with its body is still a key', path: 'charts/store/values.yaml', code: `tls:\n  # key: |\n  #   ${PEM.split('\n').join('\n  #   ')}\n`, errors: [{ line: 3 }] },
      { name: 'GitHub token in TypeScript', path: 'src/github.ts', code: `import x from 'y'\nconst githubToken = '${GH}'\n`, errors: [{ line: 2, column: 22, message: /GitHub token ghp_\*{4} assigned to githubToken/ }] },
      { name: 'AWS key id and secret in Python', path: 'app/aws.py', code: `AWS_ACCESS_KEY_ID = "${AWS_ID}"\naws_secret_access_key = "${AWS_SECRET}"\n`, errors: [{ line: 1, message: /AWS access key id AKIA\*{4} assigned to AWS_ACCESS_KEY_ID/ }, { line: 2, message: /AWS secret access key/ }] },
      { name: 'Stripe live key in Ruby', path: 'config/initializers/stripe.rb', code: `Stripe.api_key = "${STRIPE}"\n`, errors: [{ line: 1, message: /Stripe live secret key/ }] },
      { name: 'Slack webhook in Java', path: 'src/main/java/Notify.java', code: `class N {\n  static final String HOOK = "${SLACK_HOOK}";\n}\n`, errors: [{ line: 2, message: /Slack incoming webhook URL/ }] },
      { name: 'SendGrid, Anthropic and npm tokens in Go', path: 'main.go', code: `package main\nvar sg = "${SENDGRID}"\nvar claude = "${ANTHROPIC}"\nvar npm = "${NPM}"\n`, errors: [{ line: 2 }, { line: 3, message: /Anthropic/ }, { line: 4, message: /npm/ }] },
      { name: 'private key block in YAML', path: 'config/certs.yml', code: `tls:\n  key: |\n    ${PEM.replace(/\n/g, '\n    ')}\n`, errors: [{ line: 3, message: /RSA private key block/ }] },
      { name: 'GCP service account JSON', path: 'gcp-key.json', code: `{\n  "type": "service_account",\n  "private_key_id": "abc",\n  "private_key": "${PEM.replace(/\n/g, '\\n')}"\n}\n`, errors: [{ line: 4, message: /GCP service-account private key/ }] },
      { name: 'Azure storage connection string', path: 'appsettings.json', code: `{\n  "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${AZURE};EndpointSuffix=core.windows.net"\n}\n`, errors: [{ line: 2, message: /Azure storage account key/ }] },
      { name: 'GitLab, Slack bot token, Twilio key in Ruby', path: 'lib/clients.rb', code: `GITLAB = "${GITLAB}"\nSLACK_BOT = "${SLACK_BOT}"\nTWILIO_KEY = "${TWILIO}"\n`, errors: [{ line: 1, message: /GitLab/ }, { line: 2, message: /Slack token/ }, { line: 3, message: /Twilio/ }] },
      { name: 'OpenAI project key in .npmrc-like other file', path: 'scripts/ai.sh', code: `export OPENAI_API_KEY=${OPENAI}\n`, errors: [{ line: 1, message: /OpenAI/ }] },
      { name: 'token in a comment still leaks', path: 'src/a.ts', code: `// old: ${GH}\n`, errors: [{ line: 1 }] },
      { name: 'compose file (local dev) is a notice', path: 'docker-compose.yml', code: `services:\n  app:\n    environment:\n      GITHUB_TOKEN: ${GH}\n`, errors: [{ line: 4, severity: 'notice' }] }
    ]
  })

  it('never echoes the secret', () => {
    const code = `const a = '${GH}'\nconst b = '${STRIPE}'\naws_secret_access_key = "${AWS_SECRET}"\nconst k = "${PEM.replace(/\n/g, '\\n')}"\n`
    const json = JSON.stringify(runRule(rule, 'src/leak.ts', code))
    expect(runRule(rule, 'src/leak.ts', code)).toHaveLength(4)
    for (const s of [GH, STRIPE, AWS_SECRET, KEY_BODY, GH.slice(0, 12), KEY_BODY.slice(0, 20)]) expect(json).not.toContain(s)
  })
})
