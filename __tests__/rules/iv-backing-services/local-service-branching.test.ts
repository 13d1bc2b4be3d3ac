import { describe } from '@jest/globals'
import { localServiceBranching } from '../../../src/rules/iv-backing-services/local-service-branching.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0402 local-service-branching', () => {
  ruleTable(localServiceBranching, {
    valid: [
      { name: 'dev allow-list of loopback origins', path: 'next.config.mjs', code: "import Redis from 'ioredis'\nconst getLoopbackOriginVariants = (value) => {\n  const url = new URL(value)\n  const alternateHost = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost'\n  return [`${url.protocol}//${alternateHost}`]\n}\n" },
      { name: 'request host check (CORS, dev banner)', path: 'src/app.js', code: "if (req.hostname === 'localhost') res.set('X-Dev', '1')\n" },
      { name: 'plain assignment', path: 'src/db.js', code: "const dbHost = process.env.DB_HOST || 'localhost'\n" },
      { name: 'commented-out', path: 'src/db.js', code: "// if (dbHost === 'localhost') ssl = false\n" },
      { name: 'test file', path: 'tests/test_db.py', code: "if DB_HOST == 'localhost':\n    pass\n" },
      { name: 'generic host without a client library', path: 'src/util.js', code: "if (host === 'localhost') return 'http'\n" },
      { name: 'server bind check', path: 'src/server.py', code: "if bind_addr == '0.0.0.0':\n    pass\n" }
    ],
    invalid: [
      { name: 'Node: SSL only when remote', path: 'src/db.js', code: "const ssl = dbHost === 'localhost' ? false : { rejectUnauthorized: false }\n", errors: [{ line: 1, column: 24, message: /Branches on `localhost` \(compared with `dbHost`\)/ }] },
      { name: 'Python: substring test on the URL', path: 'app/cache.py', code: "import os\nREDIS_URL = os.environ['REDIS_URL']\nif 'localhost' in REDIS_URL:\n    client = Redis.from_url(REDIS_URL)\n", errors: [{ line: 3 }] },
      { name: 'generic host in a file using pg', path: 'src/pool.ts', code: "import { Pool } from 'pg'\nif (host !== '127.0.0.1') { opts.ssl = true }\n", errors: [{ line: 2 }] },
      { name: 'Ruby start_with?', path: 'lib/db.rb', code: "if ENV['DATABASE_URL'].include?('localhost')\n  pool = 1\nend\n", errors: [{ line: 1 }] },
      { name: 'Go strings.Contains', path: 'db.go', code: 'if strings.Contains(dsn, "localhost") {\n\tcfg.TLS = false\n}\n', errors: [{ line: 1 }] }
    ]
  })
})
