/**
 * What a new user's project holds after `npm install sso-rehearsal-sandbox`: a plain
 * JavaScript module and a TypeScript one, each of which starts a sandbox, sets up the
 * tutorial, signs in headless and closes; and a TypeScript file with a typo the types must catch.
 */
export const CONSUMER_JS = `import { startSandbox, SignInError } from 'sso-rehearsal-sandbox'

const sandbox = await startSandbox()
try {
  const setUp = await sandbox.setupTutorial()
  const signedIn = await sandbox.signIn({ username: setUp.username, password: setUp.password })
  let wrongPassword = ''
  try {
    await sandbox.signIn({ username: setUp.username, password: 'wrong' })
  } catch (error) {
    wrongPassword = error instanceof SignInError ? error.code : String(error)
  }
  const adminCenter = await fetch(sandbox.entra.url + '/')
  const webexSignIn = await fetch(setUp.signOnUrl, { redirect: 'manual' })
  const stylesheet = await fetch(sandbox.webex.url + '/assets/control-hub.css')
  console.log(JSON.stringify({
    user: signedIn.session.user.userName,
    wrongPassword,
    adminCenter: { status: adminCenter.status, html: (await adminCenter.text()).slice(0, 2000) },
    webexSignIn: webexSignIn.status,
    stylesheet: stylesheet.status,
  }))
} finally {
  await sandbox.close()
}
`

export const CONSUMER_TS = `import { type Sandbox, type SignInSuccess, startSandbox } from 'sso-rehearsal-sandbox'

async function main(): Promise<void> {
  const sandbox: Sandbox = await startSandbox({ log: (line: string) => void line })
  try {
    const setUp = await sandbox.setupTutorial()
    const signedIn: SignInSuccess = await sandbox.signIn({ username: setUp.username, password: setUp.password })
    const tenantId: string = sandbox.entra.tenantId
    const scim: string = sandbox.webex.scimBaseUrl
    sandbox.clock.advance(1000)
    console.log(tenantId, scim, signedIn.samlResponse.xml.length)
  } finally {
    await sandbox.close()
  }
}
await main()
`

/** A typo (`tenantID`) and a wrong option type: a typed package rejects both. */
export const CONSUMER_TS_WRONG = `import { startSandbox } from 'sso-rehearsal-sandbox'

const sandbox = await startSandbox({ idpPort: 'seven' })
console.log(sandbox.entra.tenantID)
`
