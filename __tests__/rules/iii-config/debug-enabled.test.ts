import { describe } from '@jest/globals'
import { debugEnabled as rule } from '../../../src/rules/iii-config/debug-enabled.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0307 debug-enabled', () => {
  ruleTable(rule, {
    valid: [
      { name: 'from env', path: 'mysite/settings.py', code: "DEBUG = os.environ.get('DEBUG') == '1'\n" },
      { name: 'False', path: 'mysite/settings.py', code: 'DEBUG = False\n' },
      { name: 'dev settings', path: 'mysite/settings/dev.py', code: 'DEBUG = True\n' },
      { name: 'Flask development guard and the __main__ dev-server entry point', path: 'app/main.py', code: 'app = Flask(__name__)\nif os.environ.get("FLASK_ENV") == "development":\n    app.config["DEBUG"] = True\n\nif __name__ == "__main__":\n    app.debug = True\n    app.run()\n' },
      { name: 'a doctest in a docstring', path: 'app/wsgi.py', code: '"""Entry point.\n\n    >>> app.config["DEBUG"] = True\n"""\nfrom .main import app\n' },
      { name: 'local_settings', path: 'mysite/local_settings.py', code: 'DEBUG = True\n' },
      { name: 'settings modules named for dev, debug or e2e runs', path: 'mysite/settings/dev_docker.py', code: 'DEBUG = True\n' },
      { name: 'settings/e2e.py', path: 'mysite/settings/e2e.py', code: 'DEBUG = True\n' },
      { name: 'settings/debug.py', path: 'mysite/settings/debug.py', code: 'DEBUG = True\n' },
      { name: 'settings template', path: 'app_config/settings_local_example.py', code: 'DEBUG = True\n' },
      { name: 'commented out', path: 'mysite/settings.py', code: '# DEBUG = True\n' },
      { name: 'Flask dev server', path: 'app.py', code: "if __name__ == '__main__':\n    app.run(debug=True)\n" },
      { name: 'not settings module', path: 'tools/lint.py', code: 'DEBUG = True\n' },
      { name: 'TEMPLATE_DEBUG lookalike', path: 'mysite/settings.py', code: 'TEMPLATE_DEBUG_X = True\n' }
    ],
    invalid: [
      { name: 'Django settings', path: 'mysite/settings.py', code: "SECRET_KEY = os.environ['SECRET_KEY']\nDEBUG = True\n", errors: [{ line: 2, column: 9, message: /Django DEBUG is hardcoded to True/ }] },
      { name: 'Django production settings', path: 'mysite/settings/production.py', code: 'from .base import *\nDEBUG = True\n', errors: [{ line: 2 }] },
      { name: 'a production module whose name only contains dev', path: 'mysite/settings/devops_prod.py', code: 'from .base import *\nDEBUG = True\n', errors: [{ line: 2 }] },
      { name: 'Flask config', path: 'app/__init__.py', code: "app = Flask(__name__)\napp.config['DEBUG'] = True\n", errors: [{ line: 2, message: /Flask debug mode/ }] },
      { name: 'after the __main__ block, and under a production guard', path: 'app/main.py', code: 'if __name__ == "__main__":\n    app.run()\napp.debug = True\nif os.environ.get("FLASK_ENV") == "production":\n    app.config["DEBUG"] = True\n', errors: [{ line: 3 }, { line: 5 }] }
    ]
  })
})
