import { isSendableHeaderValue, listen, type RunningHttpServer, signIn } from '@sandbox/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { graphClient } from '../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, redirectUrl, setUpSamlApp } from '../test-support/saml-app'

/**
 * Header values the IdP builds from input (Location from a configured URL, Content-Disposition
 * from an app's name) are always ones Node can send: a bad character is refused where it is
 * entered, encoded where encoding is exact, and replaced in a file name.
 */
let t: TestIdp
let spId: string
let server: RunningHttpServer | undefined
beforeEach(async () => {
  t = await createTestIdp()
  ;({ spId } = await setUpSamlApp(t))
})
afterEach(async () => {
  await server?.close(0)
  server = undefined
})

describe('URLs with control characters', () => {
  it('refuses a Sign-on, Reply or Logout URL with a control character, saying which and where', async () => {
    const graph = graphClient(t)
    const appObjectId = t.store.read().apps.find((a) => a.servicePrincipal.id === spId)?.application.id
    const answers = [
      await graph.patch(`/v1.0/servicePrincipals/${spId}`, { loginUrl: 'https://sp.test/lo\u0001gin' }),
      await graph.patch(`/v1.0/applications/${appObjectId}`, {
        web: { redirectUris: ['https://sp.test/acs\u007f'] },
      }),
      await graph.patch(`/v1.0/applications/${appObjectId}`, {
        web: { logoutUrl: 'https://sp.test/\u0000logout' },
      }),
    ]
    expect(answers.map((a) => [a.status, a.json.error.message])).toEqual([
      [
        400,
        'Sign on URL contains a control character (U+0001) at position 19; remove it (or percent-encode it).',
      ],
      [
        400,
        'Reply URL contains a control character (U+007F) at position 20; remove it (or percent-encode it).',
      ],
      [
        400,
        'Logout URL contains a control character (U+0000) at position 17; remove it (or percent-encode it).',
      ],
    ])
  })

  it('redirects a My Apps launch to a non-ASCII Sign-on URL percent-encoded as UTF-8', async () => {
    const set = await t.services.samlConfig.configureBasicSaml(spId, {
      signOnUrl: 'https://sp.test/caf\u00e9',
    })
    expect(set.ok).toBe(true)
    const browser = t.browser()
    const result = await signIn({
      startUrl: redirectUrl(t, authnRequestXml()),
      username: 'admin@contoso.com',
      password: t.adminPassword,
      browser,
    })
    if (!result.ok) throw new Error(result.error.message)
    browser.hops.length = 0
    await browser.open(`${t.url}/myapps/launch/${spId}`)
    expect(browser.hops[0]).toMatchObject({ status: 302, location: 'https://sp.test/caf%C3%A9' })
  })
})

describe('download file names from an app’s display name', () => {
  it('sends federation metadata and certificates of an app named with quotes, slashes, controls and non-ASCII', async () => {
    const name = 'Caf\u00e9 "Webex"/\u0001'
    expect(
      (await graphClient(t).patch(`/v1.0/servicePrincipals/${spId}`, { displayName: name })).status,
    ).toBe(204)
    server = await listen({ host: '127.0.0.1', port: 0 }, 'Entra ID emulator')
    server.handle((request) => t.app.fetch(request))
    const thumbprint = t.store.read().apps.find((a) => a.servicePrincipal.id === spId)?.saml
      .certificates[0]?.thumbprint
    const paths = [
      `/sandbox/api/servicePrincipals/${spId}/federationMetadata`,
      `/sandbox/api/servicePrincipals/${spId}/certificates/${thumbprint}/download?format=pem`,
    ]
    const dispositions: (string | null)[] = []
    for (const path of paths) {
      const answer = await fetch(`http://127.0.0.1:${server.port}${path}`, {
        headers: { authorization: `Bearer ${t.store.read().graphApiToken}` },
      })
      expect(answer.status).toBe(200)
      dispositions.push(answer.headers.get('content-disposition'))
    }
    expect(dispositions[0]).toBe(
      `attachment; filename="Caf_ _Webex___.xml"; filename*=UTF-8''Caf%C3%A9%20%22Webex%22__.xml`,
    )
    expect(dispositions[1]).toMatch(/^attachment; filename="[\x20-\x7e]+\.pem"/)
    for (const value of dispositions) expect(isSendableHeaderValue(value ?? '')).toBe(true)
  })
})
