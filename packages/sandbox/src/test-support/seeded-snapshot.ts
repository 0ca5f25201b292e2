// Run as a child process by the deterministic-mode test: starts a sandbox from the options in
// argv[2] (JSON), sets up the tutorial, signs B.Simon in, and prints what must repeat byte for
// byte as one JSON line on stdout.
import { startSandbox } from '../index'

interface SnapshotOptions {
  readonly seed?: string
  readonly at: string
  readonly keyCache: string
  readonly idpPort: number
  readonly spPort: number
}

const options = JSON.parse(process.argv[2] ?? '{}') as SnapshotOptions
const sandbox = await startSandbox({
  ...(options.seed === undefined ? {} : { seed: options.seed }),
  clock: { mode: 'fixed', at: options.at },
  keyCache: options.keyCache,
  idpPort: options.idpPort,
  spPort: options.spPort,
})
try {
  const setUp = await sandbox.setupTutorial()
  const signedIn = await sandbox.signIn({ username: setUp.username, password: setUp.password })
  process.stdout.write(
    `${JSON.stringify({
      tenantId: sandbox.entra.tenantId,
      orgId: sandbox.webex.orgId,
      authnRequestXml: signedIn.authnRequest?.xml ?? '',
      responseXml: signedIn.samlResponse.xml,
      federationMetadataXml: setUp.facts.federationMetadataXml ?? '',
      spMetadataXml: setUp.facts.spMetadataXml ?? '',
      caPem: sandbox.runtime.ca.root.certificatePem,
      intermediatePem: sandbox.runtime.ca.intermediate.certificatePem,
    })}\n`,
  )
} finally {
  await sandbox.close()
}
