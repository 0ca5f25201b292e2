/** A problem that stops start-up before any server listens; its message is shown as is. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StartupError'
  }
}
