import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Canaries for XXE tests: a loopback HTTP server that counts every request it gets and a file
 * with a unique marker. A parser that fetched or read either would show up in `hits` or echo
 * the marker.
 */
export interface XxeProbes {
  readonly url: string
  readonly file: string
  readonly marker: string
  hits(): number
  close(): Promise<void>
}

export async function startXxeProbes(): Promise<XxeProbes> {
  let hits = 0
  const server: Server = createServer((_request, response) => {
    hits += 1
    response.end('<!ENTITY leak "fetched">')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const marker = `xxe-canary-${process.pid}-${Date.now()}`
  const file = join(mkdtempSync(join(tmpdir(), 'xxe-')), 'secret.txt')
  writeFileSync(file, marker)
  return {
    url: `http://127.0.0.1:${port}`,
    file,
    marker,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
