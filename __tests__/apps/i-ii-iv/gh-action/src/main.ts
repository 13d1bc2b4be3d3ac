import * as core from '@actions/core'
import { execFileSync } from 'node:child_process'

const base = process.env.GITHUB_BASE_REF ?? 'main'
const changed = execFileSync('git', ['diff', '--name-only', `origin/${base}...HEAD`]).toString().split('\n')
if (!changed.includes('CHANGELOG.md')) core.setFailed('CHANGELOG.md was not updated')
