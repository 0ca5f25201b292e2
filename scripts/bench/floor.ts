import { createHash, sign, verify } from 'node:crypto'
import { canonicalize, childNamed, NS, parseXml, type RsaKeyPair, SAML_MESSAGE_LIMITS } from '@sandbox/shared'
import { type Summary, sample, summarize } from './stats'

/** The claims of a typical Entra assertion: the claim set of the real 2022 sample, 10 claims. */
export function typicalClaims(): [name: string, value: string][] {
  return [
    ['http://schemas.microsoft.com/identity/claims/tenantid', '5b5c94c6-14cf-42da-85bc-4e08722b253b'],
    ['http://schemas.microsoft.com/identity/claims/objectidentifier', '814bd554-6a00-405c-91d5-4132d39ba4fb'],
    ['http://schemas.microsoft.com/identity/claims/displayname', 'B.Simon'],
    [
      'http://schemas.microsoft.com/identity/claims/identityprovider',
      'https://sts.windows.net/5b5c94c6-14cf-42da-85bc-4e08722b253b/',
    ],
    [
      'http://schemas.microsoft.com/claims/authnmethodsreferences',
      'http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password',
    ],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'B'],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'Simon'],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'B.Simon@contoso.com'],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', 'B.Simon@contoso.com'],
    ['uid', 'B.Simon@contoso.com'],
  ]
}

/** A typical Entra assertion: the shape of the real 2022 sample with {@link typicalClaims}. */
function typicalAssertionXml(): string {
  const claims = typicalClaims()
  return `<samlp:Response xmlns:samlp="${NS.protocol}" ID="_r" Version="2.0" IssueInstant="2026-11-28T12:00:00.000Z"><Assertion xmlns="${NS.assertion}" ID="_a" IssueInstant="2026-11-28T12:00:00.000Z" Version="2.0"><Issuer>https://sts.windows.net/t/</Issuer><Subject><NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">B.Simon@contoso.com</NameID><SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><SubjectConfirmationData InResponseTo="_x" NotOnOrAfter="2026-11-28T13:00:00.000Z" Recipient="http://localhost:7080/acs"/></SubjectConfirmation></Subject><Conditions NotBefore="2026-11-28T11:55:00.000Z" NotOnOrAfter="2026-11-28T13:00:00.000Z"><AudienceRestriction><Audience>https://idbroker.webex.com/o</Audience></AudienceRestriction></Conditions><AttributeStatement>${claims
    .map(([name, value]) => `<Attribute Name="${name}"><AttributeValue>${value}</AttributeValue></Attribute>`)
    .join(
      '',
    )}</AttributeStatement><AuthnStatement AuthnInstant="2026-11-28T11:00:00.000Z" SessionIndex="_a"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</AuthnContextClassRef></AuthnContext></AuthnStatement></Assertion></samlp:Response>`
}

/** The crypto floor of one sign-in: what no implementation can avoid. */
export interface FloorResult {
  readonly rsaSign: Summary
  readonly rsaVerify: Summary
  readonly canonicalizeAndDigest: Summary
  /** One RSA signature plus canonicalization and digest: the floor of one sign-in, ms. */
  readonly perSignInMs: number
}

/** Measures native RSA-2048 sign/verify with pre-parsed keys and c14n+SHA-256 of the assertion. */
export async function measureFloor(key: RsaKeyPair, budgetMs: number): Promise<FloorResult> {
  const data = Buffer.from('x'.repeat(600))
  const signature = sign('sha256', data, key.privateKey)
  const parsed = parseXml(typicalAssertionXml(), SAML_MESSAGE_LIMITS)
  if (!parsed.ok) throw new Error(parsed.error.message)
  const assertion = childNamed(parsed.value.documentElement, NS.assertion, 'Assertion') as Element
  const limits = { maxRuns: 2000, maxMs: budgetMs / 3 }
  const rsaSign = summarize(await sample(() => sign('sha256', data, key.privateKey), limits))
  const rsaVerify = summarize(await sample(() => verify('sha256', data, key.publicKey, signature), limits))
  const canonicalizeAndDigest = summarize(
    await sample(() => createHash('sha256').update(canonicalize(assertion)).digest(), limits),
  )
  return {
    rsaSign,
    rsaVerify,
    canonicalizeAndDigest,
    perSignInMs: rsaSign.median + canonicalizeAndDigest.median,
  }
}
