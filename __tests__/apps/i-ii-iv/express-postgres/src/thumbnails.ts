import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Renders a 200px thumbnail next to the upload. */
export async function thumbnail(src: string, out: string): Promise<void> {
  await run('convert', [src, '-resize', '200x200', out])
}
