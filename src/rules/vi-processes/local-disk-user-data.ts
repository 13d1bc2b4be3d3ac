// TF0602: user data written to the process's local disk as if it persisted: multer `dest` /
// diskStorage, request handlers writing uploads into app folders, Flask `file.save(UPLOAD_FOLDER)`,
// PHP move_uploaded_file, Active Storage `:local` in production, CarrierWave `storage :file`,
// Django FileSystemStorage as the default storage in production settings.
import type { Rule } from '../../engine/rule.js'
import type { SourceFile } from '../../engine/source-file.js'
import { codeLines, isNonProductionPath } from '../shared/v-viii-commands.js'
import { balanced, splitArgs } from '../shared/js-calls.js'

type Report = Parameters<NonNullable<Rule['check']>>[1]

const TMP = /\btmp\b|\btemp\b|tmpdir|temp_dir|tempdir|tempfile|TMPDIR|\/dev\/shm/i
const USER_DIR = /upload|avatar|attachment|user[-_]?(?:data|files|content)|\bmedia\b|\bpublic\/(?:files|images|img)\b/i

const FIX: Record<string, string> = {
  node: 'Stream uploads to object storage instead of the dyno/pod disk: `multer({ storage: multerS3({ s3, bucket: process.env.UPLOADS_BUCKET }) })`, or `multer.memoryStorage()` + `await s3.send(new PutObjectCommand({ Bucket, Key, Body: req.file.buffer }))`.',
  python: 'Save uploads to object storage: `boto3.client("s3").upload_fileobj(file, os.environ["UPLOADS_BUCKET"], key)`; in Django set the default storage to `storages.backends.s3.S3Storage` (django-storages).',
  django: 'Use object storage for media: `STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}, ...}` (django-storages) with the bucket from the environment.',
  rails: 'Point Active Storage at a shared service in production: `config.active_storage.service = :amazon` (or :google/:azure) with the bucket configured in config/storage.yml from ENV.',
  carrierwave: 'Store uploads in object storage: `storage :fog` with fog-aws credentials from ENV.',
  php: 'Write uploads to object storage, e.g. Flysystem/Laravel `Storage::disk(\'s3\')->putFile(\'avatars\', $request->file(\'avatar\'))`.',
  go: 'Stream the multipart file to object storage, e.g. `uploader.Upload(ctx, &s3.PutObjectInput{Bucket: aws.String(os.Getenv("UPLOADS_BUCKET")), Key: aws.String(key), Body: file})`.',
  java: 'Send the MultipartFile to object storage, e.g. `s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromInputStream(file.getInputStream(), file.getSize()))`.'
}

export const localDiskUserData: Rule = {
  meta: {
    id: 'TF0602',
    name: 'local-disk-user-data',
    factor: 'VI',
    severity: 'warning',
    summary: 'User uploads or data are written to the local filesystem as if it persisted.',
    why: 'Twelve-factor processes share nothing and their disk is a scratch space for a single transaction. Files written next to the app vanish on the next deploy, restart or reschedule, and the other processes serving the same app never see them.',
    remediation: 'Store user files in a backing service (S3, GCS, Azure Blob, a database) and keep only transient files in the OS temp directory.',
    languages: ['javascript', 'typescript', 'python', 'ruby', 'php', 'go', 'java']
  },
  files: { kinds: ['source'], roles: ['app'] },
  keywords: ['multer', 'upload', 'writefile', 'createwritestream', 'save(', 'active_storage', 'storage', 'move_uploaded_file', 'transferto', 'formfile', 'media'],
  check(file, report) {
    if (isNonProductionPath(file.path)) return
    switch (file.language) {
      case 'javascript':
      case 'typescript':
        return checkNode(file, report)
      case 'python':
        return checkPython(file, report)
      case 'ruby':
        return checkRuby(file, report)
      case 'php':
        return each(file, report, /\bmove_uploaded_file\(\s*[^,()]+,\s*([^;]{1,200}?)\)\s*[;)]/g, (m) => !TMP.test(m[1]), (m) => `move_uploaded_file(..., ${m[1].trim()}) keeps the upload on the local disk`, FIX.php)
      case 'go':
        if (!/\bFormFile\(|MultipartForm/.test(file.code)) return
        return each(file, report, /\bos\.(?:Create|OpenFile|WriteFile)\(\s*([^\n]{1,200})/g, (m) => USER_DIR.test(m[1]) && !TMP.test(m[1]), (m) => `os.${/os\.(\w+)/.exec(m[0])![1]}(${m[1].split(',')[0].trim()}…) writes an upload to the local disk`, FIX.go)
      case 'java':
        if (!/MultipartFile/.test(file.code)) return
        return each(file, report, /\.transferTo\(\s*([^;\n]{1,200})\)\s*;|\bFiles\.copy\(\s*[\w.]+\.getInputStream\(\)\s*,\s*([^;\n]{1,200})\)\s*;/g, (m) => !TMP.test(m[1] ?? m[2]) && (USER_DIR.test(m[1] ?? m[2]) || /new\s+File\(|Paths?\.(?:get|of)\(/.test(m[1] ?? m[2])), (m) => `${m[0].startsWith('.') ? 'transferTo' : 'Files.copy'}(${(m[1] ?? m[2]).trim().slice(0, 60)}) writes an upload to the local disk`, FIX.java)
      default:
    }
  }
}

function each(file: SourceFile, report: Report, re: RegExp, keep: (m: RegExpMatchArray) => boolean, message: (m: RegExpMatchArray) => string, remediation: string): void {
  const lines = codeLines(file)
  let reported = 0
  for (const m of file.code.matchAll(re)) {
    if (reported >= 100) return // a generated file: the first hundred say enough
    const p = file.position(m.index! + (m[0].length - m[0].trimStart().length))
    if ((lines[p.line - 1] ?? '').length > 4000 || !keep(m)) continue
    reported++
    report({ line: p.line, column: p.column, message: message(m), remediation })
  }
}

function checkNode(file: SourceFile, report: Report): void {
  const code = file.code
  if (/\bmulter\b/.test(code)) {
    for (const m of code.matchAll(/\bmulter\s*\(\s*\{/g)) {
      const opts = balanced(code, m.index + m[0].length - 1) ?? ''
      const dest = /\bdest\s*:\s*([^,}\n]{1,120})/.exec(opts)
      if (!dest || TMP.test(dest[1])) continue
      const p = file.position(m.index)
      report({ line: p.line, column: p.column, message: `multer({ dest: ${dest[1].trim()} }) stores uploads on the local disk`, remediation: FIX.node })
    }
    for (const m of code.matchAll(/\bmulter\.diskStorage\s*\(/g)) {
      const opts = balanced(code, m.index + m[0].length - 1) ?? ''
      if (TMP.test(opts)) continue
      const p = file.position(m.index)
      report({ line: p.line, column: p.column, message: 'multer.diskStorage() stores uploads on the local disk', remediation: FIX.node })
    }
  }
  // Request handlers writing into app-relative user folders (Express/Koa, and Web Request route handlers: `await req.formData()`).
  if (!/\breq(?:uest)?\.(?:file|files|body|params|formData\s*\(\s*\))|\bctx\.request\b/.test(code)) return
  // `import { writeFile } from 'node:fs/promises'`: the bare call is fs's too
  const bare = /\b(?:import\s*\{[^}]{0,300}\}\s*from|require\s*\()\s*['"](?:node:)?fs(?:\/promises)?['"]/.test(code) ? String.raw`|(?<![\w.])` : ''
  const call = new RegExp(String.raw`(?:\bfs(?:\.promises)?\.${bare})(writeFile|writeFileSync|createWriteStream|appendFile|appendFileSync|rename|renameSync|copyFile|copyFileSync)\s*\(`, 'g')
  for (const m of code.matchAll(call)) {
    if (/\bfunction\s+$/.test(code.slice(Math.max(0, m.index - 12), m.index))) continue // a wrapper's own declaration
    const args = balanced(code, m.index + m[0].length - 1, 600) ?? ''
    const parts = splitArgs(args)
    const written = (m[1].startsWith('rename') || m[1].startsWith('copy') ? parts[1] : parts[0]) ?? ''
    const target = definitionOf(code, written.trim()) ?? written
    if (!USER_DIR.test(target) || TMP.test(target)) continue
    const p = file.position(m.index)
    report({ line: p.line, column: p.column, message: `fs.${m[1]}(${target.trim().slice(0, 60)}, …) writes user data to the local disk`, remediation: FIX.node })
  }
}

/** `const dest = path.join(...)`: what a plain identifier argument was set to, on one line of the same file. */
function definitionOf(code: string, name: string): string | undefined {
  if (!/^[A-Za-z_$][\w$]{0,60}$/.test(name)) return undefined
  const m = new RegExp(String.raw`\b(?:const|let|var)\s+${name.replace(/\$/g, '\\$')}\s*=\s*([^\n;]{1,300})`).exec(code)
  return m?.[1]
}

function checkPython(file: SourceFile, report: Report): void {
  const code = file.code
  // Django: FileSystemStorage as the default storage in production settings.
  // Split settings: base/common modules are overridden per environment, so only judge the others.
  if (/settings/i.test(file.path) && !/(^|\/)settings\/(?:base|common|shared|defaults?|__init__)\.py$|(^|\/)(?:base|common)_settings\.py$/.test(file.path)) {
    const m = /^[ \t]*DEFAULT_FILE_STORAGE\s*=\s*["']django\.core\.files\.storage\.FileSystemStorage["']/m.exec(code) ?? /["']default["']\s*:\s*\{\s*["']BACKEND["']\s*:\s*["']django\.core\.files\.storage\.FileSystemStorage["']/.exec(code)
    if (m) {
      const start = m.index + (m[0].length - m[0].trimStart().length)
      const p = file.position(start)
      report({ line: p.line, column: p.column, message: 'FileSystemStorage as the default (media) storage keeps user uploads on the local disk', remediation: FIX.django })
    }
  }
  if (!/\brequest\.(?:files|FILES|form|POST)\b|UploadFile|FileStorage/.test(code)) return
  // Flask/Werkzeug FileStorage.save(dst): one path argument. Django's Storage.save(name, content) goes through
  // the configured storage backend (S3 in production) and is not a local write.
  each(
    file,
    report,
    /\b(\w+)\.save\(/g,
    (m) => {
      if (/storage/i.test(m[1])) return false
      const args = balanced(file.code, m.index! + m[0].length - 1, 600)
      if (args === undefined) return false
      const positional = splitArgs(args).filter((a) => a.trim() !== '' && !/^\s*\w+\s*=(?!=)/.test(a))
      return positional.length === 1 && USER_DIR.test(positional[0]) && !TMP.test(positional[0])
    },
    (m) => `${m[1]}.save(... upload folder ...) keeps the upload on the local disk`,
    FIX.python
  )
  each(file, report, /\bopen\(\s*([^\n]{1,200}?),\s*["'](?:w|wb|ab|a|xb)["']/g, (m) => USER_DIR.test(m[1]) && !TMP.test(m[1]), (m) => `open(${m[1].trim().slice(0, 60)}, "w…") writes user data to the local disk`, FIX.python)
}

function checkRuby(file: SourceFile, report: Report): void {
  if (/config\/environments\/production\.rb$/.test(file.path)) {
    each(file, report, /config\.active_storage\.service\s*=\s*:local\b/g, () => true, () => 'config.active_storage.service = :local stores uploads on the production disk', FIX.rails)
  }
  if (/uploaders?\//.test(file.path) || /CarrierWave/.test(file.code)) {
    each(file, report, /^[ \t]*storage\s+:file\b/gm, () => true, () => 'CarrierWave `storage :file` keeps uploads on the local disk', FIX.carrierwave)
  }
}
