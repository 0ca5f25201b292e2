import { describe, expect, it } from 'vitest'
import { detectInput } from '../inspect/detect-input'
import type { SignInTrace } from './sign-in-trace'
import { exportTracesAsHar, REDACTED, redactSecrets, tracesOfExport } from './trace-export'

const REQUEST =
  '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"/>'
const RESPONSE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_p1" InResponseTo="_r1" Version="2.0" IssueInstant="2026-01-01T00:00:01Z"/>'

function trace(side: 'idp' | 'sp'): SignInTrace {
  const sent = side === 'sp' ? 'authn-request-sent' : 'authn-request-received'
  const answer = side === 'sp' ? 'response-received' : 'response-sent'
  return {
    id: '_r1',
    side,
    startedAt: '2026-01-01T00:00:00.000Z',
    aliases: [],
    signInLogId: null,
    outcome: 'failure',
    steps: [
      {
        at: '2026-01-01T00:00:00.000Z',
        kind: sent,
        title: 'AuthnRequest',
        outcome: 'info',
        detail: 'sent',
        message: {
          parameter: 'SAMLRequest',
          binding: 'redirect',
          url: 'https://login.example/saml2',
          xml: REQUEST,
          relayState: '/home',
        },
      },
      {
        at: '2026-01-01T00:00:01.000Z',
        kind: answer,
        title: 'Response',
        outcome: 'info',
        detail: 'Cookie: sandbox_session=abcdefghijklmnop1234',
        facts: { password: 'hunter2-secret', user: 'b.simon@contoso.com' },
        message: {
          parameter: 'SAMLResponse',
          binding: 'post',
          url: 'https://sp.example/acs',
          xml: RESPONSE,
          relayState: null,
        },
      },
    ],
  }
}

describe('redactSecrets', () => {
  it('removes secret-named values, private key PEMs, bearer credentials, session cookies and known secrets', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----'
    const out = redactSecrets(
      {
        clientSecret: 'abc123xyz',
        nested: [
          { token: 'tok' },
          `key ${pem} and -----BEGIN RSA PRIVATE KEY-----\nAA\n-----END RSA PRIVATE KEY-----`,
        ],
        header: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig',
        note: 'the admin password is s3cret-Admin! (s3cret-Admin%21 encoded)',
        sessionIndex: '_keep-me',
      },
      ['s3cret-Admin!'],
    )
    const text = JSON.stringify(out)
    for (const gone of [
      'abc123xyz',
      '"tok"',
      'MIIEvQ',
      'eyJhbGciOiJSUzI1NiJ9',
      's3cret-Admin',
      'PRIVATE KEY---',
    ])
      expect(text).not.toContain(gone)
    expect(out.sessionIndex).toBe('_keep-me')
    expect(out.clientSecret).toBe(REDACTED)
  })
})

describe('exportTracesAsHar', () => {
  it('lists each message once, in wire order, as a HAR the inspector reads, with the traces redacted', () => {
    const har = exportTracesAsHar([trace('sp'), trace('idp')], { creator: 'test' })
    const text = JSON.stringify(har)
    expect(text).not.toContain('hunter2-secret')
    expect(text).not.toContain('abcdefghijklmnop1234')
    const detected = detectInput(text)
    expect(detected.ok).toBe(true)
    if (!detected.ok) return
    expect(detected.value.form).toBe('har')
    expect(
      detected.value.messages.map((m) => (m.decoded.ok ? m.decoded.value.match(/<samlp:(\w+)/)?.[1] : null)),
    ).toEqual(['AuthnRequest', 'Response'])
    expect(detected.value.messages[0]?.relayState).toBe('/home')
    expect(tracesOfExport(har)?.map((t) => t.side)).toEqual(['sp', 'idp'])
    expect(tracesOfExport({ log: { entries: [] } })).toBeNull()
  })
})
