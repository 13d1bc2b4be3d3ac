import { describe, expect, it } from '@jest/globals'
import { blankComments } from '../../src/engine/comments.js'

describe('blankComments keeps offsets and blanks only comments', () => {
  const cases: [string, Parameters<typeof blankComments>[1], Parameters<typeof blankComments>[2], string][] = [
    ['a // b\nc', 'c', 'javascript', 'a     \nc'],
    ['a /* b\nc */ d', 'c', 'typescript', 'a     \n     d'],
    ['x = "http://h" // c', 'c', 'javascript', 'x = "http://h"     '],
    ["s = '#x' # c", 'hash', 'python', "s = '#x'    "],
    ['x = """doc # no"""\n# c', 'hash', 'python', 'x = """doc # no"""\n   '],
    ['"""doc # no"""\n# c', 'hash', 'python', '              \n   '],
    ['=begin\nx\n=end\ny', 'hash', 'ruby', '      \n \n    \ny'],
    ['key: a#b # c', 'hash', 'none', 'key: a#b    '],
    ['url: "x # y" # c', 'hash', 'none', 'url: "x # y"    '],
    ['<a/><!-- b --><c/>', 'xml', 'none', '<a/>          <c/>'],
    ['`a // b` // c', 'c', 'go', '`a // b`     ']
  ]
  for (const [input, style, lang, expected] of cases) {
    it(JSON.stringify(input), () => {
      const out = blankComments(input, style, lang)
      expect(out).toBe(expected)
      expect(out.length).toBe(input.length)
    })
  }
})

describe('Python docstrings are blanked in code; triple-quoted values are kept', () => {
  const blanked = (src: string, needle: string): boolean => !blankComments(src, 'hash', 'python').includes(needle)
  it('module, function, class and attribute docstrings are blanked whole', () => {
    expect(blanked('"""Helpers.\n\n>>> connect("postgres://a:Zx9@db.acme.io/x")\n"""\nimport os\n', 'postgres://')).toBe(true)
    expect(blanked('def f(a):\n    """Doc.\n\n    >>> f(password="Wq8Lm3Nz5R")\n    """\n    return a\n', 'Wq8Lm3Nz5R')).toBe(true)
    expect(blanked("class S:\n    r'''SECRET_KEY = \"e7Rt9Yu2\"'''\n    x = 1\n", 'e7Rt9Yu2')).toBe(true)
    expect(blanked('def f(\n    a,\n) -> str:\n    """>>> f(token="Tk9x")"""\n', 'Tk9x')).toBe(true)
    expect(blanked('X = 1\n"""Attribute doc: password="Pw9x"."""\n', 'Pw9x')).toBe(true)
    expect(blanked('class P(Protocol):\n    def f(self):\n        """>>> f(token="Tk9x")"""\n        ...\n', 'Tk9x')).toBe(true)
  })
  it('keeps offsets and line count', () => {
    const src = '"""a\nb"""\nx = 1\n'
    const out = blankComments(src, 'hash', 'python')
    expect(out.length).toBe(src.length)
    expect(out.split('\n').length).toBe(src.split('\n').length)
    expect(out.endsWith('x = 1\n')).toBe(true)
  })
  it('keeps SQL and text that are values: assignments, parentheses, call arguments, dict values', () => {
    expect(blanked('Q = ("""\n  SELECT 1 WHERE api_key = \'Zx9v\'\n""")\n', 'Zx9v')).toBe(false)
    expect(blanked('Q = """SELECT token FROM t"""\n', 'SELECT')).toBe(false)
    expect(blanked('Q = (\n    """SELECT Zx9v"""\n)\n', 'Zx9v')).toBe(false)
    expect(blanked('cursor.execute("""\n  SELECT \'Zx9v\'\n""")\n', 'Zx9v')).toBe(false)
    expect(blanked('run(\n    sql,\n    """Zx9v""",\n)\n', 'Zx9v')).toBe(false)
    expect(blanked('d = {\n    "sql":\n        """Zx9v""",\n}\n', 'Zx9v')).toBe(false)
    expect(blanked('def f():\n    return """Zx9v"""\n', 'Zx9v')).toBe(false)
    expect(blanked('def f():\n    """Zx9v""".format(1)\n', 'Zx9v')).toBe(false)
    expect(blanked('q = (\n    "SELECT 1"\n    """AND k = \'Zx9v\'"""\n)\n', 'Zx9v')).toBe(false)
    expect(blanked('q = (\n    "SELECT 1"\n    """AND k = \'Zx9v\'"""  # note\n    .strip()\n)\n', 'Zx9v')).toBe(false)
  })
})
