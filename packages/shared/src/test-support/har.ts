import { encodeRedirectBinding } from '../saml/bindings'
import { buildAuthnRequest, buildLogoutRequest, SP } from './saml-messages'

/** A HAR of one SP-initiated sign-in and a logout, as browsers' developer tools export it. */
export function signInHar(
  response: string,
  options: { base64Content?: boolean; paramsOnly?: boolean } = {},
): string {
  const samlResponse = Buffer.from(response).toString('base64')
  const page = `<html><body onload="document.forms[0].submit()"><form method="POST" action="${SP.acsUrl}"><input type="hidden" name="SAMLResponse" value="${samlResponse}"><input type="hidden" name="RelayState" value="/webex/home"></form></body></html>`
  const body = new URLSearchParams({ SAMLResponse: samlResponse, RelayState: '/webex/home' }).toString()
  return JSON.stringify({
    log: {
      version: '1.2',
      entries: [
        { request: { method: 'GET', url: `${SP.acsUrl}` }, response: { status: 302, content: { text: '' } } },
        {
          request: {
            method: 'GET',
            url: `https://login.microsoftonline.com/tenant/saml2?${encodeRedirectBinding({ parameter: 'SAMLRequest', xml: buildAuthnRequest(), relayState: '/webex/home' })}`,
          },
          response: {
            status: 200,
            content: {
              mimeType: 'text/html',
              text: '<html><form><input name="passwd" type="password"></form></html>',
            },
          },
        },
        {
          request: {
            method: 'POST',
            url: 'https://login.microsoftonline.com/tenant/login',
            postData: { text: 'login=b.simon&passwd=secret' },
          },
          response: {
            status: 200,
            content: options.base64Content
              ? { mimeType: 'text/html', encoding: 'base64', text: Buffer.from(page).toString('base64') }
              : { mimeType: 'text/html', text: page },
          },
        },
        {
          request: {
            method: 'POST',
            url: SP.acsUrl,
            postData: options.paramsOnly
              ? {
                  mimeType: 'application/x-www-form-urlencoded',
                  params: [
                    { name: 'SAMLResponse', value: encodeURIComponent(samlResponse) },
                    { name: 'RelayState', value: encodeURIComponent('/webex/home') },
                  ],
                }
              : { mimeType: 'application/x-www-form-urlencoded', text: body },
          },
          response: { status: 302, content: { text: '' } },
        },
        {
          request: {
            method: 'GET',
            url: `https://login.microsoftonline.com/tenant/saml2?${encodeRedirectBinding({ parameter: 'SAMLRequest', xml: buildLogoutRequest() })}`,
          },
          response: { status: 302, content: {} },
        },
      ],
    },
  })
}
