// Values that look like a credential's slot rather than a credential: templates, env references,
// "your-key-here" prose. The generic secret rules stay quiet on all of these; that is what keeps
// them from being the noise users complain about in gitleaks' and detect-secrets' generic rules.

/** A reference the runtime or a templating step resolves: ${X}, $X, $(X), {{ x }}, <%= %>... */
export function isEnvReference(value: string): boolean {
  const v = value.trim()
  return (
    /\$\{\{?[^}]{1,200}\}/.test(v) || // ${X}, ${X:-d}, ${{ secrets.X }}
    /^\$\(?[A-Za-z_][A-Za-z0-9_]{0,100}\)?$/.test(v) || // $X, $(X)
    /\{\{[^}]{0,200}\}\}/.test(v) || // {{ .Values.x }}, Jinja
    /<%=?[\s\S]{0,300}%>/.test(v) || // ERB
    /#\{[^}]{0,200}\}/.test(v) || // Ruby interpolation
    /^%\(?[A-Za-z_]\w{0,100}\)?[sd%]?$/.test(v) || // %(name)s
    /^%[A-Za-z_]\w{0,100}%$/.test(v) || // %VAR%
    /^@[A-Za-z_]\w{0,100}@$/.test(v) || // @VAR@ (Maven filtering)
    /^(?:env|ENV|secret|vault|ssm|arn|sm|op|awssm|gcpsm):/.test(v) // secret-manager references
  )
}

const PLACEHOLDER_WORDS = new Set([
  'changeme', 'change_me', 'change-me', 'changeit', 'replaceme', 'replace_me', 'replace-me', 'todo', 'tbd', 'fixme',
  'none', 'null', 'nil', 'undefined', 'false', 'true', 'empty', 'default', 'example', 'sample', 'placeholder',
  'dummy', 'fake', 'test', 'testing', 'foo', 'bar', 'baz', 'foobar', 'password', 'passwd', 'pass', 'secret', 'token',
  'apikey', 'api_key', 'api-key', 'key', 'redacted', 'hidden', 'masked', 'notasecret', 'not-a-secret', 'not_a_secret',
  'required', 'optional', 'string', 'str', 'bearer', 'basic', 'xxx', 'n/a', 'na', 'unset', 'missing', 'secretkey',
  'secret_key', 'mysecret', 'my_secret', 'yoursecret', 'your_secret', 'mypassword', 'yourpassword'
])

/**
 * Example credentials published in providers' documentation (Slack's API docs bot token, AWS's
 * AKIAIOSFODNN7EXAMPLE secret): copied into fixtures and READMEs, valid nowhere.
 */
const PUBLISHED_EXAMPLES = new Set([
  'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy',
  'xoxp-23984754863-2348975623103',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'
])

export const isPublishedExample = (value: string): boolean => PUBLISHED_EXAMPLES.has(value.trim())

/** A value that stands for "put the real secret here", not a real secret. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^['"`]|['"`]$/g, '')
  if (v === '') return true
  if (PUBLISHED_EXAMPLES.has(v)) return true
  const lower = v.toLowerCase()
  if (PLACEHOLDER_WORDS.has(lower)) return true
  if (isEnvReference(v)) return true
  if (/^<[^<>]{1,100}>$|^\[[^[\]]{1,100}\]$|^\{[^{}]{1,100}\}$|^\(.{1,100}\)$/.test(v)) return true // <your-key>, [TOKEN]
  if (/^(.)\1*$/.test(v)) return true // xxxx, ****, 0000
  if (/^[x*•.\-_#?]+$/i.test(v) || /\*{3}|x{4}|X{4}|\.{3}|…/.test(v)) return true
  if (/(change|replace)[-_ ]?(me|it|this)|example|placeholder|dummy|sample|^fake|fake[-_]|^test[-_]|[-_]test$|insert[-_ ]|_here$|-here$|^your[-_ ]|^my[-_ ]?(secret|password|token|key|api)|^enter[-_ ]|^put[-_ ]/i.test(v)) return true
  if (/^(secret|password|token|key)[-_]?\d{0,3}$/i.test(v)) return true // secret1, password123
  // Encrypted in place: SOPS (ENC[AES256_GCM,data:...]), Ansible Vault, git-crypt/blackbox-style armour
  if (/^ENC\[[A-Z0-9_]{2,30},data:/.test(v) || v.startsWith('$ANSIBLE_VAULT;')) return true
  return false
}

/** A compose service name (db, postgres, rabbitmq): one label, not an address. */
const SERVICE_NAME = /^[a-z][a-z0-9_-]{0,62}$/i
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i
/** Passwords container images document as their defaults (postgres, RabbitMQ guest, MinIO, Bitnami). */
const IMAGE_DEFAULTS = new Set(['postgres', 'guest', 'root', 'admin', 'mysql', 'mongo', 'rabbitmq', 'redis', 'minioadmin', 'bitnami', 'neo4j', 'yourstrong(!)password'])

/** A password container images document as their default (postgres, root, guest, minioadmin). */
export const isImageDefaultPassword = (password: string): boolean => IMAGE_DEFAULTS.has(password.toLowerCase())

/**
 * A local stack's default login: the password equals the user name or is an image's documented
 * default (postgres:postgres, guest:guest), and the host is a compose service name or local.
 * Not a deploy credential; the same login to a real address still is one.
 */
export function isStackDefault(user: string, password: string, host: string): boolean {
  return (SERVICE_NAME.test(host) || LOCAL_HOST.test(host)) && ((user !== '' && password === user) || IMAGE_DEFAULTS.has(password.toLowerCase()))
}

/**
 * A slot for a value, not a value: empty, an env reference, <your-key>, [TOKEN], xxx/***, your_…/…_here,
 * SOPS/Vault armour. Narrower than isPlaceholder: `changeme`, `password`, `admin` are not slots but stock
 * values, and in production config a stock value is the deploy's credential.
 */
export function isTemplateSlot(value: string): boolean {
  const v = value.trim().replace(/^['"`]|['"`]$/g, '')
  return (
    v === '' ||
    isEnvReference(v) ||
    /^<[^<>]{1,100}>$|^\[[^[\]]{1,100}\]$|^\{[^{}]{1,100}\}$/.test(v) ||
    /^(.)\1*$/.test(v) ||
    /^[x*•.\-_#?]+$/i.test(v) ||
    /\*{3}|x{4}|X{4}|\.{3}|…/.test(v) ||
    /^your[-_ ]|_here$|-here$|^insert[-_ ]|^enter[-_ ]|^put[-_ ]|^(none|null|nil|undefined|redacted|todo|tbd|fixme)$/i.test(v) ||
    /placeholder|example|dummy|sample/i.test(v) || // says what it is

    /^ENC\[[A-Z0-9_]{2,30},data:/.test(v) ||
    v.startsWith('$ANSIBLE_VAULT;')
  )
}

/** A flag or a count, not a credential: true/false, yes/no, on/off, 0/1, small numbers ("0" meaning unset). */
export const isFlagValue = (value: string): boolean => /^(true|false|yes|no|on|off|enabled?|disabled?|\d{1,6})$/i.test(value.trim())

const ECHO_FILLER = new Set(['my', 'your', 'the', 'some', 'a', 'default', 'value', 'name', 'key', 'field', 'param', 'column', 'attr', 'prop', 'label', 'server', 'app', 'new', 'old', 'current', 'confirm'])

/**
 * The value restates its own name (COLUMNNAME_Password = "Password", PARAM_SFTP_PASSWORD =
 * "SFTPPassword", invalidateToken = "invalidate-token", key_password = "server_key_password"):
 * a column, parameter or message-type id, or a slot's placeholder, never a credential.
 */
export function isNameEcho(name: string, value: string): boolean {
  const split = (s: string): string[] =>
    s
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z]+/)
      .filter(Boolean)
      .map((w) => w.toLowerCase())
  if (!/^[A-Za-z][A-Za-z:._/-]{1,80}$/.test(value)) return false
  const nameWords = new Set(split(name))
  const valueWords = split(value)
  return valueWords.length > 0 && valueWords.some((w) => nameWords.has(w)) && valueWords.every((w) => nameWords.has(w) || ECHO_FILLER.has(w))
}
