import { formatPrice } from './index'
import { validateOrder } from '../../../apps/web/lib/validate'

test('formats', () => expect(formatPrice(100)).toBe('$1.00'))
test('validates', () => expect(validateOrder({})).toHaveLength(1))
