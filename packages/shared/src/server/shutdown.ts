/**
 * Runs `stop` once on the first SIGINT or SIGTERM, then exits 0 (or 1 if stopping failed).
 * A second signal while stopping exits immediately, as users expect from Ctrl-C twice.
 */
export function stopOnSignals(stop: () => Promise<void>, log: (line: string) => void = console.error): void {
  let stopping = false
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log(`${signal} again: exiting without waiting.`)
      process.exit(130)
    }
    stopping = true
    log(`${signal} received: finishing requests and saving state…`)
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`Shutdown failed: ${(error as Error).message}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}
