import { describe } from '@jest/globals'
import { localDiskUserData } from '../../../src/rules/vi-processes/local-disk-user-data.js'
import { ruleTable } from '../../helpers/rule-tester.js'

describe('TF0602 local-disk-user-data', () => {
  ruleTable(localDiskUserData, {
    valid: [
      { name: 'multer memory storage', path: 'src/routes/upload.js', code: "const multer = require('multer')\nconst upload = multer({ storage: multer.memoryStorage() })\n" },
      { name: 'multer to tmpdir then S3', path: 'src/routes/upload.js', code: "const multer = require('multer')\nconst upload = multer({ dest: os.tmpdir() })\n" },
      { name: 'multer-s3', path: 'src/routes/upload.js', code: "const multer = require('multer')\nconst upload = multer({ storage: multerS3({ s3, bucket: process.env.BUCKET }) })\n" },
      { name: 'writing a build manifest, not from a handler', path: 'scripts/gen.js', code: "fs.writeFileSync('public/uploads/manifest.json', data)\n" },
      { name: 'a route handler writing the upload to the temp dir through a variable', path: 'app/api/upload/route.ts', code: "import { NextResponse } from 'next/server'\nimport { writeFile } from 'node:fs/promises'\nimport path from 'node:path'\n\nexport async function PUT(req: Request) {\n  const form = await req.formData()\n  const file = form.get('avatar') as File\n  const dest = path.join(os.tmpdir(), file.name)\n  await writeFile(dest, Buffer.from(await file.arrayBuffer()))\n  return NextResponse.json({ ok: true })\n}\n" },
      { name: 'a bare writeFile that is not fs (no fs import)', path: 'app/api/save/route.ts', code: "import { writeFile } from './storage'\nexport async function POST(req: Request) {\n  const form = await req.formData()\n  await writeFile('avatars/' + form.get('name'), form.get('file'))\n}\n" },
      { name: 'writing a log to /tmp from a handler', path: 'src/routes/x.js', code: "app.post('/x', (req, res) => { fs.writeFile('/tmp/upload-' + req.body.id, data, cb) })\n" },
      { name: 'flask save to tempfile', path: 'app/views.py', code: 'f = request.files["file"]\nf.save(os.path.join(tempfile.gettempdir(), name))\n' },
      { name: 'django default_storage goes through the configured backend', path: 'shop/views.py', code: 'def upload(request):\n    f = request.FILES["file"]\n    name = default_storage.save(f"uploads/{f.name}", f)\n' },
      { name: 'django split base settings are overridden per environment', path: 'config/settings/base.py', code: 'STORAGES = {\n    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},\n}\n' },
      { name: 'django S3 storage', path: 'mysite/settings.py', code: 'STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}\n' },
      { name: 'django dev settings', path: 'mysite/settings/local.py', code: 'DEFAULT_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"\n' },
      { name: 'django dev_docker settings', path: 'mysite/settings/dev_docker.py', code: 'DEFAULT_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"\n' },
      { name: 'django e2e settings', path: 'mysite/settings/e2e.py', code: 'DEFAULT_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"\n' },
      { name: 'django debug settings', path: 'mysite/settings/debug.py', code: 'DEFAULT_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"\n' },
      { name: 'active storage local in development', path: 'config/environments/development.rb', code: 'config.active_storage.service = :local\n' },
      { name: 'active storage amazon in production', path: 'config/environments/production.rb', code: 'config.active_storage.service = :amazon\n' },
      { name: 'test upload handler', path: 'spec/uploads_spec.rb', code: 'config.active_storage.service = :local\n' },
      { name: 'commented-out multer dest', path: 'src/app.js', code: "// const upload = multer({ dest: 'uploads/' })\n" },
      { name: 'php move to tmp', path: 'public/upload.php', code: "<?php\nmove_uploaded_file($_FILES['f']['tmp_name'], sys_get_temp_dir() . '/x');\n" }
    ],
    invalid: [
      { name: 'multer dest', path: 'src/routes/upload.js', code: "const multer = require('multer')\nconst upload = multer({ dest: 'uploads/' })\n", errors: [{ line: 2, column: 16, message: /multer\(\{ dest: 'uploads\/' \}\)/ }] },
      { name: 'multer diskStorage', path: 'src/upload.ts', code: "import multer from 'multer'\nconst storage = multer.diskStorage({\n  destination: (req, file, cb) => cb(null, 'public/uploads'),\n})\n", errors: [{ line: 2, column: 17 }] },
      { name: 'Next.js route handler writes the upload under public/ through a variable', path: 'app/api/upload/route.ts', code: "import { NextResponse } from 'next/server'\nimport { writeFile } from 'node:fs/promises'\nimport path from 'node:path'\n\nexport async function PUT(req: Request) {\n  const form = await req.formData()\n  const file = form.get('avatar') as File\n  const dest = path.join(process.cwd(), 'public', 'avatars', file.name)\n  await writeFile(dest, Buffer.from(await file.arrayBuffer()))\n  return NextResponse.json({ ok: true })\n}\n", errors: [{ line: 9, message: /fs\.writeFile\(path\.join\(process\.cwd\(\), 'public', 'avatars'/ }] },
      { name: 'handler writes into uploads', path: 'src/routes/avatar.js', code: "router.post('/avatar', async (req, res) => {\n  await fs.promises.writeFile(path.join(__dirname, '../uploads', req.params.id), req.body)\n})\n", errors: [{ line: 2, message: /fs\.writeFile\(path\.join\(__dirname, '\.\.\/uploads'/ }] },
      { name: 'flask UPLOAD_FOLDER', path: 'app/views.py', code: 'file = request.files["file"]\nfile.save(os.path.join(app.config["UPLOAD_FOLDER"], filename))\n', errors: [{ line: 2, column: 1, message: /^file\.save\(/ }] },
      { name: 'python open wb into media', path: 'app/api.py', code: 'data = request.files["f"].read()\nwith open(f"media/{user_id}.png", "wb") as out:\n    out.write(data)\n', errors: [{ line: 2 }] },
      { name: 'django docker (production) settings', path: 'mysite/settings/docker.py', code: 'DEFAULT_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"\n', errors: [{ line: 1 }] },
      { name: 'django production FileSystemStorage', path: 'mysite/settings/production.py', code: 'DEFAULT_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"\n', errors: [{ line: 1, column: 1 }] },
      { name: 'django STORAGES default', path: 'mysite/settings.py', code: 'STORAGES = {\n    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},\n    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},\n}\n', errors: [{ line: 2 }] },
      { name: 'active storage local in production', path: 'config/environments/production.rb', code: 'Rails.application.configure do\n  config.active_storage.service = :local\nend\n', errors: [{ line: 2, column: 3 }] },
      { name: 'carrierwave file storage', path: 'app/uploaders/avatar_uploader.rb', code: 'class AvatarUploader < CarrierWave::Uploader::Base\n  storage :file\nend\n', errors: [{ line: 2, column: 3 }] },
      { name: 'php move_uploaded_file', path: 'public/upload.php', code: "<?php\nmove_uploaded_file($_FILES['f']['tmp_name'], __DIR__ . '/uploads/' . $name);\n", errors: [{ line: 2 }] },
      { name: 'go os.Create into uploads', path: 'internal/http/upload.go', code: 'package http\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tf, _, _ := r.FormFile("file")\n\tout, _ := os.Create(filepath.Join("uploads", name))\n}\n', errors: [{ line: 4 }] },
      { name: 'spring transferTo', path: 'src/main/java/app/UploadController.java', code: 'class C {\n  void up(MultipartFile file) throws Exception {\n    file.transferTo(new File(uploadDir + file.getOriginalFilename()));\n  }\n}\n', errors: [{ line: 3 }] }
    ]
  })
})
