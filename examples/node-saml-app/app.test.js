import { SignInError, startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp } from './app.js'

let sandbox
let app
let registered

// One sandbox and one app for the file: starting is the slow part.
beforeAll(async () => {
  ;[sandbox, app] = await Promise.all([startSandbox(), startApp()])
  // One call: a non-gallery SAML app from the app's metadata, B.Simon created and assigned.
  registered = await sandbox.entra.registerServiceProvider({
    metadata: app.metadataXml,
    assign: ['B.Simon@contoso.com'],
  })
  app.configureIdp(registered)
})

afterAll(async () => {
  await Promise.all([sandbox?.close(), app?.close()])
})

const signInTo = (target, username, password) =>
  sandbox.signIn({ startUrl: `${target.url}/login`, sessionInfoUrl: `${target.url}/me`, username, password })

const failureOf = (promise) =>
  promise.then(
    () => {
      throw new Error('the sign-in was expected to be refused')
    },
    (error) => error,
  )

describe('a node-saml app signing in through the sandbox’s Entra ID', () => {
  it('signs B.Simon in and opens the app’s session for her', async () => {
    const { password } = registered.users[0]
    const signedIn = await signInTo(app, 'B.Simon@contoso.com', password)
    expect(signedIn.session.user.nameID.toLowerCase()).toBe('b.simon@contoso.com')
    expect(signedIn.samlResponse.xml).toContain(`<Audience>${app.entityId}</Audience>`)
  })

  it('gets no session for a user not assigned to the app: Entra answers AADSTS50105', async () => {
    const before = app.sessionCount()
    const eve = await sandbox.entra.createUser({ userPrincipalName: 'Eve@contoso.com' })
    const error = await failureOf(signInTo(app, eve.userPrincipalName, eve.password))
    expect(error).toBeInstanceOf(SignInError)
    expect(error.message).toContain('AADSTS50105')
    expect(app.sessionCount()).toBe(before)
  })

  it('refuses a Response signed with a certificate it was not given (another app’s)', async () => {
    const other = await startApp()
    try {
      const otherApp = await sandbox.entra.registerServiceProvider({
        metadata: other.metadataXml,
        assign: ['B.Simon@contoso.com'],
      })
      expect(otherApp.signingCertificatePem).not.toBe(registered.signingCertificatePem)
      // The mistake: the first app's certificate pasted into the second app's settings.
      other.configureIdp({ ...otherApp, signingCertificatePem: registered.signingCertificatePem })
      const error = await failureOf(signInTo(other, 'B.Simon@contoso.com', registered.users[0].password))
      expect(error.code).toBe('ERROR_PAGE')
      expect(error.failure.page.status).toBe(403)
      expect(error.failure.page.body).toMatch(/^Sign-in refused: .*signature/i)
      expect(other.sessionCount()).toBe(0)
    } finally {
      await other.close()
    }
  })
})
