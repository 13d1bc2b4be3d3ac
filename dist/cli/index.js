#!/usr/bin/env node
import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 298:
/***/ ((module) => {

// A simple implementation of make-array
function makeArray (subject) {
  return Array.isArray(subject)
    ? subject
    : [subject]
}

const UNDEFINED = undefined
const EMPTY = ''
const SPACE = ' '
const ESCAPE = '\\'

// The characters that carry a meaning of their own inside a regular
//   expression, so a literal one has to be escaped before it is emitted.
const REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/
const BOM = '\uFEFF'
// A run of two or more asterisks is a globstar (#175)
const REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/
const REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/
const REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/
const REGEX_SPLITALL_CRLF = /\r?\n/g

// Invalid:
// - /foo,
// - ./foo,
// - ../foo,
// - .
// - ..
// Valid:
// - .foo
const DOUBLE_SLASH = '//'
const SLASH_CODE = 47
const DOT_CODE = 46


const SLASH = '/'

// Do not use ternary expression here, since "istanbul ignore next" is buggy
let TMP_KEY_IGNORE = 'node-ignore'
/* istanbul ignore else */
if (typeof Symbol !== 'undefined') {
  TMP_KEY_IGNORE = Symbol.for('node-ignore')
}
const KEY_IGNORE = TMP_KEY_IGNORE

const define = (object, key, value) => {
  Object.defineProperty(object, key, {value})
  return value
}

const RETURN_FALSE = () => false

// > The range notation, e.g. [a-zA-Z],
// > can be used to match one of the characters in a range.
//
// gitignore(5) defers to fnmatch(3) for this, and git implements it in
//   `wildmatch.c`.  A bracket expression has a sub-grammar of its own, which
//   is neither the surrounding pattern grammar nor the JavaScript one:
//
//   - a `]` right after `[` or `[!` is a literal member, not the terminator
//   - `[:alpha:]` names one of twelve POSIX classes
//   - `\` escapes the next member, `]` included
//   - `*`, `?` and `.` are plain literal members
//   - an unterminated expression makes the whole pattern match nothing
//
// which means the expression can not be located -- let alone translated -- by
//   a regular expression.  It is scanned out of the pattern before the
//   replacers below run, and put back once they are done, so that neither the
//   metacharacter escaper nor the `?` / `*` replacers ever see its body.

// git classifies with its own ASCII-only ctype macros (`wildmatch.c`), never
//   with the C library ones, so these must not be mapped onto `\d` / `\w` /
//   `\s`, which are wider.  `/` is left out of every expansion, because a
//   bracket expression never matches a path separator.
const POSIX_CLASSES = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-.0-~',
  lower: 'a-z',
  print: ' -.0-~',
  punct: '!-.:-@\\[-`{-~',
  // git's `sane-ctype.h` classifies \v and \f as control, not space,
  //   unlike C's `isspace`
  space: ' \\t\\n\\r',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f'
}

const CLASS_MEMBERS_TO_ESCAPE = '\\]^-['

const escapeMember = char => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0
  ? char
  : ESCAPE + char

// > if (matched == negated || ((flags & WM_PATHNAME) && text_ch == '/'))
// >   return WM_ABORT_TO_STARSTAR;                     (git, `wildmatch.c`)
// A bracket expression never matches a path separator, whatever its members
//   say, so a negated class gets `/` as one more excluded character, while a
//   plain one -- where a literal member or a range could still let `/` in --
//   is guarded with a lookahead, `/` being impossible to subtract from a
//   JavaScript character class.
const NON_SLASH = '(?!\\/)'

const classSource = (negated, body) => {
  if (negated) {
    return `[^\\/${body}]`
  }

  const source = `[${body}]`

  return new RegExp(source).test('/')
    ? NON_SLASH + source
    : source
}

// Scan the bracket expression that starts at `pattern[start] === '['`,
//   mirroring the member loop of git's `wildmatch.c`.
// @returns {{end: number, source: string} | null} `null` if the expression is
//   never terminated, which makes the whole pattern match nothing.
const scanBracket = (pattern, start) => {
  const {length} = pattern
  let index = start + 1
  let negated = EMPTY

  const lead = pattern[index]
  if (lead === '!' || lead === '^') {
    negated = '^'
    index ++
  }

  let body = EMPTY

  // The member a `-` could start a range from, or EMPTY when the previous
  //   member can not open one (start of the body, or a range / POSIX class
  //   that has just closed)
  let prev = EMPTY

  // git scans the members with a do-while, so the first one is consumed
  //   unconditionally.  That is the whole reason a leading `]` is a member
  //   and not the terminator.
  for (;;) {
    const char = pattern[index]

    if (char === UNDEFINED) {
      return null
    }

    if (char === ESCAPE) {
      // A pattern can not end on a lone backslash -- `createRule` has
      //   already thrown it away -- so there is a character to read.
      const escaped = pattern[++ index]
      body += escapeMember(escaped)
      prev = escaped
    } else if (
      char === '-'
      && prev
      && index + 1 < length
      && pattern[index + 1] !== ']'
    ) {
      index ++
      let to = pattern[index]
      if (to === ESCAPE) {
        to = pattern[index += 1]
      }
      // An out-of-order range matches nothing in git but is a syntax error in
      //   JavaScript, so it is dropped.  Its lower bound stays: git tests it
      //   as a plain member before it ever looks at the `-`, so `[c-a]` does
      //   match `c`.
      if (prev <= to) {
        body += `-${escapeMember(to)}`
      }
      prev = EMPTY
    } else if (char === '[' && pattern[index + 1] === ':') {
      const nameStart = index + 2
      let end = nameStart
      while (end < length && pattern[end] !== ']') {
        end ++
      }

      if (end === length) {
        return null
      }

      if (end > nameStart && pattern[end - 1] === ':') {
        const name = pattern.slice(nameStart, end - 1)

        // An unknown class name makes the whole pattern match nothing
        if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
          return null
        }

        body += POSIX_CLASSES[name]
        prev = EMPTY
        index = end
      } else {
        // No `:]` to close it, so the `[` is a plain member and scanning
        //   resumes right after it.
        body += escapeMember('[')
        prev = '['
        index = nameStart - 2
      }
    } else {
      body += escapeMember(char)
      prev = char
    }

    index ++

    if (pattern[index] === ']') {
      return {
        end: index,
        source: classSource(negated, body)
      }
    }
  }
}

// An empty JavaScript class can never match, which is how a pattern that git
//   gives up on (`WM_ABORT_ALL`) is expressed here.
const NEVER_MATCH = '[]'

// A NUL can appear in neither a `.gitignore` line nor a path, which makes it
//   the one safe placeholder character.  A literal one in the pattern is
//   held aside all the same, so a collision is impossible by construction.
const PLACEHOLDER = '\u0000'
const REGEX_RESTORE_PLACEHOLDER = new RegExp(
  `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'
)

// The one wildcard the chain does not expand for itself is a trailing `*`. How
//   it expands depends on the mode (`regex` vs `checkRegex`), so `_make` is
//   left to do it, and until then the pending wildcard travels as this marker.
//   That is what keeps it apart from a user-escaped literal `\*`: the unescape
//   steps collapse the escaped one to the exact `\*` a wildcard would leave
//   behind, so by the time `_make` runs the two are otherwise the same string
//   and a literal star gets wrongly rewritten into a wildcard. The marker is a
//   private-use character, and `extractBrackets` keeps one that came out of the
//   pattern apart from it, so the only marker `_make` ever turns back into a
//   real wildcard is the one this chain put there itself.
const TRAILING_WILDCARD = '\uE000'

// A trailing "/**" is deferred the same way, because `checkRegex` has to tell
//   it apart from a trailing "/*" (see `checkSourceOf`). For `.ignores()` it
//   still never matches the folder itself (#21).
const TRAILING_DOUBLESTAR = '\uE001'

// The three characters above mean something to the chain that builds the
//   source rather than to the path, so one that came out of the pattern is
//   held aside like a bracket expression instead of going straight out. Being
//   held is what makes it safe: the restore runs after the step that anchors
//   the source, so the character comes back in the middle of the source and
//   not at its end, which is the one place `_make` and `checkSourceOf` look
//   for a marker. Without it a pattern's own character lands where a pending
//   marker sits, and `_make` turns it into a real trailing wildcard.
//
// It is held as a one-member class rather than bare, in both of the branches
//   a reserved character can reach, so that the property can be
//   read off this function alone -- a reserved character never goes out on
//   its own -- rather than depending on where in the chain the restore
//   happens to run. In the expression built here `[x]` matches exactly what
//   `x` matches, none of the three being special to a regular expression or
//   inside a class, so no test can tell the two apart: the class is insurance,
//   and the paragraph above is the reason it is not needed.
const isReserved = char =>
  char === PLACEHOLDER
  || char === TRAILING_WILDCARD
  || char === TRAILING_DOUBLESTAR

// Replace every bracket expression with a placeholder the replacers below
//   leave alone, and translate it separately.
const extractBrackets = pattern => {
  const sources = []
  const hold = source =>
    `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`

  const {length} = pattern
  let out = EMPTY
  let index = 0

  while (index < length) {
    const char = pattern[index]

    if (char === ESCAPE) {
      // > Put a backslash ("\") in front of ... a character to make it literal.
      //                                            (gitignore(5) -> fnmatch(3))
      // A backslash quotes the next character, whatever it is, so `\d` is a
      //   literal `d`, not the regex digit class, and `\?` is a literal `?`,
      //   not a wildcard. Held aside as its literal here, the escape never
      //   reaches the replacers below, which would otherwise let `\d`, `\b`,
      //   `\1`, `\/` keep their regular-expression meaning, and would turn a
      //   `\?` into `[^\/]`.
      //
      // Three escapes are still left for the chain: `\*` (a literal star,
      //   told apart from a wildcard by `TRAILING_WILDCARD` and the wildcard
      //   replacers), `\[` (a literal bracket, the one `[` the bracket
      //   replacer still expects), and `\ ` (a quoted space, which one pass
      //   below rewrites in bulk -- holding each one aside instead costs more
      //   on a pattern built out of them).
      //
      // A quoted backslash is not among them. The chain doubles every
      //   backslash, then takes the doubling back out again, and a quoted one
      //   standing next to a character the chain also escapes left the two
      //   counts sharing a run, so one of the escapes was lost. Held here as
      //   the literal it means, it never joins that run.
      const escaped = pattern[index + 1]

      if (escaped === SLASH && index + 2 === length) {
        // Git removes a final directory slash before matching. An escape
        //   without a character after that removal makes the pattern invalid.
        out += hold(NEVER_MATCH)
      } else if (
        escaped === '*'
        || escaped === '['
        || escaped === SPACE
      ) {
        out += pattern.slice(index, index + 2)
      } else {
        out += hold(
          REGEX_LITERAL_SPECIAL.test(escaped)
            ? ESCAPE + escaped
            : isReserved(escaped)
              ? `[${escaped}]`
              : escaped
        )
      }

      index += 2
    } else if (isReserved(char)) {
      out += hold(`[${char}]`)
      index ++
    } else if (char === '[') {
      const scanned = scanBracket(pattern, index)

      if (scanned === null) {
        // git gives up on the whole pattern (`WM_ABORT_ALL`), so whatever
        //   follows can not make it match either.
        out += hold(NEVER_MATCH)
        index = length
      } else {
        out += hold(scanned.source)
        index = scanned.end + 1
      }
    } else {
      out += char
      index ++
    }
  }

  return {
    source: out,
    sources
  }
}

// A step of the chain below is normally a `[matcher, replacer]` pair handed
//   to `String.replace`. `DIRECT` marks the ones that are plain string work
//   instead, and take `(source, pattern)`.
//
// Anchoring the two ends is exactly that -- a test of one character and a
//   concatenation -- and putting it through the regular expression engine
//   cost a third of this chain for nothing: 167ns where 10ns does the same
//   job. The two are still steps in the same list, in the same places,
//   because their position in the order is part of what they mean.
const DIRECT = null

// A separator at the beginning or in the middle of a pattern, as opposed to
//   one at the very end.
const REGEX_INNER_SLASH = /\/(?!$)/
const WILDCARD = '[^\\/]*'

// > If the pattern ends with a slash,
// > it is removed for the purpose of the following description,
// > but it would only find a match with a directory.
// > In other words, foo/ will match a directory foo and paths underneath it,
// > but will not match a regular file or a symbolic link foo
// >  (this is consistent with the way how pathspec works in general in Git).
// '`foo/`' will not match regular file '`foo`' or symbolic link '`foo`'
// -> ignore-rules will not deal with it, because it costs extra `fs.stat` call
//      you could use option `mark: true` with `glob`

// '`foo/`' should not continue with the '`..`'
// The chain that turns one gitignore pattern into a regular expression
//   source, in order. A step is either
//
//   [matcher, replacer]            handed to `String.replace`
//   [matcher, replacer, required]  the same, but skipped outright unless
//                                    `required` appears in the string, which
//                                    the matcher cannot match without
//   [DIRECT, transform]            plain string work, taking (source, pattern)
//
// The `required` character is only ever a shortcut: finding it does not mean
//   the matcher will match, and not finding it means it cannot. It is there
//   because scanning for one character costs a fraction of running a matcher
//   that then finds nothing -- for the wildcard step, whose `[^\\]+`
//   backtracks its way through the whole string before giving up, 11ns
//   against 400ns.
const REPLACERS = [

  // Replace (\ ) with ' '
  // Only a space: an escaped tab or other whitespace is already a literal by
  //   the time it reaches here, and a bare tab must be left as one, not turned
  //   into a space.
  // (\ ) -> ' '
  // (\\ ) -> '\\ '
  // (\\\ ) -> '\\ '
  [
    // A run of backslashes is taken whole, from its first one, so no match
    //   ever starts again inside it -- `(\\+?) ` did, which made a long run
    //   quadratic.
    /(\\+)( ?)/g,
    (_, run, space) => space
      ? run.slice(0, run.length - run.length % 2) + SPACE
      : run,
    ESCAPE + SPACE
  ],

  // git's wildmatch() reads a run of two or more asterisks as one globstar
  //   whenever the run fills a path segment: it starts the pattern or follows
  //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
  //   already `**`; a longer one is folded into `**` here, so the steps
  //   below only ever have to know `**`.
  // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
  // git also takes a run beside a literal prefix (`a***/b`) or beside an
  //   escaped slash (`***\/b`) as a globstar, and this does not; the README
  //   lists both, under "A run of asterisks".
  [
    /(^|\/)\*{3,}(?=\/|$)/g,
    (_, start) => `${start}**`,
    '*'
  ],

  // Escape metacharacters
  // which is written down by users but means special for regular expressions.

  // > There are 12 characters with special meanings:
  // > - the backslash \,
  // > - the caret ^,
  // > - the dollar sign $,
  // > - the period or dot .,
  // > - the vertical bar or pipe symbol |,
  // > - the question mark ?,
  // > - the asterisk or star *,
  // > - the plus sign +,
  // > - the opening parenthesis (,
  // > - the closing parenthesis ),
  // > - and the opening square bracket [,
  // > - the opening curly brace {,
  // > These special characters are often called "metacharacters".
  [
    /[\\$.|*+(){^]/g,
    match => `\\${match}`
  ],

  [
    // > a question mark (?) matches a single character
    /(?!\\)\?/g,
    () => '[^/]',
    '?'
  ],

  // leading slash
  [

    // > A leading slash matches the beginning of the pathname.
    // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
    // A leading slash matches the beginning of the pathname
    /^\//,
    () => '^',
    SLASH
  ],

  // replace special metacharacter slash after the leading slash
  [
    /\//g,
    () => '\\/',
    SLASH
  ],

  [
    // > A leading "**" followed by a slash means match in all directories.
    // > For example, "**/foo" matches file or directory "foo" anywhere,
    // > the same as pattern "foo".
    // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
    // >   under directory "foo".
    // Notice that the '*'s have been replaced as '\\*'
    /^\^*(?:\\\*\\\*\\\/)+/,

    // '**/foo' <-> 'foo'
    () => '(?:^|\\/)',
    '*'
  ],

  // starting
  [
    // there will be no leading '/'
    //   (which has been replaced by section "leading slash")
    // If starts with '**', adding a '^' to the regular expression also works
    DIRECT,
    (source, pattern) => {
      // Nothing to anchor to, or already anchored (`^` or `(?:^|\/)`)
      if (!source || source[0] === '^' || source[0] === '(') {
        return source
      }

      // If has a slash `/` at the beginning or middle
      const anchor = !REGEX_INNER_SLASH.test(pattern)
        // > Prior to 2.22.1
        // > If the pattern does not contain a slash /,
        // >   Git treats it as a shell glob pattern
        // Actually, if there is only a trailing slash,
        //   git also treats it as a shell glob pattern

        // After 2.22.1 (compatible but clearer)
        // > If there is a separator at the beginning or middle (or both)
        // > of the pattern, then the pattern is relative to the directory
        // > level of the particular .gitignore file itself.
        // > Otherwise the pattern may also match at any level below
        // > the .gitignore level.
        ? '(?:^|\\/)'

        // > Otherwise, Git treats the pattern as a shell glob suitable for
        // >   consumption by fnmatch(3)
        : '^'

      return anchor + source
    }
  ],

  // two globstars
  [
    // Use lookahead assertions so that we could match more than one `'/**'`
    /\\\/\\\*\\\*(?=\\\/|$)/g,

    // Zero, one or several directories
    // should not use '*', or it will be replaced by the next replacer

    // Check if it is not the last `'/**'`
    (_, index, str) => index + 6 < str.length

      // case: /**/ at the end of the pattern, i.e. a trailing `'/**/'`
      // > A trailing `"/**/"` (a trailing `"/**"` restricted to directories)
      // >   matches everything inside, but it should not match the current
      // >   folder itself, so it requires at least one directory segment.
      // 'a/**/' matches 'a/b/', 'a/x/y/' but not 'a/'
      ? str.slice(index + 6) === '\\/'
        ? '(?:\\/[^\\/]+)+'

        // case: /**/
        // > A slash followed by two consecutive asterisks then a slash matches
        // >   zero or more directories.
        // > For example, "a/**/b" matches "a/b", "a/x/b", "a/x/y/b" and so on.
        // '/**/'
        : '(?:\\/[^\\/]+)*'

      // case: /**
      // > A trailing `"/**"` matches everything inside.

      // #21: everything inside but it should not include the current folder,
      //   resolved by `_make`
      : `\\/${TRAILING_DOUBLESTAR}`,
    '*'
  ],

  // normal intermediate wildcards
  [
    // Never replace escaped '*'
    // ignore rule '\*' will match the path '*'

    // 'abc.*/' -> go
    // 'abc.*'  -> skip this rule,
    //    coz trailing single wildcard will be handed by [trailing wildcard]
    /(^|[^\\])(?:\\\*)+(?!$)/g,

    // '*.js' matches '.js'
    // '*.js' doesn't match 'abc'
    // 1. An asterisk "*" matches anything except a slash.
    // 2. Other consecutive asterisks are considered regular asterisks
    //    and collapse into one non-slash wildcard run.
    (_, p1) => p1 + WILDCARD,
    '*'
  ],

  // trailing wildcard, held apart from a literal star
  [
    // The step above leaves a trailing `*` alone, so a single `\*` is all that
    //   can be left at the end here, and what stands in front of it says which
    //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
    //   nothing before it; a literal arrives as the user's own escape, which
    //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
    //   There is no third case: every backslash still reaching the chain is
    //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
    //   own character, so a longer run can never form. This runs while the
    //   two are still distinct, before the unescape steps below collapse the
    //   literal onto the very `\*` a wildcard leaves behind.
    /(^|[^\\])((?:\\\\)*)\\\*$/,

    (match, p1, p2) =>
      p2 === EMPTY
        // A real wildcard: carry it to `_make` as the marker, so the unescape
        //   steps and the trailing-wildcard rewrite can never mistake it for a
        //   literal `\*` (nor the reverse).
        ? p1 + TRAILING_WILDCARD
        // A literal star: leave it exactly as it stands for the unescape steps.
        : match,
    '*'
  ],

  [
    // unescape, revert step 3 except for back slash
    // For example, if a user escape a '\\*',
    // after step 3, the result will be '\\\\\\*'
    /\\\\\\(?=[$.|*+(){^])/g,
    () => ESCAPE,
    ESCAPE + ESCAPE
  ],

  [
    // '\\\\' -> '\\'
    /\\\\/g,
    () => ESCAPE,
    ESCAPE + ESCAPE
  ],

  [
    // Every real bracket expression -- POSIX classes included -- has already
    //   been held aside by `extractBrackets`, so the only `[` left in the
    //   pattern is an escaped, literal one.

    // A backslash could only stand at the end of the range if it quoted the
    //   `]`, and `\]` is held aside long before this.
    /\\\[([^\]/]*?)($|\])/g,

    // '\\[bar]' -> '\\\\[bar]'
    (match, range, close) => `\\[${range}${close}`,
    '['
  ],

  // ending
  [
    // 'js' will not match 'js.'
    // 'ab' will not match 'abc'
    DIRECT,

    // WTF!
    // https://git-scm.com/docs/gitignore
    // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
    // which re-fixes #24, #38

    // > If there is a separator at the end of the pattern then the pattern
    // > will only match directories, otherwise the pattern can match both
    // > files and directories.

    // 'js*' will not match 'a.js'
    // 'js/' will not match 'a.js'
    // 'js' will match 'a.js' and 'a.js/'
    source => {
      const last = source[source.length - 1]

      // The pattern is empty, or ends in a pending marker `_make` owns --
      //   the trailing wildcard, or a trailing "/**". A trailing `*` that is
      //   not the marker is a literal star, which anchors like any other
      //   final character.
      if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
        return source
      }

      return last === SLASH
        // foo/ will not match 'foo'
        ? `${source}$`
        // foo matches 'foo' and 'foo/'
        : `${source}(?=$|\\/$)`
    }
  ]
]

const REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/
const MODE_IGNORE = 'regex'
const MODE_CHECK_IGNORE = 'checkRegex'
const UNDERSCORE = '_'

const replaceTrailingWildcard = (_, p1) => {
  const prefix = p1
    // '\^':
    // '/*' does not match EMPTY
    // '/*' does not match everything

    // '\\\/':
    // 'abc/*' does not match 'abc/'
    ? `${p1}[^/]+`

    // 'a*' matches 'a'
    // 'a*' matches 'aa'
    : '[^/]*'

  return `${prefix}(?=$|\\/$)`
}

const REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/

// 'abc/**' matches everything under 'abc', but not 'abc/' itself (#21):
//   requiring one arbitrary character (line terminators included, #176)
//   after 'abc/' is necessary and sufficient for `.test(path)`.
const replaceTrailingDoublestar = () => '[\\s\\S]'

// The fixed piece between the wildcard at `at` and the next wildcard of the
//   run: the tokens that separate them, joined as they appear in the source.
//   A run never holds two wildcards in a row, so there is always at least one
//   token.
const separatorAfter = (run, at) => {
  let separator = EMPTY

  for (let index = at + 1; index < run.length && !run[index].wildcard; index ++) {
    separator += run[index].single
  }

  return separator
}

// Where a run of non-slash wildcards is split by fixed pieces --
//   `[^/]*ab[^/]*cd...` -- the engine has many equivalent ways to lay the
//   input across the wildcards, and on input that does not match it works
//   through all of them, so the time grows with the number of wildcards
//   rather than the length of the path. Every wildcard but the last in such a
//   run can be pinned to stop where the piece after it begins, which leaves
//   one way to lay out the input and no rewinding, without changing which
//   paths match: the fixed pieces still bound the count, and the last
//   wildcard still absorbs the rest.
//
// A wildcard is pinned to the whole piece, never to the piece's first
//   character. The pin leaves no way back, so a wildcard that stopped at that
//   first character would hand over wherever the character happens to turn
//   up, including the places the rest of the piece cannot follow -- which is
//   how `f*o/*/*` came to miss `foo/b/c`, the first `o` of `foo` not being
//   the one the `o/` after it needs. Every token of a piece matches exactly
//   one character, so the first place the whole piece fits is the leftmost
//   place it can sit, and whatever is left over goes to the wildcards that
//   follow.
//
// The source is read one token at a time -- a wildcard, a single-character
//   piece (a literal, an escape, a class), or a parenthesised group or anchor
//   that ends the run -- so only a genuine wildcard is touched.
const pinWildcards = source => {
  if (source.indexOf(WILDCARD) < 0) {
    return source
  }

  const tokens = []
  const {length} = source
  let index = 0

  while (index < length) {
    const char = source[index]

    if (source.startsWith(WILDCARD, index)) {
      tokens.push({wildcard: true})
      index += WILDCARD.length
    } else if (char === '[') {
      let end = index + 1

      if (source[end] === '^') {
        end ++
      }

      if (source[end] === ']') {
        end ++
      }

      while (end < length && source[end] !== ']') {
        end += source[end] === ESCAPE
          ? 2
          : 1
      }

      end ++
      tokens.push({single: source.slice(index, end)})
      index = end
    } else if (char === ESCAPE) {
      tokens.push({single: source.slice(index, index + 2)})
      index += 2
    } else if (char === '(') {
      let depth = 0
      let end = index

      do {
        if (source[end] === ESCAPE) {
          end ++
        } else if (source[end] === '(') {
          depth ++
        } else if (source[end] === ')') {
          depth --
        }

        end ++
      } while (end < length && depth > 0)

      if ('*+?'.indexOf(source[end]) >= 0) {
        end ++
      }

      tokens.push({boundary: source.slice(index, end)})
      index = end
    } else if (char === '^' || char === '$') {
      tokens.push({boundary: char})
      index ++
    } else {
      tokens.push({single: char})
      index ++
    }
  }

  let out = EMPTY
  let run = []

  const flush = () => {
    let lastWildcard

    run.forEach((token, at) => {
      if (token.wildcard) {
        lastWildcard = at
      }
    })

    run.forEach((token, at) => {
      if (!token.wildcard) {
        out += token.single
        return
      }

      // Every wildcard but the last is pinned to the whole piece that
      //   follows it, for the reason set out above this function. The last
      //   one stays as it is and takes up the rest.
      out += at === lastWildcard
        ? WILDCARD
        : `(?:(?!${separatorAfter(run, at)})[^\\/])*`
    })

    run = []
  }

  tokens.forEach(token => {
    if (token.boundary === undefined) {
      run.push(token)
      return
    }

    flush()
    out += token.boundary
  })

  flush()

  return out
}

// @param {pattern}
const makeRegexPrefix = pattern => {
  // `/**` matches every path, as `**` does. The translation below only finds
  //   a globstar beside a slash it keeps, and the leading one is turned into
  //   an anchor, so `/**` would come out as `/*` and match one level only.
  //   Here rather than in `createRule`, so that `checkSourceOf`, which
  //   compiles `/**/` again without its trailing slash, gets it too.
  if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
    pattern = '**'
  }

  const {source, sources} = extractBrackets(pattern)

  const replaced = REPLACERS.reduce(
    // A pass whose matcher finds nothing hands back the very string it was
    //   given, so asking first costs a search and saves a rewrite. Ten of the
    //   fifteen passes never fire for a typical .gitignore line, and between
    //   them they were 45% of this chain.
    (prev, [matcher, replacer, required]) => {
      if (matcher === DIRECT) {
        return replacer(prev, pattern)
      }

      if (required !== UNDEFINED && prev.indexOf(required) < 0) {
        return prev
      }

      // A pass whose matcher finds nothing hands back the very string it was
      //   given, so asking first costs a search and saves a rewrite.
      return matcher.test(prev)
        ? prev.replace(matcher, replacer.bind(pattern))
        : prev
    },
    source
  )

  // Most patterns hold no bracket expression at all, and then there is
  //   nothing to put back.
  return sources.length
    ? replaced.replace(
      REGEX_RESTORE_PLACEHOLDER,
      (match, index) => sources[index]
    )
    : replaced
}

// `checkRegex` tests a path with a trailing slash, 'abc/', the way
//   `git check-ignore` matches that literal string once the directory itself
//   is known not to be excluded (see `checkIgnore`): a trailing '/' of the
//   pattern is dropped, a basename pattern sees an empty basename, and only a
//   pattern whose last segment is a pending wildcard can match what is left
//   after the final slash -- 'abc/*' and 'abc/**' match 'abc/', and 'abc/**'
//   also matches 'abc/d/' (#77, #169).
const checkSourceOf = (body, prefix) => {
  if (body[body.length - 1] === SLASH) {
    prefix = makeRegexPrefix(body.slice(0, - 1))
  }

  const head = prefix.slice(0, - 1)
  const last = prefix[prefix.length - 1]

  return last === TRAILING_WILDCARD
    ? `${head}$`
    : last === TRAILING_DOUBLESTAR
      ? head
      : NEVER_MATCH
}

// A trailing slash does not stop a pattern being basename-only: it restricts
//   the match to a directory, it does not let the pattern reach across one.
//   Everything else a pattern can hold -- a wildcard, a character class, an
//   escape -- stays inside a single path segment too, so a pattern with no
//   separator in it can only ever describe the last one.
const matchesBasename = body => {
  const index = body.indexOf(SLASH)

  return index < 0 || index === body.length - 1
}

// The last segment of a path, keeping a trailing slash, because a pattern that
//   ends in one matches only a directory.
// 'a/b/c.js' -> 'c.js';  'a/b/' -> 'b/';  'c.js' -> 'c.js' (no copy made)
const basenameOf = path => {
  const end = path.length - 1

  const index = path.lastIndexOf(
    SLASH,
    path[end] === SLASH
      ? end - 1
      : end
  )

  return index < 0
    ? path
    : path.slice(index + 1)
}

// The parent directory of a path, with its trailing separator, or EMPTY when
//   the path has none.
// 'a/b/c' -> 'a/b/';  'a/b/' -> 'a/';  'a' -> EMPTY;  'a/' -> EMPTY
//
// A path holding an empty segment has to be taken apart, because its
//   ancestors are not prefixes of it: the parent of 'a//b' is 'a/', not
//   'a//', and the parent of '/a/' is nothing at all. Both shapes reach here
//   -- 'a//b' is accepted outright, and `checkIgnore` does not put the path
//   it is given through the relative-path check.
//
// Every other path is a prefix of itself, and cutting one costs a fraction of
//   splitting it into an array and joining that back at every level: 73ns
//   against 207ns.
const parentOf = path => {
  if (
    path.charCodeAt(0) === SLASH_CODE
    || path.indexOf(DOUBLE_SLASH) >= 0
  ) {
    const slices = path.split(SLASH).filter(Boolean)

    slices.pop()

    return slices.length
      ? slices.join(SLASH) + SLASH
      : EMPTY
  }

  const end = path.length - 1

  // Look back from before a trailing separator, since that one belongs to the
  //   path itself.
  //
  // A negative place to start would be a trap here: `lastIndexOf` clamps one
  //   to 0 and searches there rather than reporting no match, so '/' would
  //   come back as its own parent and the walk would never end. It cannot
  //   happen -- that is the only path short enough to produce one, and the
  //   test above has already sent it the other way.
  const cut = path.lastIndexOf(
    SLASH,
    path.charCodeAt(end) === SLASH_CODE
      ? end - 1
      : end
  )

  return cut < 0
    ? EMPTY
    : path.slice(0, cut + 1)
}

const isString = subject => typeof subject === 'string'

// Blank lines, comments and trailing lone backslashes are told by
//   `createRule`, once the pattern is normalized.
const checkPattern = pattern => pattern
  && isString(pattern)

// Git drops one CR before each LF, and one at the end of a final line that
//   has no LF after it.
const splitPattern = pattern => (
  pattern[pattern.length - 1] === '\r'
    ? pattern.slice(0, - 1)
    : pattern
)
.split(REGEX_SPLITALL_CRLF)
.filter(Boolean)

class IgnoreRule {
  constructor (
    pattern,
    mark,
    body,
    ignoreCase,
    negative,
    prefix
  ) {
    this.pattern = pattern
    this.mark = mark
    this.negative = negative

    define(this, 'body', body)
    define(this, 'ignoreCase', ignoreCase)
    define(this, 'regexPrefix', prefix)
  }

  // Worked out on first use and kept behind an own property, the way `regex`
  //   caches itself in `_regex`. Deciding it in the constructor instead would
  //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
  //   every compile -- including the compiles of rules that are never matched
  //   against anything.
  get _basenameOnly () {
    return define(this, '_basenameOnly', matchesBasename(this.body))
  }

  get regex () {
    const key = UNDERSCORE + MODE_IGNORE

    if (this[key]) {
      return this[key]
    }

    return this._make(MODE_IGNORE, key)
  }

  get checkRegex () {
    const key = UNDERSCORE + MODE_CHECK_IGNORE

    if (this[key]) {
      return this[key]
    }

    return this._make(MODE_CHECK_IGNORE, key)
  }

  _make (mode, key) {
    const str = pinWildcards(
      mode === MODE_IGNORE
        ? this.regexPrefix
        .replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard)
        .replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar)
        : checkSourceOf(this.body, this.regexPrefix)
    )

    const regex = this.ignoreCase
      ? new RegExp(str, 'i')
      : new RegExp(str)

    return define(this, key, regex)
  }
}

const hasTrailingBackslash = str => {
  let count = 0

  while (str[str.length - count - 1] === ESCAPE) {
    count ++
  }

  return count % 2 === 1
}

// Read a line the way git does: when `stripLineEnd` is set (an unsplit array
//   or object pattern), drop any trailing blank lines along with the LF
//   before each and at most one CR at the end of the line; then trim trailing
//   spaces in the same backward pass. Git trims spaces only, and a space
//   escaped by an odd run of backslashes stays, unescaped, as the last one.
// Scanned from the end: a regular expression can only try each start in
//   turn, which is quadratic over a long run of spaces or backslashes.
// 'a  ' -> 'a';  'a\ ' -> 'a ';  'a\\ ' -> 'a\\';  'a\t' -> 'a\t'
// 'a\r\n' -> 'a';  'a\r\r' -> 'a\r';  'a\n\r' -> 'a'
const trimEnd = (body, stripLineEnd) => {
  let lineEnd = body.length
  let end

  for (;;) {
    if (stripLineEnd && body[lineEnd - 1] === '\r') {
      lineEnd --
    }

    end = lineEnd

    while (body[end - 1] === SPACE) {
      end --
    }

    if (!stripLineEnd || body[end - 1] !== '\n') {
      break
    }

    lineEnd = end - 1
  }

  if (end === lineEnd) {
    return body.slice(0, lineEnd)
  }

  let backslashes = 0

  while (body[end - backslashes - 1] === ESCAPE) {
    backslashes ++
  }

  return backslashes % 2
    ? body.slice(0, end - 1) + SPACE
    : body.slice(0, end)
}

const createRule = (
  pattern,
  mark,
  ignoreCase,
  stripLineEnd,
  stripBOM
) => {
  // Git drops a BOM before it reads the first line, so before anything else.
  let body = stripBOM && pattern[0] === BOM
    ? pattern.slice(1)
    : pattern

  // > A line starting with # serves as a comment.
  if (body[0] === '#') {
    return
  }

  let negative = false

  // > An optional prefix "!" which negates the pattern;
  if (body[0] === '!') {
    negative = true
    body = body.slice(1)
  }

  // Normalize the body before checking which slashes anchor the pattern.
  //   Otherwise `bar/ ` is mistaken for a pattern containing an inner slash.
  //   A line from `splitPattern` has already lost its line ending, so only a
  //   trailing space remains to trim there.
  const last = body[body.length - 1]

  if (
    last === SPACE
    || stripLineEnd && (last === '\r' || last === '\n')
  ) {
    body = trimEnd(body, stripLineEnd)
  }

  // > A blank line matches no files, so it can serve as a separator for
  // >   readability.
  // Nor does a lone "!", a pattern ending on an unpaired backslash, or
  //   anything else left empty here: an empty pattern would compile to a
  //   regex matching every path.
  if (!body || hasTrailingBackslash(body)) {
    return
  }

  body = body
  // > Put a backslash ("\") in front of the first "!" for patterns that
  // >   begin with a literal "!", for example, `"\!important!.txt"`.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, '!')
  // > Put a backslash ("\") in front of the first hash for patterns that
  // >   begin with a hash.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, '#')

  const regexPrefix = makeRegexPrefix(body)

  return new IgnoreRule(
    pattern,
    mark,
    body,
    ignoreCase,
    negative,
    regexPrefix
  )
}

class RuleManager {
  constructor (ignoreCase) {
    this._ignoreCase = ignoreCase
    this._rules = []

    // How many of the rules git would tag `EXC_FLAG_NODIR`.
    //
    // The scan uses it to decide, once for the whole set, whether handing
    //   those rules the basename is worth what it costs the others. The
    //   shortcut saves a full-path scan on every rule it applies to and costs
    //   a check on every rule it does not, so a set where almost nothing is
    //   basename-only comes out behind -- a 955 pattern set with 44 of them
    //   measured 19% slower with the shortcut always on.
    //
    // Deciding this by measurement rather than by meaning is safe: a
    //   basename-only pattern gives the very same answer against the whole
    //   path, it just takes longer to say so. The choice can only change how
    //   fast the scan runs, never what it returns.
    this._basenameCount = 0
  }

  _add (pattern, index) {
    // #32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules._rules)
      this._basenameCount += pattern._rules._basenameCount
      this._added = true
      return
    }

    const isStr = isString(pattern)
    const raw = isStr
      ? pattern
      : pattern.pattern

    const rule = checkPattern(raw)
      && createRule(
        raw,
        isStr ? UNDEFINED : pattern.mark,
        this._ignoreCase,
        !this._split,
        this._stripBOM && !index
      )

    if (rule) {
      this._added = true
      this._rules.push(rule)

      // Deliberately not `rule._basenameOnly`: reading that would materialise
      //   the rule's own copy, and the whole point of leaving it lazy is that
      //   a rule which is compiled and never matched never pays for it.
      if (matchesBasename(rule.body)) {
        this._basenameCount ++
      }
    }
  }

  // @param {Array<string> | string | Ignore} pattern
  add (pattern) {
    this._added = false
    this._split = isString(pattern)
    this._stripBOM = !this._split || pattern[0] === BOM

    makeArray(
      this._split
        ? splitPattern(pattern)
        : pattern
    ).forEach(this._add, this)

    if (this._added) {
      this._literalRules = UNDEFINED
    }

    return this._added
  }

  // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
  //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
  //   are left out once, rather than tested or compiled for every path.
  testLiteral (path) {
    const rules = this._literalRules || (
      this._literalRules = this._rules.filter(
        ({body}) => body[body.length - (
          body[body.length - 1] === SLASH ? 2 : 1
        )] === '*'
      )
    )

    let ignored = false
    let unignored = false
    let matchedRule

    for (let index = rules.length - 1; index >= 0; index --) {
      const rule = rules[index]

      if (rule.checkRegex.test(path)) {
        ignored = !rule.negative
        unignored = rule.negative
        matchedRule = rule.negative
          ? UNDEFINED
          : rule
        break
      }
    }

    const ret = {
      ignored,
      unignored
    }

    if (matchedRule) {
      ret.rule = matchedRule
    }

    return ret
  }

  // Test one single path without recursively checking parent directories
  //
  // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`

  // @returns {TestResult}
  test (path, mode) {
    // Most of a .gitignore is patterns with no slash in them, and running
    //   those against the whole path makes the regular expression engine walk
    //   every directory name on the way to the only segment that could match.
    //   Handing them the basename instead is what git does, and it is where
    //   the time in a directory walk goes: the rule scan was two thirds of it.
    const rules = this._rules
    const {length} = rules

    const shortcut = this._basenameCount * 2 >= length

    const basename = shortcut
      ? basenameOf(path)
      : path

    // The last rule to match decides, as in git, and it is the rule
    //   `git check-ignore -v` reports, so the scan runs from the end and stops
    //   at the first match.
    // A plain loop rather than `forEach`, so that `path`, `basename` and
    //   `shortcut` are locals. As a callback they became closure variables,
    //   and reaching for one of those once per rule cost 10% of a scan over a
    //   large rule set -- more than the shortcut they were there to serve.
    for (let index = length - 1; index >= 0; index --) {
      const rule = rules[index]

      if (rule[mode].test(
        shortcut && rule._basenameOnly
          ? basename
          : path
      )) {
        const {negative} = rule

        const ret = {
          ignored: !negative,
          unignored: negative
        }

        if (!negative) {
          ret.rule = rule
        }

        return ret
      }
    }

    return {
      ignored: false,
      unignored: false
    }
  }
}

const throwError = (message, Ctor) => {
  throw new Ctor(message)
}

const checkPath = (path, originalPath, doThrow) => {
  if (!isString(path)) {
    return doThrow(
      `path must be a string, but got \`${originalPath}\``,
      TypeError
    )
  }

  // We don't know if we should ignore EMPTY, so throw
  if (!path) {
    return doThrow(`path must not be empty`, TypeError)
  }

  // Check if it is a relative path
  if (checkPath.isNotRelative(path)) {
    const r = '`path.relative()`d'
    return doThrow(
      `path should be a ${r} string, but got "${originalPath}"`,
      RangeError
    )
  }

  return true
}

// > pathname should be a `path.relative()`d one
//
// The same thing `REGEX_TEST_INVALID_PATH` says, spelled out: a path is not
//   relative if it begins with a separator, or with `./` or `../`, or is
//   nothing but `.` or `..`. Every match is decided by the first three
//   characters, and this runs on every path handed to the library -- where it
//   was 55% of a cached lookup, more than the cache lookup itself.
const isNotRelative = path => {
  const first = path.charCodeAt(0)

  if (first === SLASH_CODE) {
    return true
  }

  if (first !== DOT_CODE) {
    return false
  }

  // '.'
  if (path.length === 1) {
    return true
  }

  const second = path.charCodeAt(1)

  // './'
  if (second === SLASH_CODE) {
    return true
  }

  if (second !== DOT_CODE) {
    return false
  }

  // '..' or '../'
  return path.length === 2 || path.charCodeAt(2) === SLASH_CODE
}

checkPath.isNotRelative = isNotRelative

// On windows, the following function will be replaced
/* istanbul ignore next */
checkPath.convert = p => p


const convertPath = target =>
  isString(target) && checkPath.convert(target)


class Ignore {
  constructor ({
    ignorecase = true,
    ignoreCase = ignorecase,
    allowRelativePaths = false
  } = {}) {
    define(this, KEY_IGNORE, true)

    this._rules = new RuleManager(ignoreCase)
    this._strictPathCheck = !allowRelativePaths
    this._initCache()
  }

  _initCache () {
    // A cache for the result of `.ignores()`
    this._ignoreCache = Object.create(null)

    // A cache for the result of `.test()`
    this._testCache = Object.create(null)
  }

  add (pattern) {
    if (this._rules.add(pattern)) {
      // Some rules have just added to the ignore,
      //   making the behavior changed,
      //   so we need to re-initialize the result cache
      this._initCache()
    }

    return this
  }

  // legacy
  addPattern (pattern) {
    return this.add(pattern)
  }

  // @returns {TestResult}
  _test (originalPath, cache, path) {
    checkPath(
      path,
      originalPath,
      this._strictPathCheck
        ? throwError
        : RETURN_FALSE
    )

    return path
      ? this._t(path, cache)
      : {
        ignored: false,
        unignored: false
      }
  }

  checkIgnore (target) {
    // A Windows path is converted first, so that a directory given with a
    //   trailing separator, `\` or `/`, is told the same way
    const path = convertPath(target)

    // If the path does not end with a slash, `.ignores()` is much equivalent
    //   to `git check-ignore`
    if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
      return this._test(target, this._testCache, path)
    }

    // Like `git check-ignore`: a directory excluded by itself or by an
    //   ancestor settles it, and only then is the literal 'abc/' matched
    //   against the rules (see `checkSourceOf`).
    const dir = this._t(path, this._testCache)

    if (dir.ignored) {
      return dir
    }

    const literal = this._rules.testLiteral(path)

    return literal.ignored || literal.unignored
      ? literal
      : dir
  }

  _t (
    // The path to be tested
    path,

    // The cache for the result of a certain checking
    cache
  ) {
    if (path in cache) {
      return cache[path]
    }

    const parentPath = parentOf(path)

    // If the path contains a parent directory, check the parent first
    const parent = parentPath
      ? this._t(parentPath, cache)
      : UNDEFINED

    return cache[path] = parent && parent.ignored
      // > It is not possible to re-include a file if a parent directory of
      // >   that file is excluded.
      ? parent
      : this._rules.test(path, MODE_IGNORE)
  }

  ignores (path) {
    return this._test(path, this._ignoreCache, convertPath(path)).ignored
  }

  createFilter () {
    return path => !this.ignores(path)
  }

  filter (paths) {
    return makeArray(paths).filter(this.createFilter())
  }

  // @returns {TestResult}
  test (path) {
    return this._test(path, this._testCache, convertPath(path))
  }
}

const factory = options => new Ignore(options)

const isPathValid = path =>
  checkPath(convertPath(path), path, RETURN_FALSE)

/* istanbul ignore next */
const setupWindows = () => {
  /* eslint no-control-regex: "off" */
  const makePosix = str => /^\\\\\?\\/.test(str)
  || /["<>|\u0000-\u001F]+/u.test(str)
    ? str
    : str.replace(/\\/g, '/')

  checkPath.convert = makePosix

  // 'C:\\foo'     <- 'C:\\foo' has been converted to 'C:/'
  // 'd:\\foo'
  const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i
  checkPath.isNotRelative = path =>
    REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path)
    || isNotRelative(path)
}


// Windows
// --------------------------------------------------------------
/* istanbul ignore next */
if (
  // Detect `process` so that it can run in browsers.
  typeof process !== 'undefined'
  && process.platform === 'win32'
) {
  setupWindows()
}

// COMMONJS_EXPORTS ////////////////////////////////////////////////////////////

module.exports = factory

// Although it is an anti-pattern,
//   it is still widely misused by a lot of libraries in github
// Ref: https://github.com/search?q=ignore.default%28%29&type=code
factory.default = factory

module.exports.isPathValid = isPathValid

// For testing purposes
define(module.exports, Symbol.for('setupWindows'), setupWindows)


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/engine/fingerprint.ts
// Fingerprints identify a finding across commits: rule, file and the offending line's content
// (whitespace-folded), plus the occurrence number among identical lines. Lines moving up or down
// keep the fingerprint; editing the offending line changes it. SARIF partialFingerprints and the
// baseline both use it.

function lineFingerprint(ruleId, file, lineText, occurrence) {
    const normalized = lineText.replace(/\s+/g, ' ').trim();
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`${ruleId}\0${file}\0${normalized}\0${occurrence}`).digest('hex').slice(0, 32);
}

;// CONCATENATED MODULE: ./src/engine/keywords.ts
class KeywordScanner {
    re;
    constructor(rules) {
        const words = [...new Set(rules.flatMap((r) => r.keywords ?? []).map((k) => k.toLowerCase()))];
        // Longest first: at a position the longest keyword is recorded, and any shorter keyword that
        // starts there is a prefix of it (two keywords matching at one position are prefix-related).
        words.sort((a, b) => b.length - a.length);
        if (words.length > 0)
            this.re = new RegExp(`(?=(${words.map(keywords_escape).join('|')}))`, 'gi');
    }
    /** The keywords found, each as the longest keyword matched at its position (lower-case). */
    scan(text) {
        const found = new Set();
        if (!this.re)
            return found;
        this.re.lastIndex = 0;
        for (const m of text.matchAll(this.re))
            found.add(m[1].toLowerCase());
        return found;
    }
}
/** Does the scan result contain one of the rule's keywords? (A rule without keywords always runs.) */
function hasKeyword(rule, found) {
    const keywords = rule.keywords;
    if (!keywords || keywords.length === 0)
        return true;
    for (const k of keywords) {
        if (found.has(k))
            return true;
        for (const m of found)
            if (m.length > k.length && m.startsWith(k))
                return true;
    }
    return false;
}
function keywords_escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/engine/redact.ts
// Redaction happens where a finding is made (engine/check-file.ts), so no reporter can leak a
// secret by forgetting to call this.
/** At most a 4-character prefix of a credential survives, and never more than a quarter of it. */
function redact(secret) {
    const keep = Math.min(4, Math.floor(secret.length / 4));
    return `${secret.slice(0, keep)}${'*'.repeat(4)}`;
}
/** Replaces every occurrence of each secret in `text` with its redacted form. */
function redactAll(text, secrets) {
    let out = text;
    for (const s of secrets) {
        if (s.length < 4)
            continue;
        out = out.split(s).join(redact(s));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/engine/check-file.ts
// Offers one SourceFile to the rules selected for it: keyword prefilter, then the rule's check,
// then redaction, suppression comments and fingerprints. Pure: no disk, no environment.



const SUPPRESSION_MARKER = 'twelve-factor-ignore';
/** Engine-level rule: a suppression comment without a `-- reason`. */
const SUPPRESSION_WITHOUT_REASON = 'TF0001';
/** Does `rule` want to see this file's text? Keyword check on the lower-cased text. */
function passesKeywords(rule, file) {
    if (!rule.keywords || rule.keywords.length === 0)
        return true;
    const lower = file.lower;
    for (const k of rule.keywords)
        if (lower.includes(k))
            return true;
    return false;
}
/**
 * Offers the file to each rule. `found` is the result of one combined keyword scan (see
 * KeywordScanner); without it each rule's keywords are looked up one by one.
 */
function checkFile(rules, file, ctx, found) {
    const raw = [];
    const offered = [];
    for (const rule of rules) {
        if (!rule.check)
            continue;
        offered.push(rule.meta.id);
        if (!(found ? hasKeyword(rule, found) : passesKeywords(rule, file)))
            continue;
        rule.check(file, (report) => raw.push({ rule, report }), ctx);
    }
    if (raw.length === 0)
        return { findings: [], suppressed: [], offered };
    return { ...finalizeReports(raw, file), offered };
}
/** Turns raw reports into Findings: redaction, suppressions, fingerprints, stable order. */
function finalizeReports(raw, file) {
    raw.sort((a, b) => a.report.line - b.report.line || (a.report.column ?? 0) - (b.report.column ?? 0));
    const suppressions = file.lower.includes(SUPPRESSION_MARKER) ? parseSuppressions(file) : new Map();
    const findings = [];
    const suppressed = [];
    const occurrences = new Map();
    const seen = new Set();
    for (const { rule, report } of raw) {
        const lineText = file.line(report.line);
        const secrets = report.secret ? [report.secret] : [];
        const occKey = `${rule.meta.id}\0${lineText.replace(/\s+/g, ' ').trim()}`;
        const occurrence = occurrences.get(occKey) ?? 0;
        occurrences.set(occKey, occurrence + 1);
        const finding = {
            ruleId: rule.meta.id,
            factor: rule.meta.factor,
            severity: report.severity ?? rule.meta.severity,
            file: report.file ?? file.path,
            line: report.line,
            ...(report.column !== undefined ? { column: report.column } : {}),
            ...(report.endLine !== undefined ? { endLine: report.endLine } : {}),
            ...(report.endColumn !== undefined ? { endColumn: report.endColumn } : {}),
            message: redactAll(report.message, secrets),
            remediation: redactAll(report.remediation ?? rule.meta.remediation, secrets),
            // Redact before truncating: a secret cut in half by the truncation would not be found.
            snippet: truncate(redactAll(lineText.trim(), secrets), 200),
            // A one-way hash of the real line: changing the secret on that line must make it a new finding.
            fingerprint: lineFingerprint(rule.meta.id, report.file ?? file.path, lineText, occurrence)
        };
        // One finding per rule and position: two patterns matching the same token are one problem.
        const dedupe = `${finding.ruleId}:${finding.line}:${finding.column ?? 0}`;
        if (seen.has(dedupe))
            continue;
        seen.add(dedupe);
        const match = findSuppression(suppressions, rule.meta.id, report.line);
        if (!match) {
            findings.push(finding);
            continue;
        }
        suppressed.push({ ruleId: finding.ruleId, file: finding.file, line: finding.line, reason: match.reason, fingerprint: finding.fingerprint });
        if (!match.reason && !match.reported) {
            match.reported = true;
            findings.push({
                ruleId: SUPPRESSION_WITHOUT_REASON,
                factor: rule.meta.factor,
                severity: 'notice',
                file: file.path,
                line: match.line,
                message: `Suppression of ${rule.meta.id} gives no reason`,
                remediation: `Say why the finding does not apply: '${SUPPRESSION_MARKER} ${rule.meta.id} -- <reason>'.`,
                snippet: truncate(file.line(match.line).trim(), 200),
                fingerprint: lineFingerprint(SUPPRESSION_WITHOUT_REASON, file.path, file.line(match.line), 0)
            });
        }
    }
    return { findings, suppressed };
}
/** Suppression comments by line: `twelve-factor-ignore TF0301[,TF0302] -- reason`. */
function parseSuppressions(file) {
    const byLine = new Map();
    const lines = file.lines;
    const codeLines = file.commentStyle === 'none' ? undefined : file.code.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i];
        const at = text.toLowerCase().indexOf(SUPPRESSION_MARKER);
        if (at === -1)
            continue;
        // Only inside a comment: the blanked code has spaces where the marker stands.
        if (codeLines && codeLines[i]?.slice(at, at + SUPPRESSION_MARKER.length).trim() !== '')
            continue;
        const rest = text.slice(at + SUPPRESSION_MARKER.length);
        const m = /^[\s:]+([A-Za-z0-9_,\s-]*?)(?:\s+--\s*(.*?))?\s*(?:-->|\*\/)?\s*$/.exec(rest);
        if (!m)
            continue;
        const ids = m[1].split(/[\s,]+/).filter((s) => /^TF\d{4}$/i.test(s)).map((s) => s.toUpperCase());
        if (ids.length === 0)
            continue;
        byLine.set(i + 1, [...(byLine.get(i + 1) ?? []), { line: i + 1, ruleIds: new Set(ids), reason: (m[2] ?? '').trim(), reported: false }]);
    }
    return byLine;
}
function findSuppression(map, ruleId, line) {
    for (const l of [line, line - 1]) {
        for (const s of map.get(l) ?? [])
            if (s.ruleIds.has(ruleId))
                return s;
    }
    return undefined;
}
function truncate(s, max) {
    return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./src/engine/classify.ts
const LANG_BY_EXT = {
    js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
    ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
    py: 'python',
    rb: 'ruby', rake: 'ruby', gemspec: 'ruby', ru: 'ruby',
    java: 'java',
    kt: 'kotlin', kts: 'kotlin',
    go: 'go',
    php: 'php',
    sh: 'shell', bash: 'shell'
};
const MANIFESTS = new Set([
    'package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'npm-shrinkwrap.json',
    'requirements.txt', 'pipfile', 'pipfile.lock', 'pyproject.toml', 'poetry.lock', 'uv.lock', 'pdm.lock', 'setup.py', 'setup.cfg',
    'gemfile', 'gemfile.lock', 'go.mod', 'go.sum', 'composer.json', 'composer.lock', 'cargo.toml', 'cargo.lock',
    'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'gradle.properties', '.nvmrc', '.node-version',
    '.tool-versions', '.python-version', '.ruby-version', 'runtime.txt', 'aptfile'
]);
const K8S_DIR = /(^|\/)(k8s|kube|kubernetes|manifests|deploy|deployments?|charts|helm|kustomize|overlays|base)\//i;
function classifyKind(path) {
    const lowerPath = path.toLowerCase();
    const name = lowerPath.slice(lowerPath.lastIndexOf('/') + 1);
    if (MANIFESTS.has(name) || /^requirements[-_.][\w.-]*\.txt$/.test(name))
        return 'manifest';
    const dotExt = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
    // Dockerfile.prod is a Dockerfile; dockerfile.ts (a parser for them) is source code.
    const sourceExt = dotExt in LANG_BY_EXT;
    if (name === 'dockerfile' || (name.startsWith('dockerfile.') && !sourceExt) || name.endsWith('.dockerfile') || name === 'containerfile')
        return 'dockerfile';
    if (name === 'procfile' || (name.startsWith('procfile.') && !sourceExt))
        return 'procfile';
    if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env'))
        return 'dotenv';
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
    if (ext === 'yml' || ext === 'yaml') {
        if (/^\.github\/workflows\//.test(lowerPath) || /\/\.github\/workflows\//.test(lowerPath))
            return 'workflow';
        if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name))
            return 'compose';
        if (K8S_DIR.test(lowerPath))
            return 'kubernetes';
        return 'yaml';
    }
    if (LANG_BY_EXT[ext])
        return 'source';
    switch (ext) {
        case 'json':
            return 'json';
        case 'properties':
            return 'properties';
        case 'toml':
            return 'toml';
        case 'ini':
        case 'cfg':
        case 'conf':
            return 'ini';
        case 'xml':
            return 'xml';
        case 'md':
        case 'markdown':
        case 'mdx':
        case 'rst':
            return 'markdown';
        default:
    }
    if (name === 'gemfile' || name === 'rakefile')
        return 'source';
    return 'other';
}
function classifyLanguage(path) {
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
    if (LANG_BY_EXT[ext])
        return LANG_BY_EXT[ext];
    if (name === 'gemfile' || name === 'rakefile' || name === 'guardfile')
        return 'ruby';
    if (name === 'entrypoint' || name === 'docker-entrypoint')
        return 'shell';
    return 'none';
}
const TEST_PATH = /(^|\/)(__tests__|__mocks__|tests?|spec|specs|testdata|test-data|fixtures?|__fixtures__|e2e|cypress|mocks?|src\/test)\/|(^|\/)(test_[^/]*\.py|[^/]*_test\.(py|go|rb)|[^/]*\.(test|spec)\.[jt]sx?|[^/]*_spec\.rb|[^/]*Tests?\.(java|kt)|conftest\.py)$/i;
const DOCS_PATH = /(^|\/)(docs?|documentation|site|website)\//i;
const EXAMPLE_NAME = /(^|[./_-])(example|examples|sample|samples|template|templates|dist|tpl|default|defaults)([./_-]|$)/i;
const EXAMPLE_PATH = /(^|\/)(examples?|samples?)\//i;
const DEV_NAME = /(^|[./_-])(dev|development|local)([./_-]|$)/i;
function classifyRole(path, kind) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (TEST_PATH.test(path))
        return 'test';
    if (kind === 'markdown' || DOCS_PATH.test(path))
        return 'docs';
    if (EXAMPLE_PATH.test(path))
        return 'example';
    // .env.example, config.sample.yml, settings.template.py; 'dist' as in .env.dist
    if ((kind === 'dotenv' || kind === 'yaml' || kind === 'json' || kind === 'properties' || kind === 'ini' || kind === 'toml') && EXAMPLE_NAME.test(name))
        return 'example';
    if (kind === 'dotenv' && /\.(example|sample|template|dist|tpl|defaults?)$/i.test(name))
        return 'example';
    if (kind === 'compose') {
        // Compose files are for local development unless named for production.
        return /(prod|production|staging|release)/i.test(name) ? 'app' : 'dev';
    }
    if (DEV_NAME.test(name) && kind !== 'source')
        return 'dev';
    return 'app';
}

;// CONCATENATED MODULE: ./src/engine/apps.ts
const MANIFEST_LANGUAGE = {
    'package.json': 'javascript',
    'requirements.txt': 'python',
    'pyproject.toml': 'python',
    pipfile: 'python',
    'setup.py': 'python',
    gemfile: 'ruby',
    'pom.xml': 'java',
    'build.gradle': 'java',
    'build.gradle.kts': 'java',
    'go.mod': 'go',
    'composer.json': 'php'
};
/** Dependency names (as they appear in manifests) that identify a framework, most specific first. */
const FRAMEWORKS = [
    [/["']@nestjs\/core["']/, 'nestjs'],
    [/["']next["']\s*:/, 'next'],
    [/["']nuxt["']\s*:/, 'nuxt'],
    [/["']fastify["']\s*:/, 'fastify'],
    [/["']koa["']\s*:/, 'koa'],
    [/["'](@hapi\/)?hapi["']\s*:/, 'hapi'],
    [/["']express["']\s*:/, 'express'],
    [/^\s*django\b|["']django\b/im, 'django'],
    [/^\s*fastapi\b|["']fastapi\b/im, 'fastapi'],
    [/^\s*flask\b|["']flask\b/im, 'flask'],
    [/^\s*gem\s+["']rails["']/m, 'rails'],
    [/^\s*gem\s+["']sinatra["']/m, 'sinatra'],
    [/spring-boot/, 'spring-boot'],
    [/io\.quarkus/, 'quarkus'],
    [/io\.micronaut/, 'micronaut'],
    [/github\.com\/gin-gonic\/gin/, 'gin'],
    [/github\.com\/labstack\/echo/, 'echo'],
    [/github\.com\/gofiber\/fiber/, 'fiber'],
    [/github\.com\/go-chi\/chi/, 'chi'],
    [/["']laravel\/framework["']/, 'laravel'],
    [/["']symfony\/framework-bundle["']/, 'symfony']
];
function isAppManifest(path) {
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    return name in MANIFEST_LANGUAGE || /^requirements[-_.][\w.-]*\.txt$/.test(name);
}
/** Finds the apps from the manifests' texts. A package.json that only declares workspaces is not an app. */
function detectApps(manifests) {
    const byDir = new Map();
    for (const file of [...manifests].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const name = file.name.toLowerCase();
        const language = MANIFEST_LANGUAGE[name] ?? (/^requirements/.test(name) ? 'python' : undefined);
        if (!language)
            continue;
        if (name === 'package.json' && /"workspaces"\s*:/.test(file.text) && !/"(dependencies|scripts)"\s*:\s*\{[^}]*"(start|express|fastify|next)"/.test(file.text))
            continue;
        const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '.';
        const framework = FRAMEWORKS.find(([re]) => re.test(file.text))?.[1];
        const existing = byDir.get(dir);
        // A folder with several manifests (package.json for assets beside a Gemfile): the one naming a framework wins.
        if (existing && (existing.framework || !framework))
            continue;
        const lang = language === 'javascript' && /["']typescript["']\s*:/.test(file.text) ? 'typescript' : language;
        byDir.set(dir, { path: dir, language: lang, ...(framework ? { framework } : {}), manifest: file.path });
    }
    return [...byDir.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
/** The innermost app containing a path. */
function appOf(apps, path) {
    let best;
    let bestDepth = -1;
    for (const app of apps) {
        const depth = app.path === '.' ? 0 : app.path.split('/').length;
        const contains = app.path === '.' || path.startsWith(`${app.path}/`);
        if (contains && depth > bestDepth) {
            best = app;
            bestDepth = depth;
        }
    }
    return best;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __nccwpck_require__(298);
var ignore_default = /*#__PURE__*/__nccwpck_require__.n(ignore);
;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/brace-expressions.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};
//# sourceMappingURL=brace-expressions.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/ast.js
// parse a single path portion
var _a;


const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof _a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof _a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new _a(c, ast);
                    i = _a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new _a(c, part);
                part.push(ext);
                i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new _a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new _a(null, undefined, options);
        _a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    _a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape_unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape_unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape_unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark;
                hasMagic = true;
                continue;
            }
            re += regExpEscape(c);
        }
        return [re, unescape_unescape(glob), !!hasMagic, uflag];
    }
}
_a = AST;
//# sourceMappingURL=ast.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const esm_qmark = '[^/]';
// * => any number of characters
const esm_star = esm_qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const esm_regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? esm_star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? esm_regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */



/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/engine/discovery.ts
// Lists the files to audit under a root. In a git checkout git itself answers (tracked plus
// untracked-but-not-ignored files: .gitignore semantics exactly as the user sees them); elsewhere a
// walker that prunes ignored and excluded folders before descending into them. Excluded trees are
// never walked: @actions/glob's negated patterns do not prune, which costs seconds on node_modules.





/** Folder names never audited: installed dependencies, VCS data, build output, caches. */
const DEFAULT_EXCLUDED_DIRS = new Set([
    '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', 'vendor', '.venv', 'venv',
    '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', '.bundle',
    'dist', 'build', 'out', 'target', 'coverage', '.nyc_output', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache',
    '.parcel-cache', '.gradle', '.idea', '.vscode', '.terraform', '.serverless', '.aws-sam', '.yarn'
]);
/** Extensions that are never text worth auditing. */
const BINARY_EXT = new Set(('png jpg jpeg gif bmp ico webp svgz tif tiff psd pdf zip gz tgz bz2 xz 7z rar tar jar war ear class so dylib dll exe ' +
    'o a lib obj bin dat db sqlite sqlite3 woff woff2 ttf otf eot mp3 mp4 m4a wav ogg webm mov avi flac wasm pyc pyo ' +
    'lockb node keystore jks p12 pfx der DS_Store min.js map min.css snap').split(' '));
/** At most this many folders are listed, and files are counted up to this per folder. */
const TRACKED_EXCLUDED_MAX_DIRS = 200;
const TRACKED_EXCLUDED_MAX_FILES = 100000;
function discover(options) {
    const filter = new PathFilter(options.include, options.exclude);
    const git = options.useGit === false ? undefined : gitFiles(options.root);
    if (git) {
        const files = git.files.filter((p) => !hasExcludedDir(p) && filter.accepts(p)).sort();
        return { files, source: 'git', git: { isRepo: true, shallow: git.shallow }, dirsVisited: 0, trackedExcluded: trackedUnderExcluded(options.root, filter) };
    }
    const walked = walk(options.root, filter);
    return { files: walked.files.sort(), source: 'walk', git: { isRepo: false, shallow: false }, dirsVisited: walked.dirs, trackedExcluded: [] };
}
/** Skip by name before reading: binary formats and minified bundles. */
function isBinaryName(path) {
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    if (/\.min\.(js|css)$|\.bundle\.js$|-min\.js$/.test(name))
        return true;
    const dot = name.lastIndexOf('.');
    return dot > 0 && BINARY_EXT.has(name.slice(dot + 1));
}
function hasExcludedDir(path) {
    const parts = path.split('/');
    for (let i = 0; i < parts.length - 1; i++)
        if (DEFAULT_EXCLUDED_DIRS.has(parts[i]))
            return true;
    return false;
}
/**
 * Tracked (index) files under default-excluded folders, grouped per folder. One `git ls-files` with
 * glob pathspecs: git filters the index, nothing is walked on disk. Honours the user's excludes.
 */
function trackedUnderExcluded(root, filter) {
    const specs = [...DEFAULT_EXCLUDED_DIRS].filter((d) => d !== '.git').map((d) => `:(glob)**/${d}/**`);
    specs.push(':(glob)**/*.pyc');
    let out;
    try {
        out = (0,external_node_child_process_namespaceObject.execFileSync)('git', ['ls-files', '-z', '--', ...specs], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1024 * 1024 * 1024 });
    }
    catch {
        return [];
    }
    const byDir = new Map();
    for (const path of out.toString('utf8').split('\0')) {
        if (!path || (filter && !filter.accepts(path)))
            continue;
        const dir = excludedDirOf(path);
        if (dir === undefined)
            continue;
        const entry = byDir.get(dir);
        if (entry) {
            if (entry.count < TRACKED_EXCLUDED_MAX_FILES)
                entry.count++;
        }
        else if (byDir.size < TRACKED_EXCLUDED_MAX_DIRS) {
            byDir.set(dir, { dir, example: path, count: 1 });
        }
    }
    return [...byDir.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1));
}
/** The outermost default-excluded folder on a path (vendor/<sub> for vendor); '' for a loose *.pyc. */
function excludedDirOf(path) {
    const parts = path.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
        if (!DEFAULT_EXCLUDED_DIRS.has(parts[i]))
            continue;
        const depth = parts[i] === 'vendor' && i + 2 < parts.length ? i + 2 : i + 1;
        return parts.slice(0, depth).join('/');
    }
    return path.endsWith('.pyc') ? path.slice(0, Math.max(0, path.lastIndexOf('/'))) || '.' : undefined;
}
function gitFiles(root) {
    try {
        const inside = (0,external_node_child_process_namespaceObject.execFileSync)('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
        if (inside.toString().trim() !== 'true')
            return undefined;
        const out = (0,external_node_child_process_namespaceObject.execFileSync)('git', ['ls-files', '-co', '--exclude-standard', '-z', '--', '.'], {
            cwd: root,
            stdio: ['ignore', 'pipe', 'ignore'],
            maxBuffer: 1024 * 1024 * 1024
        });
        const shallow = (0,external_node_child_process_namespaceObject.execFileSync)('git', ['rev-parse', '--is-shallow-repository'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
        // git prints paths relative to cwd, posix, raw bytes (no quoting with -z).
        const files = [...new Set(out.toString('utf8').split('\0').filter(Boolean))];
        return { files, shallow: shallow.toString().trim() === 'true' };
    }
    catch {
        return undefined; // no git, not a work tree, or a broken repository: walk instead
    }
}
function walk(root, filter) {
    const files = [];
    let dirs = 0;
    // Each stack entry carries the .gitignore matchers of its ancestors (relative to each one's dir).
    const stack = [{ rel: '', ignores: [], depth: 0 }];
    while (stack.length > 0) {
        const { rel, ignores, depth } = stack.pop();
        const abs = rel ? (0,external_node_path_namespaceObject.join)(root, rel) : root;
        let entries;
        try {
            entries = (0,external_node_fs_namespaceObject.readdirSync)(abs, { withFileTypes: true });
        }
        catch {
            continue; // unreadable folder: skipped, the audit goes on
        }
        dirs++;
        const own = readGitignore(abs);
        const active = own ? [...ignores, { base: rel, ig: own }] : ignores;
        for (const entry of entries) {
            const path = rel ? `${rel}/${entry.name}` : entry.name;
            // Never follow symlinks: they may loop or point outside the workspace.
            const isDir = entry.isDirectory();
            if (!isDir && !entry.isFile())
                continue;
            if (isIgnored(active, path, isDir))
                continue;
            if (isDir) {
                if (DEFAULT_EXCLUDED_DIRS.has(entry.name) || filter.excludesDir(path) || depth >= 256)
                    continue;
                stack.push({ rel: path, ignores: active, depth: depth + 1 });
            }
            else if (filter.accepts(path)) {
                files.push(path);
            }
        }
    }
    return { files, dirs };
}
function readGitignore(dir) {
    try {
        const p = (0,external_node_path_namespaceObject.join)(dir, '.gitignore');
        if (!(0,external_node_fs_namespaceObject.lstatSync)(p).isFile())
            return undefined;
        return ignore_default()().add((0,external_node_fs_namespaceObject.readFileSync)(p, 'utf8'));
    }
    catch {
        return undefined;
    }
}
function isIgnored(matchers, path, isDir) {
    for (const { base, ig } of matchers) {
        const rel = base ? path.slice(base.length + 1) : path;
        if (ig.ignores(isDir ? `${rel}/` : rel))
            return true;
    }
    return false;
}
/**
 * Include/exclude globs in the @actions/glob dialect: a pattern also matches everything below a
 * folder it matches, and a '!' line in the include list excludes.
 */
class PathFilter {
    includes;
    excludes;
    constructor(include, exclude) {
        const norm = (p) => p.trim().replace(/^\.\//, '').replace(/\/+$/, '');
        const inc = include.map((p) => p.trim()).filter((p) => p && !p.startsWith('#'));
        this.includes = inc.filter((p) => !p.startsWith('!')).map((p) => new Minimatch(norm(p), { dot: true }));
        this.excludes = [...inc.filter((p) => p.startsWith('!')).map((p) => p.slice(1)), ...exclude]
            .map((p) => p.trim())
            .filter((p) => p && !p.startsWith('#'))
            .map((p) => new Minimatch(norm(p), { dot: true }));
    }
    accepts(path) {
        if (this.excludes.some((m) => matchesOrUnder(m, path)))
            return false;
        return this.includes.length === 0 || this.includes.some((m) => matchesOrUnder(m, path));
    }
    excludesDir(dir) {
        return this.excludes.some((m) => m.match(dir) || m.match(`${dir}/`));
    }
}
function matchesOrUnder(m, path) {
    if (m.match(path))
        return true;
    // A pattern naming a folder covers its contents: check each ancestor.
    let i = path.indexOf('/');
    while (i !== -1) {
        if (m.match(path.slice(0, i)))
            return true;
        i = path.indexOf('/', i + 1);
    }
    return false;
}

;// CONCATENATED MODULE: ./src/engine/read.ts
// Reads one file for the audit, once. Anything that is not auditable text (a symlink, a binary,
// an oversized or unreadable file) comes back as a reason instead of a crash.

const SNIFF = 8000;
function readText(absPath, maxBytes) {
    let fd;
    try {
        // O_NOFOLLOW: a symlink fails to open (ELOOP) instead of being followed out of the workspace;
        // one open + fstat replaces an lstat per file, which showed up in profiles of large trees.
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(absPath, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0) | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0));
        }
        catch (e) {
            const code = e.code;
            return { skipped: code === 'ELOOP' || code === 'EMLINK' ? 'symlink' : 'unreadable', bytes: 0 };
        }
        const stat = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (!stat.isFile())
            return { skipped: 'not-a-file', bytes: 0 };
        if (stat.size > maxBytes)
            return { skipped: 'too-large', bytes: stat.size };
        const size = stat.size;
        const buf = Buffer.allocUnsafe(Math.min(size, maxBytes));
        let read = 0;
        while (read < buf.length) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, buf, read, buf.length - read, read);
            if (n === 0)
                break;
            read += n;
        }
        return decode(buf.subarray(0, read));
    }
    catch {
        return { skipped: 'unreadable', bytes: 0 };
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** UTF-8 (BOM stripped) or UTF-16 with a BOM; a NUL byte in the first 8 KB means binary. */
function decode(buf) {
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
        return { text: buf.subarray(2).toString('utf16le'), bytes: buf.length };
    if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
        const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
        swapped.swap16();
        return { text: swapped.toString('utf16le'), bytes: buf.length };
    }
    const head = buf.subarray(0, SNIFF);
    if (head.includes(0))
        return { skipped: 'binary', bytes: buf.length };
    const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    return { text: buf.subarray(start).toString('utf8'), bytes: buf.length };
}

;// CONCATENATED MODULE: ./src/engine/rule.ts
/** Facts rules leave for repository-level rules (ports bound, runtime versions seen...). */
class Facts {
    store = new Map();
    add(key, value) {
        const list = this.store.get(key);
        if (list)
            list.push(value);
        else
            this.store.set(key, [value]);
    }
    get(key) {
        return (this.store.get(key) ?? []);
    }
}

;// CONCATENATED MODULE: ./src/engine/select.ts
// Which rules a file is offered to, decided from its path-derived facts before it is read.

const DEFAULT_ROLES = ['app', 'dev'];
function selects(selector, file) {
    if (!selector)
        return false;
    if (selector.kinds && !selector.kinds.includes(file.kind))
        return false;
    if (selector.languages && !selector.languages.includes(file.language))
        return false;
    const roles = selector.roles ?? DEFAULT_ROLES;
    if (!roles.includes(file.role))
        return false;
    if (selector.path && !selector.path.test(file.path))
        return false;
    return true;
}
/**
 * Memoises the rule list per (kind, language, role) so a tree of 50k files computes it a few
 * dozen times, not 50k. Rules with a path selector are checked per file.
 */
class RuleIndex {
    rules;
    cache = new Map();
    constructor(rules) {
        this.rules = rules;
    }
    /** One combined keyword scanner for every rule this kind of file can meet. */
    scannerFor(file) {
        this.rulesFor(file);
        const entry = this.cache.get(keyOf(file));
        if (!entry.scanner)
            entry.scanner = new KeywordScanner([...entry.plain, ...entry.pathBound]);
        return entry.scanner;
    }
    rulesFor(file) {
        const key = keyOf(file);
        let entry = this.cache.get(key);
        if (!entry) {
            entry = { plain: [], pathBound: [] };
            for (const rule of this.rules) {
                if (!rule.check || !rule.files)
                    continue;
                if (!selects({ ...rule.files, path: undefined }, file))
                    continue;
                (rule.files.path ? entry.pathBound : entry.plain).push(rule);
            }
            this.cache.set(key, entry);
        }
        if (entry.pathBound.length === 0)
            return entry.plain;
        return [...entry.plain, ...entry.pathBound.filter((r) => r.files?.path?.test(file.path))];
    }
}
const keyOf = (file) => `${file.kind}|${file.language}|${file.role}`;

;// CONCATENATED MODULE: ./src/engine/comments.ts
function commentStyleOf(kind, language) {
    switch (language) {
        case 'javascript':
        case 'typescript':
        case 'java':
        case 'go':
        case 'kotlin':
        case 'php':
            return 'c';
        case 'python':
        case 'ruby':
        case 'shell':
            return 'hash';
        default:
    }
    switch (kind) {
        case 'dockerfile':
        case 'compose':
        case 'kubernetes':
        case 'workflow':
        case 'yaml':
        case 'dotenv':
        case 'procfile':
        case 'properties':
        case 'toml':
        case 'ini':
            return 'hash';
        case 'xml':
            return 'xml';
        default:
            return 'none';
    }
}
/** Line-comment markers for suppression comments and docs, by style. */
const LINE_COMMENT = { c: '//', hash: '#', xml: '<!--', none: '#' };
const blank = (s) => s.replace(/[^\n]/g, ' ');
/**
 * Returns `text` with comment bodies replaced by spaces (newlines kept). A small lexer, linear in
 * the text: it tracks string literals so a '#' or '//' inside a string is not a comment.
 */
function blankComments(text, style, language) {
    if (style === 'none')
        return text;
    if (style === 'xml')
        return text.replace(/<!--[\s\S]*?-->/g, blank);
    const out = [];
    let i = 0;
    let start = 0;
    const n = text.length;
    const hashStartsComment = (at) => {
        // In config formats a '#' starts a comment only at the start of a token (YAML: after space).
        if (style !== 'hash')
            return false;
        if (language !== 'none')
            return true;
        return at === 0 || /\s/.test(text[at - 1] ?? ' ');
    };
    const flushBlank = (from, to) => {
        out.push(text.slice(start, from), blank(text.slice(from, to)));
        start = to;
    };
    while (i < n) {
        const ch = text[i];
        if (style === 'c' && ch === '/' && text[i + 1] === '/') {
            // `https://` inside code is never reached here: it is inside a string literal.
            const end = text.indexOf('\n', i);
            const stop = end === -1 ? n : end;
            flushBlank(i, stop);
            i = stop;
        }
        else if (style === 'c' && ch === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end === -1 ? n : end + 2;
            flushBlank(i, stop);
            i = stop;
        }
        else if ((ch === '#' && hashStartsComment(i)) || (style === 'c' && language === 'php' && ch === '#')) {
            const end = text.indexOf('\n', i);
            const stop = end === -1 ? n : end;
            flushBlank(i, stop);
            i = stop;
        }
        else if (language === 'ruby' && ch === '=' && text.startsWith('=begin', i) && (i === 0 || text[i - 1] === '\n')) {
            const end = text.indexOf('\n=end', i);
            const stop = end === -1 ? n : end + 5;
            flushBlank(i, stop);
            i = stop;
        }
        else if ((ch === '"' || ch === "'" || ch === '`') && language !== 'none') {
            i = skipString(text, i, language);
        }
        else if (language === 'none' && (ch === '"' || ch === "'") && style === 'hash') {
            // Quoted scalars in config files: a '#' inside them is data. Single line only.
            const close = text.indexOf(ch, i + 1);
            const eol = text.indexOf('\n', i + 1);
            i = close !== -1 && (eol === -1 || close < eol) ? close + 1 : i + 1;
        }
        else {
            i++;
        }
    }
    out.push(text.slice(start));
    return out.join('');
}
function skipString(text, i, language) {
    const q = text[i];
    // Python triple-quoted strings
    if (language === 'python' && text.startsWith(q.repeat(3), i)) {
        const end = text.indexOf(q.repeat(3), i + 3);
        return end === -1 ? text.length : end + 3;
    }
    if (q === '`' && language !== 'javascript' && language !== 'typescript' && language !== 'go')
        return i + 1;
    const multiline = q === '`';
    let j = i + 1;
    while (j < text.length) {
        const c = text[j];
        if (c === '\\')
            j += 2;
        else if (c === q)
            return j + 1;
        else if (c === '\n' && !multiline)
            return j; // unterminated: stop at end of line
        else
            j++;
    }
    return j;
}

;// CONCATENATED MODULE: ./src/engine/source-file.ts
// One file as the rules see it: decoded once, with lazy views (lines, lower-case text for keyword
// prefilters, comment-blanked code) computed at most once and only if a rule asks.

class SourceFile {
    path;
    text;
    kind;
    language;
    role;
    commentStyle;
    _lines;
    _lineStarts;
    _lower;
    _code;
    parsed = new Map();
    constructor(path, text, kind, language, role) {
        this.path = path;
        this.text = text;
        this.kind = kind;
        this.language = language;
        this.role = role;
        this.commentStyle = commentStyleOf(kind, language);
    }
    /** Base name, e.g. 'settings.py'. */
    get name() {
        const slash = this.path.lastIndexOf('/');
        return slash === -1 ? this.path : this.path.slice(slash + 1);
    }
    /** Lines without their terminators; CRLF and lone CR both end a line. */
    get lines() {
        if (!this._lines)
            this._lines = this.text.split(/\r\n|\r|\n/);
        return this._lines;
    }
    get lower() {
        if (this._lower === undefined)
            this._lower = this.text.toLowerCase();
        return this._lower;
    }
    /** The text with comments blanked to spaces; offsets and line numbers equal the original's. */
    get code() {
        if (this._code === undefined)
            this._code = blankComments(this.text, this.commentStyle, this.language);
        return this._code;
    }
    /** 1-based line and column of a character offset into `text` (or `code`, which aligns). */
    position(offset) {
        const starts = this.lineStarts();
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
    /** The text of a 1-based line ('' when out of range). */
    line(n) {
        return this.lines[n - 1] ?? '';
    }
    /** Memoises a parse of this file (YAML documents, Dockerfile instructions...) under a key. */
    parse(key, parser) {
        if (!this.parsed.has(key))
            this.parsed.set(key, parser(this));
        return this.parsed.get(key);
    }
    lineStarts() {
        if (!this._lineStarts) {
            const starts = [0];
            const t = this.text;
            for (let i = 0; i < t.length; i++) {
                const c = t.charCodeAt(i);
                if (c === 10)
                    starts.push(i + 1);
                else if (c === 13) {
                    if (t.charCodeAt(i + 1) === 10)
                        i++;
                    starts.push(i + 1);
                }
            }
            this._lineStarts = starts;
        }
        return this._lineStarts;
    }
}

;// CONCATENATED MODULE: ./src/engine/types.ts
// The audit's vocabulary. Everything below the entry points speaks these types; nothing here
// knows about GitHub.
const FACTORS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const SEVERITIES = ['error', 'warning', 'notice'];

;// CONCATENATED MODULE: ./src/engine/errors.ts
/** A wrong input, flag or config value. Entry points turn it into exit code 2 / a failed step. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}

;// CONCATENATED MODULE: ./src/engine/factors.ts
// The twelve factors as 12factor.net names them, in the methodology's order.


const NAMES = {
    I: ['Codebase', 'codebase'],
    II: ['Dependencies', 'dependencies'],
    III: ['Config', 'config'],
    IV: ['Backing services', 'backing-services'],
    V: ['Build, release, run', 'build-release-run'],
    VI: ['Processes', 'processes'],
    VII: ['Port binding', 'port-binding'],
    VIII: ['Concurrency', 'concurrency'],
    IX: ['Disposability', 'disposability'],
    X: ['Dev/prod parity', 'dev-prod-parity'],
    XI: ['Logs', 'logs'],
    XII: ['Admin processes', 'admin-processes']
};
const FACTOR_INFO = FACTORS.map((factor, i) => ({
    factor,
    number: i + 1,
    name: NAMES[factor][0],
    url: `https://12factor.net/${NAMES[factor][1]}`
}));
function factorInfo(factor) {
    return FACTOR_INFO[FACTORS.indexOf(factor)];
}
/** Parses a factor list ("III, iv 7") into numerals; throws naming the bad token. */
function parseFactorList(text, source) {
    const out = [];
    for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
        const token = raw.toUpperCase();
        const byNumber = /^\d+$/.test(token) ? FACTORS[Number(token) - 1] : undefined;
        const factor = FACTORS.includes(token) ? token : byNumber;
        if (!factor)
            throw new UsageError(`${source}: '${raw}' is not a factor; use I..XII or 1..12 (e.g. "III,IV")`);
        if (!out.includes(factor))
            out.push(factor);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/results/factor-results.ts

const RANK = { error: 3, warning: 2, notice: 1 };
const THRESHOLD = { error: 3, warning: 2, notice: 1, none: Infinity };
function severityRank(s) {
    return RANK[s];
}
/** Findings that count: baselined ones are shown but neither score nor gate. */
const counts = (f) => !f.baselined;
function buildFactorResults(findings, rulesRun, enabled) {
    return FACTOR_INFO.map(({ factor, name }) => {
        const mine = findings.filter((f) => f.factor === factor && counts(f));
        const errors = mine.filter((f) => f.severity === 'error').length;
        const warnings = mine.filter((f) => f.severity === 'warning').length;
        const notices = mine.filter((f) => f.severity === 'notice').length;
        const run = enabled.has(factor) ? (rulesRun.get(factor) ?? 0) : 0;
        const status = run === 0 && mine.length === 0 ? 'not-applicable' : errors > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass';
        return { factor, name, status, errors, warnings, notices, rulesRun: run };
    });
}
/** 0..100: the mean over applicable factors of pass = 1, warn = 0.5, fail = 0. */
function score(factors) {
    const applicable = factors.filter((f) => f.status !== 'not-applicable');
    if (applicable.length === 0)
        return 100;
    const points = applicable.reduce((sum, f) => sum + (f.status === 'pass' ? 1 : f.status === 'warn' ? 0.5 : 0), 0);
    return Math.round((100 * points) / applicable.length);
}
/** Which factors cross their threshold (config `fail-on`, per factor where set). */
function gate(findings, config) {
    const failedFactors = [];
    const byFactor = new Map();
    for (const f of findings) {
        if (!counts(f))
            continue;
        const threshold = THRESHOLD[config.failOnByFactor[f.factor] ?? config.failOn];
        if (RANK[f.severity] >= threshold)
            byFactor.set(f.factor, (byFactor.get(f.factor) ?? 0) + 1);
    }
    for (const { factor } of FACTOR_INFO)
        if (byFactor.has(factor))
            failedFactors.push(factor);
    if (failedFactors.length === 0)
        return { failed: false, failedFactors, reason: '' };
    const total = [...byFactor.values()].reduce((a, b) => a + b, 0);
    const names = failedFactors.map((f) => `${f} ${FACTOR_INFO.find((i) => i.factor === f).name}`).join(', ');
    const level = describeThreshold(config);
    return {
        failed: true,
        failedFactors,
        reason: `Twelve-factor audit failed: ${total} finding${total === 1 ? '' : 's'} at or above ${level} in ${names}`
    };
}
function describeThreshold(config) {
    return Object.keys(config.failOnByFactor).length > 0 ? 'the fail-on threshold' : `'${config.failOn}'`;
}
/** Most severe first, then factor order, then file and line: the order every reporter shows. */
function compareFindings(a, b) {
    return (RANK[b.severity] - RANK[a.severity] ||
        FACTOR_INFO.findIndex((i) => i.factor === a.factor) - FACTOR_INFO.findIndex((i) => i.factor === b.factor) ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        (a.column ?? 0) - (b.column ?? 0));
}

;// CONCATENATED MODULE: ./src/parsers/package-json.ts
function packageJsonOf(file) {
    return file.parse('package-json', (f) => parsePackageJson(f.text));
}
function parsePackageJson(text) {
    const lines = text.split(/\r\n|\r|\n/);
    const lineOf = (section, key) => {
        const needle = `"${key}"`;
        let from = 0;
        if (section) {
            const s = lines.findIndex((l) => l.includes(`"${section}"`));
            if (s === -1)
                return 1;
            from = s;
        }
        for (let i = from; i < lines.length; i++)
            if (lines[i].includes(needle) && /"\s*:/.test(lines[i]))
                return i + 1;
        return from + 1;
    };
    try {
        const data = JSON.parse(text);
        if (typeof data !== 'object' || data === null || Array.isArray(data))
            return { error: { message: 'package.json is not an object', line: 1 }, lineOf };
        return { data: data, lineOf };
    }
    catch (e) {
        const pos = /position (\d+)/.exec(e.message);
        const line = pos ? text.slice(0, Number(pos[1])).split(/\r\n|\r|\n/).length : 1;
        return { error: { message: e.message, line }, lineOf };
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/parsers/yaml.ts
// YAML with positions, for every rule that reads compose files, Kubernetes manifests, workflows or
// framework config. Never throws: a half-valid file still yields the documents it could read, and
// the errors are returned beside them. Aliases are never expanded (alias bombs stay cheap).

/** Pass to doc.toJS(): aliases expand there, so keep the count low against alias bombs. */
const TO_JS_OPTIONS = { maxAliasCount: 20 };
function parseYaml(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    try {
        const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: false });
        const list = Array.isArray(docs) ? docs : [];
        const errors = [];
        for (const d of list) {
            for (const e of d.errors) {
                const p = lineCounter.linePos(e.pos[0]);
                errors.push({ message: e.message, line: p.line, column: p.col });
            }
        }
        return { docs: list, errors, lineCounter };
    }
    catch (err) {
        return { docs: [], errors: [{ message: String(err), line: 1, column: 1 }], lineCounter };
    }
}
/** Parsed once per file, shared by every rule that asks. */
function yamlOf(file) {
    return file.parse('yaml', (f) => parseYaml(f.text));
}
/** All scalar leaves of every document, depth-first in document order. */
function yamlEntries(file) {
    return file.parse('yaml-entries', (f) => {
        const out = [];
        yamlOf(f).docs.forEach((doc, docIndex) => yaml_walk(doc.contents, [], docIndex, undefined, out, 0));
        return out;
    });
}
function yaml_walk(node, path, docIndex, keyOffset, out, depth) {
    if (!node || depth > 64 || (0,dist/* isAlias */.Vj)(node))
        return;
    if ((0,dist/* isScalar */.jn)(node)) {
        const v = node.value;
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && v !== null)
            return;
        const key = [...path].reverse().find((p) => typeof p === 'string') ?? '';
        out.push({
            docIndex, path, key, value: v, offset: node.range?.[0] ?? 0, keyOffset,
            quoted: node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
        });
        return;
    }
    if ((0,dist/* isMap */.jh)(node)) {
        for (const pair of node.items) {
            if (!(0,dist/* isPair */.tO)(pair))
                continue;
            const k = pair.key;
            const name = (0,dist/* isScalar */.jn)(k) ? String(k.value) : '';
            yaml_walk(pair.value, [...path, name], docIndex, (0,dist/* isScalar */.jn)(k) ? k.range?.[0] : undefined, out, depth + 1);
        }
        return;
    }
    if ((0,dist/* isSeq */.oP)(node))
        node.items.forEach((item, i) => yaml_walk(item, [...path, i], docIndex, undefined, out, depth + 1));
}
/** The top-level mapping of a document as a plain lookup of scalar values (no alias expansion). */
function topScalar(doc, key) {
    const c = doc.contents;
    if (!(0,dist/* isMap */.jh)(c))
        return undefined;
    const v = c.get(key, true);
    return (0,dist/* isScalar */.jn)(v) ? v.value : undefined;
}

;// CONCATENATED MODULE: ./src/parsers/yaml-nodes.ts
// Small typed accessors over `yaml` nodes with line numbers, shared by the compose, Kubernetes and
// workflow parsers. Aliases are not followed (alias bombs stay cheap).

function get(node, key) {
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    for (const pair of node.items) {
        if ((0,dist/* isScalar */.jn)(pair.key) && String(pair.key.value) === key)
            return pair.value;
    }
    return undefined;
}
function getIn(node, path) {
    let n = node;
    for (const k of path)
        n = get(n, k);
    return n;
}
function str(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    const v = node.value;
    return v === null || v === undefined ? undefined : String(v);
}
function num(node) {
    const s = str(node);
    return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
}
function items(node) {
    return (0,dist/* isSeq */.oP)(node) ? node.items : [];
}
function entries(node) {
    if (!(0,dist/* isMap */.jh)(node))
        return [];
    return node.items.map((p) => [(0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '', p.value, p.key]);
}
/** A string list written either as a YAML sequence or as one string (compose `command`). */
function strList(node) {
    if ((0,dist/* isSeq */.oP)(node))
        return items(node).map((n) => str(n) ?? '');
    const s = str(node);
    return s === undefined ? undefined : [s];
}
function lineOf(lc, node, fallback = 1) {
    const offset = node?.range?.[0];
    return offset === undefined ? fallback : lc.linePos(offset).line;
}
function columnOf(lc, node) {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lc.linePos(offset).col;
}

;// CONCATENATED MODULE: ./src/rules/shared/dependency-manifests.ts
/** Parent folder of a posix path ('.' for a top-level file). */
function dirOf(path) {
    const slash = path.lastIndexOf('/');
    return slash === -1 ? '.' : path.slice(0, slash);
}
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/** `dir` and every ancestor up to the root ('.'), innermost first. */
function ancestors(dir) {
    const out = [dir];
    let d = dir;
    while (d !== '.') {
        d = dirOf(d);
        out.push(d);
    }
    return out;
}
function joinPath(dir, name) {
    return dir === '.' ? name : `${dir}/${name}`;
}
/** Paths of the files the audit saw. */
function pathSet(repo) {
    return new Set(repo.files.map((f) => f.path));
}
/** The first of `names` present in `dir` (or, when `upward`, in the nearest ancestor holding one). */
function findNear(paths, dir, names, upward) {
    for (const d of upward ? ancestors(dir) : [dir]) {
        for (const n of names)
            if (paths.has(joinPath(d, n)))
                return joinPath(d, n);
    }
    return undefined;
}
/** Manifests of the deployed code: not tests, docs or examples. */
function appManifests(repo, name) {
    return repo.files.filter((f) => f.kind === 'manifest' && (f.role === 'app' || f.role === 'dev') && name.test(baseName(f.path)));
}
const NODE_LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];
const PYTHON_LOCKS = ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'pylock.toml'];
/** 1-based line of the first line matching `re` (1 when none). */
function lineMatching(lines, re) {
    const i = lines.findIndex((l) => l.length <= 4000 && re.test(l));
    return i === -1 ? 1 : i + 1;
}
/** A short human list: `a`, `b` and 3 more. */
function listNames(names, max = 4) {
    const shown = names.slice(0, max).map((n) => `\`${n}\``);
    const rest = names.length - shown.length;
    return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
/**
 * A package.json that is published as a library rather than deployed as an app: not private, and
 * with the fields only a published package needs. Libraries leave lockfiles and exact pins to the
 * apps that install them.
 */
function isPublishedLibrary(pkg) {
    if (!pkg || pkg.private === true)
        return false;
    const keywords = Array.isArray(pkg.keywords) && pkg.keywords.length > 0;
    return keywords || ['files', 'exports', 'types', 'typings', 'module', 'publishConfig', 'peerDependencies', 'bin'].some((k) => k in pkg);
}

;// CONCATENATED MODULE: ./src/rules/i-codebase/committed-build-output.ts




const FACT = 'tf0102:action-entry';
const DEPS = new Set(['node_modules', 'bower_components', 'jspm_packages']);
const VENVS = new Set(['.venv', 'venv', 'site-packages']);
const BUILD = new Set(['dist', 'build', 'out', 'target', '.next', '.nuxt', '.svelte-kit']);
const BUILD_SCRIPT = /\b(tsc|webpack|vite|rollup|esbuild|ncc|parcel|babel|next\s+build|nuxt\s+(build|generate)|ng\s+build|svelte-kit\s+build|tsup|swc)\b/;
const committedBuildOutput = {
    meta: {
        id: 'TF0102',
        name: 'committed-build-output',
        factor: 'I',
        severity: 'error',
        summary: 'Installed dependencies (node_modules, virtualenvs, vendor/bundle) or build output (dist/, target/, *.pyc) are tracked in git.',
        why: 'Factor I: the codebase is the source that every deploy is built from; Factor V: the build stage turns it into a release. Installed dependencies and build output are products of that build for one platform and one moment. Committed, they drift from the manifest and the source, bloat every clone, and make the repository hold two truths.',
        remediation: 'Untrack the folder (git rm -r --cached <dir>), add it to .gitignore, and let CI install (npm ci, pip install -r requirements.txt) and build on every deploy.'
    },
    // action.yml files tell which dist/ folders a JavaScript action runs from (committed on purpose).
    files: { kinds: ['yaml'], path: /(^|\/)action\.ya?ml$/ },
    keywords: ['runs'],
    check(file, _report, ctx) {
        const doc = yamlOf(file).docs[0];
        if (!doc || doc.errors.length > 0)
            return;
        const runs = get(doc.contents, 'runs');
        for (const key of ['main', 'pre', 'post']) {
            const entry = str(get(runs, key));
            if (entry)
                ctx.facts.add(FACT, joinPath(dirOf(file.path), entry.replace(/^\.\//, '')));
        }
    },
    checkRepo(repo, report) {
        const actionEntries = repo.facts.get(FACT);
        for (const t of repo.trackedExcluded ?? []) {
            const name = baseName(t.dir);
            const parent = dirOf(t.dir);
            const count = t.count >= 100000 ? '100,000+' : t.count.toLocaleString('en-US');
            const eg = `${count} tracked file${t.count === 1 ? '' : 's'}, e.g. \`${t.example}\``;
            const out = (message, remediation, severity) => report({ file: t.example, line: 1, message, remediation, ...(severity ? { severity } : {}) });
            const untrack = `git rm -r --cached ${t.dir} && echo '/${t.dir}/' >> .gitignore`;
            if (DEPS.has(name)) {
                out(`\`${t.dir}/\` is committed (${eg}): installed dependencies belong to the build, not the codebase`, `Run \`${untrack}\`, commit the lockfile instead, and install in CI and images with \`npm ci\`.`);
            }
            else if (VENVS.has(name)) {
                out(`Virtualenv \`${t.dir}/\` is committed (${eg}): installed packages for one machine's Python belong to the build`, `Run \`${untrack}\`; declare packages in requirements.txt/pyproject.toml and create the environment in the build (\`python -m venv .venv && pip install -r requirements.txt\`).`);
            }
            else if (name === '__pycache__' || t.example.endsWith('.pyc')) {
                out(`Compiled Python bytecode is committed ${t.dir === '.' ? 'at the repository root' : `under \`${t.dir}/\``} (${eg}): it is build output of one interpreter version`, "Run `git rm -r --cached '*.pyc' '**/__pycache__'` and add `__pycache__/` and `*.pyc` to .gitignore.", 'warning');
            }
            else if (parent.endsWith('vendor') || /(^|\/)vendor$/.test(parent)) {
                const appDir = dirOf(parent);
                const files = new Set(repo.files.map((f) => f.path));
                if (name === 'bundle' && files.has(joinPath(appDir, 'Gemfile'))) {
                    out(`\`${t.dir}/\` is committed (${eg}): installed gems belong to the build; Bundler's vendor/cache (packaged .gem files) is the vendoring Factor II allows`, `Run \`${untrack}\`; to vendor, use \`bundle cache\` (vendor/cache) and install with \`bundle install --local\`.`);
                }
                else if (files.has(joinPath(appDir, 'composer.json')) && !files.has(joinPath(appDir, 'go.mod'))) {
                    out(`Composer's \`${parent}/\` is committed (${eg}): installed packages belong to the build`, `Run \`git rm -r --cached ${parent} && echo '/${parent}/' >> .gitignore\`, commit composer.lock, and run \`composer install --no-dev\` in CI and images.`, 'warning');
                }
            }
            else if (BUILD.has(name)) {
                if (actionEntries.some((e) => e.startsWith(`${t.dir}/`)))
                    continue; // a JavaScript action ships its bundle on purpose
                const app = repo.apps.find((a) => a.path === parent);
                if (!app)
                    continue;
                const manifest = repo.get(app.manifest);
                let builds = false;
                if (baseName(app.manifest) === 'package.json' && manifest) {
                    const scripts = packageJsonOf(manifest).data?.scripts ?? {};
                    builds = 'build' in scripts || Object.values(scripts).some((s) => typeof s === 'string' && BUILD_SCRIPT.test(s));
                }
                else if (/^(pom\.xml|build\.gradle(\.kts)?)$/.test(baseName(app.manifest))) {
                    builds = name === 'target' || name === 'build' || name === 'out';
                }
                if (!builds)
                    continue;
                out(`Build output \`${t.dir}/\` of ${app.path === '.' ? 'the app' : `app \`${app.path}\``} is committed (${eg}): the build stage produces it from the source on every deploy`, `Run \`${untrack}\` and let CI build it (\`npm run build\` / \`mvn package\`) into the release artifact or image.`, 'warning');
            }
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/i-codebase/cross-app-relative-import.ts
// TF0103: in a repository holding several apps, code of one app imports another app's (or an
// undeclared shared folder's) files by a relative path instead of through a declared package.




const cross_app_relative_import_FACT = 'tf0103:relative-import';
/**
 * A package.json with no dependencies and no scripts ({"type": "module"} markers, exports shims)
 * does not make a folder a separate app.
 */
function isRealApp(repo, app) {
    if (baseName(app.manifest) !== 'package.json')
        return true;
    const data = repo.get(app.manifest) ? packageJsonOf(repo.get(app.manifest)).data : undefined;
    if (!data)
        return true;
    const has = (k) => typeof data[k] === 'object' && data[k] !== null && Object.keys(data[k]).length > 0;
    return has('dependencies') || has('devDependencies') || has('scripts');
}
/** Import specifiers that climb out of the file's folder, per language. */
const IMPORTS = {
    javascript: /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.\.\/[^'"\n]{1,300})\1/gm,
    ruby: /\b(?:require_relative|require|load)\s*\(?\s*(['"])(\.{0,2}\/?\.\.\/[^'"\n]{1,300})\1/g,
    python: /\bsys\.path\.(?:append|insert)\s*\((?:\s*\d+\s*,)?\s*(?:os\.path\.\w+\([^)\n]{0,200}?)?(['"])(\.\.\/[^'"\n]{0,300}|\.\.)\1/g
};
IMPORTS.typescript = IMPORTS.javascript;
const crossAppRelativeImport = {
    meta: {
        id: 'TF0103',
        name: 'cross-app-relative-import',
        factor: 'I',
        severity: 'warning',
        summary: 'One app of a multi-app repository imports another app\'s code (or an undeclared shared folder) by relative path.',
        why: 'Factor I: each app is one codebase with its own deploys; code shared by several apps is factored into a library that each app declares as a dependency (Factor II). A relative import across the app boundary couples their builds and deploys invisibly: the app cannot be built from its own folder, and a change in the other app ships without a version.',
        remediation: 'Move the shared code into a package (an npm/pnpm/yarn workspace package, a Python package installed with pip -e or from an index, a gem) and depend on it by name and version from each app.',
        languages: ['javascript', 'typescript', 'ruby', 'python']
    },
    files: { kinds: ['source'], languages: ['javascript', 'typescript', 'ruby', 'python'], roles: ['app'] },
    keywords: ['../', "'..'", '".."'],
    check(file, _report, ctx) {
        if (!ctx.app || ctx.apps.length < 2)
            return;
        const re = IMPORTS[file.language];
        if (!re)
            return;
        re.lastIndex = 0;
        for (let m = re.exec(file.code); m; m = re.exec(file.code)) {
            const spec = m[2];
            const pos = file.position(m.index + m[0].lastIndexOf(spec));
            if (file.line(pos.line).length > 4000)
                continue;
            const base = file.language === 'ruby' && !/require_relative/.test(m[0]) ? '.' : dirOf(file.path);
            const target = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(base, spec));
            if (target.startsWith('..'))
                continue; // above the repository: not ours to judge
            ctx.facts.add(cross_app_relative_import_FACT, { path: file.path, line: pos.line, column: pos.column, spec, target, language: file.language });
        }
    },
    rereadReportedFiles: true,
    checkRepo(repo, report) {
        const candidates = repo.facts.get(cross_app_relative_import_FACT);
        if (candidates.length === 0)
            return;
        const apps = repo.apps.filter((a) => isRealApp(repo, a));
        if (apps.length < 2)
            return;
        for (const c of candidates) {
            const own = appOf(apps, c.path);
            if (!own)
                continue;
            const leaves = own.path !== '.' && c.target !== own.path && !c.target.startsWith(`${own.path}/`);
            const other = appOf(apps, `${c.target}/x`);
            const intoOther = other !== undefined && other.path !== own.path && other.path !== '.';
            if (!leaves && !intoOther)
                continue;
            const into = intoOther ? `app \`${other.path}\`` : other && other.path === '.' && own.path !== '.' ? `the root app (\`${c.target}\`)` : `\`${c.target}\`, outside app \`${own.path}\``;
            const pkg = c.language === 'python' ? 'a Python package (pyproject.toml) installed with `pip install -e ../shared` or from your index' : c.language === 'ruby' ? "a gem (`gem 'shared', path: '../shared'` in the Gemfile, later a versioned gem)" : 'a workspace package that each app declares (`"@acme/shared": "workspace:*"` in package.json) and imports by name (`import { x } from \'@acme/shared\'`)';
            report({
                file: c.path,
                line: c.line,
                column: c.column,
                message: `\`${c.spec}\` reaches into ${into}: apps share code through a declared package, not a relative path`,
                remediation: `Factor the shared code into ${pkg}.`
            });
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/i-codebase/environment-fork.ts



const environment_fork_FACT = 'tf0104:fork';
const FORK_NAME = /^([A-Za-z0-9][\w-]{0,100}?)([._-])(prod|production|staging|stage|preprod|qa|uat)\.(js|mjs|cjs|ts|py|rb|go|java|kt|php)$/i;
/** Build-tool configs split per environment are Factor V/X territory, not copies of app code. */
const TOOLING = /(webpack|vite|rollup|babel|jest|karma|gulp|grunt|tsconfig|eslint|prettier|tailwind|postcss|next\.config|nuxt\.config|playwright|cypress|config)/i;
const ENV_BRANCH = /^(prod|production|staging|stage|preprod|pre-prod|qa|uat|env\/[\w-]{1,40}|environments?\/[\w-]{1,40})$/i;
/** A workflow that deploys when a per-environment branch (production, staging...) is pushed: a notice. */
function deployBranches(file, report) {
    if (!/deploy|release|environment\s*:/i.test(file.code))
        return;
    const { docs, lineCounter } = yamlOf(file);
    const doc = docs[0];
    if (!doc || doc.errors.length > 0)
        return;
    const root = doc.contents;
    const on = get(root, 'on') ?? get(root, 'true');
    for (const node of items(get(get(on, 'push'), 'branches'))) {
        const name = str(node);
        if (!name || !ENV_BRANCH.test(name))
            continue;
        report({
            line: lineOf(lineCounter, node),
            severity: 'notice',
            message: `Deploys run from the per-environment branch \`${name}\`: each environment gets its own copy of the code instead of a promoted revision`,
            remediation: 'Deploy every environment from one branch (main) and promote the same commit or image tag from staging to production, e.g. with GitHub environments and a manual approval, instead of merging between environment branches.'
        });
    }
}
const environmentFork = {
    meta: {
        id: 'TF0104',
        name: 'environment-fork',
        factor: 'I',
        severity: 'warning',
        summary: 'A source file is forked per deploy (app-prod.js beside app.js, settings_prod.py that copies settings.py).',
        why: 'Factor I: one codebase, many deploys; the deploys differ only in config (Factor III). A per-environment copy of a source file is a second codebase hiding in the first: fixes land in one copy and not the other, and the production code path is never run anywhere else.',
        remediation: 'Merge the copy back into the one file and move what differs into environment variables read at startup; if a layer per environment is unavoidable, make it import the base and override only config values.',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'go', 'java', 'kotlin', 'php']
    },
    files: { kinds: ['source', 'workflow'], roles: ['app'], path: /[._-](prod|production|staging|stage|preprod|qa|uat)\.\w+$|(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i },
    check(file, report, ctx) {
        if (file.kind === 'workflow')
            return deployBranches(file, report);
        const m = FORK_NAME.exec(file.name);
        if (!m || TOOLING.test(file.name))
            return;
        const stem = m[1];
        // A layer that imports the base and overrides values is config grouping (Factor III), not a fork.
        const importsBase = new RegExp(`(from\\s+\\.?\\.?${stem}\\s+import|import\\s+${stem}\\b|require(_relative)?\\s*\\(?\\s*['"]\\.{0,2}/?${stem}(\\.\\w+)?['"]|from\\s+['"]\\./${stem}(\\.\\w+)?['"])`).test(file.code);
        if (importsBase)
            return;
        ctx.facts.add(environment_fork_FACT, { path: file.path, base: joinPath(dirOf(file.path), `${stem}.${m[4]}`) });
    },
    rereadReportedFiles: true,
    checkRepo(repo, report) {
        const paths = new Set(repo.files.map((f) => f.path));
        for (const fork of repo.facts.get(environment_fork_FACT)) {
            if (!paths.has(fork.base))
                continue;
            report({
                file: fork.path,
                line: 1,
                message: `\`${baseName(fork.path)}\` is a per-deploy copy of \`${baseName(fork.base)}\` (it does not import it): two versions of the same code for different environments`,
                remediation: `Keep one \`${baseName(fork.base)}\` and read what differs from the environment (${/\.py$/.test(fork.base) ? "os.environ['X']" : /\.rb$/.test(fork.base) ? "ENV.fetch('X')" : /\.(go)$/.test(fork.base) ? 'os.Getenv("X")' : /\.(java|kt)$/.test(fork.base) ? 'System.getenv("X") or @Value("${x}")' : 'process.env.X'}); delete \`${baseName(fork.path)}\`.`
            });
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/i-codebase/not-version-controlled.ts

const notVersionControlled = {
    meta: {
        id: 'TF0101',
        name: 'not-version-controlled',
        factor: 'I',
        severity: 'notice',
        summary: 'The audited folder is not a git checkout (no .git): a copy of a codebase, not the codebase.',
        why: 'Factor I: there is exactly one codebase tracked in revision control, and every deploy is a revision of it. A folder without version control (a tarball, a copied directory) cannot be traced back to a revision, and this audit cannot tell committed files from local ones.',
        remediation: 'Audit a git checkout: in GitHub Actions run actions/checkout before the audit; locally run it inside the repository (git init, or clone the repository).'
    },
    checkRepo(repo, report) {
        if (repo.git.isRepo || repo.files.length === 0)
            return;
        // Point at the root manifest when there is one, else at the first file.
        const anchor = appManifests(repo, /./).find((f) => !f.path.includes('/'))?.path ?? repo.files[0].path;
        report({
            file: anchor,
            line: 1,
            message: 'The audited folder is not a git checkout: deploys cannot be traced to a revision, and committed build output or dependencies (TF0102) cannot be checked',
            remediation: 'Run the audit on a git checkout (actions/checkout in a workflow, or inside the cloned repository).'
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/i-codebase/index.ts




const I_CODEBASE_RULES = [notVersionControlled, committedBuildOutput, crossAppRelativeImport, environmentFork];

;// CONCATENATED MODULE: ./src/rules/ii-dependencies/floating-dependency-version.ts


/** A requirement name at the start of a requirements.txt line (PEP 508). */
const REQ_NAME = /^([A-Za-z0-9][A-Za-z0-9._-]{0,99})(\[[^\]]{0,200}\])?\s*(.*)$/;
const GIT_REF_PY = /^git\+[a-z]+:\/\/[^@#\s]{1,500}(?:@[^@#\s/]{0,200}\/[^@#\s]{0,500})?@([^#\s/]{1,200})(?:#|\s|$)/;
const BRANCHES = /^(main|master|develop|dev|trunk|head|latest)$/i;
/** Does a pip git URL name a commit or tag (not a branch)? */
function pinnedGit(url) {
    const m = GIT_REF_PY.exec(url);
    return m !== null && !BRANCHES.test(m[1]);
}
const floating_dependency_version_FACT = 'tf0202:requirements-dir';
function requirementsTxt(repo, path, paths, report) {
    const file = repo.get(path);
    if (!file)
        return;
    // A compiled or exported requirements file sits beside the real lock (pip-tools, poetry export, uv export).
    if (findNear(paths, dirOf(path), [...PYTHON_LOCKS, 'requirements.in'], false))
        return;
    reportRequirements(path, scanRequirements(file), report);
}
function scanRequirements(file) {
    const unpinned = [];
    const gitFloating = [];
    file.code.split(/\r\n|\r|\n/).forEach((raw, i) => {
        if (raw.length > 4000)
            return;
        const line = raw.replace(/\s+#.*$/, '').trim();
        if (!line || line.startsWith('-') || line.startsWith('.') || line.startsWith('/'))
            return; // -r, -c, -e, --hash, local paths
        if (/^git\+/.test(line)) {
            if (!pinnedGit(line))
                gitFloating.push({ name: line.slice(0, 120), line: i + 1, column: raw.indexOf('git+') + 1 });
            return;
        }
        if (/^https?:\/\//.test(line))
            return; // an archive URL names one exact file
        const m = REQ_NAME.exec(line);
        if (!m)
            return;
        const spec = m[3].replace(/;.*$/, '').trim();
        if (spec.startsWith('@')) {
            const url = spec.slice(1).trim();
            if (/^git\+/.test(url) && !pinnedGit(url))
                gitFloating.push({ name: m[1], line: i + 1, column: raw.indexOf('git+') + 1 });
            return;
        }
        if (/^===?\s*[^\s,*]+$/.test(spec) && !spec.includes('*'))
            return; // name==1.2.3
        unpinned.push({ name: `${m[1]}${spec ? spec.replace(/\s+/g, '') : ''}`, line: i + 1 });
    });
    return { unpinned, gitFloating };
}
function reportRequirements(path, { unpinned, gitFloating }, report) {
    if (unpinned.length > 0) {
        const first = unpinned[0];
        report({
            file: path,
            line: first.line,
            column: 1,
            message: `${listNames(unpinned.map((u) => u.name))} ${unpinned.length === 1 ? 'is' : 'are'} not pinned in \`${path.slice(path.lastIndexOf('/') + 1)}\` (${unpinned.length} of the file's requirements): pip installs whatever is newest at build time`,
            remediation: 'Pin every requirement with `==` (e.g. `flask==3.0.3`), or keep loose ranges in requirements.in and commit the `pip-compile` output as requirements.txt (or move to a locking tool: uv, Poetry, Pipenv).'
        });
    }
    for (const g of gitFloating) {
        report({ file: path, line: g.line, column: g.column, message: `git requirement \`${g.name}\` names no commit or tag: it installs whatever the branch head is at build time`, remediation: 'Pin the git dependency to a tag or commit: `git+https://github.com/org/lib.git@v1.4.2#egg=lib` (or `@<commit-sha>`).' });
    }
}
const FLOATING_NPM = /^(\*|latest|x|X|next|)$/;
function packageJson(repo, path, paths, report) {
    if (findNear(paths, dirOf(path), NODE_LOCKS, true))
        return; // the lock pins what the ranges allow
    const file = repo.get(path);
    if (!file)
        return;
    const pkg = packageJsonOf(file);
    if (!pkg.data || isPublishedLibrary(pkg.data) || (typeof pkg.data.packageManager === 'string' && pkg.data.packageManager.startsWith('bun@')))
        return;
    for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
        const deps = pkg.data[section];
        if (!deps || typeof deps !== 'object')
            continue;
        for (const [name, v] of Object.entries(deps)) {
            if (typeof v !== 'string')
                continue;
            const spec = v.trim();
            let why;
            if (FLOATING_NPM.test(spec))
                why = spec === '' ? 'an empty version (any version)' : `\`${spec}\` (any version)`;
            else if (/^>=?\s*[\d.]+$/.test(spec))
                why = `the unbounded range \`${spec}\``;
            else if (/^(github:|gitlab:|bitbucket:|git\+|git:\/\/|[\w.-]{1,100}\/[\w.-]{1,100}$)/.test(spec) && !/#(?!(main|master|develop|dev|trunk|head)$)./i.test(spec))
                why = `the git source \`${spec}\` without a commit or tag`;
            if (!why)
                continue;
            report({
                file: path,
                line: pkg.lineOf(section, name),
                message: `\`${name}\` is declared with ${why} and no lockfile freezes it: each install can pick a different release`,
                remediation: why.includes('git') ? `Pin the git dependency to a tag or commit: \`"${name}": "github:org/${name}#v1.2.3"\`, and commit a lockfile.` : `Declare a bounded range (\`"${name}": "^1.4.0"\`) and commit a lockfile (\`npm install\` writes package-lock.json; install with \`npm ci\`).`
            });
        }
    }
}
function gemfile(repo, path, paths, report) {
    if (findNear(paths, dirOf(path), ['Gemfile.lock'], false))
        return; // the lock records the git revision
    const file = repo.get(path);
    if (!file)
        return;
    file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
        if (line.length > 4000)
            return;
        const m = /^\s*gem\s+['"]([\w.-]+)['"].*\b(git|github):\s*['"]/.exec(line);
        if (!m || /\b(ref|tag):\s*['"]/.test(line))
            return;
        report({ file: path, line: i + 1, column: line.indexOf(m[2]) + 1, message: `gem \`${m[1]}\` comes from git without \`ref:\` or \`tag:\` and no Gemfile.lock records the revision`, remediation: `Pin it: \`gem '${m[1]}', git: '...', tag: 'v1.2.3'\` (or \`ref: '<sha>'\`), and commit Gemfile.lock.` });
    });
}
const floatingDependencyVersion = {
    meta: {
        id: 'TF0202',
        name: 'floating-dependency-version',
        factor: 'II',
        severity: 'warning',
        summary: 'Dependency versions that float where no lockfile freezes them (unpinned requirements.txt, "*", "latest", git without a ref).',
        why: 'Factor II requires dependencies to be declared completely and exactly. A version of "*", "latest", an unbounded ">=" or a git branch is not a declaration: the same commit builds against different code on different days, so what was tested is not what is deployed.',
        remediation: 'Pin each dependency (== in requirements.txt, a bounded range plus a committed lockfile for npm, a tag or commit for git sources).'
    },
    // requirements/base.txt, requirements/production.txt (cookiecutter-django layout): not manifests by
    // name, so the file pass reads them and the repository pass checks for a lock beside the project.
    files: { kinds: ['other'], roles: ['app'], path: /(^|\/)requirements\/(?![\w.-]*(dev|local|test|lint|docs|ci))[\w.-]{1,80}\.txt$/i },
    check(file, _report, ctx) {
        ctx.facts.add(floating_dependency_version_FACT, { path: file.path, scan: scanRequirements(file) });
    },
    rereadReportedFiles: true,
    checkRepo(repo, report) {
        const paths = pathSet(repo);
        for (const { path, scan } of repo.facts.get(floating_dependency_version_FACT)) {
            const project = dirOf(dirOf(path));
            if (findNear(paths, project, [...PYTHON_LOCKS], false) || findNear(paths, dirOf(path), ['base.in', 'production.in', 'prod.in'], false))
                continue;
            reportRequirements(path, scan, report);
        }
        for (const info of appManifests(repo, /^(requirements\.txt|requirements[-_.][\w.-]*\.txt|package\.json|Gemfile)$/)) {
            if (info.role !== 'app')
                continue; // requirements-dev.txt and friends are not deployed
            const name = info.path.slice(info.path.lastIndexOf('/') + 1);
            if (name === 'package.json')
                packageJson(repo, info.path, paths, report);
            else if (name === 'Gemfile')
                gemfile(repo, info.path, paths, report);
            else
                requirementsTxt(repo, info.path, paths, report);
        }
    }
};

;// CONCATENATED MODULE: ./src/parsers/compose.ts


function composeOf(file) {
    return file.parse('compose', (f) => {
        const { docs, errors, lineCounter: lc } = yamlOf(f);
        const services = [];
        const doc = docs[0];
        if (!doc || doc.errors.length > 0)
            return { services, errors };
        for (const [name, svc, keyNode] of entries(get(doc.contents, 'services'))) {
            const cmdNode = get(svc, 'command') ?? get(svc, 'entrypoint');
            const envNode = get(svc, 'environment');
            const environment = items(envNode).length
                ? items(envNode).map((n) => {
                    const s = str(n) ?? '';
                    const eq = s.indexOf('=');
                    return { key: eq === -1 ? s : s.slice(0, eq), ...(eq === -1 ? {} : { value: s.slice(eq + 1) }), line: lineOf(lc, n) };
                })
                : entries(envNode).map(([key, v, k]) => ({ key, ...(str(v) !== undefined ? { value: str(v) } : {}), line: lineOf(lc, v ?? k) }));
            services.push({
                name,
                line: lineOf(lc, keyNode),
                ...(str(get(svc, 'image')) !== undefined ? { image: str(get(svc, 'image')) } : {}),
                imageLine: lineOf(lc, get(svc, 'image'), lineOf(lc, keyNode)),
                build: get(svc, 'build') !== undefined,
                ...(strList(get(svc, 'command')) ? { command: strList(get(svc, 'command')) } : {}),
                ...(strList(get(svc, 'entrypoint')) ? { entrypoint: strList(get(svc, 'entrypoint')) } : {}),
                commandLine: lineOf(lc, cmdNode, lineOf(lc, keyNode)),
                environment,
                ports: items(get(svc, 'ports')).map((p) => ({ spec: str(p) ?? str(get(p, 'target')) ?? '', line: lineOf(lc, p) }))
            });
        }
        return { services, errors };
    });
}

;// CONCATENATED MODULE: ./src/parsers/dockerfile.ts
function dockerfileOf(file) {
    return file.parse('dockerfile', (f) => parseDockerfile(f.lines));
}
function parseDockerfile(lines) {
    const instructions = [];
    const stages = [];
    let escape = '\\';
    let i = 0;
    let seenInstruction = false;
    while (i < lines.length) {
        const raw = lines[i];
        const trimmed = raw.trim();
        if (!seenInstruction) {
            const directive = /^#\s*escape\s*=\s*(\S)/i.exec(trimmed);
            if (directive)
                escape = directive[1];
        }
        if (trimmed === '' || trimmed.startsWith('#')) {
            i++;
            continue;
        }
        seenInstruction = true;
        const start = i;
        let text = trimmed;
        // Join continuation lines; comment lines inside a continuation are skipped, as Docker does.
        while (text.endsWith(escape) && i + 1 < lines.length) {
            text = text.slice(0, -1);
            i++;
            while (i < lines.length && /^\s*#/.test(lines[i]))
                i++;
            if (i < lines.length)
                text += ` ${lines[i].trim()}`;
        }
        const m = /^([A-Za-z]+)\s*(.*)$/.exec(text);
        i++;
        if (!m)
            continue;
        const keyword = m[1].toUpperCase();
        const args = m[2].trim();
        if (keyword === 'FROM') {
            const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'));
            const asAt = parts.findIndex((p) => p.toLowerCase() === 'as');
            stages.push({ index: stages.length, image: parts[0] ?? '', ...(asAt > 0 && parts[asAt + 1] ? { name: parts[asAt + 1].toLowerCase() } : {}), line: start + 1 });
        }
        const instruction = { keyword, args, line: start + 1, endLine: i, stage: Math.max(0, stages.length - 1) };
        if (['CMD', 'ENTRYPOINT', 'RUN', 'SHELL'].includes(keyword) && args.startsWith('[')) {
            try {
                const parsed = JSON.parse(args);
                if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string'))
                    instruction.exec = parsed;
            }
            catch {
                // Not valid JSON: Docker runs it in shell form, and so do we.
            }
        }
        instructions.push(instruction);
    }
    return { instructions, stages, final: stages[stages.length - 1] };
}
/** The command line an instruction runs, for CMD/ENTRYPOINT/RUN in either form. */
function commandText(instruction) {
    return instruction.exec ? instruction.exec.join(' ') : instruction.args;
}
/** Splits an image reference: registry/repo, tag and digest (tag undefined when absent). */
function parseImageRef(ref) {
    const [beforeDigest, digest] = ref.split('@', 2);
    const lastSlash = beforeDigest.lastIndexOf('/');
    const colon = beforeDigest.lastIndexOf(':');
    const hasTag = colon > lastSlash;
    return {
        name: hasTag ? beforeDigest.slice(0, colon) : beforeDigest,
        ...(hasTag ? { tag: beforeDigest.slice(colon + 1) } : {}),
        ...(digest ? { digest } : {})
    };
}

;// CONCATENATED MODULE: ./src/parsers/kubernetes.ts


const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'DeploymentConfig'];
function kubernetesOf(file) {
    return file.parse('kubernetes', (f) => {
        const isHelmTemplate = f.text.includes('{{');
        const { docs, errors, lineCounter: lc } = yamlOf(f);
        const workloads = [];
        const objects = [];
        for (const doc of docs) {
            if (doc.errors.length > 0)
                continue;
            const root = doc.contents;
            const kind = str(get(root, 'kind'));
            if (!kind || !str(get(root, 'apiVersion')))
                continue;
            const name = str(getIn(root, ['metadata', 'name'])) ?? '';
            const line = lineOf(lc, get(root, 'kind'));
            objects.push({ kind, name, line, doc: root });
            if (!WORKLOAD_KINDS.includes(kind))
                continue;
            const podSpec = kind === 'Pod' ? get(root, 'spec') : kind === 'CronJob' ? getIn(root, ['spec', 'jobTemplate', 'spec', 'template', 'spec']) : getIn(root, ['spec', 'template', 'spec']);
            const containers = [
                ...items(get(podSpec, 'initContainers')).map((c) => container(c, true)),
                ...items(get(podSpec, 'containers')).map((c) => container(c, false))
            ];
            const replicasNode = getIn(root, ['spec', 'replicas']);
            workloads.push({
                kind,
                name,
                line,
                ...(num(replicasNode) !== undefined ? { replicas: num(replicasNode), replicasLine: lineOf(lc, replicasNode) } : {}),
                ...(num(get(podSpec, 'terminationGracePeriodSeconds')) !== undefined ? { terminationGracePeriodSeconds: num(get(podSpec, 'terminationGracePeriodSeconds')) } : {}),
                containers,
                labels: stringMap(getIn(root, ['metadata', 'labels'])),
                annotations: stringMap(getIn(root, ['metadata', 'annotations']))
            });
        }
        return { workloads, objects, errors, isHelmTemplate };
        function container(c, init) {
            const cmd = get(c, 'command') ?? get(c, 'args');
            return {
                name: str(get(c, 'name')) ?? '',
                ...(str(get(c, 'image')) !== undefined ? { image: str(get(c, 'image')) } : {}),
                imageLine: lineOf(lc, get(c, 'image'), lineOf(lc, c)),
                line: lineOf(lc, c),
                ...(strList(get(c, 'command')) ? { command: strList(get(c, 'command')) } : {}),
                ...(strList(get(c, 'args')) ? { args: strList(get(c, 'args')) } : {}),
                commandLine: lineOf(lc, cmd, lineOf(lc, c)),
                env: items(get(c, 'env')).map((e) => ({
                    name: str(get(e, 'name')) ?? '',
                    ...(str(get(e, 'value')) !== undefined ? { value: str(get(e, 'value')) } : {}),
                    fromRef: get(e, 'valueFrom') !== undefined,
                    line: lineOf(lc, get(e, 'value') ?? e)
                })),
                ports: items(get(c, 'ports'))
                    .map((p) => ({ containerPort: num(get(p, 'containerPort')) ?? -1, line: lineOf(lc, get(p, 'containerPort') ?? p) }))
                    .filter((p) => p.containerPort > 0),
                hasReadinessProbe: get(c, 'readinessProbe') !== undefined,
                init
            };
        }
    });
}
function stringMap(node) {
    const out = {};
    for (const [k, v] of entries(node))
        out[k] = str(v) ?? '';
    return out;
}

;// CONCATENATED MODULE: ./src/rules/ii-dependencies/image-refs.ts



/** Images pulled from a registry: stage references, scratch and templated refs are left out. */
function imageUses(file) {
    return file.parse('tf02-image-uses', (f) => {
        const out = [];
        // dockerfile.ts / Dockerfile.js are code that the path classifier takes for Dockerfiles.
        if (f.language !== 'none')
            return out;
        const add = (ref, line, where) => {
            const r = ref.trim();
            // ${VAR}, $VAR, {{ .Values.image }}: the tag is decided elsewhere (build arg, values file).
            if (!r || r.includes('$') || r.includes('{{') || r.toLowerCase() === 'scratch')
                return;
            const col = f.line(line).indexOf(r);
            out.push({ ref: r, ...parseImageRef(r), line, ...(col >= 0 ? { column: col + 1 } : {}), where });
        };
        if (f.kind === 'dockerfile') {
            const d = dockerfileOf(f);
            const stageNames = new Set();
            for (const s of d.stages) {
                if (!stageNames.has(s.image.toLowerCase()) && !/^\d+$/.test(s.image))
                    add(s.image, s.line, 'dockerfile');
                if (s.name)
                    stageNames.add(s.name);
            }
            // COPY --from=<image> pulls an image too; stage names and indexes do not.
            for (const ins of d.instructions) {
                if (ins.keyword !== 'COPY')
                    continue;
                const m = /--from=(\S+)/.exec(ins.args);
                if (m && !stageNames.has(m[1].toLowerCase()) && !/^\d+$/.test(m[1]) && m[1].includes(':'))
                    add(m[1], ins.line, 'dockerfile');
            }
        }
        else if (f.kind === 'compose') {
            for (const s of composeOf(f).services)
                if (s.image !== undefined && !s.build)
                    add(s.image, s.imageLine, 'compose');
        }
        else if (f.kind === 'kubernetes') {
            const k = kubernetesOf(f);
            if (!k.isHelmTemplate)
                for (const w of k.workloads)
                    for (const c of w.containers)
                        if (c.image !== undefined)
                            add(c.image, c.imageLine, 'kubernetes');
        }
        return out;
    });
}

;// CONCATENATED MODULE: ./src/rules/ii-dependencies/image-without-digest.ts

const imageWithoutDigest = {
    meta: {
        id: 'TF0204',
        name: 'image-without-digest',
        factor: 'II',
        severity: 'notice',
        summary: 'A Dockerfile FROM or Kubernetes container image is pinned by a tag but not by a digest.',
        why: 'A tag such as node:20-slim is re-pushed with every patch release, so the declared dependency still moves under the same commit. A digest makes the declaration exact, which is what Factor II asks for; Renovate or Dependabot keep it fresh.',
        remediation: 'Append the digest: FROM node:20.11-slim@sha256:<digest> (docker buildx imagetools inspect node:20.11-slim prints it), and let Renovate/Dependabot update it.'
    },
    // Compose files are for local development; their images are not what production runs.
    files: { kinds: ['dockerfile', 'kubernetes'], roles: ['app'] },
    keywords: ['from', 'image'],
    check(file, report) {
        // One notice per file: the fix (pin digests, let a bot update them) is one change for the file.
        const loose = imageUses(file).filter((img) => !img.digest && img.tag !== undefined && img.tag.toLowerCase() !== 'latest'); // TF0203 speaks for latest
        if (loose.length === 0)
            return;
        const first = loose[0];
        const refs = [...new Set(loose.map((img) => img.ref))];
        const others = refs.filter((r) => r !== first.ref);
        report({
            line: first.line,
            ...(first.column !== undefined ? { column: first.column } : {}),
            message: `\`${first.ref}\`${others.length ? ` (and ${others.map((r) => `\`${r}\``).join(', ')} in this file)` : ''} ${refs.length === 1 ? 'is' : 'are'} pinned by tag only; a tag can be re-pushed with different content`,
            remediation: `Pin the content: \`${first.ref}@sha256:<digest>\` (\`docker buildx imagetools inspect ${first.ref}\` prints it) for each image, and let Renovate or Dependabot update tag and digest together.`
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/ii-dependencies/image-without-tag.ts

const imageWithoutTag = {
    meta: {
        id: 'TF0203',
        name: 'image-without-tag',
        factor: 'II',
        severity: 'warning',
        summary: 'A Dockerfile FROM, compose service or Kubernetes container pulls an image without a tag or with `latest`.',
        why: 'The base image is a dependency like any library: Factor II wants it declared exactly. `latest` (or no tag, which means latest) is whatever the registry serves that day, so two builds of one commit can run on different operating systems and runtimes.',
        remediation: 'Name a version tag (node:20.11-bookworm-slim, postgres:16.2), and for production images add the digest (image:tag@sha256:...), updated by Renovate or Dependabot.'
    },
    files: { kinds: ['dockerfile', 'compose', 'kubernetes'] },
    keywords: ['from', 'image'],
    check(file, report) {
        for (const img of imageUses(file)) {
            if (img.digest)
                continue; // a digest pins the content whatever the tag says
            const floating = img.tag === undefined ? 'has no tag (so it is `latest`)' : img.tag.toLowerCase() === 'latest' ? 'is tagged `latest`' : undefined;
            if (!floating)
                continue;
            const where = img.where === 'dockerfile' ? 'FROM' : img.where === 'compose' ? 'compose image' : 'container image';
            report({
                line: img.line,
                ...(img.column !== undefined ? { column: img.column } : {}),
                // Compose files are local development unless named for production: the image still floats, but quietly.
                ...(file.role === 'dev' ? { severity: 'notice' } : {}),
                message: `${where} \`${img.ref}\` ${floating}: every pull may bring a different image`,
                remediation: `Pin a version: \`${img.name}:<version>\` (e.g. the exact release you test with), optionally with \`@sha256:<digest>\`; let Renovate or Dependabot bump it.`
            });
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/ii-dependencies/implicit-system-tool.ts


const implicit_system_tool_FACT = 'tf0206:tool-call';
const NIXPACKS_FACT = 'tf0206:nixpacks';
/** Tool → the package names that provide it (matched as words in Dockerfiles and Aptfiles). */
const TOOLS = {
    curl: ['curl'],
    wget: ['wget'],
    git: ['git'],
    convert: ['imagemagick', 'graphicsmagick'],
    magick: ['imagemagick'],
    identify: ['imagemagick', 'graphicsmagick'],
    mogrify: ['imagemagick', 'graphicsmagick'],
    gm: ['graphicsmagick'],
    ffmpeg: ['ffmpeg'],
    ffprobe: ['ffmpeg'],
    pdftotext: ['poppler-utils', 'poppler'],
    pdftoppm: ['poppler-utils', 'poppler'],
    wkhtmltopdf: ['wkhtmltopdf'],
    gs: ['ghostscript'],
    ghostscript: ['ghostscript'],
    pandoc: ['pandoc'],
    soffice: ['libreoffice'],
    libreoffice: ['libreoffice'],
    tesseract: ['tesseract-ocr', 'tesseract'],
    pg_dump: ['postgresql-client', 'postgresql'],
    pg_restore: ['postgresql-client', 'postgresql'],
    psql: ['postgresql-client', 'postgresql'],
    mysqldump: ['mysql-client', 'default-mysql-client', 'mariadb-client', 'mysql'],
    'redis-cli': ['redis-tools', 'redis'],
    rsync: ['rsync'],
    ssh: ['openssh-client', 'openssh'],
    scp: ['openssh-client', 'openssh'],
    unzip: ['unzip'],
    exiftool: ['libimage-exiftool-perl', 'exiftool', 'perl-image-exiftool'],
    inkscape: ['inkscape'],
    qpdf: ['qpdf'],
    sox: ['sox'],
    chromium: ['chromium'],
    'chromium-browser': ['chromium'],
    'google-chrome': ['google-chrome'],
    phantomjs: ['phantomjs'],
    aws: ['awscli', 'aws-cli'],
    gcloud: ['google-cloud-cli', 'google-cloud-sdk'],
    gsutil: ['google-cloud-cli', 'google-cloud-sdk'],
    kubectl: ['kubectl']
};
/** Tools the full (non-slim) official language images inherit from buildpack-deps. */
const IN_FULL_IMAGES = new Set(['curl', 'wget', 'git', 'ssh', 'scp', 'convert', 'identify', 'mogrify', 'unzip']);
const FULL_IMAGE = /^(docker\.io\/)?(library\/)?(node|python|ruby|golang|buildpack-deps|php|perl|rust|gcc)(:[\w.-]*)?$/;
/** Slim, Alpine and distroless variants ship without those tools. */
const SLIM_TAG = /:[\w.-]*(slim|alpine|distroless|minimal|busybox)/;
/** Per language: a call that runs a command, and the offset of the group holding its first word. */
const CALLS = {
    javascript: [/\b(execSync|execFileSync|execFile|exec|spawnSync|spawn|execa|execaSync|execaCommand)\s*\(\s*(['"`])\s*([\w./-]{1,100})/g],
    python: [
        /\b(subprocess\.(?:run|call|check_call|check_output|Popen)|os\.system|os\.popen|check_output|check_call|Popen)\s*\(\s*\[?\s*[rbfu]?(['"])\s*([\w./-]{1,100})/g
    ],
    ruby: [
        /\b(system|exec|spawn|Open3\.(?:capture2e?|capture3|popen3|popen2e?)|IO\.popen)\s*\(?\s*\[?\s*(['"])\s*([\w./-]{1,100})/g,
        /(`|%x[({[])\s*([\w./-]{1,100})/g
    ],
    java: [
        /\b(Runtime\.getRuntime\(\)\.exec)\s*\(\s*(?:new\s+String\s*\[\s*\]\s*\{\s*)?(")\s*([\w./-]{1,100})/g,
        /\b(new\s+ProcessBuilder)\s*\(\s*(?:(?:List\.of|Arrays\.asList)\s*\(\s*)?(")\s*([\w./-]{1,100})/g
    ],
    go: [/\b(exec\.Command(?:Context)?)\s*\(\s*(?:ctx\s*,\s*)?(["`])\s*([\w./-]{1,100})/g],
    php: [/\b(shell_exec|exec|system|passthru|proc_open|popen)\s*\(\s*(['"])\s*([\w./-]{1,100})/g]
};
CALLS.typescript = CALLS.javascript;
CALLS.kotlin = CALLS.java;
const IMPORT_HINT = {
    javascript: /child_process|\bexeca\b/,
    typescript: /child_process|\bexeca\b/,
    python: /\bsubprocess\b|\bos\.(system|popen)\b/,
    go: /"os\/exec"/
};
/** Finds the calls in one file; `sh -c "tool ..."` is looked through. */
function toolCalls(file) {
    const out = [];
    const res = CALLS[file.language];
    if (!res)
        return out;
    const hint = IMPORT_HINT[file.language];
    if (hint && !hint.test(file.code))
        return out;
    const code = file.code;
    const patterns = [...res];
    if (file.language === 'javascript' || file.language === 'typescript') {
        // const run = promisify(execFile); run('convert', ...): follow the alias.
        const aliases = [...code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]{0,60})\s*=\s*(?:util\.)?promisify\s*\(\s*(?:[\w$]{1,40}\.)?(?:exec|execFile)\s*\)/g)].map((m) => m[1].replace(/\$/g, '\\$'));
        if (aliases.length > 0)
            patterns.push(new RegExp(`(?<![\\w.$])(${aliases.join('|')})\\s*\\(\\s*(['"\`])\\s*([\\w./-]{1,100})`, 'g'));
    }
    for (const re of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(code); m; m = re.exec(code)) {
            const backtick = m.length === 3; // ruby backticks / %x
            let word = backtick ? m[2] : m[3];
            const alias = patterns.indexOf(re) >= res.length;
            const via = backtick ? (m[1] === '`' ? 'backticks' : '%x()') : alias ? `${m[1]}() (a promisified child_process call)` : m[1].replace(/\s+/g, ' ');
            const at = m.index + m[0].lastIndexOf(word);
            const pos = file.position(at);
            const lineText = file.line(pos.line);
            if (lineText.length > 4000)
                continue;
            if (backtick && m[1] === '`') {
                // A backtick inside a string literal is prose ("run `git pull`"), not a command.
                const before = lineText.slice(0, pos.column - 2);
                if ((before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1)
                    continue;
            }
            word = baseName(word);
            if (/^(sh|bash|cmd)$/.test(word)) {
                const inner = /-c['"]?\s*,?\s*['"`]\s*([\w./-]{1,100})/.exec(lineText.slice(pos.column));
                if (!inner)
                    continue;
                word = baseName(inner[1]);
            }
            if (!Object.prototype.hasOwnProperty.call(TOOLS, word))
                continue;
            out.push({ path: file.path, line: pos.line, column: pos.column, tool: word, via, language: file.language });
        }
    }
    return out;
}
/** What the app's build declares: Dockerfiles (in the app folder or above) and Aptfiles. */
function declared(repo, appDir) {
    const dirs = new Set(ancestors(appDir));
    const dockerfiles = repo.files.filter((f) => f.kind === 'dockerfile' && f.language === 'none' && f.role === 'app' && (dirs.has(dirOf(f.path)) || dirOf(f.path).startsWith(appDir === '.' ? '' : `${appDir}/`)));
    const aptfiles = repo.files.filter((f) => baseName(f.path).toLowerCase() === 'aptfile' && dirs.has(dirOf(f.path)));
    let text = '';
    let fullImage = false;
    for (const d of dockerfiles) {
        const file = repo.get(d.path);
        if (!file)
            continue;
        const parsed = dockerfileOf(file);
        text += `\n${parsed.instructions.filter((i) => i.keyword === 'RUN' || i.keyword === 'FROM').map((i) => i.args).join('\n')}`;
        if (parsed.final && FULL_IMAGE.test(parsed.final.image) && !SLIM_TAG.test(parsed.final.image))
            fullImage = true;
    }
    for (const a of aptfiles)
        text += `\n${repo.get(a.path)?.text ?? ''}`;
    // nixpacks.toml aptPkgs / nixPkgs (Railway, Coolify...): recorded by the file pass.
    const nix = repo.facts.get(NIXPACKS_FACT).filter((n) => dirs.has(dirOf(n.path)));
    for (const n of nix)
        text += `\n${n.text}`;
    return { text: text.toLowerCase(), dockerfiles: dockerfiles.map((d) => d.path), fullImage, aptfile: aptfiles.length > 0 || nix.length > 0 };
}
function where(language) {
    switch (language) {
        case 'javascript':
        case 'typescript':
            return 'child_process';
        case 'python':
            return 'subprocess';
        case 'ruby':
            return 'the shell command';
        case 'go':
            return 'os/exec';
        default:
            return 'a process';
    }
}
const implicitSystemTool = {
    meta: {
        id: 'TF0206',
        name: 'implicit-system-tool',
        factor: 'II',
        severity: 'warning',
        summary: 'Code shells out to a system tool (curl, ImageMagick, ffmpeg, git...) that no Dockerfile, Aptfile or buildpack of the app installs.',
        why: 'Factor II: an app never relies on the implicit existence of system-wide tools. A call to `convert` or `curl` works on the laptop that happens to have it and fails in a slim production image; the tool has to be declared where the app\'s environment is built.',
        remediation: 'Install the tool where the app\'s image is built (RUN apt-get install -y --no-install-recommends <package> in the Dockerfile, or a line in the Aptfile for Heroku-style buildpacks), or replace the call with a library from the manifest.',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php']
    },
    files: { kinds: ['source', 'toml'], languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php', 'none'], roles: ['app'] },
    keywords: ['exec', 'spawn', 'subprocess', 'system', 'popen', 'processbuilder', '`', '%x', 'open3', 'passthru', 'aptpkgs', 'nixpkgs'],
    check(file, _report, ctx) {
        if (file.kind === 'toml') {
            if (file.name === 'nixpacks.toml')
                ctx.facts.add(NIXPACKS_FACT, { path: file.path, text: file.code });
            return;
        }
        // Developer and CI scripts run on a workstation or runner, not in the deployed image.
        if (/(^|\/)(scripts|script|tools|hack|bin|ci|\.github)\//.test(file.path))
            return;
        for (const call of toolCalls(file))
            ctx.facts.add(implicit_system_tool_FACT, { ...call, app: ctx.app?.path ?? '.' });
    },
    rereadReportedFiles: true,
    checkRepo(repo, report) {
        const cache = new Map();
        const paths = new Set(repo.files.map((f) => f.path));
        for (const call of repo.facts.get(implicit_system_tool_FACT)) {
            // A GitHub Action runs on the runner image, whose tools are documented; it builds no image of its own.
            if (ancestors(call.app).some((d) => paths.has(joinPath(d, 'action.yml')) || paths.has(joinPath(d, 'action.yaml'))))
                continue;
            let decl = cache.get(call.app);
            if (!decl)
                cache.set(call.app, (decl = declared(repo, call.app)));
            const packages = TOOLS[call.tool];
            if (packages.some((p) => new RegExp(`(^|[^\\w-])${p.replace(/[.+]/g, '\\$&')}([^\\w-]|$)`).test(decl.text)))
                continue;
            if (decl.fullImage && IN_FULL_IMAGES.has(call.tool))
                continue;
            const dockerfile = decl.dockerfiles[0];
            const place = dockerfile ? `\`${dockerfile}\` does not install it` : decl.aptfile ? 'the Aptfile does not list it' : 'no Dockerfile, Aptfile or buildpack of the app declares it';
            const pkg = packages[0];
            report({
                file: call.path,
                line: call.line,
                column: call.column,
                message: `\`${call.tool}\` is run through ${call.via} but ${place}: the app relies on the tool being on the host`,
                remediation: dockerfile
                    ? `Declare it in ${dockerfile}: \`RUN apt-get update && apt-get install -y --no-install-recommends ${pkg} && rm -rf /var/lib/apt/lists/*\` (Alpine: \`RUN apk add --no-cache ${pkg}\`), or replace ${where(call.language)} with a library from the manifest.`
                    : `Declare it where the app's environment is built: a Dockerfile line \`RUN apt-get install -y --no-install-recommends ${pkg}\`, or a line \`${pkg}\` in ${joinPath(call.app, 'Aptfile')} for Heroku-style buildpacks (heroku-community/apt).`
            });
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/ii-dependencies/install-outside-manifest.ts

/** Package tools that bootstrap the manifest's own installer; unpinned they rarely matter. */
const PIP_BOOTSTRAP = /^(pip|setuptools|wheel)$/i;
const NPM_BOOTSTRAP = /^(npm|corepack)$/i;
function tokens(segment) {
    const out = [];
    const re = /\S+/g;
    for (let m = re.exec(segment); m; m = re.exec(segment))
        out.push({ t: m[0].replace(/^['"]|['"]$/g, ''), at: m.index });
    return out;
}
/** Scans one shell command line (a RUN or a script line) for installs outside the manifest. */
function scanCommand(cmd) {
    const hits = [];
    if (cmd.length > 4000)
        return hits;
    // curl/wget piped straight into a shell.
    const pipe = /\b(curl|wget)\b[^|;&\n]{0,1000}\|\s*(sudo\s+)?(-E\s+)?(ba|z|da)?sh\b/.exec(cmd);
    if (pipe) {
        const url = /https?:\/\/[^\s'"|]+/.exec(pipe[0])?.[0] ?? 'a remote script';
        hits.push({
            offset: pipe.index,
            message: `\`${pipe[1]} ... | ${pipe[4] ?? ''}sh\` runs the installer at ${url}: what it installs is neither declared nor pinned`,
            remediation: 'Install the tool from the distribution package manager (apt-get install tool=version), or download a versioned release archive and verify its checksum (curl -fsSLO .../v1.2.3/tool.tar.gz && sha256sum -c); better still, declare it as a dependency of the app.'
        });
    }
    // Split into simple commands so `a && pip install x` is seen.
    const re = /[^;&|\n]+/g;
    for (let m = re.exec(cmd); m; m = re.exec(cmd)) {
        const seg = m[0];
        const toks = tokens(seg);
        let i = 0;
        while (i < toks.length && (/^(sudo|-E|env|[A-Z_][A-Z0-9_]*=\S*)$/.test(toks[i].t)))
            i++;
        const tool = toks[i]?.t.replace(/^.*\//, '');
        const sub = toks[i + 1]?.t;
        const rest = toks.slice(i + 2);
        const args = rest.filter((a) => !a.t.startsWith('-'));
        const at = m.index + (toks[i]?.at ?? 0);
        if (!tool)
            continue;
        if ((tool === 'npm' && /^(install|i|add)$/.test(sub ?? '') && rest.some((a) => a.t === '-g' || a.t === '--global')) ||
            (tool === 'yarn' && sub === 'global' && toks[i + 2]?.t === 'add') ||
            (tool === 'pnpm' && /^(add|install|i)$/.test(sub ?? '') && rest.some((a) => a.t === '-g' || a.t === '--global'))) {
            const pkgs = args.filter((a) => a.t !== 'add').map((a) => a.t).filter((p) => !NPM_BOOTSTRAP.test(p.replace(/@[^@/]*$/, '')));
            const loose = pkgs.filter((p) => !/.@\d/.test(p));
            if (loose.length > 0)
                hits.push({ offset: at, message: `\`${tool} ${sub} -g ${loose.join(' ')}\` installs a global package outside package.json, at whatever version is newest`, remediation: `Add it to package.json (\`npm install --save-dev ${loose[0]}\`) and run it with \`npx\` / an npm script; if it must be global, pin it: \`npm install -g ${loose[0]}@<version>\`.` });
        }
        else if ((tool === 'pip' || tool === 'pip3' || (tool.startsWith('python') && sub === '-m' && /^pip3?$/.test(toks[i + 2]?.t ?? ''))) && (tool.startsWith('python') ? toks[i + 3]?.t : sub) === 'install') {
            const after = tool.startsWith('python') ? toks.slice(i + 4) : rest;
            if (after.some((a) => /^(-r|--requirement|-c|--constraint|-e|--editable)$/.test(a.t) || /^(-r|--requirement=)\S/.test(a.t)))
                continue;
            const pkgs = after.filter((a, k) => !a.t.startsWith('-') && !/^(-i|--index-url|--extra-index-url|-f|--find-links|--target|-t|--prefix|--root)$/.test(after[k - 1]?.t ?? ''));
            const loose = pkgs.map((a) => a.t).filter((p) => !/^[.\/]/.test(p) && !/\.(whl|tar\.gz|zip)$/.test(p) && !/===?[^=*]+$/.test(p) && !PIP_BOOTSTRAP.test(p.replace(/[<>=!~[].*$/, '')));
            if (loose.length > 0)
                hits.push({ offset: at, message: `\`pip install ${loose.join(' ')}\` installs ${loose.length === 1 ? 'a package' : 'packages'} outside the requirements file, unpinned`, remediation: `Declare it in requirements.txt (or pyproject.toml) with an exact version, e.g. \`${loose[0].replace(/[<>=!~].*$/, '')}==<version>\`, and install with \`pip install -r requirements.txt\`.` });
        }
        else if (tool === 'gem' && sub === 'install') {
            if (rest.some((a) => /^(-v|--version)$/.test(a.t) || a.t.startsWith('--version=')) || rest.some((a) => /:\d/.test(a.t)))
                continue;
            const loose = args.map((a) => a.t).filter((p) => p !== 'bundler' && !p.endsWith('.gem'));
            if (loose.length > 0)
                hits.push({ offset: at, message: `\`gem install ${loose.join(' ')}\` installs a gem outside the Gemfile, unpinned`, remediation: `Add it to the Gemfile (\`gem '${loose[0]}', '~> x.y'\`) and run it with \`bundle exec\`; if it must be installed globally, pin it: \`gem install ${loose[0]} -v <version>\`.` });
        }
        else if (tool === 'go' && sub === 'install') {
            const latest = args.map((a) => a.t).filter((p) => /@(latest|master|main)$/.test(p));
            if (latest.length > 0)
                hits.push({ offset: at, message: `\`go install ${latest.join(' ')}\` installs whatever version is newest`, remediation: `Pin the module version: \`go install ${latest[0].replace(/@\w+$/, '')}@v1.2.3\` (or track the tool in go.mod with a tools.go / \`go get -tool\`).` });
        }
    }
    return hits;
}
function isDeployScript(file) {
    // Developer bootstrap scripts install on a laptop, not in the deployed environment.
    return !/(^|[/_.-])(dev|local|setup|bootstrap|install|test)[^/]*$/i.test(file.name) && !/(^|\/)(scripts\/dev|hack|tools)\//.test(file.path);
}
const installOutsideManifest = {
    meta: {
        id: 'TF0205',
        name: 'install-outside-manifest',
        factor: 'II',
        severity: 'warning',
        summary: 'A Dockerfile or deploy script installs packages outside the dependency manifest (npm -g, bare pip install, gem install, curl | sh).',
        why: 'Factor II: every dependency is declared in one manifest and installed from it, so the manifest is the whole truth about what the app needs. A package added by hand in a RUN line or script is invisible to the manifest, to dependency updates and to security scanners, and floats to whatever version is newest on each build.',
        remediation: 'Declare the package in the app\'s manifest (package.json, requirements.txt, Gemfile, go.mod) and install from it; pin any tool that must be installed separately.',
        languages: ['shell']
    },
    files: { kinds: ['dockerfile', 'source'], roles: ['app'] },
    keywords: ['install', 'curl', 'wget'],
    check(file, report) {
        if (file.kind === 'dockerfile') {
            if (file.language !== 'none')
                return; // dockerfile.ts is code, not a Dockerfile
            for (const ins of dockerfileOf(file).instructions) {
                if (ins.keyword !== 'RUN')
                    continue;
                const text = ins.exec ? ins.exec.join(' ') : ins.args;
                for (const h of scanCommand(text))
                    report({ line: ins.line, message: h.message, remediation: h.remediation });
            }
            return;
        }
        if (file.language !== 'shell' || !isDeployScript(file))
            return;
        file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
            for (const h of scanCommand(line))
                report({ line: i + 1, column: h.offset + 1, message: h.message, remediation: h.remediation });
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/ii-dependencies/missing-lockfile.ts


const CHECKS = [
    {
        manifest: /^package\.json$/,
        expect(repo, path) {
            const file = repo.get(path);
            if (!file)
                return undefined;
            const pkg = packageJsonOf(file).data;
            if (!pkg || isPublishedLibrary(pkg))
                return undefined;
            const count = Object.keys(pkg.dependencies ?? {}).length + Object.keys(pkg.devDependencies ?? {}).length;
            if (count === 0)
                return undefined;
            // bun.lockb is binary and never reaches the audit: trust a bun project rather than guess.
            if (typeof pkg.packageManager === 'string' && pkg.packageManager.startsWith('bun@'))
                return undefined;
            const pm = typeof pkg.packageManager === 'string' ? pkg.packageManager.split('@')[0] : 'npm';
            const fix = pm === 'pnpm' ? 'Run `pnpm install` and commit pnpm-lock.yaml; install in CI and images with `pnpm install --frozen-lockfile`.'
                : pm === 'yarn' ? 'Run `yarn install` and commit yarn.lock; install in CI and images with `yarn install --immutable`.'
                    : 'Run `npm install` and commit package-lock.json; install in CI and images with `npm ci`.';
            const line = pkg.dependencies ? packageJsonOf(file).lineOf('', 'dependencies') : packageJsonOf(file).lineOf('', 'devDependencies');
            return { locks: NODE_LOCKS, upward: true, tool: pm, fix, line, count };
        }
    },
    {
        manifest: /^Pipfile$/,
        expect: (repo, path) => ({ locks: ['Pipfile.lock'], upward: false, tool: 'pipenv', fix: 'Run `pipenv lock` and commit Pipfile.lock; install with `pipenv install --deploy`.', line: lineMatching(repo.get(path)?.lines ?? [], /^\[packages\]/) })
    },
    {
        manifest: /^pyproject\.toml$/,
        expect(repo, path) {
            const file = repo.get(path);
            if (!file)
                return undefined;
            const lines = file.lines;
            const poetry = /^\[tool\.poetry(\.dependencies)?\]/m.test(file.text) && /^\[tool\.poetry\.(group\.\w+\.)?dependencies\]/m.test(file.text);
            if (poetry)
                return { locks: ['poetry.lock'], upward: true, tool: 'Poetry', fix: 'Run `poetry lock` and commit poetry.lock; install with `poetry install --no-root --only main`.', line: lineMatching(lines, /^\[tool\.poetry\.dependencies\]/) };
            if (/^\[tool\.pdm\b/m.test(file.text))
                return { locks: ['pdm.lock'], upward: true, tool: 'PDM', fix: 'Run `pdm lock` and commit pdm.lock; install with `pdm sync --prod`.', line: lineMatching(lines, /^\[tool\.pdm/) };
            if (/^\[tool\.uv\b/m.test(file.text))
                return { locks: ['uv.lock'], upward: true, tool: 'uv', fix: 'Run `uv lock` and commit uv.lock; install with `uv sync --locked`.', line: lineMatching(lines, /^\[tool\.uv/) };
            return undefined; // setuptools/hatch projects have no lockfile of their own
        }
    },
    {
        manifest: /^Gemfile$/,
        expect(repo, path) {
            const file = repo.get(path);
            if (!file || /^\s*gemspec\b/m.test(file.code))
                return undefined; // a gem library: Bundler advises against committing its lock
            if (!/^\s*gem\s+['"]/m.test(file.code))
                return undefined;
            return { locks: ['Gemfile.lock'], upward: false, tool: 'Bundler', fix: 'Run `bundle lock` (or `bundle install`) and commit Gemfile.lock; install with `bundle config set deployment true && bundle install`.', line: lineMatching(file.lines, /^\s*gem\s+['"]/) };
        }
    },
    {
        manifest: /^go\.mod$/,
        expect(repo, path) {
            const file = repo.get(path);
            if (!file || !/^require\b/m.test(file.code))
                return undefined;
            return { locks: ['go.sum'], upward: false, tool: 'Go modules', fix: 'Run `go mod tidy` and commit go.sum; builds then verify every module checksum.', line: lineMatching(file.lines, /^require\b/) };
        }
    },
    {
        manifest: /^composer\.json$/,
        expect(repo, path) {
            const file = repo.get(path);
            if (!file)
                return undefined;
            let data;
            try {
                data = JSON.parse(file.text);
            }
            catch {
                return undefined;
            }
            if (data.type === 'library' || !data.require || !Object.keys(data.require).some((k) => k.includes('/')))
                return undefined;
            return { locks: ['composer.lock'], upward: false, tool: 'Composer', fix: 'Run `composer update --lock` and commit composer.lock; install with `composer install --no-dev`.', line: lineMatching(file.lines, /"require"\s*:/) };
        }
    },
    {
        manifest: /^Cargo\.toml$/,
        expect(repo, path, paths) {
            const file = repo.get(path);
            if (!file)
                return undefined;
            const dir = dirOf(path);
            const isApp = /^\[\[bin\]\]/m.test(file.text) || paths.has(dir === '.' ? 'src/main.rs' : `${dir}/src/main.rs`);
            if (!isApp)
                return undefined; // library crates leave Cargo.lock to their users
            return { locks: ['Cargo.lock'], upward: true, tool: 'Cargo', fix: 'Run `cargo generate-lockfile` and commit Cargo.lock; build with `cargo build --locked`.', line: lineMatching(file.lines, /^\[dependencies\]/) };
        }
    }
];
const missingLockfile = {
    meta: {
        id: 'TF0201',
        name: 'missing-lockfile',
        factor: 'II',
        severity: 'warning',
        summary: 'A dependency manifest is committed without the lockfile its tool writes.',
        why: 'Factor II asks for an exact, explicit declaration of every dependency so that every deploy of one commit installs the same thing. A manifest alone names ranges; without its lockfile each build resolves them again and two deploys of the same commit can run different library versions.',
        remediation: 'Generate the lockfile with the project\'s dependency tool, commit it, and install from it in CI and images (npm ci, pipenv install --deploy, poetry install, bundle install in deployment mode).'
    },
    checkRepo(repo, report) {
        const paths = pathSet(repo);
        const byName = appManifests(repo, /^(package\.json|Pipfile|pyproject\.toml|Gemfile|go\.mod|composer\.json|Cargo\.toml)$/);
        for (const info of byName) {
            const check = CHECKS.find((c) => c.manifest.test(baseName(info.path)));
            const want = check?.expect(repo, info.path, paths);
            if (!want)
                continue;
            if (findNear(paths, dirOf(info.path), want.locks, want.upward))
                continue;
            const what = want.count !== undefined ? ` declares ${want.count} ${want.count === 1 ? 'dependency' : 'dependencies'} but` : '';
            const r = {
                file: info.path,
                line: want.line,
                message: `\`${baseName(info.path)}\`${what} has no committed lockfile (${want.locks.filter((l) => l !== 'bun.lockb').join(', ')}): each ${want.tool} install re-resolves the versions`,
                remediation: want.fix
            };
            report(r);
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/ii-dependencies/index.ts






const II_DEPENDENCIES_RULES = [
    missingLockfile,
    floatingDependencyVersion,
    imageWithoutTag,
    imageWithoutDigest,
    installOutsideManifest,
    implicitSystemTool
];

;// CONCATENATED MODULE: ./src/rules/shared/lines.ts
const MAX_LINE_LENGTH = 4000;
/** Is the character at `offset` on a line longer than MAX_LINE_LENGTH? */
function onLongLine(file, offset) {
    return file.line(file.position(offset).line).length > MAX_LINE_LENGTH;
}

;// CONCATENATED MODULE: ./src/rules/iii-config/secret-patterns.ts
// Distinctive prefixes only: a match is a credential whatever its entropy. Bounded repetitions.
const TOKEN_PATTERNS = [
    { id: 'aws-access-key-id', label: 'AWS access key id', re: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/g, ignore: (t) => t.endsWith('EXAMPLE') },
    { id: 'github-token', label: 'GitHub token', re: /\b(gh[pousr]_[A-Za-z0-9]{36,251})\b/g },
    { id: 'github-fine-grained-pat', label: 'GitHub fine-grained personal access token', re: /\b(github_pat_[A-Za-z0-9_]{50,255})\b/g },
    { id: 'gitlab-token', label: 'GitLab personal access token', re: /\b(glpat-[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])/g },
    { id: 'slack-token', label: 'Slack token', re: /\b(xox[baprs]-(?:\d{6,15}-){1,3}[A-Za-z0-9-]{10,100})(?![A-Za-z0-9-])/g },
    { id: 'slack-webhook', label: 'Slack incoming webhook URL', re: /(https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9+/]{20,120})/g },
    { id: 'stripe-live-key', label: 'Stripe live secret key', re: /\b((?:sk|rk)_live_[A-Za-z0-9]{20,247})\b/g },
    { id: 'twilio-api-key', label: 'Twilio API key', re: /\b(SK[0-9a-f]{32})\b/g },
    { id: 'sendgrid-api-key', label: 'SendGrid API key', re: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g },
    { id: 'anthropic-api-key', label: 'Anthropic API key', re: /\b(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{32,200})(?![A-Za-z0-9_-])/g },
    { id: 'openai-api-key', label: 'OpenAI API key', re: /\b(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160})(?![A-Za-z0-9_-])/g },
    { id: 'openai-project-key', label: 'OpenAI project API key', re: /\b(sk-(?:proj|svcacct)-[A-Za-z0-9_-]{40,200})(?![A-Za-z0-9_-])/g },
    { id: 'npm-token', label: 'npm access token', re: /\b(npm_[A-Za-z0-9]{36})\b/g },
    { id: 'pypi-token', label: 'PyPI upload token', re: /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,200})(?![A-Za-z0-9_-])/g },
    { id: 'shopify-token', label: 'Shopify access token', re: /\b(shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})\b/g },
    { id: 'digitalocean-token', label: 'DigitalOcean token', re: /\b(do[opr]_v1_[a-f0-9]{64})\b/g },
    { id: 'vault-token', label: 'HashiCorp Vault token', re: /\b(hv[sb]\.[A-Za-z0-9_-]{24,200})(?![A-Za-z0-9_-])/g },
    { id: 'huggingface-token', label: 'Hugging Face token', re: /\b(hf_[A-Za-z]{34})\b/g },
    { id: 'databricks-token', label: 'Databricks token', re: /\b(dapi[a-f0-9]{32})\b/g },
    { id: 'square-token', label: 'Square access token', re: /\b(sq0(?:atp|csp)-[A-Za-z0-9_-]{22,60})(?![A-Za-z0-9_-])/g },
    { id: 'doppler-token', label: 'Doppler token', re: /\b(dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})\b/g },
    {
        id: 'azure-storage-key', label: 'Azure storage account key', re: /AccountKey=([A-Za-z0-9+/]{80,90}={0,2})/g,
        // The storage emulator's well-known key is public.
        ignore: (t) => t.startsWith('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq')
    }
];
/** Lower-case prefilter keywords covering TOKEN_PATTERNS. */
const TOKEN_KEYWORDS = [
    'akia', 'asia', 'abia', 'acca', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'xox', 'hooks.slack.com',
    'sk_live_', 'rk_live_', 'twilio', 'sg.', 'sk-', 'npm_', 'pypi-', 'shp', 'do_v1_', 'dop_v1_', 'dor_v1_', 'hvs.', 'hvb.', 'hf_', 'dapi',
    'sq0', 'dp.', 'accountkey='
];
/** The first provider token in `text`, if any (used by other rules to defer to TF0301). */
function findToken(text) {
    for (const pattern of TOKEN_PATTERNS) {
        pattern.re.lastIndex = 0;
        for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
            if (!pattern.ignore?.(m[1])) {
                pattern.re.lastIndex = 0;
                return { pattern, token: m[1], index: m.index + m[0].indexOf(m[1]) };
            }
        }
    }
    return undefined;
}
/** Words of an identifier: dbPassword, DB_PASSWORD, spring.datasource.password -> lower-case words. */
function words(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase());
}
const KEY_QUALIFIERS = new Set(['api', 'secret', 'private', 'access', 'signing', 'encryption', 'auth', 'master', 'client', 'app', 'license', 'webhook', 'hmac', 'jwt', 'session', 'cookie', 'account']);
const NOT_SECRET_WORDS = new Set(['public', 'publishable', 'pub', 'page', 'next', 'continuation', 'cancellation', 'cancel', 'csrf', 'xsrf', 'sync', 'idempotency']);
/**
 * Does this name hold a credential, and of which sort? Decided by the last word, so
 * PASSWORD_FIELD, password_reset_url, tokenExpiry and secretName are not secrets.
 */
function secretNameKind(name) {
    const w = words(name);
    while (w.length > 1 && /^\d+$/.test(w[w.length - 1]))
        w.pop();
    if (w.length === 0 || w.some((x) => NOT_SECRET_WORDS.has(x)))
        return undefined;
    const last = w[w.length - 1];
    const prev = w[w.length - 2] ?? '';
    if (['password', 'passwd', 'pwd', 'passphrase', 'pass', 'pw'].includes(last))
        return last === 'pass' && w.length === 1 ? undefined : 'password';
    if (['secret', 'token', 'apikey', 'secretkey', 'privatekey', 'accesskey', 'credential', 'credentials', 'authtoken'].includes(last))
        return 'token';
    if (last === 'key' && KEY_QUALIFIERS.has(prev))
        return 'token';
    if (last === 'base' && prev === 'key')
        return 'token'; // Rails secret_key_base
    return undefined;
}
/** DB_PASSWORD from dbPassword / spring.datasource.password (Spring's relaxed binding agrees). */
function envName(name) {
    const w = words(name);
    return (w.length ? w.join('_') : 'SECRET').toUpperCase();
}
/** How to read NAME from the environment, in the file's own language or format. */
function envLookup(file, name) {
    switch (file.language) {
        case 'javascript':
        case 'typescript':
            return `process.env.${name}`;
        case 'python':
            return `os.environ["${name}"]`;
        case 'ruby':
            return `ENV.fetch("${name}")`;
        case 'java':
        case 'kotlin':
            return `System.getenv("${name}")`;
        case 'go':
            return `os.Getenv("${name}")`;
        case 'php':
            return `getenv('${name}')`;
        case 'shell':
            return `"$${name}"`;
        default:
    }
    switch (file.kind) {
        case 'kubernetes':
            return `valueFrom.secretKeyRef (a Secret created outside the repository, e.g. by External Secrets or sealed-secrets)`;
        case 'workflow':
            return `\${{ secrets.${name} }}`;
        case 'properties':
            return `\${${name}}`;
        case 'compose':
            return `\${${name}} (set in the shell or an uncommitted .env)`;
        default:
            return /(^|\/)(application|bootstrap)[^/]*\.ya?ml$/.test(file.path) ? `\${${name}}` : `the ${name} environment variable, read at startup (or \${${name}} if your config loader expands variables)`;
    }
}
/** Remediation sentence shared by the credential rules. */
function moveToEnv(file, name, rotate) {
    const lead = rotate ? 'Revoke and rotate the credential (it is in the repository history), then r' : 'R';
    return `${lead}ead it from the environment instead: ${envLookup(file, name)}; keep the value in the deploy's secret store.`;
}
/** The variable or key a literal at `offset` is assigned to, looking back on its line. */
function nameBefore(text, offset) {
    const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 300);
    const prefix = text.slice(lineStart, offset);
    const m = /([A-Za-z_$][\w.$-]{0,80})['"\]]?\s*(?:=>|:=|\?\?=|\|\|=|[:=])\s*(?:[\w.]{1,40}\(\s*)?['"`]?[^'"`\s=:]{0,200}$/.exec(prefix);
    return m ? m[1].replace(/^\$/, '') : undefined;
}
/** Severity by role: local-development files are never errors. */
const roleSeverity = (file) => (file.role === 'dev' ? 'notice' : 'error');

;// CONCATENATED MODULE: ./src/rules/iii-config/config-grouped-by-environment.ts


const ENV_NAMES = 'production|prod|staging|stage|stg|development|dev|test|testing|qa|uat|preprod';
// 'stage' and 'qa' are left out here: stage.ts (a canvas stage) and qa.js (Q&A) are common names.
const ENV_FILE = /(^|[._-])(production|prod|staging|stg|uat|preprod)([._-]|$)/i;
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1|host\.docker\.internal)$|(^|\.)example\.(com|org|net)$|\.(local|test|example|invalid|localhost)$/i;
// A URL literal's host, or a literal assigned to a host-like name. Credentials in the same places are
// reported by the credential rules (TF0302/TF0303/TF0310), so this rule reports hosts only.
const URL_HOST = /\b(?:https?|wss?|postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|jdbc:[a-z]{2,20}):\/\/(?:[^\s'"`/@]{1,200}@)?([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8})/g;
const HOST_KEY = /["']?\b([A-Za-z_]*(?:host|hostname|server|endpoint|domain|dsn|address)(?:name)?)["']?\s*(?:=>|:=|=|:)\s*(["']?)([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})["']?/gi;
const ENV_EXPR = String.raw `(?:process\.env(?:\.|\[["'])(?:NODE_ENV|APP_ENV|ENV|ENVIRONMENT|STAGE|DEPLOY_ENV|RAILS_ENV|RACK_ENV|FLASK_ENV|GO_ENV|APP_ENVIRONMENT)["'\]]?|os\.(?:environ\.get|getenv|Getenv)\(\s*["'][A-Z_]*(?:ENV|ENVIRONMENT|STAGE|SETTINGS_MODULE|PROFILES_ACTIVE)["'][^)]{0,40}\)|os\.environ\[["'][A-Z_]*(?:ENV|ENVIRONMENT|SETTINGS_MODULE)["']\]|ENV\[["'](?:RAILS_ENV|RACK_ENV|APP_ENV)["']\]|System\.getenv\(\s*"[A-Z_]*(?:ENV|ENVIRONMENT|PROFILE)"\s*\)|Rails\.env|\b(?:env|environment|appEnv|app_env|nodeEnv|NODE_ENV|APP_ENV|ENV|ENVIRONMENT|currentEnv|current_env)\b)`;
const COND = new RegExp(String.raw `${ENV_EXPR}\s*(?:===?|!==?|\.equals\(|\bis\b)\s*["'](?:[\w]{1,40}\.){0,4}(${ENV_NAMES})["']|["'](${ENV_NAMES})["']\s*(?:===?|\.equals\()\s*${ENV_EXPR}|Rails\.env\.(${ENV_NAMES})\?|\bswitch\s*\(\s*${ENV_EXPR}\s*\)|\bcase\s+${ENV_EXPR}\b`, 'g');
const ENV_KEYED = new RegExp(String.raw `(?:^|[\s{,(])["']?(${ENV_NAMES})["']?\s*(?:=>|=|:)\s*(?:\{|dict\(|$)`, 'gim');
const configGroupedByEnvironment = {
    meta: {
        id: 'TF0311',
        name: 'config-grouped-by-environment',
        factor: 'III',
        severity: 'warning',
        summary: 'Hosts or credentials selected per named environment (per-environment config files, NODE_ENV branches, env-keyed config objects).',
        why: 'Grouping config into named environments (development, staging, production) does not scale: every new deploy ' +
            'needs a new group in the code, and deploys cannot vary one value independently. Twelve-factor config is granular ' +
            'environment variables, each set per deploy and orthogonal to the others.',
        remediation: 'Read each value from its own environment variable (DATABASE_URL, API_HOST...) and set it per deploy; drop the per-environment branches and files.',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'none']
    },
    // Application code and config; deploy scripts (shell) per environment are not app config.
    files: { kinds: ['source', 'yaml', 'json', 'properties', 'toml', 'ini'], languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'none'] },
    // Every finding needs a URL or a host-like key, whatever selected it (file name, branch, env key).
    keywords: ['://', 'host', 'server', 'endpoint', 'domain', 'dsn', 'address'],
    check(file, report) {
        const code = file.code;
        const emit = (hit, why) => onLongLine(file, hit.offset) ? undefined : report({ ...file.position(hit.offset), message: `${hit.what} ${why}`, remediation: `Read it from the environment instead (${envLookup(file, hit.what.startsWith('host') ? 'DATABASE_HOST' : 'SERVICE_URL')}), one variable per value, set per deploy; remove the per-environment selection.` });
        const envFile = ENV_FILE.exec(file.name);
        if (envFile && !/\.(test|spec)\./.test(file.path)) {
            const hit = firstHit(file, 0, code.length);
            if (hit)
                emit(hit, `is pinned in the ${envFile[2]}-only config file ${file.name}`);
            return;
        }
        const done = new Set();
        COND.lastIndex = 0;
        for (let m = COND.exec(code); m; m = COND.exec(code)) {
            const [start, end] = blockAfter(file, m.index + m[0].length);
            const hit = firstHit(file, start, end);
            if (!hit || done.has(hit.offset))
                continue;
            done.add(hit.offset);
            emit(hit, `is chosen by branching on the environment name (${m[0].replace(/\s+/g, ' ').slice(0, 60)})`);
        }
        const envKeys = new Set();
        ENV_KEYED.lastIndex = 0;
        for (let m = ENV_KEYED.exec(code); m; m = ENV_KEYED.exec(code))
            envKeys.add(m[1].toLowerCase());
        if (envKeys.size < 2)
            return;
        ENV_KEYED.lastIndex = 0;
        for (let m = ENV_KEYED.exec(code); m; m = ENV_KEYED.exec(code)) {
            const [start, end] = blockAfter(file, m.index + m[0].length - 1);
            const hit = firstHit(file, start, end);
            if (!hit || done.has(hit.offset))
                continue;
            done.add(hit.offset);
            emit(hit, `is set in a config block keyed by environment name '${m[1]}'`);
        }
    }
};
/** First non-local host or URL (credentials are the credential rules') between two offsets of file.code. */
function firstHit(file, start, end) {
    const text = file.code.slice(start, end);
    const hits = [];
    for (const m of text.matchAll(URL_HOST))
        if (!LOCAL.test(m[1]) && m[1].includes('.'))
            hits.push({ offset: start + m.index + m[0].indexOf(m[1]), what: `host ${m[1]}` });
    for (const m of text.matchAll(HOST_KEY)) {
        const host = m[3];
        if (file.kind === 'source' && !m[2])
            continue; // in code only a string literal is a host; a.b.c is an expression
        if (LOCAL.test(host) || !/[a-z]/i.test(host.replace(/\.(json|ya?ml|js|ts|py|rb)$/i, '')) && !/^\d+\.\d+\.\d+\.\d+$/.test(host))
            continue;
        if (/\.(json|ya?ml|js|ts|py|rb|html|css|txt)$/i.test(host))
            continue;
        hits.push({ offset: start + m.index + m[0].lastIndexOf(host), what: `host ${host} (${m[1]})` });
    }
    hits.sort((a, b) => a.offset - b.offset);
    return hits[0];
}
/** The block a condition or key opens: braces for C-like code and JSON, indentation otherwise. */
function blockAfter(file, from) {
    const code = file.code;
    const eol = code.indexOf('\n', from) === -1 ? code.length : code.indexOf('\n', from);
    const brace = code.slice(from, eol).search(/[{(]\s*$|\{/);
    if (brace !== -1) {
        let i = from + brace;
        let depth = 0;
        const cap = Math.min(code.length, i + 4000);
        for (; i < cap; i++) {
            const c = code[i];
            if (c === '{' || c === '(')
                depth++;
            else if (c === '}' || c === ')') {
                depth--;
                if (depth === 0) {
                    // `} else {` and `} else if (...) {` belong to the same choice
                    const rest = /^\s*else\b[^{]{0,200}\{/.exec(code.slice(i + 1, i + 300));
                    if (!rest)
                        return [from, i + 1];
                    i += rest[0].length - 1;
                    depth = 0;
                }
            }
        }
        return [from, cap];
    }
    // Same line after a ternary or `:`, then more-indented lines (Python/Ruby/YAML), elif/else/when included.
    const lineStart = code.lastIndexOf('\n', from - 1) + 1;
    const indent = /^\s*/.exec(code.slice(lineStart, eol))?.[0].length ?? 0;
    let end = eol;
    let count = 0;
    while (end < code.length && count < 60) {
        const next = code.indexOf('\n', end + 1);
        const line = code.slice(end + 1, next === -1 ? code.length : next);
        const ind = /^\s*/.exec(line)?.[0].length ?? 0;
        if (line.trim() !== '' && ind <= indent && !/^\s*(elif|else|elsif|when|case)\b/.test(line))
            break;
        end = next === -1 ? code.length : next;
        count++;
    }
    return [from, end];
}

;// CONCATENATED MODULE: ./src/rules/shared/config-entries.ts

const YAML_KINDS = new Set(['yaml', 'compose', 'kubernetes', 'workflow']);
const LINE_KINDS = new Set(['properties', 'ini', 'toml', 'dotenv']);
function configEntries(file) {
    return file.parse('config-entries', (f) => {
        if (YAML_KINDS.has(f.kind))
            return fromYaml(f);
        if (f.kind === 'json')
            return fromJson(f);
        if (LINE_KINDS.has(f.kind))
            return fromLines(f);
        if (f.kind === 'xml')
            return fromXml(f);
        return [];
    });
}
function fromYaml(f) {
    return yamlEntries(f)
        .filter((e) => e.value !== null && typeof e.value !== 'boolean')
        .map((e) => {
        const key = e.path.filter((p) => typeof p === 'string').join('.');
        return { key, leaf: e.key, value: String(e.value), offset: e.offset + (e.quoted ? 1 : 0), section: String(e.docIndex) };
    });
}
function fromJson(f) {
    const out = [];
    const re = /"([^"\\\n]{1,120})"\s*:\s*"((?:[^"\\\n]|\\.){0,4000})"/g;
    for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
        out.push({ key: m[1], leaf: m[1], value: m[2], offset: m.index + m[0].length - m[2].length - 1, section: '' });
    }
    return out;
}
function fromLines(f) {
    const out = [];
    const code = f.code;
    let section = '';
    let offset = 0;
    for (const line of code.split(/\r\n|\r|\n/)) {
        const start = offset;
        offset += line.length + 1;
        if (line.length > 4000)
            continue;
        const sec = /^\s*\[+\s*([^\]]{1,120}?)\s*\]+\s*$/.exec(line);
        if (sec) {
            section = sec[1];
            continue;
        }
        const m = /^(\s*(?:export\s+)?)(["']?)([\w.\-/]{1,160})\2\s*[=:]\s*(.*?)\s*$/.exec(line);
        if (!m || line.trimStart().startsWith('!'))
            continue;
        let value = m[4];
        let at = start + line.trimEnd().length - value.length;
        const q = /^(["'])(.*)\1$/.exec(value);
        if (q) {
            value = q[2];
            at += 1;
        }
        const key = section && f.kind !== 'dotenv' ? `${section}.${m[3]}` : m[3];
        out.push({ key, leaf: m[3].split('.').pop() ?? m[3], value, offset: at, section });
    }
    return out;
}
function fromXml(f) {
    const out = [];
    const el = /<([\w.:-]{1,80})>([^<\n]{1,300})<\/\1>/g;
    for (let m = el.exec(f.code); m; m = el.exec(f.code)) {
        out.push({ key: m[1], leaf: m[1], value: m[2].trim(), offset: m.index + m[1].length + 2 + (m[2].length - m[2].trimStart().length), section: '' });
    }
    const kv = /\bkey\s*=\s*"([^"\n]{1,120})"\s+value\s*=\s*"([^"\n]{0,300})"/g;
    for (let m = kv.exec(f.code); m; m = kv.exec(f.code)) {
        out.push({ key: m[1], leaf: m[1], value: m[2], offset: m.index + m[0].length - m[2].length - 1, section: '' });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/shared/placeholders.ts
// Values that look like a credential's slot rather than a credential: templates, env references,
// "your-key-here" prose. The generic secret rules stay quiet on all of these; that is what keeps
// them from being the noise users complain about in gitleaks' and detect-secrets' generic rules.
/** A reference the runtime or a templating step resolves: ${X}, $X, $(X), {{ x }}, <%= %>... */
function isEnvReference(value) {
    const v = value.trim();
    return (/\$\{\{?[^}]{1,200}\}/.test(v) || // ${X}, ${X:-d}, ${{ secrets.X }}
        /^\$\(?[A-Za-z_][A-Za-z0-9_]{0,100}\)?$/.test(v) || // $X, $(X)
        /\{\{[^}]{0,200}\}\}/.test(v) || // {{ .Values.x }}, Jinja
        /<%=?[\s\S]{0,300}%>/.test(v) || // ERB
        /#\{[^}]{0,200}\}/.test(v) || // Ruby interpolation
        /^%\(?[A-Za-z_]\w{0,100}\)?[sd%]?$/.test(v) || // %(name)s
        /^%[A-Za-z_]\w{0,100}%$/.test(v) || // %VAR%
        /^@[A-Za-z_]\w{0,100}@$/.test(v) || // @VAR@ (Maven filtering)
        /^(?:env|ENV|secret|vault|ssm|arn|sm|op|awssm|gcpsm):/.test(v) // secret-manager references
    );
}
const PLACEHOLDER_WORDS = new Set([
    'changeme', 'change_me', 'change-me', 'changeit', 'replaceme', 'replace_me', 'replace-me', 'todo', 'tbd', 'fixme',
    'none', 'null', 'nil', 'undefined', 'false', 'true', 'empty', 'default', 'example', 'sample', 'placeholder',
    'dummy', 'fake', 'test', 'testing', 'foo', 'bar', 'baz', 'foobar', 'password', 'passwd', 'pass', 'secret', 'token',
    'apikey', 'api_key', 'api-key', 'key', 'redacted', 'hidden', 'masked', 'notasecret', 'not-a-secret', 'not_a_secret',
    'required', 'optional', 'string', 'str', 'bearer', 'basic', 'xxx', 'n/a', 'na', 'unset', 'missing', 'secretkey',
    'secret_key', 'mysecret', 'my_secret', 'yoursecret', 'your_secret', 'mypassword', 'yourpassword'
]);
/** A value that stands for "put the real secret here", not a real secret. */
function isPlaceholder(value) {
    const v = value.trim().replace(/^['"`]|['"`]$/g, '');
    if (v === '')
        return true;
    const lower = v.toLowerCase();
    if (PLACEHOLDER_WORDS.has(lower))
        return true;
    if (isEnvReference(v))
        return true;
    if (/^<[^<>]{1,100}>$|^\[[^[\]]{1,100}\]$|^\{[^{}]{1,100}\}$|^\(.{1,100}\)$/.test(v))
        return true; // <your-key>, [TOKEN]
    if (/^(.)\1*$/.test(v))
        return true; // xxxx, ****, 0000
    if (/^[x*•.\-_#?]+$/i.test(v) || /\*{3}|x{4}|X{4}|\.{3}|…/.test(v))
        return true;
    if (/(change|replace)[-_ ]?(me|it|this)|example|placeholder|dummy|sample|^fake|fake[-_]|^test[-_]|[-_]test$|insert[-_ ]|_here$|-here$|^your[-_ ]|^my[-_ ]?(secret|password|token|key|api)|^enter[-_ ]|^put[-_ ]/i.test(v))
        return true;
    if (/^(secret|password|token|key)[-_]?\d{0,3}$/i.test(v))
        return true; // secret1, password123
    return false;
}

;// CONCATENATED MODULE: ./src/rules/shared/entropy.ts
// Shape tests for literal values: is this random enough to be a generated credential, or is it an
// id, a hash, a path, prose? Ids and checksums are the classic false positives of entropy scanners.
/** Shannon entropy in bits per character. */
function shannon(s) {
    if (s.length === 0)
        return 0;
    const counts = new Map();
    for (const ch of s)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const c of counts.values()) {
        const p = c / s.length;
        h -= p * Math.log2(p);
    }
    return h;
}
const isUuid = (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
/** Subresource-integrity and lockfile hashes: sha512-<base64>. */
const isIntegrity = (v) => /^sha(1|256|384|512)-[A-Za-z0-9+/=]{20,100}$/.test(v);
const isHexDigest = (v) => /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(v);
const looksLikePathOrUrl = (v) => /^(\.{0,2}\/|~\/|[a-z][a-z0-9+.-]{1,20}:\/\/)/i.test(v) || /^[\w.-]{1,100}\.(json|ya?ml|pem|key|crt|txt|js|ts|py|rb|go|java|env)$/i.test(v);
const looksLikeIdentifier = (v) => /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) || /^[a-z]+(?:[._-][a-z]+)+$/.test(v) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(v);
/**
 * Could `v` be a real credential value? Prose (spaces), paths, URLs, identifiers (ENV_VAR_NAME,
 * dotted.keys), UUIDs, integrity hashes and low-entropy strings are not.
 */
function looksLikeSecret(v, opts) {
    if (v.length > 500 || /\s/.test(v))
        return false;
    if (looksLikePathOrUrl(v) || looksLikeIdentifier(v) || isUuid(v) || isIntegrity(v))
        return false;
    if (/^\d+(\.\d+)*$/.test(v))
        return opts.kind === 'password' && v.length >= 8; // numeric PINs of 8+ digits only
    if (opts.kind === 'password')
        return v.length >= 6 && shannon(v) >= 2.5;
    // generated tokens: long, varied, more than one character class
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
    return v.length >= 16 && shannon(v) >= 3.2 && classes >= 2;
}

;// CONCATENATED MODULE: ./src/rules/iii-config/signing-secrets.ts
const STR = String.raw `(["'])([^"'\n\\]{0,300})\1`;
const JS = [
    [new RegExp(String.raw `\b(?:session|expressSession|cookieSession|koaSession|fastifySession|fastifySecureSession)\s*\(\s*\{[^}]{0,800}?\bsecret\s*:\s*\[?\s*${STR}`, 'g'), 'session secret', 'SESSION_SECRET'],
    [new RegExp(String.raw `\b(?:cookieSession|session)\s*\(\s*\{[^}]{0,800}?\bkeys\s*:\s*\[\s*${STR}`, 'g'), 'cookie-session key', 'SESSION_KEYS'],
    [new RegExp(String.raw `\bcookieParser\s*\(\s*${STR}`, 'g'), 'cookie-parser secret', 'COOKIE_SECRET'],
    [new RegExp(String.raw `\bjwt\.(?:sign|verify)\s*\(\s*(?:[\w.$]{1,80}(?:\([^()]{0,200}\))?|\{[^{}]{0,300}\})\s*,\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET'],
    [new RegExp(String.raw `\b(?:expressjwt|expressJwt|jwtMiddleware|koaJwt)\s*\(\s*\{[^}]{0,400}?\bsecret\s*:\s*${STR}`, 'g'), 'JWT middleware secret', 'JWT_SECRET'],
    [new RegExp(String.raw `\bsecretOrKey\s*:\s*${STR}`, 'g'), 'passport-jwt key', 'JWT_SECRET']
];
const PY = [
    [new RegExp(String.raw `\bapp\.secret_key\s*=\s*[bru]{0,2}${STR}`, 'g'), 'Flask secret_key', 'SECRET_KEY'],
    [new RegExp(String.raw `\b\w{1,40}\.config\[\s*["'](?:SECRET_KEY|JWT_SECRET_KEY)["']\s*\]\s*=\s*[bru]{0,2}${STR}`, 'g'), 'Flask SECRET_KEY', 'SECRET_KEY'],
    [new RegExp(String.raw `\b\w{1,40}\.config\.update\s*\([^)]{0,400}?\b(?:SECRET_KEY|JWT_SECRET_KEY)\s*=\s*[bru]{0,2}${STR}`, 'g'), 'Flask SECRET_KEY', 'SECRET_KEY'],
    [new RegExp(String.raw `^SECRET_KEY\s*=\s*[bru]{0,2}${STR}`, 'gm'), 'Django SECRET_KEY', 'SECRET_KEY'],
    // Flask config objects: class Config: SECRET_KEY = '...'
    [new RegExp(String.raw `^[ \t]+(?:SECRET_KEY|JWT_SECRET_KEY)\s*=\s*[bru]{0,2}${STR}`, 'gm'), 'Flask config SECRET_KEY', 'SECRET_KEY'],
    [new RegExp(String.raw `\bjwt\.(?:encode|decode)\s*\(\s*(?:[\w.]{1,80}|\{[^{}]{0,300}\})\s*,\s*[bru]{0,2}${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET']
];
const RB = [
    [new RegExp(String.raw `\bsecret_key_base\s*(?:=|:|=>)\s*${STR}`, 'g'), 'Rails secret_key_base', 'SECRET_KEY_BASE'],
    [new RegExp(String.raw `\bJWT\.(?:encode|decode)\s*\(\s*(?:[\w.@]{1,80}|\{[^{}]{0,300}\})\s*,\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET']
];
const JAVA = [
    [new RegExp(String.raw `\bAlgorithm\.HMAC(?:256|384|512)\s*\(\s*${STR}`, 'g'), 'JWT HMAC key', 'JWT_SECRET'],
    [new RegExp(String.raw `\.signWith\s*\([^;]{0,120}?,\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET'],
    [new RegExp(String.raw `\bhmacShaKeyFor\s*\(\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET']
];
const GO = [
    [new RegExp(String.raw `\bSignedString\s*\(\s*\[\]byte\s*\(\s*${STR}`, 'g'), 'JWT signing key', 'JWT_SECRET'],
    [new RegExp(String.raw `\b(?:NewCookieStore|NewStore|NewFilesystemStore)\s*\(\s*(?:[\w"/]{0,40},\s*)?\[\]byte\s*\(\s*${STR}`, 'g'), 'session store key', 'SESSION_SECRET'],
    [new RegExp(String.raw `\b(?:jwt|signing|hmac|session|secret)\w{0,20}\s*(?:=|:=)\s*\[\]byte\s*\(\s*${STR}`, 'gi'), 'signing key', 'JWT_SECRET']
];
const BY_LANG = { javascript: JS, typescript: JS, python: PY, ruby: RB, java: JAVA, kotlin: JAVA, go: GO };
/** Settings files meant for development or tests (settings/dev.py, local_settings.py, test_settings.py). */
const isDevSettings = (path) => /(^|[/_.-])(dev|development|local|test|tests|testing|ci)(_settings)?\.py$/i.test(path) ||
    /(^|\/)(local|test|dev)_?settings\.py$/i.test(path);
/** settings_local_example.py, config.sample.js: templates to copy, not deployed code. */
const isTemplatePath = (path) => /(^|[/_.-])(example|sample|template|tpl|dist)([._-][^/]*)?$/i.test(path.slice(path.lastIndexOf('/') + 1));
function signingLiterals(file) {
    return file.parse('iii-signing-literals', (f) => {
        const table = BY_LANG[f.language];
        if (!table)
            return [];
        const out = [];
        const code = f.code;
        for (const [re, what, env] of table) {
            // Django's SECRET_KEY only in settings modules
            if (what === 'Django SECRET_KEY' && !/settings/i.test(f.path) && !code.includes('INSTALLED_APPS'))
                continue;
            if (what === 'Flask config SECRET_KEY' && !/^class\s+\w*Config\b/m.test(code))
                continue;
            re.lastIndex = 0;
            for (let m = re.exec(code); m; m = re.exec(code)) {
                const value = m[m.length - 1];
                out.push({ offset: m.index + m[0].length - value.length - 1, value, what, env });
            }
        }
        return out;
    });
}

;// CONCATENATED MODULE: ./src/rules/iii-config/secret-assignment.ts







// name ("name" or name or obj.name or ['name']) = / : / := / => "literal"
const ASSIGN = /(?:["']([\w.-]{1,80})["']\]?|(?<![\w$\\])([A-Za-z_$][\w$.]{0,80}))\s*(?:=>|:=|=|:)\s*[bruf]{0,2}(["'`])([^"'`\n\\]{1,300})\3/g;
/** Spring/Rails files are TF0310's; translations are prose. */
const FRAMEWORK_CONFIG = /(^|\/)((application|bootstrap)[^/]*\.(ya?ml|properties)|config\/(database|secrets)\.yml)$/;
const NOT_CONFIG = /(^|\/)(locales?|i18n|l10n|lang|translations?|messages)\//i;
function isRealSecret(name, value) {
    const kind = secretNameKind(name);
    if (!kind || isPlaceholder(value) || findToken(value) || /-----BEGIN|:\/\//.test(value))
        return false;
    // Keys that are public by design: Firebase/Google browser keys, Stripe publishable keys, Mapbox public tokens.
    if (/^(AIza[\w-]{35}|pk_(live|test)_\w+|pk\.eyJ[\w.-]+)$/.test(value))
        return false;
    // password: "password1", secret: "my-secret": the name restated, not a credential
    const word = words(name).pop() ?? name;
    if (new RegExp(`^(my|your|the|some|a)?[-_]?${word}[-_]?\\d{0,4}$`, 'i').test(value))
        return false;
    if (kind === 'password' && /^[A-Za-z][a-z]+$/.test(value))
        return false; // a dictionary word: a label or default
    return looksLikeSecret(value, { kind });
}
const secretAssignment = {
    meta: {
        id: 'TF0303',
        name: 'secret-assignment',
        factor: 'III',
        severity: 'error',
        summary: 'A password, API key, token or client secret assigned a literal value in code or config.',
        why: 'Credentials are config: they vary between deploys and must be kept out of the codebase. A literal password ' +
            'in code ships to every deploy, is visible to anyone with repository access, and cannot be rotated without a release.',
        remediation: 'Read the value from the environment and keep it in the deploy\'s secret store; rotate the committed one.',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php', 'none']
    },
    // compose files are offered only when named for production (docker-compose.prod.yml): role 'app'
    files: { kinds: ['source', 'yaml', 'compose', 'json', 'properties', 'toml', 'ini', 'xml'], roles: ['app'] },
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential'],
    check(file, report) {
        if (NOT_CONFIG.test(file.path) || FRAMEWORK_CONFIG.test(file.path))
            return;
        const emit = (name, value, offset) => {
            if (!isRealSecret(name, value))
                return;
            report({
                ...file.position(offset),
                message: `${secretNameKind(name) === 'password' ? 'Password' : 'Secret'} ${name} is assigned the literal ${redact(value)}`,
                remediation: moveToEnv(file, envName(name), true),
                secret: value
            });
        };
        // Kubernetes manifests outside k8s/ folders are TF0308's.
        if (file.kind === 'yaml' && /^apiVersion:/m.test(file.text) && /^kind:/m.test(file.text))
            return;
        if (file.kind !== 'source') {
            for (const e of configEntries(file)) {
                // compose list form: environment: [ "DB_PASSWORD=..." ]
                const kv = file.kind === 'compose' ? /^([A-Za-z_]\w{0,80})=(.+)$/.exec(e.value) : null;
                if (kv)
                    emit(kv[1], kv[2], e.offset + kv[1].length + 1);
                else
                    emit(e.leaf, e.value, e.offset);
            }
            return;
        }
        scanSource(file, emit);
    }
};
function scanSource(file, emit) {
    const owned = new Set(signingLiterals(file).map((s) => s.offset)); // TF0305 reports these
    const code = file.code;
    ASSIGN.lastIndex = 0;
    for (let m = ASSIGN.exec(code); m; m = ASSIGN.exec(code)) {
        const name = m[1] ?? m[2];
        const value = m[4];
        const offset = m.index + m[0].length - value.length - 1;
        if (onLongLine(file, offset))
            continue;
        if (owned.has(offset) || (m[3] === '`' && value.includes('${')) || inLocalEnvBlock(code, m.index))
            continue;
        emit(name.slice(name.lastIndexOf('.') + 1), value, offset);
    }
}
/**
 * Is `offset` inside an object keyed by a local environment name ({ development: { password: 'x' } })?
 * Local databases' passwords are not deploy credentials; TF0311 judges the grouping itself.
 */
function inLocalEnvBlock(code, offset) {
    let depth = 0;
    for (let i = offset - 1, levels = 0; i >= 0 && offset - i < 3000 && levels < 4; i--) {
        const c = code[i];
        if (c === '}')
            depth++;
        else if (c === '{') {
            if (depth > 0) {
                depth--;
                continue;
            }
            levels++;
            const key = /["']?([A-Za-z_]\w{0,30})["']?\s*(?:=>|=|:)\s*$/.exec(code.slice(Math.max(0, i - 60), i));
            if (key && /^(development|dev|test|testing|local)$/i.test(key[1]))
                return true;
        }
    }
    return false;
}

;// CONCATENATED MODULE: ./src/rules/iii-config/committed-dotenv.ts




const PUBLIC_PREFIX = /^(VITE_|NEXT_PUBLIC_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_|GATSBY_|VUE_APP_)/;
const committedDotenv = {
    meta: {
        id: 'TF0304',
        name: 'committed-dotenv',
        factor: 'III',
        severity: 'error',
        summary: 'A .env file with real values is committed to the repository.',
        why: 'A .env file is one deploy\'s config. Committed, it ties the codebase to that deploy (and leaks its ' +
            'credentials to everyone with repository access); the deploy\'s environment should provide the values.',
        remediation: 'Remove the file from the repository (git rm --cached), add it to .gitignore, commit a .env.example with empty or placeholder values instead, and rotate any credential it held.'
    },
    files: { kinds: ['dotenv'] },
    check(file, report) {
        const real = configEntries(file).filter((e) => !isPlaceholder(e.value) && /^[A-Za-z_][\w.]*$/.test(e.key));
        // Only client-bundle variables (Vite, Next.js, CRA...): public by definition, committed by convention.
        if (real.every((e) => PUBLIC_PREFIX.test(e.key)))
            return;
        if (real.length === 0)
            return;
        const secrets = real.filter((e) => findToken(e.value) || isRealSecret(e.key, e.value) || /:\/\/[^/\s:@]+:[^@\s]+@/.test(e.value));
        const dev = file.role === 'dev';
        // A development .env without credentials is a convention (Vite, Next.js); quiet.
        if (dev && secrets.length === 0)
            return;
        const first = secrets[0] ?? real[0];
        const names = (list) => list.slice(0, 6).map((e) => e.key).join(', ') + (list.length > 6 ? ` and ${list.length - 6} more` : '');
        report({
            ...file.position(first.offset),
            severity: secrets.length === 0 ? 'warning' : dev ? 'warning' : 'error',
            message: secrets.length
                ? `Committed ${file.name} holds credentials: ${names(secrets)}`
                : `Committed ${file.name} holds deploy config values: ${names(real)}`,
            secret: secrets.length ? first.value : undefined
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/iii-config/credential-in-url.ts




const URL_CRED = /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:@/'"`<>]{1,100}):([^\s@/'"`<>]{1,200})@([^\s/:'"`?#<>,;)]{1,255})/gi;
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$|(^|\.)example\.(com|org|net)$|\.(local|test|example|invalid|localhost)$/i;
const credentialInUrl = {
    meta: {
        id: 'TF0302',
        name: 'credential-in-url',
        factor: 'III',
        severity: 'error',
        summary: 'A connection URL with a literal password (postgres://user:pass@host).',
        why: 'A backing-service URL is the archetype of config that changes per deploy; with the password inside, the ' +
            'codebase also carries a credential. The whole URL belongs in an environment variable (DATABASE_URL).',
        remediation: 'Move the whole URL to an environment variable (e.g. DATABASE_URL) set by the deploy, and rotate the password.',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'go', 'none']
    },
    files: {
        kinds: ['source', 'dockerfile', 'compose', 'kubernetes', 'workflow', 'procfile', 'yaml', 'json', 'properties', 'toml', 'ini', 'xml', 'other'],
        roles: ['app'] // a compose file's local database URL is not a deploy credential
    },
    keywords: ['://'],
    check(file, report) {
        const code = file.code;
        URL_CRED.lastIndex = 0;
        for (let m = URL_CRED.exec(code); m; m = URL_CRED.exec(code)) {
            const [, scheme, user, password, host] = m;
            if (isPlaceholder(password) || /[${}%<]/.test(user) || /[${}%<]/.test(password) || LOCAL_HOST.test(host))
                continue;
            if (findToken(password))
                continue; // a provider token: TF0301 names it
            const at = m.index + scheme.length + 3 + user.length + 1;
            if (onLongLine(file, at))
                continue;
            const name = nameBefore(code, m.index);
            const env = /^(postgres|postgresql|mysql|mariadb|mongodb(\+srv)?|jdbc)/i.test(scheme) ? 'DATABASE_URL' : /^(redis|rediss)$/i.test(scheme) ? 'REDIS_URL' : /^amqps?$/i.test(scheme) ? 'AMQP_URL' : 'SERVICE_URL';
            report({
                ...file.position(at),
                message: `Password ${redact(password)} for user ${user} in ${scheme}:// URL to ${host}${name ? ` (${name})` : ''}`,
                remediation: `Read the whole URL from the environment: ${envLookup(file, env)}; set it per deploy and rotate the password.`,
                secret: password
            });
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/iii-config/debug-enabled.ts

const DJANGO = /^DEBUG\s*=\s*True\b/gm;
const FLASK = /\b\w{1,40}\.(?:config\[\s*["']DEBUG["']\s*\]\s*=\s*True\b|debug\s*=\s*True\b|config\.update\s*\([^)]{0,300}?\bDEBUG\s*=\s*True\b)/g;
const debugEnabled = {
    meta: {
        id: 'TF0307',
        name: 'debug-enabled',
        factor: 'III',
        severity: 'warning',
        summary: 'Debug mode hardcoded on in application settings (Django DEBUG = True, Flask DEBUG).',
        why: 'Debug mode is config that differs between a developer\'s machine and production. Set in code, every deploy ' +
            'gets it, and in production it exposes tracebacks, settings and source to anyone who triggers an error.',
        remediation: 'Read it from the environment, off unless asked for: DEBUG = os.environ.get("DEBUG") == "1".',
        languages: ['python']
    },
    files: { kinds: ['source'], languages: ['python'] },
    keywords: ['debug'],
    check(file, report) {
        if (isDevSettings(file.path) || isTemplatePath(file.path))
            return; // settings/dev.py, local_settings.py: debug is their point
        const code = file.code;
        const django = /settings/i.test(file.path) || code.includes('INSTALLED_APPS');
        for (const re of django ? [DJANGO, FLASK] : [FLASK]) {
            re.lastIndex = 0;
            for (let m = re.exec(code); m; m = re.exec(code)) {
                const at = m.index + m[0].lastIndexOf('True');
                report({ ...file.position(at), message: `${re === DJANGO ? 'Django DEBUG' : 'Flask debug mode'} is hardcoded to True` });
            }
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/iii-config/fallback-secret-literal.ts




const S = String.raw `(["'])([^"'\n\\]{0,200})`;
// [regex, language filter]; group 1 = env var name, last groups = quote + literal.
const PATTERNS = [
    [new RegExp(String.raw `process\.env(?:\.([A-Za-z_]\w{0,80})|\[\s*["']([A-Za-z_]\w{0,80})["']\s*\])\s*(?:\|\||\?\?)\s*${S}\3`, 'g'), /javascript|typescript/],
    [new RegExp(String.raw `os\.(?:environ\.get|getenv)\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*,\s*()${S}\3\s*\)`, 'g'), /python/],
    [new RegExp(String.raw `os\.(?:environ\.get|getenv)\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*\)\s*or\s*()${S}\3`, 'g'), /python/],
    [new RegExp(String.raw `os\.environ\.setdefault\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*,\s*()${S}\3`, 'g'), /python/],
    // python-decouple config('X', default='...'), django-environ env('X', default='...') / env.str(...)
    [new RegExp(String.raw `\b(?:config|env|env\.str)\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*,\s*default\s*=\s*()${S}\3`, 'g'), /python/],
    [new RegExp(String.raw `ENV\.fetch\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*(?:\)\s*\{\s*|,\s*)()${S}\3`, 'g'), /ruby/],
    [new RegExp(String.raw `ENV\[\s*["']([A-Za-z_]\w{0,80})["']\s*\]\s*(?:\|\||or)\s*()${S}\3`, 'g'), /ruby/],
    [new RegExp(String.raw `getOrDefault\s*\(\s*"([A-Za-z_]\w{0,80})"\s*,\s*()${S}\3`, 'g'), /java|kotlin/],
    [new RegExp(String.raw `System\.getenv\s*\(\s*"([A-Za-z_]\w{0,80})"\s*\)\s*\)\s*\.orElse\s*\(\s*()${S}\3`, 'g'), /java|kotlin/],
    // Go and others: a helper like getEnv("JWT_SECRET", "fallback")
    [new RegExp(String.raw `\b(?:get_?[Ee]nv\w{0,20}|[Ee]nv[Oo]r\w{0,10}|envOrDefault|env_or|lookupEnv\w{0,10})\s*\(\s*["']([A-Za-z_]\w{0,80})["']\s*,\s*()${S}\3`, 'g'), /./],
    // Spring and other ${VAR:default} placeholders in config
    [new RegExp(String.raw `\$\{([A-Za-z_][\w.-]{0,80}):()()([^}\n"]{1,200})\}`, 'g'), /none|java|kotlin/] // also @Value("${jwt.secret:x}")
];
const fallbackSecretLiteral = {
    meta: {
        id: 'TF0306',
        name: 'fallback-secret-literal',
        factor: 'III',
        severity: 'warning',
        summary: 'A secret read from the environment falls back to a literal (process.env.JWT_SECRET || \'secret\').',
        why: 'Reading config from the environment is right, but a literal fallback means a deploy that forgot the ' +
            'variable runs with a secret published in the codebase instead of failing. Config must come from the deploy, not the code.',
        remediation: 'Drop the fallback and fail at startup when the variable is missing.',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'none']
    },
    files: { kinds: ['source', 'properties', 'yaml'] },
    keywords: ['env', '${'],
    check(file, report) {
        const code = file.code;
        for (const [re, lang] of PATTERNS) {
            if (!lang.test(file.language))
                continue;
            re.lastIndex = 0;
            for (let m = re.exec(code); m; m = re.exec(code)) {
                const name = m[1] ?? m[2];
                const value = m[m.length - 1];
                if (!name || !secretNameKind(name) || value === '' || isEnvReference(value))
                    continue;
                const offset = m.index + m[0].lastIndexOf(value);
                if (onLongLine(file, offset))
                    continue;
                report({
                    ...file.position(offset),
                    message: `${name} falls back to the literal '${redact(value)}' when the variable is unset`,
                    remediation: remedy(file, name),
                    secret: value
                });
            }
        }
    }
};
function remedy(file, name) {
    const fix = {
        javascript: `const v = process.env.${name}; if (!v) throw new Error('${name} is not set')`,
        typescript: `const v = process.env.${name}; if (!v) throw new Error('${name} is not set')`,
        python: `os.environ["${name}"] (raises KeyError when unset)`,
        ruby: `ENV.fetch("${name}") without a default (raises KeyError when unset)`,
        go: `v, ok := os.LookupEnv("${name}"); if !ok { log.Fatal("${name} is not set") }`,
        java: `Objects.requireNonNull(System.getenv("${name}"), "${name} is not set")`,
        kotlin: `System.getenv("${name}") ?: error("${name} is not set")`
    };
    return `Fail fast instead of falling back: ${fix[file.language] ?? `\${${name}} without a default (startup fails when it is unset); or ${envLookup(file, name)}`}.`;
}

;// CONCATENATED MODULE: ./src/rules/iii-config/framework-config-password.ts




const SPRING = /(^|\/)(application|bootstrap)([-.][^/]*)?\.(ya?ml|properties)$/;
const RAILS = /(^|\/)config\/(database|secrets)\.yml$/;
const DEV = /^(dev|development|local|test|tests|testing|ci|h2)$/i;
const frameworkConfigPassword = {
    meta: {
        id: 'TF0310',
        name: 'framework-config-password',
        factor: 'III',
        severity: 'error',
        summary: 'A literal password or secret in Spring application properties/YAML or Rails database.yml/secrets.yml.',
        why: 'Framework config files are committed with the code; the credentials a deploy uses are config that must come ' +
            'from the deploy. Spring and Rails both read environment variables for exactly this.',
        remediation: 'Reference an environment variable: ${DB_PASSWORD} in Spring, <%= ENV.fetch("DB_PASSWORD") %> in Rails YAML.',
        languages: ['java', 'kotlin', 'ruby']
    },
    files: { kinds: ['yaml', 'properties'], path: /(^|\/)((application|bootstrap)[^/]*\.(ya?ml|properties)|config\/(database|secrets)\.yml)$/ },
    keywords: ['pass', 'secret', 'key', 'token', 'credential'],
    check(file, report) {
        const spring = SPRING.test(file.path);
        if (!spring && !RAILS.test(file.path))
            return;
        const profile = /application-([\w]+)\./.exec(file.name)?.[1];
        if (profile && DEV.test(profile))
            return;
        const entries = configEntries(file);
        const devDocs = new Set(entries.filter((e) => /(^|\.)(on-profile|profiles)$/.test(e.key) && DEV.test(e.value)).map((e) => e.section));
        // A password beside a localhost datasource URL is a local default: a warning, not an error.
        const parent = (e) => `${e.section}|${e.key.slice(0, Math.max(0, e.key.lastIndexOf('.')))}`;
        const localParents = new Set(entries.filter((e) => /(^|\.)url$/.test(e.key) && /localhost|127\.0\.0\.1/.test(e.value)).map(parent));
        for (const e of entries) {
            const local = spring && localParents.has(parent(e));
            if (!secretNameKind(e.leaf) || isPlaceholder(e.value) || findToken(e.value) || /<%|\$\{/.test(e.value))
                continue;
            if (spring ? devDocs.has(e.section) : DEV.test(e.key.split('.')[0]))
                continue;
            report({
                ...file.position(e.offset),
                severity: local ? 'warning' : 'error',
                message: `${e.key} is the literal ${e.value.length >= 8 ? redact(e.value) : `'${'*'.repeat(4)}'`}${local ? ' (local database default)' : ''}`,
                remediation: fix(spring, e),
                secret: e.value
            });
        }
    }
};
function fix(spring, e) {
    const name = spring ? envName(e.key) : envName(e.leaf);
    return spring
        ? `Use \${${name}} (or drop the property: Spring binds the ${name} environment variable to ${e.key} by itself) and set it per deploy; rotate the committed value.`
        : `Use <%= ENV.fetch("${name}") %> (or DATABASE_URL / Rails credentials) and set it per deploy; rotate the committed value.`;
}

;// CONCATENATED MODULE: ./src/rules/iii-config/hardcoded-credential.ts



const PEM_BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;
const AWS_SECRET = /(aws_?secret_?(?:access_?)?key|secret_?access_?key)['"]?\s*(?:=>|:=|[:=])\s*['"]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi;
const hardcodedCredential = {
    meta: {
        id: 'TF0301',
        name: 'hardcoded-credential',
        factor: 'III',
        severity: 'error',
        summary: 'Provider tokens, cloud keys and private keys committed in code or config.',
        why: 'Credentials are config: they differ between deploys and must never be in the codebase. A repository could be ' +
            'made public at any moment without compromising any credential; a committed key is readable by everyone with ' +
            'access to the code and its history, and rotating it needs a code change.',
        remediation: 'Revoke and rotate the credential, then read it from the environment and keep the value in a secret store.',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'go', 'kotlin', 'php', 'shell', 'none']
    },
    files: {
        // .env files are TF0304's (one finding per file); Markdown is documentation.
        kinds: ['source', 'dockerfile', 'compose', 'kubernetes', 'workflow', 'procfile', 'yaml', 'json', 'properties', 'toml', 'ini', 'xml', 'other']
    },
    keywords: [...TOKEN_KEYWORDS, 'private key', 'secret_access_key', 'secretaccesskey', 'aws_secret', 'secret_key'],
    check(file, report) {
        const text = file.text;
        const severity = roleSeverity(file);
        let budget = 100; // a file with more is a dump of keys; the first hundred make the point
        for (const p of TOKEN_PATTERNS) {
            p.re.lastIndex = 0;
            for (let m = p.re.exec(text); m && budget > 0; m = p.re.exec(text)) {
                const token = m[1];
                if (p.ignore?.(token))
                    continue;
                const at = m.index + m[0].indexOf(token);
                budget--;
                const name = nameBefore(text, at);
                report({
                    ...file.position(at),
                    severity,
                    message: `${p.label} ${redact(token)}${name ? ` assigned to ${name}` : ''}`,
                    remediation: moveToEnv(file, name ? envName(name) : envName(p.id.replace(/-(token|key|id)$/, '_$1')), true),
                    secret: token
                });
            }
        }
        awsSecretKeys(file, severity, report);
        privateKeys(file, severity, report);
    }
};
function awsSecretKeys(file, severity, report) {
    AWS_SECRET.lastIndex = 0;
    for (let m = AWS_SECRET.exec(file.text); m; m = AWS_SECRET.exec(file.text)) {
        const value = m[2];
        if (/EXAMPLE/.test(value) || isPlaceholder(value) || !/[A-Z]/.test(value) || !/[a-z]/.test(value))
            continue;
        const at = m.index + m[0].lastIndexOf(value);
        report({
            ...file.position(at),
            severity,
            message: `AWS secret access key ${redact(value)} assigned to ${m[1]}`,
            remediation: moveToEnv(file, 'AWS_SECRET_ACCESS_KEY', true) + ' Better: drop static keys for an IAM role (instance profile, IRSA, OIDC).',
            secret: value
        });
    }
}
function privateKeys(file, severity, report) {
    const text = file.text;
    const gcp = /["']?type["']?\s*:\s*["']service_account["']/.test(text);
    PEM_BEGIN.lastIndex = 0;
    for (let m = PEM_BEGIN.exec(text); m; m = PEM_BEGIN.exec(text)) {
        const bodyStart = m.index + m[0].length;
        const end = text.indexOf('-----END', bodyStart);
        const raw = text.slice(bodyStart, end !== -1 && end - bodyStart < 12000 ? end : bodyStart + 400);
        // Escaped newlines (JSON, code strings) and string concatenation are not key material.
        const body = raw.replace(/\\[nr]/g, '').replace(/["'+,\s]/g, '');
        if (isPlaceholder(body) || (body.match(/[A-Za-z0-9+/=]/g) ?? []).length < 64 || /\.\.\.|…|x{8}/i.test(body))
            continue;
        const name = nameBefore(text, m.index);
        const isGcp = gcp && name === 'private_key';
        report({
            ...file.position(m.index),
            severity,
            message: isGcp ? 'GCP service-account private key in private_key' : `${m[1].replace('PRIVATE KEY', 'private key').replace(/^private/, 'Private')} block${name ? ` assigned to ${name}` : ''}`,
            remediation: isGcp
                ? 'Delete the service-account key in the GCP console, remove the JSON from the repository, and use workload identity (or GOOGLE_APPLICATION_CREDENTIALS pointing at a file mounted from a secret store).'
                : 'Treat the key as compromised: replace it, remove it from the repository, and mount the new key at runtime from a secret store (path given by an environment variable).',
            // A one-line key (JSON, code string) sits on the reported line: redact all of it.
            secret: /[\r\n]/.test(raw) ? undefined : raw
        });
    }
}

;// CONCATENATED MODULE: ./src/rules/iii-config/k8s-literal-secret-env.ts




const FIX = 'Reference a Secret instead: valueFrom: { secretKeyRef: { name: app-secrets, key: X } }, with the Secret created outside the repository (External Secrets, sealed-secrets, SOPS, or the CD system).';
const k8sLiteralSecretEnv = {
    meta: {
        id: 'TF0308',
        name: 'k8s-literal-secret-env',
        factor: 'III',
        severity: 'error',
        summary: 'Kubernetes manifests with literal credentials (env value:, Secret data/stringData, ConfigMap passwords).',
        why: 'Manifests are code; the credentials a deploy uses are config. A literal in a manifest ships the same ' +
            'credential to every cluster, exposes it to everyone with repository access, and rotating it needs a commit.',
        remediation: FIX
    },
    files: { kinds: ['kubernetes', 'yaml'] },
    keywords: ['apiversion'],
    check(file, report) {
        const docs = yamlOf(file).docs;
        const kinds = docs.map((d) => String(topScalar(d, 'kind') ?? ''));
        if (!docs.some((d) => topScalar(d, 'apiVersion') !== undefined))
            return;
        const severity = file.role === 'dev' ? 'notice' : 'error';
        const envNames = new Map();
        const entries = yamlEntries(file);
        for (const e of entries)
            if (e.key === 'name' && e.path.includes('env'))
                envNames.set(e.path.slice(0, -1).join('/'), String(e.value));
        const secretDocsDone = new Set();
        for (const e of entries) {
            const kind = kinds[e.docIndex];
            const v = e.value === null ? '' : String(e.value);
            const at = e.offset + (e.quoted ? 1 : 0);
            if (e.key === 'value' && e.path[e.path.length - 3] === 'env') {
                const name = envNames.get(e.path.slice(0, -1).join('/'));
                if (!name || !secretNameKind(name) || isPlaceholder(v) || findToken(v) || v.length < 3)
                    continue;
                report({ ...file.position(at), severity, message: `Env var ${name} is given a literal value instead of valueFrom.secretKeyRef`, secret: v });
            }
            else if (kind === 'Secret' && (e.path[0] === 'stringData' || e.path[0] === 'data') && e.path.length === 2 && !secretDocsDone.has(e.docIndex)) {
                const plain = e.path[0] === 'data' ? k8s_literal_secret_env_decode(v) : v;
                if (plain === undefined || isPlaceholder(plain) || plain.toLowerCase() === e.key.toLowerCase() || findToken(plain))
                    continue;
                secretDocsDone.add(e.docIndex);
                const keys = entries.filter((x) => x.docIndex === e.docIndex && (x.path[0] === 'stringData' || x.path[0] === 'data') && x.path.length === 2).map((x) => x.key);
                report({ ...file.position(at), severity, message: `Secret ${secretName(file, e.docIndex)} commits its ${e.path[0]} (${keys.slice(0, 5).join(', ')}) to the repository`, secret: v,
                    remediation: 'Do not commit Secret values (data is only base64, not encryption): create the Secret from a secret store at deploy time (External Secrets, sealed-secrets, SOPS), and rotate these values.' });
            }
            else if (kind === 'ConfigMap' && e.path[0] === 'data' && e.path.length === 2 && isRealSecret(e.key, v)) {
                report({ ...file.position(at), severity, message: `ConfigMap key ${e.key} holds a literal credential`, secret: v, remediation: 'Move it to a Secret created outside the repository and reference it with secretKeyRef.' });
            }
        }
    }
};
function k8s_literal_secret_env_decode(b64) {
    if (!/^[A-Za-z0-9+/=\s]{1,10000}$/.test(b64))
        return undefined;
    return Buffer.from(b64, 'base64').toString('utf8');
}
function secretName(file, docIndex) {
    const meta = yamlEntries(file).find((e) => e.docIndex === docIndex && e.path.length === 2 && e.path[0] === 'metadata' && e.key === 'name');
    return meta ? String(meta.value) : '(unnamed)';
}

;// CONCATENATED MODULE: ./src/rules/iii-config/literal-signing-secret.ts





const literalSigningSecret = {
    meta: {
        id: 'TF0305',
        name: 'literal-signing-secret',
        factor: 'III',
        severity: 'error',
        summary: 'A session, cookie or token signing secret given as a literal (express-session, jwt.sign, Django/Flask SECRET_KEY, Rails secret_key_base).',
        why: 'The signing secret is per-deploy config and a credential: with it in the code, anyone who can read the ' +
            'repository can forge sessions and tokens for every deploy, and no deploy can rotate it without a code change.',
        remediation: 'Read the secret from the environment at startup and fail fast when it is missing.',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go']
    },
    files: { kinds: ['source'], languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go'] },
    keywords: ['secret', 'jwt', 'keys', 'cookieparser', 'signwith', 'hmac', 'signedstring', 'cookiestore', 'newstore'],
    check(file, report) {
        if (isTemplatePath(file.path))
            return;
        for (const lit of signingLiterals(file)) {
            // INSERT_YOUR_SECRET_HERE / NEW_SECRET_KEY: a template slot (or an env var name passed by mistake)
            if (onLongLine(file, lit.offset) || lit.value === '' || isEnvReference(lit.value) || /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(lit.value))
                continue;
            // A dev/test settings module may carry a throwaway key; say so quietly.
            const dev = file.language === 'python' && isDevSettings(file.path);
            report({
                ...file.position(lit.offset),
                severity: dev ? 'notice' : 'error',
                message: `${lit.what} is the literal '${redact(lit.value)}'${dev ? ' (development settings)' : ''}`,
                remediation: `Use ${envLookup(file, lit.env)} and fail at startup when it is unset; generate a long random value per deploy and rotate this one.`,
                secret: lit.value
            });
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/iii-config/workflow-literal-secret.ts




const workflowLiteralSecret = {
    meta: {
        id: 'TF0309',
        name: 'workflow-literal-secret',
        factor: 'III',
        severity: 'error',
        summary: 'A GitHub Actions workflow passes a literal credential in env: or with: instead of ${{ secrets.X }}.',
        why: 'Workflows are code in the repository; credentials are config kept outside it. A literal token in a workflow ' +
            'is readable by anyone who can read the repository (and by every fork), and cannot be rotated without a commit.',
        remediation: 'Store the value as a repository or environment secret and reference it: ${{ secrets.NAME }}.'
    },
    files: { kinds: ['workflow'] },
    keywords: ['env', 'with'],
    check(file, report) {
        for (const e of yamlEntries(file)) {
            const parent = e.path[e.path.length - 2];
            if ((parent !== 'env' && parent !== 'with') || e.path.includes('services') || e.path.includes('container'))
                continue;
            const v = e.value === null ? '' : String(e.value);
            if (!isRealSecret(e.key, v))
                continue;
            report({
                ...file.position(e.offset + (e.quoted ? 1 : 0)),
                message: `${parent}: ${e.key} is the literal ${redact(v)}`,
                remediation: `Store it as a secret and use \${{ secrets.${envName(e.key)} }}; rotate the committed value.`,
                secret: v
            });
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/iii-config/index.ts











const III_CONFIG_RULES = [
    hardcodedCredential, credentialInUrl, secretAssignment, committedDotenv, literalSigningSecret, fallbackSecretLiteral, debugEnabled,
    k8sLiteralSecretEnv, workflowLiteralSecret, frameworkConfigPassword, configGroupedByEnvironment
];

;// CONCATENATED MODULE: ./src/rules/shared/backing-service-urls.ts
const SCHEME_KIND = {
    mongodb: ['database', 'MONGODB_URI'], 'mongodb+srv': ['database', 'MONGODB_URI'],
    postgres: ['database', 'DATABASE_URL'], postgresql: ['database', 'DATABASE_URL'], 'postgresql+psycopg2': ['database', 'DATABASE_URL'], 'postgresql+psycopg': ['database', 'DATABASE_URL'], 'postgresql+asyncpg': ['database', 'DATABASE_URL'],
    mysql: ['database', 'DATABASE_URL'], 'mysql+pymysql': ['database', 'DATABASE_URL'], 'mysql+mysqldb': ['database', 'DATABASE_URL'], mysql2: ['database', 'DATABASE_URL'], mariadb: ['database', 'DATABASE_URL'],
    sqlserver: ['database', 'DATABASE_URL'], mssql: ['database', 'DATABASE_URL'], cockroachdb: ['database', 'DATABASE_URL'], clickhouse: ['database', 'CLICKHOUSE_URL'],
    cassandra: ['database', 'CASSANDRA_URL'], neo4j: ['database', 'NEO4J_URI'], 'neo4j+s': ['database', 'NEO4J_URI'], bolt: ['database', 'NEO4J_URI'], couchbase: ['database', 'COUCHBASE_URL'],
    redis: ['cache', 'REDIS_URL'], rediss: ['cache', 'REDIS_URL'], memcached: ['cache', 'MEMCACHED_URL'], memcache: ['cache', 'MEMCACHED_URL'],
    amqp: ['queue', 'AMQP_URL'], amqps: ['queue', 'AMQP_URL'], kafka: ['queue', 'KAFKA_BROKERS'], nats: ['queue', 'NATS_URL'], sqs: ['queue', 'SQS_QUEUE_URL'],
    smtp: ['smtp', 'SMTP_URL'], smtps: ['smtp', 'SMTP_URL'],
    elasticsearch: ['search', 'ELASTICSEARCH_URL'], opensearch: ['search', 'OPENSEARCH_URL']
};
// scheme://[user[:password]@]host[:port]; jdbc:<db>://host and the Oracle thin form are normalised.
const URL_RE = /\b(?:jdbc:)?([a-z][a-z0-9+]{1,24}):\/\/(?:([^\s'"`@/:]{0,200})(?::([^\s'"`@/]{0,200}))?@)?(\[[0-9a-fA-F:]{2,45}\]|[A-Za-z0-9_.${}<>%-]{1,253})(?::(\d{1,5}))?/g;
const HTTP_SEARCH_PORTS = new Set(['9200', '9243', '8983']);
const S3_HOST = /(^|\.)(s3([.-][\w-]{1,40})?\.amazonaws\.com|digitaloceanspaces\.com|r2\.cloudflarestorage\.com|storage\.googleapis\.com|backblazeb2\.com)$/i;
/** Placeholder hosts in messages and docstrings: host, hostname, example.com, <host>, ${HOST}. */
const PLACEHOLDER_HOST = /^(host|hostname|server|your[\w-]*|my[\w-]*host|example(\.\w+)?|[\w.-]*\.example(\.\w+)?|[\w.-]*example\.(com|org|net)|x+|\*|.*[${}<>%].*)$/i;
function findLocators(text) {
    const out = [];
    if (text.length > 4000)
        return out;
    URL_RE.lastIndex = 0;
    for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
        const scheme = m[1].toLowerCase();
        const host = m[4];
        const port = m[5];
        if (PLACEHOLDER_HOST.test(host) || !/[A-Za-z0-9]/.test(host))
            continue;
        let kind = SCHEME_KIND[scheme];
        if (!kind && (scheme === 'http' || scheme === 'https')) {
            if ((port && HTTP_SEARCH_PORTS.has(port)) || /(^|[.-])(elasticsearch|opensearch|es)([.-]|$)|\.found\.io$|\.elastic-cloud\.com$/i.test(host))
                kind = ['search', 'ELASTICSEARCH_URL'];
            else if (S3_HOST.test(host) && /endpoint/i.test(text))
                kind = ['object storage', 'S3_ENDPOINT'];
        }
        if (!kind)
            continue;
        const password = m[3];
        out.push({
            token: `${scheme}://${host}${port ? `:${port}` : ''}`,
            host,
            kind: kind[0],
            envVar: kind[1],
            ...(password && !/^[${<%*]/.test(password) ? { secret: password } : {}),
            index: m.index
        });
    }
    // Kafka broker lists and SMTP relays are usually bare host[:port] strings.
    const broker = /(['"])([A-Za-z0-9][\w.-]{0,200}):(909[2-4]|19092|29092)\1/.exec(text);
    if (broker && /broker|bootstrap|kafka/i.test(text) && !PLACEHOLDER_HOST.test(broker[2])) {
        out.push({ token: `${broker[2]}:${broker[3]}`, host: broker[2], kind: 'queue', envVar: 'KAFKA_BROKERS', index: broker.index + 1 });
    }
    const smtp = /(['"])((?:smtp|email-smtp|smtp-relay|mail)\.[\w-]{1,63}(?:\.[\w-]{1,63}){1,6})\1/.exec(text);
    if (smtp && /\.[a-z]{2,}$/i.test(smtp[2]) && !PLACEHOLDER_HOST.test(smtp[2])) {
        out.push({ token: smtp[2], host: smtp[2], kind: 'smtp', envVar: 'SMTP_HOST', index: smtp.index + 1 });
    }
    return out;
}
/** Env lookups whose literal operand is only a fallback. */
const ENV_LOOKUP = /process\.env|import\.meta\.env|\bDeno\.env|\bBun\.env|os\.environ|os\.getenv|\bgetenv\s*\(|\bENV\s*(\[|\.fetch)|System\.getenv|System\.getProperty|os\.(Getenv|LookupEnv)|\benv\s*\(|\benv\.(str|db|cache|url|email_url|search_url)\s*\(|\bconfig\s*\(\s*['"][A-Z_]|dj_database_url|\$\{[A-Za-z_][\w.-]{0,100}:|\bdefault\s*=|\benv\s*:\s*['"]|\$\{\{?\s*env/;
function isEnvFallback(line, previous = '') {
    return ENV_LOOKUP.test(line) || /(os\.environ\.get|os\.getenv|ENV\.fetch|getenv)\s*\(\s*$|,\s*$/.test(previous) && ENV_LOOKUP.test(previous);
}
/** Files named for development or tests (settings_dev.py, config/environments/test.rb, application-local.yml). */
function isDevOrTestName(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return /(^|[._-])(dev|devel|development|local|test|tests|testing|ci|e2e|spec)([._-]|$)/i.test(name);
}
/** Libraries that talk to a backing service: a `host:` in a file using one names that service. */
const CLIENT_HINT = /\b(pg|postgres|mysql2?|mariadb|mongoose|mongodb|redis|ioredis|bull(mq)?|amqplib|kafkajs|nodemailer|@elastic\/elasticsearch|knex|sequelize|typeorm|prisma|psycopg2?|pymysql|MySQLdb|sqlalchemy|create_engine|pymongo|motor|smtplib|pika|kombu|celery|confluent_kafka|elasticsearch|aiokafka|Sequel|ActiveRecord|Redis\.new|Bunny|Jedis|Lettuce|JavaMailSender|DriverManager|database\/sql|go-redis|sarama|amqp091|gorm|mgo)\b/;
/** How to read a locator from the environment, in the app's language/framework; `config` for YAML/properties files. */
function envSnippet(envVar, language, app, where = 'code') {
    const fw = app?.framework;
    switch (language) {
        case 'javascript':
        case 'typescript':
            return where === 'config' ? `map the key to ${envVar} (node-config: config/custom-environment-variables.json)` : `\`const url = process.env.${envVar}; if (!url) throw new Error('${envVar} is not set')\``;
        case 'python':
            if (fw === 'django' && envVar === 'DATABASE_URL')
                return "`DATABASES = {'default': dj_database_url.config(conn_max_age=600)}` (reads DATABASE_URL)";
            return `\`${envVar} = os.environ['${envVar}']\``;
        case 'ruby':
            return where === 'config' ? `\`url: <%= ENV.fetch("${envVar}") %>\`` : `\`ENV.fetch("${envVar}")\``;
        case 'java':
        case 'kotlin':
            if (where === 'config')
                return `\`\${${envVar}}\` (a placeholder without a literal default)`;
            if (fw === 'spring-boot')
                return language === 'kotlin' ? `\`@Value("\\\${${envVar}}") lateinit var url: String\`` : `\`@Value("\${${envVar}}") String url;\``;
            return `\`System.getenv("${envVar}")\``;
        case 'go':
            return `\`url, ok := os.LookupEnv("${envVar}"); if !ok { log.Fatal("${envVar} is not set") }\``;
        case 'php':
            return fw === 'laravel' ? `\`env('${envVar}')\` in config/*.php` : `\`getenv('${envVar}')\``;
        default:
            return `${envVar} from the environment`;
    }
}
/** Prose around a URL: help texts, examples, log lines name a locator without connecting to it. */
const PROSE = /\b(e\.g\.|for example|example:|such as|usage:|help\s*=|description\s*[:=])|\b(console\.(log|info|warn|error|debug)|logger\.\w+|logging\.\w+|log\.(Print\w*|Fatal\w*|info|warn|error|debug)|print|puts|fmt\.(Print|Sprint|Errorf)\w*|System\.(out|err)\.print\w*)\s*\(/i;
function isProse(line) {
    return PROSE.test(line);
}
/** Offsets covered by Python triple-quoted strings (docstrings): documentation, not configuration. */
function docstringRanges(code) {
    const out = [];
    const re = /("""|\'\'\')/g;
    for (let m = re.exec(code); m; m = re.exec(code)) {
        const end = code.indexOf(m[1], m.index + 3);
        const stop = end === -1 ? code.length : end + 3;
        out.push([m.index, stop]);
        re.lastIndex = stop;
    }
    return out;
}
const DEV_WORD = /\b(development|dev|test|testing|local|DEBUG|isDev|isDevelopment|__DEV__|isTest)\b/;
const DEV_SECTION_KEY = /^\s*['"]?(development|dev|test|testing|local)['"]?\s*[:=]\s*[{(]/;
/** `if not DEBUG:`, `if (!isDev)`, `NODE_ENV !== 'development'`: the production side of the flag. */
const NEGATED_DEV = /\bnot\s+[\w.]{0,40}(DEBUG|dev|development)\b|!\s*[\w.]{0,40}(isDev|isDevelopment|DEBUG|__DEV__)\b|!==?\s*['"](development|dev|test|local)['"]|\bunless\s+[\w.]{0,40}(development|dev|DEBUG)/i;
const BLOCK_HEADER = /^\s*(\}\s*)?(if|elif|else\s+if|when|unless|case)\b|\bif\s*\(/;
/**
 * Is line `i` (0-based) code that only runs in development or tests: the body of an
 * `if (NODE_ENV === 'development')` / `if settings.DEBUG:` block, or a ternary on such a flag?
 */
function inDevBranch(lines, i) {
    const line = lines[i] ?? '';
    if (/\b(development|isDev|isDevelopment|__DEV__|DEBUG)\b[^?\n]{0,80}\?/.test(line))
        return true;
    let indent = line.search(/\S/);
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
        const prev = lines[j];
        if (prev.length > 4000 || prev.trim() === '')
            continue;
        const pIndent = prev.search(/\S/);
        if (pIndent >= indent)
            continue;
        // `development: { db: {...} }`: a per-environment object of which this is the dev/test part.
        if (DEV_SECTION_KEY.test(prev))
            return true;
        if (/^\s*['"]?[\w-]{1,60}['"]?\s*[:=]\s*[{(\[]\s*$/.test(prev)) {
            indent = pIndent; // an intermediate object key (db: {): keep climbing
            continue;
        }
        if (!BLOCK_HEADER.test(prev) || !DEV_WORD.test(prev) || NEGATED_DEV.test(prev))
            return false;
        return !/\bprod(uction)?\b/.test(prev.replace(/!==?\s*['"]prod(uction)?['"]/, ' dev '));
    }
    return false;
}

;// CONCATENATED MODULE: ./src/rules/iv-backing-services/file-database-in-production.ts

const WHY_SHORT = 'a file on the local disk is not an attached resource: it cannot be swapped per deploy, is lost when the container is replaced and cannot be shared by a second process';
function django(file, out) {
    const lines = file.code.split(/\r\n|\r|\n/);
    let inTopLevelDatabases = false;
    lines.forEach((line, i) => {
        if (line.length > 4000)
            return;
        if (/^DATABASES\s*=/.test(line))
            inTopLevelDatabases = true;
        else if (/^[A-Za-z_]/.test(line))
            inTopLevelDatabases = false; // another top-level statement (or DATABASES inside if/else)
        if (!inTopLevelDatabases)
            return;
        const m = /(['"])django\.db\.backends\.sqlite3\1/.exec(line);
        if (!m)
            return;
        out({
            line: i + 1,
            column: m.index + 1,
            message: `Django DATABASES uses \`django.db.backends.sqlite3\` in ${file.name}: ${WHY_SHORT}`,
            remediation: "Attach a database server through the environment: `DATABASES = {'default': dj_database_url.config(conn_max_age=600)}` with DATABASE_URL=postgres://... per deploy; keep SQLite for a settings_dev.py."
        });
    });
}
function railsDatabaseYml(file, out) {
    let section = '';
    let defaultSqlite = false;
    let reportedInSection = false;
    file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
        if (line.length > 4000)
            return;
        const top = /^([A-Za-z_][\w-]{0,60}):/.exec(line);
        if (top) {
            section = top[1];
            reportedInSection = false;
        }
        const adapter = /^\s+adapter:\s*['"]?sqlite3?\b/.exec(line);
        if (adapter && section === 'default')
            defaultSqlite = true;
        if (!/^(production|staging)$/.test(section) || reportedInSection)
            return;
        const db = /^\s+database:\s*['"]?([^'"\s#<]{1,200}\.sqlite3?|[^'"\s#<]{1,200}\.db)\b/.exec(line);
        if (adapter || (db && defaultSqlite) || (db && /\.sqlite3?$/.test(db[1]))) {
            reportedInSection = true;
            out({
                line: i + 1,
                column: (line.search(/\S/) ?? 0) + 1,
                message: `Rails ${section} database is SQLite (${db ? `\`${db[1]}\`` : '`adapter: sqlite3`'}): ${WHY_SHORT}`,
                remediation: `Attach a database server: \`${section}:\\n  url: <%= ENV["DATABASE_URL"] %>\` (Rails reads DATABASE_URL by itself), with the host set per deploy.`
            });
        }
    });
}
function springProps(file, out) {
    file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
        if (line.length > 4000)
            return;
        const m = /jdbc:(sqlite:|h2:file:|h2:~|h2:\.\/|h2:\/|derby:(?!memory))[^\s'"]{0,300}/.exec(line);
        if (!m || /\$\{/.test(line.slice(0, m.index)))
            return;
        out({ line: i + 1, column: m.index + 1, message: `\`${m[0]}\` is a file-based database: ${WHY_SHORT}`, remediation: 'Point spring.datasource.url at a database server given by the environment: `spring.datasource.url=${DATABASE_URL}` (or SPRING_DATASOURCE_URL per deploy); keep H2/SQLite in application-dev.properties.' });
    });
}
const CODE_PATTERNS = [
    { language: /^(javascript|typescript)$/, re: /new\s+(?:sqlite3\.)?Database\s*\(\s*(['"`])([^'"`]{1,200}\.(?:db|sqlite3?))\1/, fix: 'Connect to a database server given by `process.env.DATABASE_URL` (pg, mysql2, Prisma) instead of a file in the container.' },
    { language: /^(javascript|typescript)$/, re: /\b(?:client|dialect|type)\s*:\s*(['"])(sqlite3?|better-sqlite3)\1/, fix: 'Configure the ORM from `process.env.DATABASE_URL` with a server dialect (postgres, mysql) for deployed environments.' },
    { language: /^python$/, re: /\bsqlite3\.connect\s*\(\s*[rbf]?(['"])((?!:memory:)[^'"]{1,200})\1/, fix: "Use a database server from the environment: `create_engine(os.environ['DATABASE_URL'])` (SQLAlchemy) or psycopg." },
    { language: /^python$/, re: /create_engine\s*\(\s*[rbf]?(['"])(sqlite:\/\/\/(?!:memory:)[^'"]{1,200})\1/, fix: "Use `create_engine(os.environ['DATABASE_URL'])` with a server URL per deploy." },
    { language: /^go$/, re: /(?:sql\.Open|sqlx\.(?:Open|Connect))\s*\(\s*"(sqlite3?)"\s*,\s*"((?!:memory:)[^"]{1,200})"/, fix: 'Open a server database from the environment: `sql.Open("pgx", os.Getenv("DATABASE_URL"))`.' },
    { language: /^go$/, re: /sqlite\.Open\s*\(\s*(")((?!:memory:|file::memory:)[^"]{1,200})"/, fix: 'Open a server database from the environment: `gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")))`.' },
    { language: /^ruby$/, re: /Sequel\.sqlite\s*\(\s*(['"])([^'"]{1,200})\1|adapter:\s*(['"])(sqlite3)\3/, fix: "Connect with `Sequel.connect(ENV.fetch('DATABASE_URL'))` / `ActiveRecord::Base.establish_connection(ENV.fetch('DATABASE_URL'))`." }
];
const fileDatabaseInProduction = {
    meta: {
        id: 'TF0404',
        name: 'file-database-in-production',
        factor: 'IV',
        severity: 'warning',
        summary: 'A file-based store (SQLite, H2 file) is the database of a deployed (non-development) configuration.',
        why: 'Factor IV expects the database to be an attached resource named by config, and Factor VI expects processes to keep no state on their own disk. An SQLite or H2 file lives inside one container: it vanishes on redeploy, cannot be shared by a second process and cannot be replaced by attaching another database.',
        remediation: 'Use a database server (Postgres, MySQL...) attached through DATABASE_URL in deployed environments; keep SQLite for development and tests, in dev-only settings.',
        languages: ['python', 'ruby', 'java', 'javascript', 'typescript', 'go']
    },
    files: { kinds: ['source', 'yaml', 'properties'], roles: ['app'] },
    keywords: ['sqlite', 'jdbc:h2:file', 'jdbc:h2:~', 'jdbc:h2:./', 'jdbc:h2:/', 'jdbc:derby'],
    check(file, report, ctx) {
        if (isDevOrTestName(file.path))
            return;
        const p = file.path;
        if (file.language === 'python' && /(^|\/)(settings(_\w+)?\.py|settings\/\w+\.py)$/.test(p))
            return django(file, report);
        if (file.kind === 'yaml' && /(^|\/)config\/database\.yml$/.test(p))
            return railsDatabaseYml(file, report);
        if ((file.kind === 'properties' || file.kind === 'yaml') && /(^|\/)application(-\w+)?\.(properties|ya?ml)$/.test(p))
            return springProps(file, report);
        if (file.kind !== 'source' || !ctx.app?.framework)
            return; // a CLI or desktop tool may keep its data in SQLite
        const lines = file.code.split(/\r\n|\r|\n/);
        lines.forEach((line, i) => {
            if (line.length > 4000)
                return;
            for (const pat of CODE_PATTERNS) {
                if (!pat.language.test(file.language))
                    continue;
                const m = pat.re.exec(line);
                if (!m || isEnvFallback(line, lines[i - 1] ?? '') || inDevBranch(lines, i))
                    continue;
                const token = m[2] ?? m[4] ?? m[0];
                if (/(^|[./_-])(dev|development|test|local)([./_-]|$)/i.test(token))
                    continue; // dev.sqlite, test.db
                report({ line: i + 1, column: m.index + 1, message: `\`${token}\` makes an SQLite file the app's database: ${WHY_SHORT}`, remediation: pat.fix });
                break;
            }
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/iv-backing-services/framework-service-host.ts

/** A literal that names a host (not empty, not a placeholder, not a bind-all address). */
function isLiteralHost(v) {
    return /^(localhost|\d{1,3}(\.\d{1,3}){3}|[A-Za-z0-9][\w-]{0,62}(\.[\w-]{1,63}){0,10})$/.test(v) && !/^(0\.0\.0\.0|host|hostname|example\.com)$/i.test(v);
}
function framework_service_host_django(file, out) {
    const lines = file.code.split(/\r\n|\r|\n/);
    let block;
    lines.forEach((line, i) => {
        if (line.length > 4000)
            return;
        const top = /^([A-Z][A-Z0-9_]*)\s*=/.exec(line);
        if (top)
            block = top[1];
        const email = /^(EMAIL_HOST)\s*=\s*(['"])([^'"]{1,253})\2\s*$/.exec(line);
        if (email && isLiteralHost(email[3])) {
            out({ line: i + 1, column: line.indexOf(email[3]) + 1, message: `Django \`EMAIL_HOST\` is the literal \`${email[3]}\`: the SMTP relay is fixed in code`, remediation: "Read it from the environment: `EMAIL_HOST = os.environ['EMAIL_HOST']` (or `env.email_url('EMAIL_URL')` with django-environ)." });
            return;
        }
        if (block !== 'DATABASES' && block !== 'CACHES')
            return;
        const host = /(['"])(HOST|LOCATION)\1\s*:\s*(['"])([^'"]{1,253})\3/.exec(line);
        if (!host || !isLiteralHost(host[4].replace(/:\d+$/, '')))
            return;
        const db = block === 'DATABASES';
        out({
            line: i + 1,
            column: line.indexOf(host[4], host.index) + 1,
            message: `Django ${block} \`${host[2]}\` is the literal \`${host[4]}\`: the ${db ? 'database' : 'cache'} is fixed in settings`,
            remediation: db ? "Attach the database from the environment: `DATABASES = {'default': dj_database_url.config(conn_max_age=600)}` (reads DATABASE_URL), or `'HOST': os.environ['DB_HOST']`." : "Read the cache locator from the environment: `'LOCATION': os.environ['REDIS_URL']`."
        });
    });
}
/** Rails config/*.yml: host/endpoint literals outside development/test sections (ERB lookups are fine). */
function railsYaml(file, out) {
    let section = '';
    file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
        if (line.length > 4000)
            return;
        const top = /^([A-Za-z_][\w-]{0,60}):/.exec(line);
        if (top)
            section = top[1];
        if (/^(development|test|local)$/i.test(section))
            return;
        const m = /^\s+(host|endpoint|server):\s*(['"]?)([^'"\s#<]{1,253})\2\s*$/.exec(line);
        if (!m)
            return;
        const value = m[3].replace(/^https?:\/\//, '').replace(/[:/].*$/, '');
        if (!isLiteralHost(value))
            return;
        out({
            line: i + 1,
            column: line.indexOf(m[3]) + 1,
            message: `\`${m[1]}: ${m[3]}\` in ${file.name} (${section || 'top level'}) fixes the service's location in committed config`,
            remediation: `Use ERB to read it from the environment: \`${m[1]}: <%= ENV.fetch("${m[1] === 'endpoint' ? 'S3_ENDPOINT' : 'DB_HOST'}") %>\`, or give the whole locator as \`url: <%= ENV["DATABASE_URL"] %>\`.`
        });
    });
}
const SPRING_KEY = /^(spring\.(data\.)?(redis|mongodb|rabbitmq|elasticsearch|cassandra|neo4j|couchbase)\.host|spring\.mail\.host|spring\.kafka\.bootstrap-servers|spring\.rabbitmq\.addresses|spring\.data\.cassandra\.contact-points)$/;
/** Spring application*.properties and application*.yml (flattened by indentation). */
function spring(file, out) {
    const stack = [];
    const yaml = file.kind === 'yaml';
    file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
        if (line.length > 4000)
            return;
        let key;
        let value;
        if (yaml) {
            const m = /^(\s*)([\w.-]{1,100}):\s*(.*?)\s*$/.exec(line);
            if (!m)
                return;
            const indent = m[1].length;
            while (stack.length && stack[stack.length - 1].indent >= indent)
                stack.pop();
            stack.push({ indent, key: m[2] });
            key = stack.map((s) => s.key).join('.');
            value = m[3].replace(/^(['"])(.*)\1$/, '$2');
        }
        else {
            const m = /^\s*([\w.-]{1,200})\s*[=:]\s*(.*?)\s*$/.exec(line);
            if (!m)
                return;
            key = m[1];
            value = m[2];
        }
        if (!SPRING_KEY.test(key) || !value)
            return;
        // ${KAFKA_BROKERS:localhost:9092}: the literal is the fallback of a placeholder.
        const placeholder = /^\$\{[\w.-]{1,100}:([^}]{1,500})\}$/.exec(value);
        if (value.includes('${') && !placeholder)
            return;
        const literal = placeholder ? placeholder[1] : value;
        const first = literal.split(',')[0].trim().replace(/:\d+$/, '');
        if (!isLiteralHost(first))
            return;
        out({
            line: i + 1,
            column: line.indexOf(literal) + 1,
            severity: 'notice',
            message: placeholder
                ? `\`${key}\` falls back to \`${literal}\` when the placeholder's variable is missing: a deploy that forgets it silently talks to that host`
                : `\`${key}\` is the literal \`${value}\`: Spring lets the environment override it, but the committed default points every deploy at one host`,
            remediation: `Use a placeholder without a literal default (\`${key}=\${${key.split('.').slice(-2).join('_').replace(/-/g, '_').toUpperCase()}}\`) or set \`${key.toUpperCase().replace(/[.-]/g, '_')}\` per deploy and drop the key.`
        });
    });
}
const NODE_SERVICE_PATH = /(db|database|redis|mongo|postgres|pg|mysql|cache|queue|amqp|rabbit|kafka|smtp|mail|elastic|search|s3|storage|broker|sequelize|knex|typeorm)/i;
/** node-config / Sequelize config/*.json: "host" under a service-named object. */
function nodeConfig(file, out) {
    const stack = [];
    file.text.split(/\r\n|\r|\n/).forEach((line, i) => {
        if (line.length > 4000)
            return;
        const m = /^(\s*)"([\w.-]{1,100})"\s*:\s*(.*?),?\s*$/.exec(line);
        if (!m)
            return;
        const indent = m[1].length;
        while (stack.length && stack[stack.length - 1].indent >= indent)
            stack.pop();
        stack.push({ indent, key: m[2] });
        if (/^(development|dev|test|local)$/i.test(stack[0]?.key ?? ''))
            return;
        if (!/^(host|hostname)$/.test(m[2]))
            return;
        const v = /^"([^"]{1,253})"$/.exec(m[3]);
        if (!v || !isLiteralHost(v[1]))
            return;
        const path = stack.slice(0, -1).map((s) => s.key).join('.');
        if (!NODE_SERVICE_PATH.test(path) && !/(^|\/)config\/(config|database|db)\.json$/.test(file.path))
            return;
        out({
            line: i + 1,
            column: line.indexOf(v[1]) + 1,
            message: `\`${path ? `${path}.` : ''}${m[2]}\` is the literal \`${v[1]}\` in ${file.name}: the service's location is committed config`,
            remediation: 'Map it to the environment: with node-config add it to config/custom-environment-variables.json (`{"db": {"host": "DB_HOST"}}`); with Sequelize use `"use_env_variable": "DATABASE_URL"`.'
        });
    });
}
const frameworkServiceHost = {
    meta: {
        id: 'TF0403',
        name: 'framework-service-host',
        factor: 'IV',
        severity: 'warning',
        summary: 'Framework config gives a backing service a literal host: Django DATABASES/CACHES/EMAIL_HOST, Rails database.yml/cable.yml/storage.yml, Spring spring.*.host, node-config JSON.',
        why: 'Factor IV: a backing service is attached by the deploy, through config the app reads from its environment. A host written into settings.py, database.yml or application.properties makes every deploy point at the same machine unless someone edits code.',
        remediation: 'Read the host (better: the whole locator URL) from the environment with the framework\'s own mechanism: dj_database_url / os.environ in Django, ERB ENV.fetch in Rails YAML, ${...} placeholders in Spring, custom-environment-variables.json with node-config.',
        languages: ['python', 'ruby', 'java', 'javascript', 'typescript']
    },
    files: { kinds: ['source', 'yaml', 'properties', 'json'], roles: ['app'] },
    keywords: ['host', 'location', 'endpoint', 'bootstrap-servers', 'addresses', 'contact-points'],
    check(file, report) {
        if (isDevOrTestName(file.path))
            return;
        const p = file.path;
        if (file.language === 'python' && /(^|\/)(settings(_\w+)?\.py|settings\/[\w]+\.py)$/.test(p) && !/(^|\/)settings\/(dev|local|test)/.test(p))
            framework_service_host_django(file, report);
        else if (file.kind === 'yaml' && /(^|\/)config\/(database|cable|storage|redis|sidekiq|mongoid)\.yml$/.test(p))
            railsYaml(file, report);
        else if ((file.kind === 'properties' || file.kind === 'yaml') && /(^|\/)application(-\w+)?\.(properties|ya?ml)$/.test(p))
            spring(file, report);
        else if (file.kind === 'json' && /(^|\/)config\/[\w.-]+\.json$/.test(p) && !/custom-environment-variables/.test(p))
            nodeConfig(file, report);
    }
};

;// CONCATENATED MODULE: ./src/rules/iv-backing-services/hardcoded-service-locator.ts

const CODE_LANGS = ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php'];
/** Top-level sections of multi-environment config files (database.yml, config/config.json) that never deploy. */
const DEV_SECTION = /^(development|dev|test|testing|local|ci)$/i;
const hardcoded_service_locator_HOST_KEY = /\b(host|hostname)\s*[:=]\s*(['"])([A-Za-z0-9][\w.-]{0,252})\2/g;
const BIND_CONTEXT = /\b(listen|bind|app\.run|uvicorn|gunicorn|serve|devServer)\b/i;
function sectionTracker(file) {
    let section;
    if (file.kind === 'yaml') {
        return (line) => {
            const m = /^([A-Za-z_][\w-]{0,60}):/.exec(line);
            if (m)
                section = m[1];
            return section;
        };
    }
    if (file.kind === 'json') {
        return (line) => {
            const m = /^\s{0,4}"([\w-]{1,60})"\s*:\s*\{/.exec(line);
            if (m && /^\s{0,4}"/.test(line) && line.indexOf('"') <= 4)
                section = m[1];
            return section;
        };
    }
    return () => undefined;
}
/** The service a `host:` literal most likely names, from the client libraries the file uses. */
function serviceOf(code) {
    if (/redis/i.test(code))
        return ['cache', 'REDIS_URL'];
    if (/mongo/i.test(code))
        return ['database', 'MONGODB_URI'];
    if (/amqp|rabbit|pika|bunny|kombu/i.test(code))
        return ['queue', 'AMQP_URL'];
    if (/kafka|sarama/i.test(code))
        return ['queue', 'KAFKA_BROKERS'];
    if (/smtp|mail/i.test(code))
        return ['smtp', 'SMTP_HOST'];
    if (/elastic/i.test(code))
        return ['search', 'ELASTICSEARCH_URL'];
    return ['database', 'DATABASE_URL'];
}
const NAMED_DEFAULT = /\b\w*(default|fallback)\w*['"]?\s*[:=]\s*[^:=]{0,40}$/i;
/** A key on the same line naming the service whose `host:` this is: `db: { host: '...' }`. */
const SERVICE_KEY = /\b(db|database|redis|mongo\w*|postgres\w*|pg|mysql|cache|queue|amqp|rabbit\w*|kafka|smtp|mail\w*|elastic\w*|broker)\s*[:=]\s*\{/i;
/** Parameter defaults (`def connect(host='localhost')`) describe an API, not a deploy. */
const DEFINITION = /^\s*(export\s+)?(async\s+)?(def|function|func|fun|public|private|protected|static)\b|\bfunction\b|\bconstructor\s*\(/;
const hardcodedServiceLocator = {
    meta: {
        id: 'TF0401',
        name: 'hardcoded-service-locator',
        factor: 'IV',
        severity: 'error',
        summary: 'A database, cache, queue, search, SMTP or object-storage service is located by a literal URL or host in code or committed config.',
        why: 'Factor IV treats every backing service as an attached resource: the deploy, not the code, says which database or queue the app talks to, so a local Postgres can be swapped for a managed one (or a failed replica for a restored one) without a code change. A literal host ties the code to one deploy.',
        remediation: 'Read the locator from the environment (DATABASE_URL, REDIS_URL, AMQP_URL...) and fail fast when it is missing; keep local defaults in .env.example or docker-compose, not in code.',
        languages: [...CODE_LANGS]
    },
    files: { kinds: ['source', 'yaml', 'json', 'properties', 'toml', 'ini', 'xml'], roles: ['app'] },
    keywords: ['://', 'smtp', 'mail.', ':909', 'host'],
    check(file, report, ctx) {
        if (isDevOrTestName(file.path))
            return;
        const isCode = file.kind === 'source';
        if (isCode && !CODE_LANGS.includes(file.language))
            return;
        const spring = /(^|\/)application(-[\w]+)?\.(properties|ya?ml)$/.test(file.path);
        const lines = file.code.split(/\r\n|\r|\n/);
        const section = sectionTracker(file);
        const usesClient = isCode && CLIENT_HINT.test(file.code);
        const language = isCode ? file.language : (ctx.app?.language ?? 'none');
        const docstrings = (file.language === 'python' ? docstringRanges(file.code) : []).map(([a, b]) => [file.position(a).line, file.position(b).line]);
        lines.forEach((line, i) => {
            const sec = section(line);
            if (line.length > 4000 || (sec && DEV_SECTION.test(sec)))
                return;
            if (isCode && (isProse(line) || inDevBranch(lines, i)))
                return;
            if (docstrings.some(([a, b]) => i + 1 >= a && i + 1 <= b))
                return;
            const found = findLocators(line).filter((l) => !(file.language === 'python' && l.kind === 'smtp' && /EMAIL_HOST\s*=/.test(line)));
            if ((usesClient || SERVICE_KEY.test(line)) && !BIND_CONTEXT.test(line) && !DEFINITION.test(line)) {
                hardcoded_service_locator_HOST_KEY.lastIndex = 0;
                for (let m = hardcoded_service_locator_HOST_KEY.exec(line); m; m = hardcoded_service_locator_HOST_KEY.exec(line)) {
                    const host = m[3];
                    if (!/^(localhost|\d{1,3}(\.\d{1,3}){3}|[\w-]{1,63}(\.[\w-]{1,63}){1,10})$/.test(host) || /^(0\.0\.0\.0|127\.0\.0\.1)$/.test(host) && /listen|bind/i.test(line))
                        continue;
                    if (/^(0\.0\.0\.0)$/.test(host) || /\.(js|ts|py|rb|json|ya?ml|html?)$/i.test(host))
                        continue;
                    if (found.some((f) => f.host === host))
                        continue;
                    const [kind, envVar] = serviceOf(file.code);
                    found.push({ token: host, host, kind, envVar, index: m.index + m[0].indexOf(host) });
                }
            }
            for (const loc of found) {
                // DEFAULT_REDIS_URL = 'redis://localhost:6379': a named default, used as some lookup's fallback.
                const fallback = isEnvFallback(line, lines[i - 1] ?? '') || NAMED_DEFAULT.test(line.slice(0, loc.index));
                const severity = fallback || spring ? 'notice' : isCode ? 'error' : 'warning';
                const what = loc.kind === 'smtp' ? 'SMTP relay' : loc.kind === 'search' ? 'search cluster' : loc.kind === 'object storage' ? 'object-storage endpoint' : `${loc.kind} locator`;
                const noun = loc.kind === 'smtp' ? 'mail relay' : loc.kind === 'search' ? 'search cluster' : loc.kind === 'object storage' ? 'object store' : loc.kind;
                const message = fallback
                    ? `${what} \`${loc.token}\` is the fallback of an environment lookup: a deploy that forgets the variable silently talks to this host`
                    : spring
                        ? `${what} \`${loc.token}\` is a literal in Spring config: only an environment override (e.g. SPRING_DATASOURCE_URL) keeps deploys apart`
                        : `${what} \`${loc.token}\` is hardcoded: the deploy cannot attach a different ${noun} without a code change`;
                report({
                    line: i + 1,
                    column: loc.index + 1,
                    severity,
                    message,
                    ...(loc.secret ? { secret: loc.secret } : {}),
                    remediation: fallback
                        ? `Require the variable instead of defaulting to a host: ${envSnippet(loc.envVar, language, ctx.app, isCode ? 'code' : 'config')}; keep local values in .env.example or docker-compose.`
                        : spring
                            ? `Use a placeholder without a literal default: \`\${${loc.envVar}}\`, or leave the key out and set it per deploy (SPRING_DATASOURCE_URL, SPRING_DATA_REDIS_HOST...).`
                            : `Read it from the environment: ${envSnippet(loc.envVar, language, ctx.app, isCode ? 'code' : 'config')}.`
                });
            }
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/iv-backing-services/local-service-branching.ts

const LOCAL_LITERAL = /(['"])(localhost|127\.0\.0\.1|::1)\1/;
const COMPARISON = /(===?|!==?|\bis\s|\bin\s|\.includes\s*\(|\.startsWith\s*\(|\.endsWith\s*\(|\.equals(IgnoreCase)?\s*\(|\.contains\s*\(|strings\.(Contains|HasPrefix|EqualFold)\s*\(|\.include\?\s*\(|\.start_with\?\s*\(|\.match\?\s*\()/;
const CONDITION = /(^|[\s(;{}])(if|elif|else\s+if|unless|when|while|case)\b|\?[^?:]{0,300}:|&&|\|\||\band\b|\bor\b/;
/** Names of a backing-service locator. `host`/`url` alone only count in a file using a client library. */
const SERVICE_NAME = /(db|database|redis|mongo|postgres|pg|mysql|maria|cache|queue|amqp|rabbit|kafka|broker|smtp|mail|elastic|search|s3|bucket|storage|dsn|conn)/i;
const GENERIC_NAME = /\b\w*(host|url|uri|endpoint|addr|address)\w*\b/i;
/** The request's own host (CORS, redirects, dev banners) is not a backing service. */
const REQUEST_HOST = /\b(req|request|headers|window\.location|location\.(host|hostname)|ctx\.host|origin|referer|r\.Host)\b/i;
const localServiceBranching = {
    meta: {
        id: 'TF0402',
        name: 'local-service-branching',
        factor: 'IV',
        severity: 'warning',
        summary: 'Code branches on whether a backing service is local (compares its host or URL with localhost).',
        why: 'Factor IV: the code makes no distinction between local and third-party services; both are attached resources reached through a locator in config. A branch on "localhost" means the local path and the production path run different code, so what passes locally is not what runs in production.',
        remediation: 'Remove the branch and express the difference as configuration: a separate env var (DATABASE_SSL=false, REDIS_TLS=true) or the URL itself (rediss:// vs redis://, ?sslmode=require).',
        languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php']
    },
    files: { kinds: ['source'], languages: ['javascript', 'typescript', 'python', 'ruby', 'java', 'kotlin', 'go', 'php'], roles: ['app'] },
    keywords: ['localhost', '127.0.0.1', "'::1'", '"::1"'],
    check(file, report) {
        if (isDevOrTestName(file.path))
            return;
        const usesClient = CLIENT_HINT.test(file.code);
        file.code.split(/\r\n|\r|\n/).forEach((line, i) => {
            if (line.length > 4000)
                return;
            const lit = LOCAL_LITERAL.exec(line);
            if (!lit || !COMPARISON.test(line) || !CONDITION.test(line) || REQUEST_HOST.test(line))
                return;
            // The operand compared with the literal: the rest of the line without string literals.
            const envNames = [...line.matchAll(/\b(?:ENV|environ|getenv|Getenv|env)\s*(?:\.get|\.fetch)?\s*[[(]\s*(['"])(\w{1,100})\1/g)].map((e) => e[2]);
            const operands = `${line.replace(/(['"])(?:\\.|(?!\1).){0,500}\1/g, ' ')} ${envNames.join(' ')}`;
            const idents = operands.match(/[A-Za-z_][\w.]{0,80}/g) ?? [];
            const named0 = idents.find((t) => SERVICE_NAME.test(t)) ?? (usesClient ? idents.find((t) => GENERIC_NAME.test(t)) : undefined);
            if (!named0)
                return;
            const named = named0.replace(/\.(includes|startsWith|endsWith|equals|equalsIgnoreCase|contains|match|include|start_with)$/, '');
            report({
                line: i + 1,
                column: lit.index + 1,
                message: `Branches on \`${lit[2]}\` (compared with \`${named}\`): local and remote backing services take different code paths`,
                remediation: 'Drive the difference from configuration instead of the host name, e.g. `ssl: process.env.DATABASE_SSL === "true"` (Node), `sslmode` in DATABASE_URL (Python/Ruby/Go), `rediss://` for TLS Redis.'
            });
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/iv-backing-services/index.ts




const IV_BACKING_SERVICES_RULES = [hardcodedServiceLocator, localServiceBranching, frameworkServiceHost, fileDatabaseInProduction];

;// CONCATENATED MODULE: ./src/rules/registry.ts




const RULES = [
    ...I_CODEBASE_RULES,
    ...II_DEPENDENCIES_RULES,
    ...III_CONFIG_RULES,
    ...IV_BACKING_SERVICES_RULES
];

;// CONCATENATED MODULE: ./src/version.ts
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/audit.ts
// runAudit: the one function both entry points call. discovery → file model → rules → results.













/** Kinds whose SourceFile stays in memory after the pass, for repository-level rules. */
const RETAINED = new Set(['manifest', 'dockerfile', 'compose', 'kubernetes', 'workflow', 'procfile', 'dotenv']);
const RETAIN_MAX_BYTES = 256 * 1024;
const K8S_SHAPE = /^apiVersion:\s*\S+[\s\S]*^kind:\s*\S+|^kind:\s*\S+[\s\S]*^apiVersion:/m;
function activeRules(config, rules = RULES) {
    const factors = new Set(config.factors ?? FACTORS);
    return rules.filter((r) => factors.has(r.meta.factor) && config.rules[r.meta.id] !== 'off');
}
function runAudit(options) {
    const started = Date.now();
    const { root, config } = options;
    const rules = activeRules(config, options.rules ?? RULES);
    const index = new RuleIndex(rules);
    const repoRules = rules.filter((r) => r.checkRepo);
    const discovered = discover({ root, include: config.include, exclude: config.exclude, useGit: options.useGit });
    const facts = new Facts();
    const infos = [];
    const retained = new Map();
    const findings = [];
    const suppressed = [];
    const skippedFiles = [];
    const ran = new Set();
    let bytes = 0;
    const load = (path, info) => {
        const read = readText((0,external_node_path_namespaceObject.join)(root, path), config.maxFileSize);
        if ('skipped' in read) {
            if (read.skipped !== 'symlink' && read.skipped !== 'not-a-file')
                skippedFiles.push({ file: path, reason: read.skipped });
            return undefined;
        }
        bytes += read.bytes;
        info.size = read.bytes;
        // A plain YAML file may turn out to be a Kubernetes manifest once read.
        if (info.kind === 'yaml' && K8S_SHAPE.test(read.text))
            info.kind = 'kubernetes';
        return new SourceFile(path, read.text, info.kind, info.language, info.role);
    };
    // Phase 1: manifests first (small, few), so every rule knows which app a file belongs to.
    const candidates = discovered.files.filter((p) => !isBinaryName(p)).map((path) => {
        const kind = classifyKind(path);
        return { path, kind, language: classifyLanguage(path), role: classifyRole(path, kind), size: 0 };
    });
    const manifests = [];
    for (const info of candidates) {
        if (!isAppManifest(info.path) || info.role === 'test' || info.role === 'docs' || info.role === 'example')
            continue;
        const file = load(info.path, info);
        if (file) {
            manifests.push(file);
            retained.set(info.path, file);
        }
    }
    const apps = detectApps(manifests);
    // appOf scans every app; files of one folder share the answer.
    const appByDir = new Map();
    const appFor = (path) => {
        const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')));
        if (!appByDir.has(dir))
            appByDir.set(dir, appOf(apps, path));
        return appByDir.get(dir);
    };
    // Phase 2: every file, read once, offered to the rules that select it.
    for (const info of candidates) {
        const wanted = retained.has(info.path) || index.rulesFor(info).length > 0 || RETAINED.has(info.kind) ||
            (info.kind === 'yaml' && index.rulesFor({ ...info, kind: 'kubernetes' }).length > 0);
        if (!wanted) {
            infos.push(info);
            continue;
        }
        const file = retained.get(info.path) ?? load(info.path, info);
        if (!file)
            continue;
        infos.push(info);
        const rules = index.rulesFor(info);
        const found = rules.length > 0 ? index.scannerFor(info).scan(file.text) : new Set();
        const outcome = checkFile(rules, file, { facts, app: appFor(info.path), apps }, found);
        for (const id of outcome.offered)
            ran.add(id);
        findings.push(...outcome.findings);
        suppressed.push(...outcome.suppressed);
        if (RETAINED.has(info.kind) && info.size <= RETAIN_MAX_BYTES)
            retained.set(info.path, file);
    }
    const repo = {
        root,
        files: infos,
        facts,
        get: (p) => retained.get(p),
        git: discovered.git,
        trackedExcluded: discovered.trackedExcluded,
        apps,
        appOf: appFor
    };
    const reread = (path) => {
        const info = infos.find((i) => i.path === path);
        const read = info ? readText((0,external_node_path_namespaceObject.join)(root, path), config.maxFileSize) : undefined;
        return info && read && 'text' in read ? new SourceFile(path, read.text, info.kind, info.language, info.role) : undefined;
    };
    for (const rule of repoRules) {
        ran.add(rule.meta.id);
        const reports = [];
        rule.checkRepo(repo, (r) => reports.push(r));
        // Group by file so suppression comments and fingerprints work as for file rules.
        const byFile = new Map();
        for (const r of reports)
            byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
        for (const [path, list] of byFile) {
            // A finding on a file not kept (a source line found by a repository rule): read it again so the
            // snippet and suppression comments work as for file rules.
            const file = retained.get(path) ?? (rule.rereadReportedFiles ? reread(path) : undefined) ?? new SourceFile(path, '', classifyKind(path), classifyLanguage(path), 'app');
            const out = finalizeReports(list.map((report) => ({ rule, report: { ...report, file: undefined } })), file);
            findings.push(...out.findings);
            suppressed.push(...out.suppressed);
        }
    }
    // Severity overrides; 'off' also reaches engine-level findings (TF0001) that no rule object owns.
    const kept = findings.filter((f) => config.rules[f.ruleId] !== 'off');
    for (const f of kept) {
        const override = config.rules[f.ruleId];
        if (override && override !== 'off')
            f.severity = override;
    }
    findings.length = 0;
    findings.push(...kept.sort(compareFindings));
    const rulesRun = new Map();
    for (const rule of rules)
        if (ran.has(rule.meta.id))
            rulesRun.set(rule.meta.factor, (rulesRun.get(rule.meta.factor) ?? 0) + 1);
    const factors = buildFactorResults(findings, rulesRun, new Set(config.factors ?? FACTORS));
    return {
        version: VERSION,
        root,
        score: score(factors),
        factors,
        findings,
        suppressed,
        stats: { files: infos.length, bytes, skipped: skippedFiles.length, durationMs: Date.now() - started },
        skippedFiles,
        gate: gate(findings, config),
        apps
    };
}

;// CONCATENATED MODULE: ./src/config/schema.ts
// The one description of `.twelve-factor.yml`: the loader validates against it and the docs are
// written from it, so the two cannot drift.

const FAIL_ON_VALUES = ['error', 'warning', 'notice', 'none'];
const RULE_SETTINGS = ['off', ...SEVERITIES];
const CONFIG_KEYS = [
    {
        key: 'factors',
        type: 'factor-list',
        values: FACTORS,
        default: 'all twelve',
        description: 'Factors to audit, as roman numerals (I..XII). Factors left out are reported as not applicable.'
    },
    {
        key: 'rules',
        type: 'rule-map',
        values: RULE_SETTINGS,
        default: '{}',
        description: 'Per-rule setting by rule id: off, or a severity (error, warning, notice) that replaces the rule default.'
    },
    {
        key: 'include',
        type: 'glob-list',
        default: '[] (every file)',
        description: 'Globs (the @actions/glob dialect) of files to audit; when set, other files are ignored. A line starting with ! excludes.'
    },
    {
        key: 'exclude',
        type: 'glob-list',
        default: '[]',
        description: 'Globs of files or folders to skip, on top of .gitignore and the default excludes (node_modules, vendor, build output...).'
    },
    {
        key: 'fail-on',
        type: 'fail-on-map',
        values: FAIL_ON_VALUES,
        default: 'error',
        description: 'Lowest severity that fails the audit (error, warning, notice, none). A map sets it per factor: {default: error, III: warning}.'
    },
    {
        key: 'max-file-size',
        type: 'size',
        default: '1MB',
        description: 'Files larger than this are skipped and listed as skipped: a number of bytes or a size such as 512KB or 2MB.'
    }
];
const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
function defaultConfig() {
    return { rules: {}, include: [], exclude: [], failOn: 'error', failOnByFactor: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

;// CONCATENATED MODULE: ./src/config/load.ts
// Loads and validates `.twelve-factor.yml`. Every error names the key, what was found and the
// accepted values; nothing is guessed.








const DEFAULT_CONFIG_FILES = ['.twelve-factor.yml', '.twelve-factor.yaml'];
/** The config file to use: the explicit one (must exist) or the first default one at the root. */
function findConfigFile(root, explicit) {
    if (explicit) {
        const path = (0,external_node_path_namespaceObject.isAbsolute)(explicit) ? explicit : (0,external_node_path_namespaceObject.resolve)(root, explicit);
        if (!(0,external_node_fs_namespaceObject.existsSync)(path))
            throw new UsageError(`config: file not found: ${explicit}`);
        if (!(0,external_node_fs_namespaceObject.statSync)(path).isFile())
            throw new UsageError(`config: not a file: ${explicit}`);
        return path;
    }
    return DEFAULT_CONFIG_FILES.map((f) => (0,external_node_path_namespaceObject.join)(root, f)).find((f) => (0,external_node_fs_namespaceObject.existsSync)(f));
}
function loadConfig(root, explicit, knownRuleIds) {
    const file = findConfigFile(root, explicit);
    if (!file)
        return { config: defaultConfig() };
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch (e) {
        throw new UsageError(`config: cannot read ${file}: ${e.message}`);
    }
    const name = (0,external_node_path_namespaceObject.relative)(root, file) || file;
    return { config: parseConfig(text, name, knownRuleIds), file };
}
function parseConfig(text, name, registered) {
    // Engine-level rules (a suppression without a reason) can be configured like any other.
    const knownRuleIds = new Set([...registered, SUPPRESSION_WITHOUT_REASON]);
    // Alias expansion is capped: a config file must not be able to blow up memory (billion laughs).
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0)
        throw new UsageError(`${name}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 50 });
    }
    catch (e) {
        throw new UsageError(`${name}: invalid YAML: ${e.message}`);
    }
    const config = defaultConfig();
    if (data === null || data === undefined)
        return config;
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new UsageError(`${name}: must be a mapping of settings (keys: ${CONFIG_KEYS.map((k) => k.key).join(', ')}), found ${describe(data)}`);
    }
    for (const [key, value] of Object.entries(data)) {
        const where = `${name}: '${key}'`;
        if (!CONFIG_KEYS.some((k) => k.key === key)) {
            throw new UsageError(`${name}: unknown key '${key}'; accepted keys: ${CONFIG_KEYS.map((k) => k.key).join(', ')}`);
        }
        switch (key) {
            case 'factors':
                config.factors = parseFactors(value, where);
                break;
            case 'rules':
                config.rules = parseRules(value, where, knownRuleIds);
                break;
            case 'include':
            case 'exclude':
                config[key] = parseGlobs(value, where);
                break;
            case 'fail-on':
                Object.assign(config, parseFailOn(value, where));
                break;
            case 'max-file-size':
                config.maxFileSize = parseSize(value, where);
                break;
            default:
                throw new Error(`config key '${key}' is in CONFIG_KEYS but the loader does not read it`);
        }
    }
    return config;
}
function parseFactors(value, where) {
    if (typeof value === 'string')
        return parseFactorList(value, where);
    if (!Array.isArray(value))
        throw new UsageError(`${where} must be a list of factors (${FACTORS.join(', ')}), found ${describe(value)}`);
    return parseFactorList(value.map(String).join(','), where);
}
function parseRules(value, where, known) {
    if (!isMapping(value))
        throw new UsageError(`${where} must map rule ids to one of ${RULE_SETTINGS.join(', ')}, found ${describe(value)}`);
    const out = {};
    for (const [id, setting] of Object.entries(value)) {
        const ruleId = id.toUpperCase();
        if (!known.has(ruleId)) {
            throw new UsageError(`${where}: unknown rule id '${id}'; see --list-rules for the ids (known: ${[...known].sort().slice(0, 12).join(', ')}${known.size > 12 ? ', ...' : ''})`);
        }
        const s = setting === false ? 'off' : String(setting).toLowerCase();
        if (!RULE_SETTINGS.includes(s)) {
            throw new UsageError(`${where}.${id} must be one of ${RULE_SETTINGS.join(', ')}, found ${describe(setting)}`);
        }
        out[ruleId] = s;
    }
    return out;
}
function parseGlobs(value, where) {
    if (typeof value === 'string')
        return value.split('\n').map((s) => s.trim()).filter(Boolean);
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new UsageError(`${where} must be a list of glob strings, found ${describe(value)}`);
    }
    for (const g of value) {
        const bare = g.replace(/^!/, '');
        if ((0,external_node_path_namespaceObject.isAbsolute)(bare) || bare.split('/').includes('..')) {
            throw new UsageError(`${where}: '${g}' points outside the audited folder; use a path relative to it`);
        }
    }
    return value;
}
function parseFailOn(value, where) {
    if (typeof value === 'string')
        return { failOn: failOnValue(value, where), failOnByFactor: {} };
    if (!isMapping(value))
        throw new UsageError(`${where} must be one of ${FAIL_ON_VALUES.join(', ')} or a map of factor to level, found ${describe(value)}`);
    const out = { failOn: 'error', failOnByFactor: {} };
    for (const [k, v] of Object.entries(value)) {
        if (k === 'default')
            out.failOn = failOnValue(v, `${where}.default`);
        else {
            const [factor] = parseFactorList(k, `${where}: key '${k}'`);
            out.failOnByFactor[factor] = failOnValue(v, `${where}.${k}`);
        }
    }
    return out;
}
function failOnValue(value, where) {
    const s = String(value).toLowerCase();
    if (typeof value !== 'string' || !FAIL_ON_VALUES.includes(s)) {
        throw new UsageError(`${where} must be one of ${FAIL_ON_VALUES.join(', ')}, found ${describe(value)}`);
    }
    return s;
}
function parseSize(value, where) {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0)
        return value;
    const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value) : null;
    if (!m)
        throw new UsageError(`${where} must be a size in bytes or like 512KB, 2MB, found ${describe(value)}`);
    const unit = (m[2] ?? 'b').toLowerCase()[0];
    const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
    return Math.round(Number(m[1]) * mult);
}
function isMapping(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function describe(v) {
    if (v === null || v === undefined)
        return 'nothing';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `${typeof v} ${JSON.stringify(v)}`;
}

;// CONCATENATED MODULE: ./src/engine/git-diff.ts
// Files changed since a git ref, for changed-files mode (CLI --changed-since, and the action's
// fallback when the PR files API is unavailable). Paths come back relative to the audit root.


function git(cwd, args) {
    return (0,external_node_child_process_namespaceObject.execFileSync)('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}
/**
 * Added, modified, renamed or copied files between the merge base of `ref` and HEAD, plus
 * uncommitted and untracked changes in the working tree (what a local run wants to gate on).
 */
function changedSince(root, ref) {
    let base;
    try {
        base = git(root, ['merge-base', ref, 'HEAD']).trim();
    }
    catch (e) {
        const why = e.stderr?.trim() || e.message;
        throw new UsageError(`--changed-since: cannot find the merge base of '${ref}' and HEAD (is it fetched? a shallow clone needs fetch-depth: 0): ${why}`);
    }
    // --relative limits to the current folder and prints paths relative to it; ls-files does the same.
    const diff = git(root, ['diff', '--name-only', '--relative', '--diff-filter=ACMR', '-z', base]);
    const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
    return [...new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean))];
}
/** The folder relative to its repository's root ('' at the root or outside a repository). */
function repoPrefix(root) {
    try {
        return git(root, ['rev-parse', '--show-prefix']).trim().replace(/\/+$/, '');
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./src/cli/list-apps.ts
// --list-apps: the apps of a (mono)repository, for a workflow that fans out one audit job per app
// with a matrix. JSON prints [{path, language, framework}]; text prints one app per line as
// `path<TAB>language<TAB>framework` (so `cut -f1` gives the paths).

function listApps(root, config) {
    // No rules: discovery and app detection only (manifests are the only files read for it).
    return runAudit({ root, config, rules: [] }).apps.map((a) => ({ path: a.path, language: a.language, framework: a.framework ?? null }));
}
function formatApps(apps, format) {
    if (format === 'json')
        return `${JSON.stringify(apps)}\n`;
    return apps.map((a) => `${a.path}\t${a.language}\t${a.framework ?? '-'}\n`).join('');
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/cli/rule-docs.ts
// --list-rules and --explain: the rule catalogue from the registry, and a rule's docs page.





function listRules(rules, format) {
    const rows = rules.map((r) => ({
        id: r.meta.id,
        name: r.meta.name,
        factor: r.meta.factor,
        severity: r.meta.severity,
        languages: r.meta.languages ?? [],
        summary: r.meta.summary
    }));
    if (format === 'json')
        return `${JSON.stringify(rows, null, 2)}\n`;
    const widths = [6, 6, 8, 34, 30];
    const row = (cells) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join('  ').trimEnd();
    const lines = rows.map((r) => row([r.id, r.factor, r.severity, r.name, r.languages.filter((l) => l !== 'none').join(',') || 'config files', r.summary]));
    return `${[row(['ID', 'FACTOR', 'SEVERITY', 'NAME', 'LANGUAGES', 'DETECTS']), ...lines].join('\n')}\n`;
}
/** The rule's docs page (docs/rules/ID.md beside the package), or a page made from its metadata. */
function explainRule(rules, id) {
    const rule = rules.find((r) => r.meta.id === id.toUpperCase());
    if (!rule)
        throw new UsageError(`--explain: unknown rule id '${id}'; --list-rules shows them`);
    for (const candidate of docsDirs()) {
        const page = (0,external_node_path_namespaceObject.join)(candidate, `${rule.meta.id}.md`);
        if ((0,external_node_fs_namespaceObject.existsSync)(page))
            return (0,external_node_fs_namespaceObject.readFileSync)(page, 'utf8');
    }
    const m = rule.meta;
    const f = factorInfo(m.factor);
    return `# ${m.id} ${m.name}\n\nFactor: ${m.factor} ${f.name} (${f.url}) · Severity: ${m.severity}\n\n${m.summary}\n\nWhy: ${m.why}\n\nFix: ${m.remediation}\n`;
}
/** docs/rules relative to the running code: src/cli/ in development, dist/cli/ when bundled. */
function docsDirs() {
    let here;
    try {
        here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    }
    catch {
        return [];
    }
    const parts = ['..', '..', 'docs', 'rules'];
    return [(0,external_node_path_namespaceObject.join)(here, ...parts), (0,external_node_path_namespaceObject.join)(here, ...parts.slice(1))];
}

;// CONCATENATED MODULE: ./src/report/json.ts
function toJsonReport(result) {
    return {
        version: result.version,
        root: result.root,
        score: result.score,
        factors: result.factors,
        findings: result.findings,
        suppressed: result.suppressed,
        apps: result.apps,
        stats: result.stats,
        skippedFiles: result.skippedFiles,
        gate: result.gate
    };
}
function formatJson(result) {
    return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/results/litmus.ts
/** Factor III rules whose findings are credentials (a leak if the code were published). */
const CREDENTIAL_RULE_IDS = ['TF0301', 'TF0302', 'TF0303', 'TF0304', 'TF0305', 'TF0306', 'TF0308', 'TF0309', 'TF0310'];
/**
 * Factor X rules about backing services differing between dev and prod: TF1001 backing-service
 * drift (SQLite in dev, Postgres in prod), TF1004 environment-branch service swap. Runtime-version
 * drift and dev servers in production are parity problems too, but not of backing services.
 */
const PARITY_BACKING_SERVICE_RULE_IDS = ['TF1001', 'TF1004'];
const LITMUS_TESTS = [
    { id: 'config', factor: 'III', text: 'Config: would open-sourcing the code right now expose any credentials?', ruleIds: () => CREDENTIAL_RULE_IDS, whenFound: 'yes', whenClean: 'no' },
    { id: 'processes', factor: 'VI', text: 'Processes: can any process be killed and restarted without losing data?', whenFound: 'no', whenClean: 'yes' },
    {
        id: 'parity',
        factor: 'X',
        text: 'Parity: do dev and prod use the same kinds of backing services?',
        ruleIds: () => PARITY_BACKING_SERVICE_RULE_IDS,
        whenFound: 'no',
        whenClean: 'yes'
    }
];
const VALIDATIONS = [
    { id: 'config-not-in-code', factor: 'III', text: 'Config is not in code', whenFound: 'fail', whenClean: 'pass' },
    { id: 'no-local-state', factor: 'VI', text: 'No local state is assumed to persist across restarts', whenFound: 'fail', whenClean: 'pass' },
    { id: 'build-release-run', factor: 'V', text: 'The pipeline has distinct build → release → run stages', whenFound: 'fail', whenClean: 'pass' },
    { id: 'logs-to-stdout', factor: 'XI', text: 'Logs flow to stdout as an event stream', whenFound: 'fail', whenClean: 'pass' }
];
/**
 * Baselined findings count here: a baseline accepts debt for gating, it does not make the code
 * safe to publish. A factor that was not audited, or met no file, is "not checked", never a pass.
 */
function evaluate(spec, factors, findings) {
    const fr = factors.find((f) => f.factor === spec.factor);
    const ids = spec.ruleIds?.() ?? [];
    const evidence = findings.filter((f) => f.factor === spec.factor && f.severity !== 'notice' && (ids.length === 0 || ids.includes(f.ruleId)));
    if (evidence.length > 0)
        return { spec, answer: spec.whenFound, evidence, basis: `${evidence.length} finding${evidence.length === 1 ? '' : 's'} in factor ${spec.factor}` };
    if (!fr || fr.status === 'not-applicable' || fr.rulesRun === 0) {
        return { spec, answer: 'not checked', evidence: [], basis: `factor ${spec.factor} was not audited or no file applied` };
    }
    const what = ids.length > 0 ? `no ${ids.join('/')} finding` : 'no error or warning';
    return { spec, answer: spec.whenClean, evidence: [], basis: `${what} from ${fr.rulesRun} factor ${spec.factor} rule${fr.rulesRun === 1 ? '' : 's'} run` };
}
function evaluateAll(specs, factors, findings) {
    return specs.map((s) => evaluate(s, factors, findings));
}

;// CONCATENATED MODULE: ./src/report/escape.ts
// Untrusted text (file paths, messages, snippets) going into Markdown or HTML. Everything that a
// repository author controls passes through here before it reaches a summary or a comment.
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** For HTML contexts (inside <code>, <summary>, attributes). Newlines become spaces. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML[c]).replace(/\r\n|\r|\n/g, ' ');
}
/**
 * For Markdown text and table cells: HTML-escaped, Markdown punctuation backslash-escaped, and
 * '@' broken with a zero-width space so a crafted name cannot mention (notify) anyone.
 */
function escapeMarkdown(text) {
    // Markdown punctuation first, then HTML: the other order would break the '#' of '&#39;'.
    return escapeHtml(text.replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)).replace(/@/g, '@\u200b');
}
/** Inline code that cannot be broken out of: an HTML <code> element with escaped content. */
function code(text) {
    return `<code>${escapeHtml(text).replace(/@/g, '@\u200b').replace(/\|/g, '&#124;')}</code>`;
}

;// CONCATENATED MODULE: ./src/report/manual-checks.ts
const MANUAL_CHECKS = {
    I: ['One codebase per app: other deployed apps do not share this repository except through libraries.', 'Every deploy (staging, production, review apps) is built from this repository, at a commit.'],
    II: ['A clean machine can build with only the language runtime and the dependency manager (no globally installed tools assumed).', 'System tools the app shells out to (curl, ImageMagick, ...) are declared or vendored.'],
    III: ['Credentials that were ever committed have been rotated, not just removed.', 'Each deploy gets its config only from its environment (or a secret store injected as environment).'],
    IV: ['A backing service (database, queue, cache, SMTP) can be swapped by changing config only, without a code change.', 'Local and third-party services are attached the same way (a URL or credentials in config).'],
    V: ['Each release is immutable and has a unique id (a tag, a timestamp); a rollback redeploys an earlier release.', 'Nothing edits code on a running server; changes go through build → release → run.'],
    VI: ['Killing any process at any moment loses no user data (sessions, uploads, jobs live in backing services).', 'No sticky sessions are required by the load balancer.'],
    VII: ['The app is reachable on the port given in config and needs no web server injected at runtime.', 'The app can serve as a backing service for another app by URL.'],
    VIII: ['Each workload type (web, worker, clock) can be scaled independently by running more processes.', 'Processes do not daemonize or write PID files; the process manager supervises them.'],
    IX: ['A process starts in seconds and stops gracefully on SIGTERM (finishes or returns in-flight work).', 'Workers survive sudden death: jobs are re-queued or idempotent.'],
    X: ['Developers run the same kinds and versions of backing services as production (containers make this cheap).', 'Code written today can be deployed today: the time and personnel gaps are small.'],
    XI: ['The platform captures stdout/stderr and routes them to a log store; the app never manages log files.', 'Logs are searchable and alerting works from the event stream.'],
    XII: ['Admin tasks (migrations, consoles, one-off scripts) run against the same release and config as the app.', 'One-off scripts are committed to the codebase, not run by hand from a laptop.']
};

;// CONCATENATED MODULE: ./src/report/markdown.ts




/** GitHub caps a step summary at 1 MiB; leave room for other steps' content. */
const SUMMARY_BUDGET = 900 * 1024;
const STATUS_ICON = { pass: '✅', warn: '⚠️', fail: '❌', 'not-applicable': '➖' };
const SEVERITY_ICON = { error: '🔴', warning: '🟠', notice: '🔵' };
function formatMarkdown(result, options = {}) {
    const budget = options.budget ?? SUMMARY_BUDGET;
    const head = [...overview(result, options), ...checks(result)];
    const body = [];
    let size = bytes(head.join('\n')) + 400; // room for the truncation note
    let omitted = 0;
    if (result.findings.length > 0)
        body.push('### Findings', '');
    for (const info of FACTOR_INFO) {
        const mine = result.findings.filter((f) => f.factor === info.factor);
        if (mine.length === 0)
            continue;
        const open = mine.some((f) => f.severity === 'error' && !f.baselined) ? ' open' : '';
        const section = [`<details${open}><summary><b>${info.factor} ${escapeMarkdown(info.name)}</b> (${mine.length})</summary>`, '',
            '| | Location | Finding | Rule |', '|---|---|---|---|'];
        const checklist = ['', '**Confirm by hand** (static analysis cannot see these):', '', ...MANUAL_CHECKS[info.factor].map((c) => `- [ ] ${c}`), '', '</details>', ''];
        const frame = bytes(section.join('\n')) + bytes(checklist.join('\n'));
        size += frame;
        let rows = 0;
        for (const f of mine) {
            const row = findingRow(f, options);
            const rowBytes = bytes(row) + 1;
            if (size + rowBytes > budget)
                break;
            section.push(row);
            size += rowBytes;
            rows++;
        }
        omitted += mine.length - rows;
        if (rows > 0)
            body.push(...section, ...checklist);
        else
            size -= frame;
    }
    if (omitted > 0) {
        const where = options.fullReport ?? 'the JSON report (`--format json`)';
        body.push(`> ${omitted} more finding${omitted === 1 ? ' is' : 's are'} not shown: this report would exceed its size limit. ${where} lists all of them.`);
    }
    return `${[...head, ...body].join('\n')}\n`;
}
function overview(result, options) {
    const out = [];
    const verdict = result.gate.failed ? `❌ ${escapeMarkdown(result.gate.reason)}` : '✅ Passed the configured threshold';
    out.push('## Twelve-Factor App audit', '', `**Score ${result.score}/100** · ${verdict}`, '');
    const baselined = result.findings.filter((f) => f.baselined).length;
    const notes = [...(options.notes ?? [])];
    if (baselined > 0)
        notes.push(`${baselined} baselined finding${baselined === 1 ? '' : 's'} (listed below, not counted, not gating).`);
    if (notes.length > 0)
        out.push(...notes.map((n) => `> ${n}`), '');
    out.push('| | Factor | Status | Errors | Warnings | Notices | Most important finding |', '|---|---|---|---:|---:|---:|---|');
    for (const f of result.factors) {
        const info = FACTOR_INFO.find((i) => i.factor === f.factor);
        const top = result.findings.find((x) => x.factor === f.factor && !x.baselined);
        out.push(`| ${STATUS_ICON[f.status]} | [${f.factor} ${escapeMarkdown(info.name)}](${info.url}) | ${f.status} | ${f.errors} | ${f.warnings} | ${f.notices} | ${top ? topFinding(top) : ''} |`);
    }
    out.push('');
    const s = result.stats;
    out.push(`<sub>${s.files} files, ${(s.bytes / 1024 / 1024).toFixed(1)} MB read in ${(s.durationMs / 1000).toFixed(2)}s` +
        `${s.skipped ? ` · ${s.skipped} skipped` : ''}${result.suppressed.length ? ` · ${result.suppressed.length} suppressed by comments` : ''}</sub>`, '');
    return out;
}
function topFinding(f) {
    return `${SEVERITY_ICON[f.severity]} ${escapeMarkdown(markdown_truncate(f.message, 120))} (${code(`${markdown_truncate(f.file, 80)}:${f.line}`)})`;
}
function checks(result) {
    const litmus = evaluateAll(LITMUS_TESTS, result.factors, result.findings);
    const validations = evaluateAll(VALIDATIONS, result.factors, result.findings);
    return [
        '### Litmus tests', '', '| Question | Answer | Evidence |', '|---|---|---|', ...litmus.map(checkRow), '',
        '### Remediation validations', '', '| Validation | Result | Evidence |', '|---|---|---|', ...validations.map(checkRow), ''
    ];
}
function checkRow(o) {
    // Good is the clean answer, which is "no" for the Config question and "yes" for the others.
    const icon = o.answer === 'not checked' ? '➖' : o.answer === o.spec.whenClean ? '✅' : '❌';
    return `| ${o.spec.text} | ${icon} ${o.answer} | ${evidence(o)} |`;
}
/** Rule ids and locations of up to five deciding findings, then the count of the rest. */
function evidence(o) {
    if (o.evidence.length === 0)
        return o.basis;
    const shown = o.evidence.slice(0, 5).map((f) => `${f.ruleId} ${code(`${markdown_truncate(f.file, 80)}:${f.line}`)}${f.baselined ? ' (baselined)' : ''}`);
    const more = o.evidence.length - shown.length;
    return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
function findingRow(f, options) {
    const where = `${f.file}:${f.line}`;
    const url = options.link?.(f.file, f.line);
    const location = url ? `<a href="${escapeAttr(encodeURI(url))}">${code(where)}</a>` : code(where);
    const base = f.baselined ? ' _(baselined)_' : '';
    return `| ${SEVERITY_ICON[f.severity]} | ${location} | ${escapeMarkdown(f.message)}${base}<br>**Fix:** ${escapeMarkdown(f.remediation)} | ${f.ruleId} |`;
}
function escapeAttr(s) {
    return s.replace(/"/g, '%22').replace(/</g, '%3C').replace(/>/g, '%3E');
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
function markdown_truncate(s, max) {
    return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts



const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/twelve-factor-audit/twelve-factor-audit';
const ruleHelpUri = (id) => `${INFORMATION_URI}/blob/main/docs/rules/${id}.md`;
/** Code scanning rejects a run with more than 25,000 results; findings are most severe first. */
const MAX_SARIF_RESULTS = 25_000;
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/** Engine-level rules that are not in the registry but can report. */
const ENGINE_RULES = {
    [SUPPRESSION_WITHOUT_REASON]: {
        id: SUPPRESSION_WITHOUT_REASON,
        name: 'suppression-without-reason',
        severity: 'notice',
        summary: 'A twelve-factor-ignore comment gives no reason.',
        why: 'A suppression without a reason cannot be reviewed later: nobody knows whether it still applies.',
        remediation: "Add the reason after two dashes: 'twelve-factor-ignore TF0301 -- <why it does not apply>'."
    }
};
function toSarif(result, rules, options = {}) {
    const prefix = options.prefix ? `${options.prefix.replace(/\/+$/, '')}/` : '';
    const byId = new Map(rules.map((r) => [r.id, r]));
    const findings = result.findings.slice(0, MAX_SARIF_RESULTS);
    const ids = [...new Set(findings.map((f) => f.ruleId))];
    const metas = ids.map((id) => metaFor(id, byId, findings));
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'twelve-factor-audit',
                        version: VERSION,
                        semanticVersion: VERSION,
                        informationUri: INFORMATION_URI,
                        rules: metas.map(sarifRule)
                    }
                },
                columnKind: 'utf16CodeUnits',
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
                results: findings.map((f) => sarifResult(f, ids.indexOf(f.ruleId), prefix))
            }
        ]
    };
}
function formatSarif(result, rules, options = {}) {
    return `${JSON.stringify(toSarif(result, rules, options), null, 2)}\n`;
}
function metaFor(id, byId, findings) {
    const known = byId.get(id);
    if (known)
        return known;
    const factor = findings.find((f) => f.ruleId === id).factor;
    const engine = ENGINE_RULES[id];
    if (engine)
        return { ...engine, factor };
    return { id, name: id.toLowerCase(), factor, severity: 'warning', summary: `Rule ${id}.`, why: `Rule ${id}.`, remediation: 'See the rule documentation.' };
}
/** Code scanning caps descriptions at 1024 characters. */
const cap = (s, n = 1024) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
function sarifRule(m) {
    const info = factorInfo(m.factor);
    const factorLine = `Factor ${m.factor} ${info.name} (${info.url})`;
    return {
        id: m.id,
        name: m.name,
        shortDescription: { text: cap(m.summary) },
        fullDescription: { text: cap(`${m.summary} ${m.why}`) },
        help: {
            text: `${m.why}\n\nFix: ${m.remediation}\n\n${factorLine}`,
            markdown: `${m.why}\n\n**Fix:** ${m.remediation}\n\n[Factor ${m.factor} ${info.name}](${info.url})`
        },
        helpUri: ruleHelpUri(m.id),
        defaultConfiguration: { level: LEVEL[m.severity] },
        properties: { tags: ['twelve-factor', `factor-${m.factor}`, info.name.toLowerCase()] }
    };
}
function sarifResult(f, ruleIndex, prefix) {
    const region = { startLine: f.line };
    if (f.column)
        region.startColumn = f.column;
    if (f.endLine && f.endLine >= f.line)
        region.endLine = f.endLine;
    if (f.endColumn && (!f.endLine || f.endLine === f.line) && f.column && f.endColumn > f.column)
        region.endColumn = f.endColumn;
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: `${f.message} Fix: ${f.remediation}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(`${prefix}${f.file}`), uriBaseId: '%SRCROOT%' }, region } }],
        partialFingerprints: { 'twelveFactorFingerprint/v1': f.fingerprint },
        ...(f.baselined ? { baselineState: 'unchanged' } : {}),
        properties: { factor: f.factor }
    };
}
/** A relative URI reference: each path segment percent-encoded, slashes kept. */
function encodeUriPath(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}

;// CONCATENATED MODULE: ./src/report/text.ts

const COLOURS = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1 };
function formatText(result, options) {
    const paint = (c, s) => (options.color ? `\u001b[${COLOURS[c]}m${s}\u001b[0m` : s);
    const sev = { error: paint('red', 'error  '), warning: paint('yellow', 'warning'), notice: paint('cyan', 'notice ') };
    const out = [];
    for (const info of FACTOR_INFO) {
        const mine = result.findings.filter((f) => f.factor === info.factor);
        if (mine.length === 0)
            continue;
        const fr = result.factors.find((f) => f.factor === info.factor);
        out.push(paint('bold', `${info.factor} ${info.name}`) + paint('dim', ` (${fr.status}: ${plural(fr.errors, 'error')}, ${plural(fr.warnings, 'warning')}, ${plural(fr.notices, 'notice')})`));
        for (const f of mine) {
            const where = `${f.file}:${f.line}${f.column ? `:${f.column}` : ''}`;
            const tag = f.baselined ? paint('dim', ' (baselined)') : '';
            out.push(`  ${clean(where)}  ${sev[f.severity]}  ${clean(f.message)}  ${paint('dim', `[${f.ruleId}]`)}${tag}`);
            out.push(paint('dim', `      fix: ${clean(f.remediation)}`));
        }
        out.push('');
    }
    if (result.suppressed.length > 0)
        out.push(paint('dim', `${plural(result.suppressed.length, 'finding')} suppressed by comments`));
    const baselined = result.findings.filter((f) => f.baselined).length;
    if (baselined > 0)
        out.push(paint('dim', `${plural(baselined, 'finding')} baselined (shown, not counted, not gating)`));
    for (const s of result.skippedFiles.slice(0, 20))
        out.push(paint('dim', `skipped ${clean(s.file)}: ${s.reason}`));
    if (result.skippedFiles.length > 20)
        out.push(paint('dim', `skipped ${result.skippedFiles.length - 20} more files`));
    const e = result.factors.reduce((n, f) => n + f.errors, 0);
    const w = result.factors.reduce((n, f) => n + f.warnings, 0);
    const n = result.factors.reduce((n, f) => n + f.notices, 0);
    const verdict = result.gate.failed ? paint('red', 'FAIL') : paint('green', 'PASS');
    out.push(`${verdict} score ${result.score}/100 · ${plural(e, 'error')}, ${plural(w, 'warning')}, ${plural(n, 'notice')} · ` +
        `${plural(result.stats.files, 'file')} in ${(result.stats.durationMs / 1000).toFixed(2)}s`);
    if (result.gate.failed)
        out.push(result.gate.reason);
    return `${out.join('\n')}\n`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** Control characters (escape sequences, CR) from file names or messages must not drive the terminal. */
function clean(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

;// CONCATENATED MODULE: ./src/results/baseline.ts


const BASELINE_VERSION = 1;
function makeBaseline(findings, now = new Date()) {
    return {
        version: BASELINE_VERSION,
        tool: 'twelve-factor-audit',
        createdAt: now.toISOString(),
        findings: findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file, line: f.line, message: f.message }))
    };
}
function formatBaseline(baseline) {
    return `${JSON.stringify(baseline, null, 2)}\n`;
}
/** Parses and validates a baseline file; `source` names it in errors. */
function parseBaseline(text, source) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new UsageError(`${source}: not JSON: ${e.message}`);
    }
    const b = data;
    if (!b || typeof b !== 'object' || !Array.isArray(b.findings)) {
        throw new UsageError(`${source}: not a twelve-factor-audit baseline (expected an object with a 'findings' array; write one with --write-baseline)`);
    }
    if (b.version !== BASELINE_VERSION)
        throw new UsageError(`${source}: baseline version ${String(b.version)} is not supported (expected ${BASELINE_VERSION})`);
    b.findings.forEach((e, i) => {
        if (!e || typeof e.fingerprint !== 'string')
            throw new UsageError(`${source}: findings[${i}].fingerprint must be a string`);
    });
    return b;
}
/**
 * Marks findings listed in the baseline as `baselined` and recomputes the per-factor counts, score
 * and gate, which ignore baselined findings. Returns how many findings were baselined.
 */
function applyBaseline(result, baseline, config) {
    const known = new Set(baseline.findings.map((e) => e.fingerprint));
    let n = 0;
    for (const f of result.findings) {
        if (known.has(f.fingerprint)) {
            f.baselined = true;
            n++;
        }
    }
    recount(result, config);
    return n;
}
/** Recomputes factors, score and gate from the (possibly re-marked) findings. */
function recount(result, config) {
    const rulesRun = new Map(result.factors.map((f) => [f.factor, f.rulesRun]));
    const enabled = new Set(result.factors.map((f) => f.factor));
    result.factors = buildFactorResults(result.findings, rulesRun, enabled);
    result.score = score(result.factors);
    result.gate = gate(result.findings, config);
}

;// CONCATENATED MODULE: ./src/results/changed-files.ts

/** The gate over findings in changed files only; the reason says so. */
function gateChangedOnly(result, scope, config) {
    const g = gate(result.findings.filter((f) => scope.files.has(f.file)), config);
    return g.failed ? { ...g, reason: `${g.reason} (changed files only)` } : g;
}
/**
 * Maps repository-relative paths (what git and the PR files API return) onto the audit root.
 * `prefix` is the audit root relative to the repository root ('' when they are the same).
 */
function toAuditPaths(repoPaths, prefix) {
    const p = prefix.replace(/\/+$/, '');
    const out = new Set();
    for (const path of repoPaths) {
        if (!p)
            out.add(path);
        else if (path.startsWith(`${p}/`))
            out.add(path.slice(p.length + 1));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The CLI: argv → config → runAudit → one format on stdout (or --output) → exit code.
// Exit 0 under the threshold, 1 over it, 2 on a usage or config error.


















const FORMATS = ['text', 'json', 'markdown', 'sarif'];
const USAGE = `Usage: twelve-factor-audit [PATH] [options]

Audits PATH (default: the current folder) against the Twelve-Factor App methodology.

Options:
  --format FORMAT     text (default), json, markdown or sarif (SARIF 2.1.0)
  --config FILE       config file (default: PATH/.twelve-factor.yml if present)
  --factors LIST      only these factors, e.g. III,IV or 3,4
  --fail-on LEVEL     error (default), warning, notice or none
  --include GLOB      only files matching GLOB (repeatable)
  --exclude GLOB      skip files matching GLOB (repeatable)
  --output FILE       write the report to FILE instead of stdout
  --baseline FILE     findings listed in FILE are shown as baselined: not counted, not gating
  --write-baseline FILE
                      record today's findings in FILE; they show as baselined
  --changed-since REF gate only on findings in files changed since the merge base with REF
  --list-rules        print every rule: id, factor, severity, languages, what it detects
  --explain RULE_ID   print the rule's documentation page
  --list-apps         print the detected apps and exit (with --format json: [{path, language, framework}])
  --no-color          plain text even on a terminal
  -h, --help          this help
  -v, --version       the version

Exit codes: 0 under the threshold, 1 over it, 2 on a usage or config error.
`;
function runCli(argv, io) {
    try {
        return cli(argv, io);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.stderr(`twelve-factor-audit: ${e.message}\n`);
            return 2;
        }
        io.stderr(`twelve-factor-audit: internal error: ${e.stack ?? String(e)}\n`);
        return 2;
    }
}
function cli(argv, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            allowPositionals: true,
            options: {
                format: { type: 'string' },
                config: { type: 'string' },
                factors: { type: 'string' },
                'fail-on': { type: 'string' },
                include: { type: 'string', multiple: true },
                exclude: { type: 'string', multiple: true },
                output: { type: 'string' },
                baseline: { type: 'string' },
                'write-baseline': { type: 'string' },
                'changed-since': { type: 'string' },
                'no-color': { type: 'boolean' },
                'list-apps': { type: 'boolean' },
                'list-rules': { type: 'boolean' },
                explain: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean', short: 'v' }
            }
        });
    }
    catch (e) {
        throw new UsageError(`${e.message}\n\n${USAGE}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(USAGE);
        return 0;
    }
    if (values.version) {
        io.stdout(`${VERSION}\n`);
        return 0;
    }
    if (values['list-rules']) {
        const f = values.format ?? 'text';
        if (f !== 'text' && f !== 'json')
            throw new UsageError(`--list-rules prints text or json, got --format ${f}`);
        io.stdout(listRules(io.rules ?? RULES, f));
        return 0;
    }
    if (values.explain !== undefined) {
        io.stdout(explainRule(io.rules ?? RULES, values.explain));
        return 0;
    }
    if (positionals.length > 1)
        throw new UsageError(`expected at most one PATH, got ${positionals.length}: ${positionals.join(' ')}`);
    const format = values.format ?? 'text';
    if (!FORMATS.includes(format))
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`);
    const root = (0,external_node_path_namespaceObject.resolve)(io.cwd, positionals[0] ?? '.');
    if (!(0,external_node_fs_namespaceObject.existsSync)(root) || !(0,external_node_fs_namespaceObject.statSync)(root).isDirectory())
        throw new UsageError(`PATH is not a folder: ${positionals[0] ?? '.'}`);
    const rules = io.rules ?? RULES;
    const knownIds = new Set(rules.map((r) => r.meta.id));
    const { config } = loadConfig(root, values.config ? (0,external_node_path_namespaceObject.resolve)(io.cwd, values.config) : undefined, knownIds);
    if (values.factors !== undefined)
        config.factors = parseFactorList(values.factors, '--factors');
    if (values['fail-on'] !== undefined) {
        config.failOn = failOnValue(values['fail-on'], '--fail-on');
        config.failOnByFactor = {};
    }
    if (values.include)
        config.include = [...config.include, ...values.include];
    if (values.exclude)
        config.exclude = [...config.exclude, ...values.exclude];
    if (activeRules(config, rules).length === 0 && rules.length > 0)
        io.stderr('twelve-factor-audit: no rule is enabled by the configuration\n');
    if (values['list-apps']) {
        io.stdout(formatApps(listApps(root, config), format));
        return 0;
    }
    const result = runAudit({ root, config, rules });
    if (values['write-baseline']) {
        // The new baseline applies at once: this run shows every finding as baselined and passes.
        const fresh = makeBaseline(result.findings);
        write(io, values['write-baseline'], formatBaseline(fresh), '--write-baseline');
        applyBaseline(result, fresh, config);
        io.stderr(`twelve-factor-audit: wrote ${fresh.findings.length} findings to ${values['write-baseline']}\n`);
    }
    else if (values.baseline) {
        applyBaseline(result, parseBaseline(read(io, values.baseline, '--baseline'), '--baseline'), config);
    }
    if (values['changed-since']) {
        const files = new Set(changedSince(root, values['changed-since']));
        result.gate = gateChangedOnly(result, { files, source: `git diff ${values['changed-since']}` }, config);
    }
    const color = format === 'text' && io.isTty && !values.output && !values['no-color'] && !io.env.NO_COLOR;
    const report = format === 'json' ? formatJson(result)
        : format === 'markdown' ? formatMarkdown(result)
            : format === 'sarif' ? formatSarif(result, rules.map((r) => r.meta), { prefix: repoPrefix(root) })
                : formatText(result, { color });
    if (values.output) {
        write(io, values.output, report, '--output');
        if (result.gate.failed)
            io.stderr(`${result.gate.reason}\n`);
    }
    else {
        io.stdout(report);
    }
    return result.gate.failed ? 1 : 0;
}
function write(io, path, text, flag) {
    try {
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.resolve)(io.cwd, path), text);
    }
    catch (e) {
        throw new UsageError(`${flag}: cannot write ${path}: ${e.message}`);
    }
}
function read(io, path, flag) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.resolve)(io.cwd, path), 'utf8');
    }
    catch (e) {
        throw new UsageError(`${flag}: cannot read ${path}: ${e.message}`);
    }
}

;// CONCATENATED MODULE: ./src/cli.ts
// CLI entry point (bundled to dist/cli/index.js). All logic lives in cli/main.ts.

process.exitCode = runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env
});


//# sourceMappingURL=index.js.map