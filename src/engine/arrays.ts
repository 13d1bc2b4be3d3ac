// push(...items) passes every item as an argument: past ~120,000 items it overflows the call stack
// (a 130,000-file tree crashed the worker merge). Unbounded arrays are appended with a loop.

/** Appends `items` to `target` in place, whatever their number. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item)
}
