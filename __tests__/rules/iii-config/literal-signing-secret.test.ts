import { describe, expect, it } from '@jest/globals'
import { literalSigningSecret as rule } from '../../../src/rules/iii-config/literal-signing-secret.js'
import { ruleTable, runRule } from '../../helpers/rule-tester.js'

const LONG = 'a8F3kLm2' + 'Qz9Xw4Rt' + 'Vb7Np1Hs'
describe('TF0305 literal-signing-secret', () => {
  ruleTable(rule, {
    valid: [
      { name: 'Go: a key read from the environment into a variable', path: 'auth/token.go', code: 'package auth\nvar tokenSecret = os.Getenv("JWT_SECRET")\nfunc Sign(t *jwt.Token) (string, error) { return t.SignedString([]byte(tokenSecret)) }\n' },
      { name: 'express-session from env', path: 'src/app.js', code: "app.use(session({ secret: process.env.SESSION_SECRET, resave: false }))\n" },
      { name: 'jwt.sign with env key', path: 'src/auth.ts', code: 'const t = jwt.sign(payload, process.env.JWT_SECRET!, { expiresIn: "1h" })\n' },
      { name: 'Django from env', path: 'mysite/settings.py', code: "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nINSTALLED_APPS = []\n" },
      { name: 'Flask from env', path: 'app/__init__.py', code: "app.config['SECRET_KEY'] = os.environ['SECRET_KEY']\napp.secret_key = os.getenv('SECRET_KEY')\n" },
      { name: 'Rails from ENV', path: 'config/application.rb', code: "config.secret_key_base = ENV.fetch('SECRET_KEY_BASE')\n" },
      { name: 'commented out', path: 'src/app.ts', code: "// app.use(session({ secret: 'keyboard cat' }))\n" },
      { name: 'test file', path: 'test/auth.test.js', code: "jwt.sign({ id: 1 }, 'test-secret')\n" },
      { name: 'jwt.verify with a public key', path: 'src/auth.ts', code: "const claims = jwt.verify(token, '-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1L-----END PUBLIC KEY-----')\n" },
      { name: 'SECRET_KEY outside settings', path: 'app/crypto.py', code: "SECRET_KEY = 'x'\n" }
    ],
    invalid: [
      { name: 'Go: a constant handed to SignedString', path: 'common/utils.go', code: 'package common\n\n// keep private\nconst TokenSecret = "A String Very Strong!!@##"\n\nfunc GenToken(id uint) string {\n\ttoken := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)\n\ts, _ := token.SignedString([]byte(TokenSecret))\n\treturn s\n}\n', errors: [{ line: 4, message: /constant TokenSecret/ }] },
      { name: 'Java: a constant handed to Algorithm.HMAC256', path: 'src/main/java/com/acme/Jwt.java', code: 'class Jwt {\n  private static final String SECRET = "s3cr3t-signing";\n  String sign() { return JWT.create().sign(Algorithm.HMAC256(SECRET)); }\n}\n', errors: [{ line: 2 }] },
      { name: 'express-session keyboard cat', path: 'src/app.js', code: "const session = require('express-session')\napp.use(session({\n  secret: 'keyboard cat',\n  resave: false\n}))\n", errors: [{ line: 3, column: 12, message: /session secret is the literal 'key\*{4}'/ }] },
      { name: 'jwt.sign literal', path: 'src/auth.ts', code: "export const issue = (u: User) => jwt.sign({ sub: u.id }, 'shhhhh', { expiresIn: '1h' })\n", errors: [{ line: 1, message: /JWT signing key/ }] },
      { name: 'cookie-session keys', path: 'src/app.js', code: "app.use(cookieSession({ name: 'sess', keys: ['key1', 'key2'] }))\n", errors: [{ line: 1 }] },
      { name: 'Django settings', path: 'mysite/settings.py', code: `DEBUG = False\nSECRET_KEY = 'django-insecure-${LONG}'\nINSTALLED_APPS = []\n`, errors: [{ line: 2, message: /Django SECRET_KEY is the literal 'djan\*{4}'/ }] },
      { name: 'Django dev settings: notice', path: 'mysite/settings/dev.py', code: "SECRET_KEY = 'dev'\n", errors: [{ line: 1, severity: 'notice' }] },
      { name: 'Flask', path: 'app.py', code: "app = Flask(__name__)\napp.secret_key = b'_5#y2L\"F4Q8z'\napp.config['SECRET_KEY'] = 'dev'\n", errors: [{ line: 3 }] },
      { name: 'Flask config class', path: 'app/config.py', code: 'class Config:\n    SECRET_KEY = "dev"\n    SQLALCHEMY_DATABASE_URI = "sqlite:///db.sqlite"\n', errors: [{ line: 2, message: /Flask config SECRET_KEY/ }] },
      { name: 'Rails secret_key_base', path: 'config/initializers/secret.rb', code: `Rails.application.config.secret_key_base = '${LONG}'\n`, errors: [{ line: 1 }] },
      { name: 'Java auth0 HMAC', path: 'src/main/java/Jwt.java', code: 'class J { Algorithm a = Algorithm.HMAC256("secret"); }\n', errors: [{ line: 1 }] },
      { name: 'Go jwt SignedString', path: 'auth/token.go', code: 'package auth\nfunc sign(t *jwt.Token) (string, error) {\n\treturn t.SignedString([]byte("my_secret_key"))\n}\n', errors: [{ line: 3 }] },
      {
        name: 'Flask Development/Testing config classes: notices; Production: error',
        path: 'app/config.py',
        code: `class Config:\n    SECRET_KEY = os.environ.get("SECRET_KEY")\n\n\nclass DevelopmentConfig(Config):\n    DEBUG = True\n    SECRET_KEY = "dev-k3y-not-for-prod"\n\n\nclass TestingConfig(Config):\n    # throwaway\n    SECRET_KEY = "t3sting-k3y"\n\n\nclass ProductionConfig(Config):\n    SECRET_KEY = "${LONG}"\n`,
        errors: [{ line: 7, severity: 'notice', message: /\(development or test only\)/ }, { line: 12, severity: 'notice' }, { line: 16, severity: 'error' }]
      },
      { name: 'Rails development.rb: notice', path: 'config/environments/development.rb', code: `Rails.application.configure do\n  config.secret_key_base = "${LONG}"\nend\n`, errors: [{ line: 2, severity: 'notice' }] },
      { name: 'Rails production.rb: error', path: 'config/environments/production.rb', code: `Rails.application.configure do\n  config.secret_key_base = "${LONG}"\nend\n`, errors: [{ line: 2, severity: 'error' }] },
      { name: 'Flask development guard: notice', path: 'app/__init__.py', code: `def create_app():\n    app = Flask(__name__)\n    if app.config["ENV"] == "development":\n        app.config["SECRET_KEY"] = "dev"\n    else:\n        app.config["SECRET_KEY"] = "${LONG}"\n    return app\n`, errors: [{ line: 4, severity: 'notice' }, { line: 6, severity: 'error' }] }
    ]
  })
  it('redacts long literals', () => {
    const json = JSON.stringify(runRule(rule, 'src/app.ts', `app.use(session({ secret: '${LONG}' }))\n`))
    expect(json).toContain('TF0305')
    expect(json).not.toContain(LONG)
  })
})

describe('TF0305 templates', () => {
  it('template slots and template files stay quiet', () => {
    expect(runRule(rule, 'src/session.js', 'app.use(session({ secret: "INSERT_YOUR_SESSION_SECRET_HERE" }))\n')).toEqual([])
    expect(runRule(rule, 'app_config/settings_local_example.py', "SECRET_KEY = '4_^pm^4--j%(2-wnpy#*9f0dsx4m'\n")).toEqual([])
  })
})
