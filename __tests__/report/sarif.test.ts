// No SARIF schema copy or JSON-schema validator (ajv) is installed and there is no network, so
// this checks the structure against the SARIF 2.1.0 schema's required properties, enums and
// formats by hand (sarif-schema-2.1.0.json: sarifLog, run, tool, toolComponent,
// reportingDescriptor, multiformatMessageString, reportingConfiguration, result, message,
// location, physicalLocation, artifactLocation, region), plus GitHub code scanning's extra
// requirements (docs "SARIF support for code scanning").
import { describe, expect, it } from '@jest/globals'
import { runAudit } from '../../src/audit.js'
import { defaultConfig } from '../../src/config/schema.js'
import { precisionOf } from '../../src/engine/precision.js'
import type { RuleMeta } from '../../src/engine/rule.js'
import { formatSarif, ruleHelpUri, toSarif } from '../../src/report/sarif.js'
import { fakeRepoRule, fakeRule } from '../helpers/fake-rule.js'
import { makeTree } from '../helpers/tree.js'

type Json = any // eslint-disable-line @typescript-eslint/no-explicit-any
const LEVELS = ['none', 'note', 'warning', 'error']

function isUri(s: unknown): boolean {
  try {
    new URL(s as string)
    return true
  } catch {
    return false
  }
}
const isUriReference = (s: unknown): boolean => typeof s === 'string' && !/[\s\\]/.test(s) && (() => { try { new URL(s, 'file:///root/'); return true } catch { return false } })()
const multiformat = (m: Json, where: string, errors: string[]): void => {
  if (typeof m?.text !== 'string') errors.push(`${where}.text is required (multiformatMessageString)`)
  if (m?.markdown !== undefined && typeof m.markdown !== 'string') errors.push(`${where}.markdown must be a string`)
}

/** Returns schema violations; empty when valid. */
export function validateSarif(log: Json): string[] {
  const e: string[] = []
  if (log.version !== '2.1.0') e.push('version must be "2.1.0"')
  if (log.$schema !== undefined && !isUri(log.$schema)) e.push('$schema must be a URI')
  if (!Array.isArray(log.runs)) return [...e, 'runs is required (array)']
  log.runs.forEach((run: Json, ri: number) => {
    const driver = run.tool?.driver
    if (!driver) return e.push(`runs[${ri}].tool.driver is required`)
    if (typeof driver.name !== 'string' || !driver.name) e.push('driver.name is required')
    if (driver.informationUri !== undefined && !isUri(driver.informationUri)) e.push('driver.informationUri must be a URI')
    const rules: Json[] = driver.rules ?? []
    const ids = new Set<string>()
    rules.forEach((r, i) => {
      const w = `rules[${i}]`
      if (typeof r.id !== 'string' || !r.id) e.push(`${w}.id is required`)
      if (ids.has(r.id)) e.push(`${w}.id is not unique`)
      ids.add(r.id)
      if (r.name !== undefined && (typeof r.name !== 'string' || r.name.length > 255)) e.push(`${w}.name must be a string ≤ 255`)
      multiformat(r.shortDescription, `${w}.shortDescription`, e)
      multiformat(r.fullDescription, `${w}.fullDescription`, e)
      multiformat(r.help, `${w}.help`, e)
      if (r.shortDescription?.text?.length > 1024 || r.fullDescription?.text?.length > 1024) e.push(`${w} descriptions must be ≤ 1024 chars (code scanning)`)
      if (r.helpUri !== undefined && !isUri(r.helpUri)) e.push(`${w}.helpUri must be a URI`)
      if (r.defaultConfiguration && !LEVELS.includes(r.defaultConfiguration.level)) e.push(`${w}.defaultConfiguration.level invalid`)
      const tags = r.properties?.tags
      if (tags !== undefined && (!Array.isArray(tags) || new Set(tags).size !== tags.length || tags.some((t: unknown) => typeof t !== 'string'))) e.push(`${w}.properties.tags must be unique strings`)
    })
    for (const [k, v] of Object.entries(run.originalUriBaseIds ?? {})) {
      if (typeof v !== 'object' || v === null) e.push(`originalUriBaseIds.${k} must be an artifactLocation`)
    }
    ;(run.results ?? []).forEach((res: Json, i: number) => {
      const w = `results[${i}]`
      if (typeof res.message?.text !== 'string' && typeof res.message?.id !== 'string') e.push(`${w}.message needs text or id`)
      if (res.level !== undefined && !LEVELS.includes(res.level)) e.push(`${w}.level invalid`)
      if (res.ruleIndex !== undefined && (!Number.isInteger(res.ruleIndex) || res.ruleIndex < -1)) e.push(`${w}.ruleIndex must be an integer ≥ -1`)
      if (res.ruleIndex >= 0 && rules[res.ruleIndex]?.id !== res.ruleId) e.push(`${w}.ruleIndex does not point at ruleId`)
      if (res.baselineState !== undefined && !['new', 'unchanged', 'updated', 'absent'].includes(res.baselineState)) e.push(`${w}.baselineState invalid`)
      for (const [k, v] of Object.entries(res.partialFingerprints ?? {})) if (typeof v !== 'string') e.push(`${w}.partialFingerprints.${k} must be a string`)
      if (!Array.isArray(res.locations) || res.locations.length === 0) e.push(`${w}.locations is required by code scanning`)
      ;(res.locations ?? []).forEach((loc: Json, li: number) => {
        const pl = loc.physicalLocation
        const lw = `${w}.locations[${li}].physicalLocation`
        if (!pl?.artifactLocation && !pl?.address) return e.push(`${lw} needs artifactLocation or address`)
        if (!isUriReference(pl.artifactLocation.uri)) e.push(`${lw}.artifactLocation.uri must be a uri-reference`)
        if (String(pl.artifactLocation.uri).startsWith('/')) e.push(`${lw}.artifactLocation.uri must be relative to the repository`)
        const reg = pl.region
        if (reg) {
          for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
            if (reg[k] !== undefined && (!Number.isInteger(reg[k]) || reg[k] < 1)) e.push(`${lw}.region.${k} must be an integer ≥ 1`)
          }
        } else e.push(`${lw}.region.startLine is required by code scanning`)
      })
    })
  })
  return e
}

const APP = {
  'src/app.js': 'const a = 1\nconst HARDCODED_TOKEN = "Zq8vK2mP9xL4tR7w"\n',
  'src/b c.js': 'const HARDCODED_TOKEN = "Yx7uJ1lO8wK3sQ6v"\n'
}

function audit(files: Record<string, string>) {
  return runAudit({ root: makeTree(files), config: defaultConfig(), rules: [fakeRule, fakeRepoRule], useGit: false })
}

describe('SARIF 2.1.0', () => {
  it('is valid by the schema structure and code scanning requirements', () => {
    const log = JSON.parse(formatSarif(audit(APP), [fakeRule.meta, fakeRepoRule.meta]))
    expect(validateSarif(log)).toEqual([])
    expect(log.runs[0].results.length).toBe(3)
  })

  it('the validator catches what it should (so the test above can fail)', () => {
    const log = JSON.parse(formatSarif(audit(APP), [fakeRule.meta]))
    log.version = '2.0.0'
    delete log.runs[0].tool.driver.rules[0].shortDescription
    log.runs[0].results[0].level = 'fatal'
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0
    log.runs[0].results[0].ruleIndex = 5
    expect(validateSarif(log)).toHaveLength(5)
  })

  it('describes each rule: name, descriptions, help with the remediation, helpUri, level, factor tag', () => {
    const log = toSarif(audit(APP), [fakeRule.meta, fakeRepoRule.meta]) as Json
    const driver = log.runs[0].tool.driver
    expect(driver).toMatchObject({ name: 'twelve-factor-audit', version: expect.any(String), informationUri: expect.stringMatching(/^https:/) })
    const rule = driver.rules.find((r: Json) => r.id === 'TF0399')
    expect(rule).toMatchObject({
      name: 'fake-token',
      helpUri: ruleHelpUri('TF0399'),
      defaultConfiguration: { level: 'error' },
      properties: { tags: expect.arrayContaining(['factor-III']) }
    })
    expect(rule.helpUri).toBe('https://github.com/twelve-factor-audit/twelve-factor-audit/blob/main/docs/rules/TF0399.md')
    expect(rule.help.text).toContain('Read the token from the environment.')
    expect(rule.help.markdown).toContain('**Fix:** Read the token from the environment.')
  })

  it("carries a measured rule's corpus precision as properties.precision (CodeQL's tag); none while unmeasured", () => {
    const withPrecision = (tp: number, fp: number) => ({ ...fakeRule.meta, precision: precisionOf({ tp, fp, debatable: 0 }) })
    const rule = (meta: RuleMeta) => (toSarif(audit(APP), [meta, fakeRepoRule.meta]) as Json).runs[0].tool.driver.rules.find((r: Json) => r.id === 'TF0399')
    expect(rule(withPrecision(19, 1)).properties).toMatchObject({ precision: 'high', tags: expect.arrayContaining(['factor-III']) })
    expect(rule(withPrecision(17, 3)).properties.precision).toBe('medium')
    expect(rule(withPrecision(3, 7)).properties.precision).toBe('low')
    expect(rule(withPrecision(2, 1)).properties).not.toHaveProperty('precision')
    expect(rule(fakeRule.meta).properties).not.toHaveProperty('precision')
    expect(validateSarif(JSON.parse(formatSarif(audit(APP), [withPrecision(19, 1)])))).toEqual([])
  })

  it('results: ruleId, ruleIndex, level, repo-relative %SRCROOT% uri with a prefix, region, fingerprint; no secret', () => {
    const result = audit(APP)
    const text = formatSarif(result, [fakeRule.meta, fakeRepoRule.meta], { prefix: 'services/api' })
    const log = JSON.parse(text)
    const res = log.runs[0].results.find((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri === 'services/api/src/app.js')
    expect(res).toMatchObject({ ruleId: 'TF0399', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 7 } } }] })
    expect(log.runs[0].tool.driver.rules[res.ruleIndex].id).toBe('TF0399')
    expect(res.partialFingerprints['twelveFactorFingerprint/v1']).toBe(result.findings.find((f) => f.file === 'src/app.js')!.fingerprint)
    expect(log.runs[0].results.some((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri === 'services/api/src/b%20c.js')).toBe(true)
    expect(text).not.toContain('Zq8vK2mP9xL4tR7w')
  })

  it('the fingerprint survives lines added above, and changes when the offending line changes', () => {
    const fp = (files: Record<string, string>) => (toSarif(audit(files), [fakeRule.meta]) as Json).runs[0].results.find((r: Json) => r.ruleId === 'TF0399' && r.locations[0].physicalLocation.artifactLocation.uri === 'src/app.js')
    const before = fp(APP)
    const moved = fp({ ...APP, 'src/app.js': `// header\n\n${APP['src/app.js']}` })
    const edited = fp({ ...APP, 'src/app.js': 'const a = 1\nconst HARDCODED_TOKEN = "Pp0oI9uY8tR7eW6q"\n' })
    expect(moved.locations[0].physicalLocation.region.startLine).toBe(4)
    expect(moved.partialFingerprints).toEqual(before.partialFingerprints)
    expect(edited.partialFingerprints).not.toEqual(before.partialFingerprints)
  })

  it('describes engine rules (TF0001) and unknown ids rather than dropping them', () => {
    const result = audit({ 'src/x.js': 'const HARDCODED_TOKEN = "Zq8vK2mP9xL4tR7w" // twelve-factor-ignore TF0399\n' })
    const log = toSarif(result, [fakeRule.meta]) as Json
    // TF0198 (the fake repository rule) is left out of the metadata on purpose: an unknown id.
    expect(log.runs[0].results.map((r: Json) => r.ruleId).sort()).toEqual(['TF0001', 'TF0198'])
    const rules = log.runs[0].tool.driver.rules
    expect(rules.find((r: Json) => r.id === 'TF0001')).toMatchObject({ name: 'suppression-without-reason', defaultConfiguration: { level: 'note' } })
    expect(rules.find((r: Json) => r.id === 'TF0198')).toMatchObject({ helpUri: ruleHelpUri('TF0198'), properties: { tags: expect.arrayContaining(['factor-I']) } })
    expect(validateSarif(log)).toEqual([])
  })
})
