import { readSandboxCaCertificates, statePaths } from '@sandbox/shared'

/**
 * The root certificate a CLI trusts when it talks to its own sandbox over `--https`: the
 * sandbox CA in the data directory (read only; never created here). Undefined when the data
 * directory has none, for plain HTTP.
 */
export async function sandboxTrust(dataDir: string): Promise<string | undefined> {
  const read = await readSandboxCaCertificates(statePaths(dataDir).ca)
  return read.ok && read.value ? read.value.rootPem : undefined
}
