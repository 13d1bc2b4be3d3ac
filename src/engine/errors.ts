/** A wrong input, flag or config value. Entry points turn it into exit code 2 / a failed step. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
