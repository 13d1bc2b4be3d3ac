// The fix for a locator in a Node app's config file names node-config only for node-config's folder.
import { describe, expect, it } from '@jest/globals'
import { envSnippet } from '../../../src/rules/shared/backing-service-urls.js'

describe('envSnippet for config files of a Node app', () => {
  it('node-config advice for config/*.yml', () => {
    expect(envSnippet('DATABASE_URL', 'typescript', undefined, 'config', 'config/production.yml')).toContain('custom-environment-variables.json')
  })
  it('no node-config advice for other YAML files', () => {
    const fix = envSnippet('DATABASE_URL', 'typescript', undefined, 'config', 'deploy/settings.yml')
    expect(fix).not.toContain('node-config')
    expect(fix).toContain('DATABASE_URL environment variable')
  })
  it('code keeps the process.env fix', () => {
    expect(envSnippet('REDIS_URL', 'javascript')).toContain('process.env.REDIS_URL')
  })
})
