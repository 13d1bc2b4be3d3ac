#!/usr/bin/env node
// npm run bench — speed and memory of the committed CLI bundle on deterministic synthetic
// monorepos, next to a floor (list + read every file once + one combined regex) on the same trees.
// A script, not a test: timings belong in a report, never in an assertion.
//
//   node scripts/bench.mjs [--scales 1,2,4,8] [--runs 3] [--keep]
//   node scripts/bench.mjs --tree PATH [--runs 3]   the same figures on an existing tree (real code)
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const CLI = resolve(HERE, '../dist/cli/index.js')
const ACTION = resolve(HERE, '../dist/index.js')
const args = process.argv.slice(2)
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`)
  return i === -1 ? def : args[i + 1]
}
const SCALES = opt('scales', '1,2,4,8').split(',').map(Number)
const RUNS = Number(opt('runs', '3'))
const KEEP = args.includes('--keep')
const TREE = opt('tree', undefined)
const APPS_PER_SCALE = 8
const FILES_PER_APP = 790 // 8 apps x 790 ≈ 6.3k source files at 1x, ≈ 50.5k at 8x

// Deterministic pseudo-random numbers (mulberry32): the same trees on every machine.
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const LANGS = {
  node: { ext: 'ts', manifest: ['package.json', '{\n  "name": "svc",\n  "scripts": { "start": "node dist/server.js" },\n  "dependencies": { "express": "4.19.2" }\n}\n'] },
  python: { ext: 'py', manifest: ['requirements.txt', 'Django==5.0.6\ngunicorn==22.0.0\n'] },
  ruby: { ext: 'rb', manifest: ['Gemfile', "source 'https://rubygems.org'\ngem 'rails', '7.1.3'\n"] },
  java: { ext: 'java', manifest: ['pom.xml', '<project><artifactId>svc</artifactId><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n'] },
  go: { ext: 'go', manifest: ['go.mod', 'module example.com/svc\n\ngo 1.22\n'] }
}
const LANG_NAMES = Object.keys(LANGS)

// Source text: blocks of ordinary service code per language, chosen by the seeded generator: domain logic
// (totals, grouping, validation, formatting) and the code that handles auth, tokens, clients, caches,
// queries and logging. Real code holds the words secret scanners and our rules key on (token, key, secret,
// password, auth, client, env) in some files and not others, so both gitleaks and the audit do the work
// they do on a real repository; a repeated four-line handler did not.
const BLOCKS = {
  node: [
    (i) => [`export interface LineItem${i} { sku: string; quantity: number; unitPrice: number; discount?: number }`, '', `export function orderTotal${i}(items: LineItem${i}[]): number {`, `  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice * (1 - (item.discount ?? 0)), 0)`, `}`, ''],
    (i) => [`export function formatDate${i}(value: Date, locale = 'en-US'): string {`, `  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: '2-digit' }).format(value)`, `}`, '', `export const byCreatedAt${i} = (a: { createdAt: Date }, b: { createdAt: Date }) => b.createdAt.getTime() - a.createdAt.getTime()`, ''],
    (i) => [`// Groups rows by a derived label, preserving first-seen order (used by the reports page).`, `export function groupBy${i}<T>(rows: T[], label: (row: T) => string): Map<string, T[]> {`, `  const groups = new Map<string, T[]>()`, `  for (const row of rows) {`, `    const k = label(row)`, `    const list = groups.get(k)`, `    if (list) list.push(row)`, `    else groups.set(k, [row])`, `  }`, `  return groups`, `}`, ''],
    (i) => [`export function validateAddress${i}(input: Partial<Address>): string[] {`, `  const errors: string[] = []`, `  if (!input.street?.trim()) errors.push('street is required')`, `  if (!input.city?.trim()) errors.push('city is required')`, `  if (input.postcode && !/^[0-9A-Z -]{3,10}$/i.test(input.postcode)) errors.push('postcode looks wrong')`, `  return errors`, `}`, ''],
    () => [`import { Router, type Request, type Response } from 'express'`, `import { logger } from '../lib/logger.js'`, `import { config } from '../config.js'`, ''],
    (i) => [`/**`, ` * Lists the orders of the signed-in account, newest first (page ${i}).`, ` * The access token is checked by the auth middleware before this runs.`, ` */`, `export async function listOrders${i}(req: Request, res: Response) {`, `  const accountId = req.auth?.accountId`, `  if (!accountId) return res.status(401).json({ error: 'missing token' })`, `  const orders = await db.order.findMany({ where: { accountId }, orderBy: { createdAt: 'desc' }, take: 50 })`, `  logger.info({ accountId, count: orders.length }, 'orders listed')`, `  res.json({ orders, page: ${i} })`, `}`, ''],
    (i) => [`export function verifyToken${i}(header: string | undefined): Claims | null {`, `  if (!header?.startsWith('Bearer ')) return null`, `  const token = header.slice('Bearer '.length)`, `  try {`, `    return jwt.verify(token, config.jwtSecret, { algorithms: ['HS256'], audience: config.apiAudience }) as Claims`, `  } catch (err) {`, `    logger.warn({ err }, 'invalid access token')`, `    return null`, `  }`, `}`, ''],
    (i) => [`const client${i} = new PaymentsClient({ apiKey: config.paymentsApiKey, timeoutMs: 5_000 })`, `// Retries are idempotent: the client sends an Idempotency-Key per request.`, `export async function charge${i}(amount: number, currency: string, customerId: string) {`, `  const key = crypto.randomUUID()`, `  return client${i}.charges.create({ amount, currency, customer: customerId }, { idempotencyKey: key })`, `}`, ''],
    (i) => [`export async function cached${i}<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {`, `  const hit = await redis.get(key)`, `  if (hit) return JSON.parse(hit) as T`, `  const value = await load()`, `  await redis.set(key, JSON.stringify(value), 'EX', ttlSeconds)`, `  return value`, `}`, ''],
    (i) => [`export const passwordPolicy${i} = { minLength: 12, requireDigit: true, maxAgeDays: 365 }`, `export async function checkPassword${i}(user: User, password: string): Promise<boolean> {`, `  if (!user.passwordHash) return false`, `  return bcrypt.compare(password, user.passwordHash)`, `}`, ''],
    () => [`router.get('/api/v1/items/:id', requireAuth, async (req, res, next) => {`, `  try {`, `    const item = await items.get(req.params.id, { tenant: req.auth.tenantId })`, `    if (!item) return res.sendStatus(404)`, `    res.json(item)`, `  } catch (err) {`, `    next(err)`, `  }`, `})`, ''],
    (i) => [`// TODO(${i}): move the webhook signature check into middleware once the secret rotation lands`, `export function signatureMatches${i}(payload: string, signature: string): boolean {`, `  const expected = createHmac('sha256', config.webhookSigningSecret).update(payload).digest('hex')`, `  return timingSafeEqual(Buffer.from(expected), Buffer.from(signature))`, `}`, ''],
    (i) => [`type Page${i}<T> = { items: T[]; nextCursor?: string; total: number }`, `export function paginate${i}<T>(rows: T[], limit: number): Page${i}<T> {`, `  const items = rows.slice(0, limit)`, `  return { items, nextCursor: rows.length > limit ? String(limit) : undefined, total: rows.length }`, `}`, '']
  ],
  python: [
    (i) => [`@dataclass(frozen=True)`, `class LineItem${i}:`, `    sku: str`, `    quantity: int`, `    unit_price: Decimal`, '', `    def total(self) -> Decimal:`, `        return self.unit_price * self.quantity`, '', ''],
    (i) => [`def order_total_${i}(items):`, `    return sum((item.total() for item in items), Decimal("0"))`, '', '', `def by_created_at_${i}(rows):`, `    return sorted(rows, key=lambda row: row.created_at, reverse=True)`, '', ''],
    (i) => [`def group_by_${i}(rows, label):`, `    groups = defaultdict(list)`, `    for row in rows:`, `        groups[label(row)].append(row)`, `    return dict(groups)`, '', ''],
    (i) => [`def validate_address_${i}(data):`, `    errors = []`, `    if not data.get("street", "").strip():`, `        errors.append("street is required")`, `    if not data.get("city", "").strip():`, `        errors.append("city is required")`, `    return errors`, '', ''],
    () => ['import logging', 'from django.conf import settings', 'from django.http import JsonResponse', 'from rest_framework.permissions import IsAuthenticated', '', 'logger = logging.getLogger(__name__)', ''],
    (i) => [`def list_orders_${i}(request):`, `    """Return the caller's orders, newest first; the access token is checked by the auth backend."""`, `    if not request.user.is_authenticated:`, `        return JsonResponse({"error": "missing token"}, status=401)`, `    orders = Order.objects.filter(owner=request.user).order_by("-created_at")[:50]`, `    logger.info("orders listed", extra={"account": request.user.pk, "count": len(orders)})`, `    return JsonResponse({"orders": [o.to_dict() for o in orders], "page": ${i}})`, '', ''],
    (i) => [`def verify_token_${i}(header):`, `    if not header or not header.startswith("Bearer "):`, `        return None`, `    token = header[len("Bearer "):]`, `    try:`, `        return jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"], audience=settings.API_AUDIENCE)`, `    except jwt.InvalidTokenError:`, `        logger.warning("invalid access token")`, `        return None`, '', ''],
    (i) => [`class PaymentsClient${i}:`, `    def __init__(self, api_key, timeout=5.0):`, `        self.api_key = api_key`, `        self.session = requests.Session()`, `        self.session.headers["Authorization"] = f"Bearer {api_key}"`, `        self.timeout = timeout`, '', `    def charge(self, amount, currency, customer_id):`, `        # The idempotency key makes retries safe.`, `        key = str(uuid.uuid4())`, `        return self.session.post(f"{settings.PAYMENTS_URL}/charges", json={"amount": amount, "currency": currency, "customer": customer_id}, headers={"Idempotency-Key": key}, timeout=self.timeout)`, '', ''],
    (i) => [`def cached_${i}(key, ttl, load):`, `    hit = cache.get(key)`, `    if hit is not None:`, `        return hit`, `    value = load()`, `    cache.set(key, value, timeout=ttl)`, `    return value`, '', ''],
    (i) => [`def check_password_${i}(user, password):`, `    if not user.password_hash:`, `        return False`, `    return bcrypt.checkpw(password.encode(), user.password_hash.encode())`, '', ''],
    (i) => [`class ItemView${i}(APIView):`, `    permission_classes = [IsAuthenticated]`, '', `    def get(self, request, pk):`, `        item = get_object_or_404(Item, pk=pk, tenant=request.user.tenant)`, `        return Response(ItemSerializer(item).data)`, '', ''],
    (i) => [`# TODO(${i}): move the webhook signature check into middleware once secret rotation lands`, `def signature_matches_${i}(payload: bytes, signature: str) -> bool:`, `    expected = hmac.new(settings.WEBHOOK_SIGNING_SECRET.encode(), payload, hashlib.sha256).hexdigest()`, `    return hmac.compare_digest(expected, signature)`, '', '']
  ],
  ruby: [
    (i) => [`class Order${i} < ApplicationRecord`, `  has_many :line_items, dependent: :destroy`, `  scope :recent, -> { where(created_at: 30.days.ago..).order(created_at: :desc) }`, '', `  def total`, `    line_items.sum { |item| item.quantity * item.unit_price }`, `  end`, `end`, ''],
    (i) => [`def group_rows_${i}(rows)`, `  rows.group_by { |row| row.fetch(:category) }.transform_values(&:count)`, `end`, ''],
    (i) => [`def format_amount_${i}(cents, currency = "EUR")`, `  format("%.2f %s", cents / 100.0, currency)`, `end`, ''],
    (i) => [`class OrdersController${i} < ApplicationController`, `  before_action :authenticate_account!`, '', `  # GET /orders — newest first; the access token is checked by the auth concern.`, `  def index`, `    orders = current_account.orders.order(created_at: :desc).limit(50)`, `    Rails.logger.info("orders listed account=#{current_account.id} count=#{orders.size}")`, `    render json: { orders: orders.as_json(only: %i[id total status]), page: ${i} }`, `  end`, `end`, ''],
    (i) => [`module TokenVerifier${i}`, `  def self.call(header)`, `    return nil unless header&.start_with?("Bearer ")`, `    token = header.delete_prefix("Bearer ")`, `    JWT.decode(token, Rails.application.credentials.jwt_secret, true, algorithm: "HS256").first`, `  rescue JWT::DecodeError => e`, `    Rails.logger.warn("invalid access token: #{e.class}")`, `    nil`, `  end`, `end`, ''],
    (i) => [`class PaymentsClient${i}`, `  def initialize(api_key: ENV.fetch("PAYMENTS_API_KEY"), timeout: 5)`, `    @api_key = api_key`, `    @timeout = timeout`, `  end`, '', `  def charge(amount:, currency:, customer_id:)`, `    # The idempotency key makes retries safe.`, `    http.post("/charges", { amount: amount, currency: currency, customer: customer_id }, "Idempotency-Key" => SecureRandom.uuid)`, `  end`, `end`, ''],
    (i) => [`def cached_${i}(key, ttl)`, `  Rails.cache.fetch(key, expires_in: ttl) { yield }`, `end`, ''],
    (i) => [`def authenticate_${i}(email, password)`, `  user = User.find_by(email: email.downcase)`, `  user&.authenticate(password) || nil`, `end`, '']
  ],
  java: [
    (i) => [`    public BigDecimal orderTotal${i}(List<LineItem> items) {`, `        return items.stream()`, `            .map(item -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))`, `            .reduce(BigDecimal.ZERO, BigDecimal::add);`, `    }`, ''],
    (i) => [`    public Map<String, List<Order>> groupByStatus${i}(List<Order> orders) {`, `        return orders.stream().collect(Collectors.groupingBy(Order::status, TreeMap::new, Collectors.toList()));`, `    }`, ''],
    (i) => [`    public record Address${i}(String street, String city, String postcode) {`, `        public Address${i} {`, `            Objects.requireNonNull(street, "street");`, `            Objects.requireNonNull(city, "city");`, `        }`, `    }`, ''],
    () => ['import org.springframework.beans.factory.annotation.Value;', 'import org.springframework.http.ResponseEntity;', 'import org.springframework.web.bind.annotation.*;', 'import org.slf4j.Logger;', 'import org.slf4j.LoggerFactory;', ''],
    (i) => [`    /** Lists the caller's orders, newest first; the access token is checked by the security filter. */`, `    @GetMapping("/api/v1/orders/${i}")`, `    public ResponseEntity<List<Order>> listOrders${i}(@AuthenticationPrincipal Jwt principal) {`, `        var orders = repository.findByAccountIdOrderByCreatedAtDesc(principal.getSubject(), PageRequest.of(0, 50));`, `        log.info("orders listed account={} count={}", principal.getSubject(), orders.size());`, `        return ResponseEntity.ok(orders);`, `    }`, ''],
    (i) => [`    public Optional<Claims> verifyToken${i}(String header) {`, `        if (header == null || !header.startsWith("Bearer ")) return Optional.empty();`, `        String token = header.substring("Bearer ".length());`, `        try {`, `            return Optional.of(Jwts.parser().verifyWith(signingKey).build().parseSignedClaims(token).getPayload());`, `        } catch (JwtException e) {`, `            log.warn("invalid access token: {}", e.getMessage());`, `            return Optional.empty();`, `        }`, `    }`, ''],
    (i) => [`    private final PaymentsClient client${i};`, `    public PaymentsService${i}(@Value("\${payments.api-key}") String apiKey, RestClient.Builder builder) {`, `        this.client${i} = new PaymentsClient(builder, apiKey, Duration.ofSeconds(5));`, `    }`, ''],
    (i) => [`    public boolean checkPassword${i}(User user, String password) {`, `        return user.getPasswordHash() != null && passwordEncoder.matches(password, user.getPasswordHash());`, `    }`, '']
  ],
  go: [
    (i) => [`type LineItem${i} struct {`, `\tSKU       string`, `\tQuantity  int`, `\tUnitPrice int64`, `}`, '', `func OrderTotal${i}(items []LineItem${i}) int64 {`, `\tvar total int64`, `\tfor _, it := range items {`, `\t\ttotal += int64(it.Quantity) * it.UnitPrice`, `\t}`, `\treturn total`, `}`, ''],
    (i) => [`func SortByCreated${i}(orders []Order) {`, `\tsort.Slice(orders, func(a, b int) bool { return orders[a].CreatedAt.After(orders[b].CreatedAt) })`, `}`, ''],
    (i) => [`func GroupByStatus${i}(orders []Order) map[string][]Order {`, `\tgroups := make(map[string][]Order)`, `\tfor _, o := range orders {`, `\t\tgroups[o.Status] = append(groups[o.Status], o)`, `\t}`, `\treturn groups`, `}`, ''],
    () => ['import (', '\t"context"', '\t"encoding/json"', '\t"log/slog"', '\t"net/http"', ')', ''],
    (i) => [`// ListOrders${i} returns the caller's orders, newest first; the access token is checked by middleware.`, `func ListOrders${i}(w http.ResponseWriter, r *http.Request) {`, `\taccount, ok := auth.FromContext(r.Context())`, `\tif !ok {`, `\t\thttp.Error(w, "missing token", http.StatusUnauthorized)`, `\t\treturn`, `\t}`, `\torders, err := store.ListOrders(r.Context(), account.ID, 50)`, `\tif err != nil {`, `\t\tslog.Error("list orders", "err", err)`, `\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)`, `\t\treturn`, `\t}`, `\t_ = json.NewEncoder(w).Encode(orders)`, `}`, ''],
    (i) => [`func VerifyToken${i}(header string, key []byte) (*Claims, error) {`, `\ttoken, ok := strings.CutPrefix(header, "Bearer ")`, `\tif !ok {`, `\t\treturn nil, errMissingToken`, `\t}`, `\tclaims := &Claims{}`, `\t_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return key, nil })`, `\treturn claims, err`, `}`, ''],
    (i) => [`func Cached${i}(ctx context.Context, rdb *redis.Client, key string, ttl time.Duration, load func() ([]byte, error)) ([]byte, error) {`, `\tif hit, err := rdb.Get(ctx, key).Bytes(); err == nil {`, `\t\treturn hit, nil`, `\t}`, `\tvalue, err := load()`, `\tif err != nil {`, `\t\treturn nil, err`, `\t}`, `\treturn value, rdb.Set(ctx, key, value, ttl).Err()`, `}`, '']
  ]
}

// A few planted violations per app, so rules do real work (and the bench shows they fire).
const PLANTED = {
  node: ['src/server.ts', "import express from 'express'\nconst app = express()\napp.listen(3000)\nconst stripe = '" + 'sk_' + "live_51HxAbCdEfGhIjKlMnOpQrStUv'\n"],
  python: ['app/settings.py', "DEBUG = True\nSECRET_KEY = '" + 'django-' + "insecure-9x8y7z6w5v4u3t2s1r0q'\n"],
  ruby: ['config/database.yml', 'production:\n  adapter: postgresql\n  host: db.prod.internal\n  password: s3cr3tPassw0rd!\n'],
  java: ['src/main/resources/application.properties', 'spring.datasource.password=Sup3rS3cretPwd\nserver.port=8080\n'],
  go: ['main.go', 'package main\nimport "net/http"\nfunc main() { http.ListenAndServe(":8080", nil) }\n']
}

function generate(root, scale, nodeModulesFiles) {
  const rand = rng(42 + scale)
  let files = 0
  let bytes = 0
  const write = (path, text) => {
    const abs = join(root, path)
    mkdirSync(dirname(abs), { recursive: true })
    writeFileSync(abs, text)
    files++
    bytes += text.length
  }
  write('.gitignore', 'node_modules/\n*.log\n')
  for (let a = 0; a < APPS_PER_SCALE * scale; a++) {
    const lang = LANG_NAMES[a % LANG_NAMES.length]
    const L = LANGS[lang]
    const base = `services/${lang}-${a}`
    write(`${base}/${L.manifest[0]}`, L.manifest[1])
    write(`${base}/Dockerfile`, `FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "dist/server.js"]\n`)
    write(`${base}/k8s/deployment.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${a}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/svc-${a}:1.${a}.0\n          env:\n            - name: DATABASE_URL\n              valueFrom: { secretKeyRef: { name: db, key: url } }\n`)
    write(`${base}/docker-compose.yml`, `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: app\n`)
    write(`${base}/${PLANTED[lang][0]}`, PLANTED[lang][1])
    for (let f = 0; f < FILES_PER_APP - 5; f++) {
      // Realistic sizes: 20..220 lines (≈ 1-9 KB).
      const n = 20 + Math.floor(rand() * 200)
      const lines = []
      // A module is about one concern: its blocks come from three neighbours in the list (a theme).
      const blocks = BLOCKS[lang]
      const theme = Math.floor(rand() * blocks.length)
      for (let i = 0; lines.length < n; i++) lines.push(...blocks[(theme + Math.floor(rand() * 3)) % blocks.length](i))
      write(`${base}/src/mod${Math.floor(f / 50)}/file${f}.${L.ext}`, `${lines.join('\n')}\n`)
    }
  }
  for (let i = 0; i < nodeModulesFiles; i++) {
    write(`node_modules/pkg${Math.floor(i / 100)}/lib/f${i % 100}.js`, `module.exports = ${i}\n`)
  }
  return { files, bytes }
}

// The floor: list the same files (pruning node_modules as we do), read each once, one combined regex.
const FLOOR = `
const fs = require('fs'), path = require('path')
const re = /AKIA[0-9A-Z]{16}|sk_live_[0-9a-zA-Z]{16,}|-----BEGIN [A-Z ]*PRIVATE KEY|xox[baprs]-[0-9a-zA-Z-]{10,}|gh[pousr]_[0-9A-Za-z]{36}|glpat-[0-9A-Za-z_-]{20}|SG\\.[\\w-]{22}\\.[\\w-]{43}|[a-z]+:\\/\\/[^\\s:@\\/]+:[^\\s:@\\/]+@|password\\s*[:=]|secret\\s*[:=]|api[_-]?key\\s*[:=]|listen\\(\\s*\\d+|ListenAndServe\\(|DEBUG\\s*=\\s*True|FileHandler|sync\\(\\)|:latest|npm install|nohup |sessionAffinity|runserver/g
let n = 0, hits = 0
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
  if (e.name === 'node_modules' || e.name === '.git') continue
  const p = path.join(d, e.name)
  if (e.isDirectory()) walk(p); else if (e.isFile()) { const t = fs.readFileSync(p, 'utf8'); n++; hits += (t.match(re) || []).length } } }
walk(process.argv[1])
process.stdout.write(JSON.stringify({ files: n, hits }))
`

// Runs a node program under a wrapper that reports peak RSS at exit.
function timed(nodeArgs, cwd) {
  const wrapper = `process.on('exit', () => process.stderr.write('\\n@@MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));`
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(wrapper)}`, ...nodeArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const rss = Number(/@@MAXRSS (\d+)/.exec(r.stderr ?? '')?.[1] ?? 0) / 1024
  if (r.status !== 0 && r.status !== 1) throw new Error(`run failed (${r.status}): ${r.stderr}`)
  return { seconds, rssMb: rss, stdout: r.stdout }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function measure(fn) {
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(fn())
  return { seconds: median(runs.map((r) => r.seconds)), rssMb: Math.max(...runs.map((r) => r.rssMb)), last: runs[runs.length - 1] }
}

function measurePairs(fa, fb) {
  const a = []
  const b = []
  for (let i = 0; i < RUNS; i++) {
    a.push(fa())
    b.push(fb())
  }
  const sum = (runs) => ({ seconds: median(runs.map((r) => r.seconds)), rssMb: Math.max(...runs.map((r) => r.rssMb)), last: runs[runs.length - 1] })
  return { a: sum(a), b: sum(b) }
}

function hasGitleaks() {
  try {
    execFileSync('gitleaks', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function main() {
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run npm run bundle')
  const work = mkdtempSync(join(tmpdir(), 'tfa-bench-'))
  const gitleaks = hasGitleaks()
  console.log(`# twelve-factor-audit benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, median of ${RUNS} runs`)
  console.log(`# trees in ${work}${KEEP ? ' (kept)' : ''}; gitleaks ${gitleaks ? 'found' : 'not installed: skipped'}`)
  console.log('| scale | files | MB | floor s | ours s | ours/floor | files/s | peak RSS MB | findings |' + (gitleaks ? ' gitleaks s | ours/gitleaks |' : ''))
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|' + (gitleaks ? '---:|---:|' : ''))
  if (TREE) {
    const root = resolve(TREE)
    timed(['-e', FLOOR, root], root)
    const pair = measurePairs(() => timed(['-e', FLOOR, root], root), () => timed([CLI, root, '--format', 'json', '--fail-on', 'none'], root))
    const report = JSON.parse(pair.b.last.stdout)
    const floorFiles = JSON.parse(pair.a.last.stdout).files
    let extra = ''
    if (gitleaks) {
      const gl = measure(() => {
        const t0 = process.hrtime.bigint()
        spawnSync('gitleaks', ['detect', '--no-git', '--source', root, '--exit-code', '0', '--no-banner'], { stdio: 'ignore' })
        return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, rssMb: 0 }
      })
      extra = ` ${gl.seconds.toFixed(2)} | ${(pair.b.seconds / gl.seconds).toFixed(2)} |`
    }
    rmSync(work, { recursive: true, force: true })
    console.log(`| ${TREE} | ${report.stats.files} (floor: ${floorFiles}) | ${(report.stats.bytes / 1e6).toFixed(1)} | ${pair.a.seconds.toFixed(2)} | ${pair.b.seconds.toFixed(2)} | ${(pair.b.seconds / pair.a.seconds).toFixed(2)} | ${Math.round(report.stats.files / pair.b.seconds)} | ${pair.b.rssMb.toFixed(0)} | ${report.findings.length} |${extra}`)
    return
  }
  const rows = []
  for (const scale of SCALES) {
    const root = join(work, `x${scale}`)
    const { files, bytes } = generate(root, scale, 2000 * scale)
    // Warm the page cache once, then alternate floor and ours: both meet the same cache state
    // (this machine's memory reclaim evicts cold pages between runs).
    timed(['-e', FLOOR, root], root)
    const pair = measurePairs(() => timed(['-e', FLOOR, root], root), () => timed([CLI, root, '--format', 'json', '--fail-on', 'none'], root))
    const floor = pair.a
    const ours = pair.b
    const report = JSON.parse(ours.last.stdout)
    const row = { scale, files: report.stats.files, bytes, floor: floor.seconds, ours: ours.seconds, rss: ours.rssMb, findings: report.findings.length }
    let extra = ''
    if (gitleaks) {
      const gl = measure(() => {
        const t0 = process.hrtime.bigint()
        spawnSync('gitleaks', ['detect', '--no-git', '--source', root, '--exit-code', '0', '--no-banner'], { stdio: 'ignore' })
        return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, rssMb: 0 }
      })
      extra = ` ${gl.seconds.toFixed(2)} | ${(ours.seconds / gl.seconds).toFixed(2)} |`
    }
    rows.push(row)
    console.log(`| ${scale}× | ${row.files} | ${(bytes / 1e6).toFixed(1)} | ${row.floor.toFixed(2)} | ${row.ours.toFixed(2)} | ${(row.ours / row.floor).toFixed(2)} | ${Math.round(row.files / row.ours)} | ${row.rss.toFixed(0)} | ${row.findings} |${extra}`)
    if (!KEEP) rmSync(root, { recursive: true, force: true })
    void files
  }
  if (rows.length > 1) {
    const first = rows[0]
    const last = rows[rows.length - 1]
    console.log(`\ngrowth: ${last.scale}× tree took ${(last.ours / first.ours).toFixed(2)}× the ${first.scale}× time (linear would be ${last.scale / first.scale}×)`)
  }

  // An ignored node_modules/ with 100k files: what does it add?
  const plain = join(work, 'nm-without')
  const heavy = join(work, 'nm-with')
  generate(plain, 1, 0)
  generate(heavy, 1, 100_000)
  const a = measure(() => timed([CLI, plain, '--format', 'json', '--fail-on', 'none'], plain))
  const b = measure(() => timed([CLI, heavy, '--format', 'json', '--fail-on', 'none'], heavy))
  console.log(`node_modules/ with 100k files adds ${(b.seconds - a.seconds).toFixed(3)} s (${a.seconds.toFixed(2)} s → ${b.seconds.toFixed(2)} s)`)
  rmSync(plain, { recursive: true, force: true })
  rmSync(heavy, { recursive: true, force: true })

  // Cold start of the action bundle on an empty repository.
  const empty = mkdtempSync(join(tmpdir(), 'tfa-empty-'))
  const temp = mkdtempSync(join(tmpdir(), 'tfa-empty-runner-'))
  writeFileSync(join(temp, 'summary'), '')
  writeFileSync(join(temp, 'output'), '')
  const cold = []
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    const t0 = process.hrtime.bigint()
    spawnSync(process.execPath, [ACTION], {
      cwd: empty,
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: empty, GITHUB_STEP_SUMMARY: join(temp, 'summary'), GITHUB_OUTPUT: join(temp, 'output'), RUNNER_TEMP: temp },
      stdio: 'ignore'
    })
    cold.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  const bare = []
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    const t0 = process.hrtime.bigint()
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' })
    bare.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  console.log(`action cold start on an empty repository: ${median(cold).toFixed(0)} ms (median of ${cold.length}; a bare \`node -e 0\` takes ${median(bare).toFixed(0)} ms here)`)
  if (!KEEP) rmSync(work, { recursive: true, force: true })
}

main()
