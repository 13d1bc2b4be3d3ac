import { describe } from '@jest/globals'
import { remoteAddWithoutChecksum } from '../../../src/rules/v-build-release-run/remote-add-without-checksum.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0505 remote-add-without-checksum', () => {
  ruleTable(remoteAddWithoutChecksum, {
    valid: [
      { name: 'pinned with --checksum', path: 'Dockerfile', code: 'FROM alpine\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /opt/\n' },
      { name: 'local ADD', path: 'Dockerfile', code: 'FROM alpine\nADD app.tar.gz /app/\nCOPY . .\n' },
      { name: 'COPY is never remote; curl in RUN belongs elsewhere', path: 'Dockerfile', code: 'FROM alpine\nRUN curl -fsSL https://example.com/x.sh -o /x.sh\n' },
      { name: 'git source pinned to a commit', path: 'Dockerfile', code: 'FROM alpine\nADD https://github.com/acme/lib.git#4f1c2b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a /src/lib\n' },
      { name: 'commented out', path: 'Dockerfile', code: 'FROM alpine\n# ADD https://example.com/tool.tgz /opt/\n' },
      { name: 'dev Dockerfile', path: 'Dockerfile.dev', code: 'FROM alpine\nADD https://example.com/tool.tgz /opt/\n' }
    ],
    invalid: [
      { name: 'remote tarball', path: 'Dockerfile', code: 'FROM alpine\nADD https://example.com/tool.tgz /opt/\n', errors: [{ line: 2, column: 5, message: /ADD https:\/\/example\.com\/tool\.tgz downloads/ }] },
      { name: 'signed URL query is not echoed', path: 'Dockerfile', code: 'FROM alpine\nADD --chown=app https://bucket.example.com/a.zip?X-Amz-Signature=abcdef /a.zip\n', errors: [{ line: 2, message: /a\.zip… downloads/ }] },
      { name: 'continuation line', path: 'build/Dockerfile', code: 'FROM alpine\nADD \\\n  https://example.com/jq /usr/local/bin/jq\n', errors: [{ line: 3, column: 3 }] }
    ]
  })
})
