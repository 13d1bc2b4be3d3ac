import { describe, expect, it } from '@jest/globals'
import { CREDENTIAL_RULE_IDS, evaluateAll, PARITY_BACKING_SERVICE_RULE_IDS, LITMUS_TESTS, VALIDATIONS } from '../../src/results/litmus.js'
import { finding, makeResult } from '../helpers/result.js'

const answers = (r: ReturnType<typeof makeResult>, specs = LITMUS_TESTS) => Object.fromEntries(evaluateAll(specs, r.factors, r.findings).map((o) => [o.spec.id, o.answer]))

describe('litmus tests', () => {
  it('a clean, fully audited repo: no secrets exposed, restartable, parity', () => {
    expect(answers(makeResult([]))).toEqual({ config: 'no', processes: 'yes', parity: 'yes' })
  })

  it('a credential finding in III means open-sourcing would expose secrets, with the rule and file as evidence', () => {
    const f = finding('III', 'error', { ruleId: CREDENTIAL_RULE_IDS[0], file: 'src/config.js', line: 3 })
    const r = makeResult([f])
    const [config] = evaluateAll(LITMUS_TESTS, r.factors, r.findings)
    expect(config.answer).toBe('yes')
    expect(config.evidence).toEqual([f])
  })

  it('a non-credential III finding (e.g. DEBUG on) does not answer yes', () => {
    expect(answers(makeResult([finding('III', 'warning', { ruleId: 'TF0307' })])).config).toBe('no')
  })

  it('VI errors or warnings mean processes cannot be restarted safely; VI notices do not', () => {
    expect(answers(makeResult([finding('VI', 'warning')])).processes).toBe('no')
    expect(answers(makeResult([finding('VI', 'notice')])).processes).toBe('yes')
  })

  it('X backing-service findings mean dev and prod differ; other X findings (runtime version drift) do not answer this', () => {
    expect(answers(makeResult([finding('X', 'error', { ruleId: PARITY_BACKING_SERVICE_RULE_IDS[0] })])).parity).toBe('no')
    expect(answers(makeResult([finding('X', 'warning', { ruleId: 'TF1002' })])).parity).toBe('yes')
  })

  it('says "not checked" for factors that were not audited or met no file, never "pass"', () => {
    const r = makeResult([], { rulesRun: { III: 0, VI: 0, X: 0, V: 0, XI: 0 } })
    expect(answers(r)).toEqual({ config: 'not checked', processes: 'not checked', parity: 'not checked' })
    expect(answers(r, VALIDATIONS)).toEqual({ 'config-not-in-code': 'not checked', 'no-local-state': 'not checked', 'build-release-run': 'not checked', 'logs-to-stdout': 'not checked' })
  })

  it('validations pass or fail per factor', () => {
    const r = makeResult([finding('V', 'error'), finding('XI', 'warning')])
    expect(answers(r, VALIDATIONS)).toEqual({ 'config-not-in-code': 'pass', 'no-local-state': 'pass', 'build-release-run': 'fail', 'logs-to-stdout': 'fail' })
  })

  it('baselined findings still count: a baseline accepts debt, it does not remove it', () => {
    expect(answers(makeResult([finding('VI', 'error', { baselined: true })])).processes).toBe('no')
  })
})
