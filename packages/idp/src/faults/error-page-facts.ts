import type { DeepReadonly } from '@sandbox/shared'
import { AADSTS, type AadstsCode, type AadstsError, type AadstsFacts } from '../errors/catalogue'
import type { DirectoryUser, EnterpriseApp } from '../state/idp-state'

/** What a sign-in knows when a fault turns it into an error page: the facts every code is worded from. */
export interface ErrorPageContext {
  readonly tenantId: string
  readonly tenantName: string
  readonly app: DeepReadonly<EnterpriseApp>
  readonly user: DeepReadonly<DirectoryUser>
  readonly acsUrl: string
  readonly audience: string
}

type FactsBuilders = { readonly [C in AadstsCode]: (context: ErrorPageContext) => AadstsFacts[C] }

const none = () => ({})
const appFacts = (x: ErrorPageContext) => ({
  appName: x.app.servicePrincipal.displayName,
  appId: x.app.application.appId,
})

/**
 * The facts of each code, taken from the sign-in the fault interrupts, so that the page shows
 * Entra's real sentence with this app's name, this user and this reply URL in it.
 */
const FACTS: FactsBuilders = {
  AADSTS90002: (x) => ({ tenant: x.tenantId }),
  AADSTS750054: none,
  AADSTS75005: () => ({ problem: 'A sandbox fault shows this error page on purpose.' }),
  AADSTS7500529: () => ({ id: '1-not-an-xs-id' }),
  AADSTS700016: (x) => ({ identifier: x.audience, tenantName: x.tenantName, lookup: { by: 'id' } }),
  AADSTS76021: () => ({ during: 'sp-initiated' }),
  AADSTS50011: (x) => ({
    appId: x.app.application.appId,
    requested: { url: x.acsUrl },
    replyUrls: x.app.application.replyUrls.map((r) => r.url),
  }),
  AADSTS500113: none,
  AADSTS900971: (x) => ({ replyUrlCount: x.app.application.replyUrls.length }),
  AADSTS75003: () => ({ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect' }),
  AADSTS900236: () => ({ property: 'Scoping' }),
  AADSTS50105: (x) => ({ ...appFacts(x), upn: x.user.userPrincipalName }),
  AADSTS75011: (x) => ({
    have: 'Password',
    want: 'X509, MultiFactor',
    appName: x.app.servicePrincipal.displayName,
  }),
  AADSTS501241: (x) => ({ attribute: 'user.mail', upn: x.user.userPrincipalName }),
  AADSTS7000112: appFacts,
  AADSTS50089: none,
  AADSTS50140: none,
  AADSTS50000: none,
  AADSTS50034: (x) => ({ directory: x.user.userPrincipalName.split('@')[1] ?? x.tenantName }),
  AADSTS50058: none,
  AADSTS75006: none,
  AADSTS75016: () => ({ format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos' }),
  AADSTS900144: () => ({ parameter: 'grant_type' }),
  AADSTS70011: () => ({ scope: 'openid' }),
  AADSTS7000215: (x) => ({ appId: x.app.application.appId }),
  AADSTS7000218: none,
  AADSTS1002012: () => ({ scope: 'openid' }),
  AADSTS70003: () => ({ grantType: 'password' }),
  AADSTS900561: none,
  AADSTS50053: none,
  AADSTS50057: none,
  AADSTS50126: none,
}

/** Every AADSTS code the catalogue holds that can end a sign-in, in its order (interrupts never do). */
export const CATALOGUE_CODES = (Object.keys(AADSTS) as AadstsCode[]).filter((code) => !AADSTS[code].interrupt)

/** The code the catalogue spells like `given` (`AADSTS50105`, `aadsts50105` or `50105`), or null. */
export function catalogueCode(given: string): AadstsCode | null {
  const wanted = `AADSTS${given.trim().replace(/^aadsts/i, '')}`
  return CATALOGUE_CODES.find((code) => code === wanted) ?? null
}

/** The error `code` as this sign-in would carry it. */
export function errorForFault(code: AadstsCode, context: ErrorPageContext): AadstsError {
  return { code, ...FACTS[code](context) } as AadstsError
}
