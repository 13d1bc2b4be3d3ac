// Provider credential shapes: distinctive prefixes that make a string a credential whatever its
// name. The engine masks them in every snippet (redact.ts) and TF0301 reports them; both read this
// one table.
export interface TokenPattern {
  id: string
  /** What the token is, for messages ("GitHub personal access token"). */
  label: string
  /** Global, linear-time; group 1 is the credential. */
  re: RegExp
  /** Tokens nobody can use (vendor documentation examples, emulator keys). */
  ignore?: (token: string) => boolean
}

// Distinctive prefixes only: a match is a credential whatever its entropy. Bounded repetitions.
export const TOKEN_PATTERNS: readonly TokenPattern[] = [
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
]

/** Lower-case prefilter keywords covering TOKEN_PATTERNS. */
export const TOKEN_KEYWORDS = [
  'akia', 'asia', 'abia', 'acca', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'xox', 'hooks.slack.com',
  'sk_live_', 'rk_live_', 'twilio', 'sg.', 'sk-', 'npm_', 'pypi-', 'shp', 'do_v1_', 'dop_v1_', 'dor_v1_', 'hvs.', 'hvb.', 'hf_', 'dapi',
  'sq0', 'dp.', 'accountkey='
]

/** The first provider token in `text`, if any (used by other rules to defer to TF0301). */
export function findToken(text: string): { pattern: TokenPattern; token: string; index: number } | undefined {
  for (const pattern of TOKEN_PATTERNS) {
    pattern.re.lastIndex = 0
    for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
      if (!pattern.ignore?.(m[1])) {
        pattern.re.lastIndex = 0
        return { pattern, token: m[1], index: m.index + m[0].indexOf(m[1]) }
      }
    }
  }
  return undefined
}
