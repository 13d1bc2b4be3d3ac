// A tree of 130,000 source files crashed the worker merge (`records.push(...records)` overflows the
// call stack past ~120,000 arguments). Through the committed CLI bundle, with worker threads.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { append } from '../../src/engine/arrays.js'
import { CLI } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp.js'

describe('large trees', () => {
  it('append takes more items than a call can take arguments', () => {
    const target = [0]
    append(target, new Array<number>(500_000).fill(1))
    expect(target).toHaveLength(500_001)
  })

  it('the CLI bundle audits 130 folders x 1,000 files with workers, no crash', () => {
    const root = tempDir('tfa-large-')
    for (let d = 0; d < 130; d++) {
      mkdirSync(join(root, `d${d}`))
      for (let f = 0; f < 1000; f++) writeFileSync(join(root, `d${d}`, `f${f}.js`), `module.exports = ${f}\n`)
    }
    const r = spawnSync(process.execPath, [CLI, root, '--format', 'json', '--fail-on', 'none', '--jobs', '2'], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 170_000 })
    expect(r.stderr).not.toMatch(/RangeError|internal error/)
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout) as { stats: { files: number; workers: number } }
    expect(report.stats.files).toBe(130_000)
  }, 180_000)
})
