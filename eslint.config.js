// ESLint flat config: @eslint/js recommended + typescript-eslint recommended.
// Not type-aware: the type-checked presets took ~36 s on this repo; `tsc --noEmit` checks types.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    'dist/',
    'coverage/',
    '.bench/',
    // sample apps and config samples the rules are tested on: deliberately bad code, not ours to lint
    '__tests__/apps/',
    '__tests__/fixtures/'
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // plain Node scripts and config files (TS files get Node's globals from @types/node)
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } }
  }
)
