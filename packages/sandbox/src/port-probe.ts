import { createServer } from 'node:net'
import { ListenError } from '@sandbox/shared'

/** Whether `host:port` can be listened on right now (0 always can: the system picks a port). */
function canListen(host: string, port: number): Promise<NodeJS.ErrnoException | null> {
  if (port === 0) return Promise.resolve(null)
  return new Promise((done) => {
    const probe = createServer()
    probe.once('error', (error: NodeJS.ErrnoException) => done(error))
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => done(null)))
  })
}

/**
 * Refuses to go on when a port the sandbox needs is taken, before anything is written: a start
 * that cannot listen must leave no data directory, CA or key behind.
 */
export async function assertPortsFree(
  host: string,
  ports: readonly { label: string; port: number }[],
): Promise<void> {
  for (const { label, port } of ports) {
    const error = await canListen(host, port)
    if (!error) continue
    const advice =
      error.code === 'EADDRINUSE'
        ? `port ${port} is already in use. Stop whatever uses it, or pick another port (0 picks a free one).`
        : error.code === 'EACCES'
          ? `permission denied for port ${port}; use a port above 1023.`
          : error.message
    throw new ListenError(`${label} cannot listen on ${host}:${port}: ${advice}`, error.code ?? 'LISTEN')
  }
}
