// Action entry point (bundled to dist/index.js). All logic lives in main.ts.
import { run } from './main.js'

await run()
