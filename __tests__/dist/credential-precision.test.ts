// Factor III credential rules through the bundled CLI on a small realistic tree: lookalikes of each
// class of false positive stay quiet, and the shapes real apps leak secrets in are reported.
import { describe, expect, it } from '@jest/globals'
import { makeTree } from '../helpers/tree.js'
import { runCliBundle } from '../helpers/run-action.js'

// Assembled at run time so this file does not itself look like a leak to scanners.
const KEY = 'e1f7Kq9' + 'Zt3Wm8Rv' + '2Lp6Yx4N'
const AWS_ID = 'AKIA' + 'Z7QW3RTY5UIO2PLK'
const BEGIN = `-----BEGIN RSA ${'PRIVATE'} KEY-----`

const tree = {
  'package.json': '{ "name": "orbit", "main": "src/server.js", "scripts": { "start": "node src/server.js" } }\n',
  // identifiers taken for secrets
  'src/messages.ts': 'export const MESSAGES = {\n  invalidateToken: "orbit:invalidate-token",\n  refreshToken: "orbit:refresh-token",\n}\n',
  'src/highlight.ts': "export const rules = [{ token: 'orbit.calculated-field-latestTs', regex: /latestTs/ }]\n",
  'src/main/java/org/orbit/Columns.java': 'class Columns {\n  public static final String COLUMNNAME_Password = "Password";\n  public static final String PARAM_SFTP_PASSWORD = "SFTPPassword";\n}\n',
  'src/main/java/org/orbit/Snippet.java': 'class Snippet {\n  String build(Creds c) {\n    StringBuilder sb = new StringBuilder();\n    sb.append("      - GW_ACCESS_TOKEN=").append(c.getId()).append("\\n");\n    return sb.toString();\n  }\n}\n',
  'charts/orbit/vars.yaml': 'ingress:\n  extraArgs:\n    default-server-secret: "app/orbit-ssl"\n    enable-ewma: "true"\n',
  'src/cors.js': "module.exports = { allowCredentials: true, credentials: 'include' }\n",
  // harmless fallbacks
  'src/main/resources/orbit.yml': 'ssl:\n  key_password: "${SSL_KEY_PASSWORD:server_key_password}"\n  store_password: "${SSL_KEY_STORE_PASSWORD:orbit}"\n  trust:\n    password: "${JAVA_CACERTS_PASSWORD:changeit}"\n  private_key: "${SSL_PRIVATE_KEY:privateKeyFile.pem}"\njwt:\n  tokenSigningKey: "${JWT_TOKEN_SIGNING_KEY:orbitDefaultSigningKey}"\ncors:\n  allow-credentials: "${CORS_ALLOW_CREDENTIALS:true}"\n',
  'app/instance.py': "import os\nENABLE_EMAIL_PASSWORD = os.environ.get('ENABLE_EMAIL_PASSWORD', '1')\nGITHUB_CLIENT_SECRET = os.environ.get('GITHUB_CLIENT_SECRET', '0')\nAWS_SECRET_ACCESS_KEY = os.environ.get('AWS_SECRET_ACCESS_KEY', 'secret-key')\n",
  // env files that are deploy references
  'docker/api.env': 'DB_HOST=postgres\nKAFKA_SERVERS=kafka:9092\nAPP_VERSION=v1.22.0\nDB_PASSWORD=${DB_PASSWORD}\nCLUSTER_API_KEY=change_me\nUSE_CREDENTIALS=true\n',
  // a key header in a comment, a presigned URL and a published example
  'charts/store/values.yaml': `tls:\n  ## key and certificate should start with -----BEGIN CERTIFICATE----- or\n  ## ${BEGIN}\n  ##\n  ## name should line up with a tlsSecret set further up\n  name: store-tls\n`,
  'app/sources/cdn_url.rb': `# https://bucket.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${AWS_ID}%2F20221224%2Fus-east-1%2Fs3%2Faws4_request\nclass CdnUrl; end\n`,
  // must be found
  'deploy/variables.env': `APP_DOMAIN=localhost\nPGHOST=orbit-db\nSECRET_KEY=${KEY}\nAPP_RELEASE=stable\n`,
  'conf/app.ini': '[app]\r\nPageSize = 10\r\nJwtSecret = 233\r\n\r\n[database]\r\nUser = root\r\nPassword = rootroot\r\n',
  'Dockerfile': 'FROM node:20 AS build\nRUN SECRET_KEY=dummy npm run build\nFROM node:20-slim\nENV ADMIN_PASSWORD=orbit_admin\nENV AWS_ACCESS_KEY_ID=aws_access_key_id\nCMD ["node", "src/server.js"]\n',
  'internal/config/config.go': 'package config\n\ntype Config struct {\n\tJwtSecret string `env:"JWT_SECRET,default=secret"`\n\tUseTLS bool `env:"USE_TLS,default=false"`\n}\n',
  'common/token.go': 'package common\n\nconst TokenSecret = "A String Very Strong!!@##"\n\nfunc Sign(t *jwt.Token) (string, error) {\n\treturn t.SignedString([]byte(TokenSecret))\n}\n',
  'config/orbit_default_config.rb': `module Orbit\n  class DefaultConfig\n    # you should override this\n    def email_key\n      "${KEY}"\n    end\n  end\nend\n`,
  'backend/src/main/resources/application.yaml': 'database:\n    password: "$DB_PASSWORD:"\nservice:\n    secret: "$ADMIN_SECRET:test"\n'
}

describe('Factor III credentials through the bundled CLI', () => {
  it('stays quiet on identifiers, harmless fallbacks, reference env files, key headers; finds the leaks', () => {
    const root = makeTree(tree)
    const r = runCliBundle([root, '--format', 'json', '--fail-on', 'none', '--factors', 'III'], '/')
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; severity: string }[] }).findings
      .filter((f) => /^TF030[1-6]|^TF0310$/.test(f.ruleId))
      .map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}`)
      .sort()
    expect(findings).toEqual(
      [
        'TF0303 Dockerfile:4 warning',
        'TF0303 conf/app.ini:3 warning',
        'TF0303 conf/app.ini:7 warning',
        'TF0303 config/orbit_default_config.rb:5 error',
        'TF0304 deploy/variables.env:3 error',
        'TF0305 common/token.go:3 error',
        'TF0306 internal/config/config.go:4 warning',
        'TF0310 backend/src/main/resources/application.yaml:4 warning'
      ].sort()
    )
    expect(r.stdout).not.toContain(KEY)
  })
})
