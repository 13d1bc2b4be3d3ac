// Builds throwaway folders for tests: write a tree of files, optionally as a git repository.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { tempDir } from './temp.js'

export function makeTree(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): string {
  const root = tempDir('tfa-')
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  if (options.git) {
    const git = (...args: string[]): void => {
      execFileSync('git', args, { cwd: root, stdio: 'ignore' })
    }
    git('init', '-q')
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A')
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'init', '--allow-empty')
  }
  return root
}
