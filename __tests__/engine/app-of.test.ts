// appOf looks the nearest ancestor folder up in an index instead of scanning every app (a tree of
// vendored packages held hundreds); it must answer exactly as the scan did.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { appOf, type App } from '../../src/engine/apps.js'

function scanAppOf(apps: readonly App[], path: string): App | undefined {
  let best: App | undefined
  let bestDepth = -1
  for (const app of apps) {
    const depth = app.path === '.' ? 0 : app.path.split('/').length
    if ((app.path === '.' || path.startsWith(`${app.path}/`)) && depth > bestDepth) {
      best = app
      bestDepth = depth
    }
  }
  return best
}

describe('appOf', () => {
  it('agrees with a scan of every app, for random folder trees', () => {
    const segment = fc.constantFrom('a', 'b', 'api', 'web', 'a.b', 'src')
    const folder = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'))
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(folder, fc.constant('.')), { maxLength: 8 }), fc.array(segment, { minLength: 1, maxLength: 6 }), (dirs, file) => {
        const apps: App[] = dirs.map((path) => ({ path, language: 'javascript', manifest: `${path}/package.json` }))
        const path = file.join('/')
        expect(appOf(apps, path)).toBe(scanAppOf(apps, path))
      }),
      { numRuns: 1000 }
    )
  })

  it('a folder is not inside itself; a prefix that is not a folder does not count', () => {
    const apps: App[] = [{ path: 'services/api', language: 'go', manifest: 'services/api/go.mod' }]
    expect(appOf(apps, 'services/api')).toBeUndefined()
    expect(appOf(apps, 'services/api-v2/main.go')).toBeUndefined()
    expect(appOf(apps, 'services/api/cmd/main.go')?.path).toBe('services/api')
  })
})
