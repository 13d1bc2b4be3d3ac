export function validateOrder(order: { items?: unknown[] }): string[] {
  return Array.isArray(order.items) && order.items.length > 0 ? [] : ['an order needs items']
}
