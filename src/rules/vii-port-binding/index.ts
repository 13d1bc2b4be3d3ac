// Factor VII — Port binding.
import type { Rule } from '../../engine/rule.js'
import { containerInjectedWebServer } from './container-injected-web-server.js'
import { exposedPortMismatch } from './exposed-port-mismatch.js'
import { literalListenPort } from './literal-listen-port.js'

export const FACTOR_VII_RULES: readonly Rule[] = [literalListenPort, containerInjectedWebServer, exposedPortMismatch]
