import { encodeRedirectBinding } from '@sandbox/shared'
import { CUSTOM_TEMPLATE_ID } from '../../../packages/idp/src/enterprise-apps/gallery'
import { authnRequestXml } from '../../../packages/idp/src/test-support/saml-app'
import {
  controlJson,
  controlText,
  deepNesting,
  encodeParameter,
  headerControlText,
  type NestingParser,
  wellFormed,
} from './hostile-parameters'
import type { Prng } from './prng'
import type { Sandbox } from './sandbox'

/**
 * Request templates for the parameter fuzz: every endpoint of both servers with each slot the
 * app reads (query parameter, form field, JSON value, path segment, header) filled with a plain
 * value, control characters, or input nested past its parser's bounds.
 */
export type RequestTemplate = (prng: Prng) => Response | Promise<Response>

/** The objects the templates address, created once in a tutorial sandbox. */
export interface ParameterFuzzSetup {
  readonly sandbox: Sandbox
  /** A custom app of its own, so that fuzzed changes never touch the Cisco Webex app. */
  readonly customSpId: string
  readonly customAppObjectId: string
  readonly groupId: string
  readonly scimUserId: string
}

/** Creates the custom app, group and SCIM user the templates change. */
export async function prepareParameterFuzz(sandbox: Sandbox): Promise<ParameterFuzzSetup> {
  const { idp } = sandbox
  const token = idp.idp.store.read().graphApiToken
  const created = await idp.idp.app.request(`/v1.0/applicationTemplates/${CUSTOM_TEMPLATE_ID}/instantiate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'Fuzzed app' }),
  })
  const app = (await created.json()) as { application: { id: string }; servicePrincipal: { id: string } }
  const group = await idp.idp.app.request('/v1.0/groups', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      displayName: 'Fuzzed group',
      mailNickname: 'fuzz',
      securityEnabled: true,
      mailEnabled: false,
    }),
  })
  const scim = await sandbox.sp.app.request(`/identity/scim/${sandbox.sp.orgId}/v2/Users`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.sp.services.scimToken.current()}`,
      'content-type': 'application/scim+json',
    },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'fuzz.params@contoso.com',
      userType: 'user',
    }),
  })
  return {
    sandbox,
    customSpId: app.servicePrincipal.id,
    customAppObjectId: app.application.id,
    groupId: ((await group.json()) as { id: string }).id,
    scimUserId: ((await scim.json()) as { id: string }).id,
  }
}

/** A query string with every value percent-encoded. */
const q = (params: Record<string, string | undefined>): string =>
  Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeParameter(v)}`)
    .join('&')

/** Sometimes the slot's plain value, mostly a hostile one. */
const slot = (prng: Prng, plain: string, parser?: NestingParser): string =>
  prng.int(4) === 0
    ? plain
    : parser && prng.int(2) === 0
      ? deepNesting(prng, parser)
      : controlText(prng, plain)
const maybe = (prng: Prng, value: () => string): string | undefined =>
  prng.int(3) === 0 ? value() : undefined

/** The Entra ID emulator: SAML, sign-in, token, My Apps, federation metadata, Graph and sandbox APIs. */
export function idpParameterRequests(setup: ParameterFuzzSetup): RequestTemplate[] {
  const { sandbox, customSpId, customAppObjectId, groupId } = setup
  const idp = sandbox.idp.idp
  const tenant = idp.tenantId
  const token = idp.store.read().graphApiToken
  const authnRequest = authnRequestXml({ issuer: sandbox.idp.sp.entityId, acsUrl: sandbox.idp.sp.acsUrl })
  const json = (method: string, path: string, body: string) =>
    idp.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    })
  const bodyOf = (prng: Prng, template: Record<string, unknown>) =>
    prng.int(4) === 0 ? deepNesting(prng, 'json') : controlJson(prng, template)
  return [
    (prng) =>
      idp.app.request(
        `/${tenant}/saml2?${encodeRedirectBinding({ parameter: 'SAMLRequest', xml: authnRequest, relayState: wellFormed(controlText(prng, '/webex/home')) })}${prng.int(3) === 0 ? `&${q({ SigAlg: controlText(prng), Signature: controlText(prng) })}` : ''}`,
      ),
    (prng) => idp.app.request(`/${tenant}/login?${q({ ctx: slot(prng, 'x') })}`),
    (prng) =>
      idp.app.request(`/${tenant}/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: prng.int(2) === 0 ? idp.url : headerControlText(prng, idp.url),
          cookie: headerControlText(prng, 'esctx=x'),
        },
        body: q({
          ctx: slot(prng, 'x'),
          flowToken: slot(prng, 'x'),
          login: slot(prng, 'admin@contoso.com'),
          passwd: slot(prng, 'x'),
        }),
      }),
    (prng) =>
      idp.app.request(
        `/${tenant}/federationmetadata/2007-06/federationmetadata.xml?${q({ appid: slot(prng, 'x') })}`,
      ),
    (prng) => idp.app.request(`/myapps/launch/${encodeParameter(controlText(prng, customSpId))}`),
    (prng) => idp.app.request(`/sandbox/applications/${encodeParameter(controlText(prng, customSpId))}/test`),
    (prng) =>
      idp.app.request(`/${tenant}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: q({
          grant_type: slot(prng, prng.pick(['client_credentials', 'password'])),
          client_id: slot(prng, 'x'),
          client_secret: slot(prng, 'x'),
          username: slot(prng, 'admin@contoso.com'),
          password: slot(prng, 'x'),
          scope: slot(prng, 'https://graph.microsoft.com/.default'),
        }),
      }),
    (prng) => {
      const collection = prng.pick([
        'users',
        'groups',
        'servicePrincipals',
        'applications',
        'applicationTemplates',
        'auditLogs/signIns',
        'policies/claimsMappingPolicies',
        'organization',
        'users/$count',
        `groups/${groupId}/members`,
        `servicePrincipals/${customSpId}/appRoleAssignedTo`,
      ])
      const query = q({
        $filter: maybe(prng, () => slot(prng, "displayName eq 'a'", 'odata-filter')),
        $search: maybe(prng, () => slot(prng, '"displayName:a"', 'odata-search')),
        $expand: maybe(prng, () => slot(prng, 'memberOf', 'odata-expand')),
        $orderby: maybe(prng, () => slot(prng, 'displayName desc', 'odata-orderby')),
        $select: maybe(prng, () => slot(prng, 'id,displayName')),
        $top: maybe(prng, () => slot(prng, '2')),
        $skiptoken: maybe(prng, () => slot(prng, '2')),
        $count: maybe(prng, () => slot(prng, 'true')),
      })
      return idp.app.request(`/v1.0/${collection}?${query}`, {
        headers: {
          authorization: `Bearer ${token}`,
          ...(prng.int(2) === 0
            ? { consistencylevel: prng.int(2) === 0 ? 'eventual' : headerControlText(prng) }
            : {}),
          ...(prng.int(3) === 0 ? { 'client-request-id': headerControlText(prng, 'abc') } : {}),
        },
      })
    },
    (prng) =>
      idp.app.request(
        `/v1.0/${prng.pick(['users/', 'groups/', 'servicePrincipals/', "servicePrincipals(appId='", "applications(appId='", ''])}${encodeParameter(controlText(prng))}${prng.int(2) === 0 ? "')" : ''}?${q({ $select: maybe(prng, () => controlText(prng)), $expand: maybe(prng, () => slot(prng, 'memberOf', 'odata-expand')) })}`,
        { headers: { authorization: `Bearer ${token}` } },
      ),
    (prng) =>
      json(
        'POST',
        '/v1.0/users',
        bodyOf(prng, {
          displayName: 'Fuzz',
          userPrincipalName: `fuzz${prng.int(1e9)}@contoso.com`,
          mailNickname: 'fuzz',
          passwordProfile: { password: 'Contoso1234!' },
        }),
      ),
    (prng) =>
      json(
        'PATCH',
        `/v1.0/servicePrincipals/${customSpId}`,
        bodyOf(prng, {
          loginUrl: 'https://sp.test/login',
          displayName: 'Fuzzed app',
          samlSingleSignOnSettings: { relayState: '/home' },
          notificationEmailAddresses: ['admin@contoso.com'],
        }),
      ),
    (prng) =>
      json(
        'PATCH',
        `/v1.0/applications/${customAppObjectId}`,
        bodyOf(prng, {
          identifierUris: ['urn:fuzz'],
          web: { redirectUris: ['https://sp.test/acs'], logoutUrl: 'https://sp.test/logout' },
        }),
      ),
    (prng) =>
      json(
        'POST',
        `/v1.0/groups/${groupId}/members/$ref`,
        bodyOf(prng, { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/x' }),
      ),
    (prng) =>
      json(
        'POST',
        `/v1.0/servicePrincipals/${customSpId}/addTokenSigningCertificate`,
        bodyOf(prng, { displayName: 'CN=Fuzz', endDateTime: '2030-01-01T00:00:00Z' }),
      ),
    (prng) =>
      json(
        'PUT',
        `/sandbox/api/servicePrincipals/${customSpId}/saml/basic`,
        bodyOf(prng, {
          identifiers: [{ value: 'urn:fuzz', isDefault: true }],
          replyUrls: [{ url: 'https://sp.test/acs', index: 0, isDefault: true }],
          signOnUrl: 'https://sp.test/login',
          relayState: '/home',
          logoutUrl: 'https://sp.test/logout',
        }),
      ),
    (prng) =>
      json(
        'POST',
        `/sandbox/api/servicePrincipals/${customSpId}/saml/claims`,
        bodyOf(prng, {
          name: 'uid',
          namespace: null,
          source: 'attribute',
          value: 'user.userprincipalname',
        }),
      ),
    (prng) =>
      json(
        'PUT',
        `/sandbox/api/servicePrincipals/${customSpId}/saml/nameId`,
        bodyOf(prng, { format: 'emailAddress', source: 'user.userprincipalname' }),
      ),
    (prng) =>
      idp.app.request(
        `/sandbox/api/servicePrincipals/${customSpId}/certificates/${encodeParameter(controlText(prng))}/download?${q({ format: slot(prng, 'pem') })}`,
        { headers: { authorization: `Bearer ${token}` } },
      ),
  ]
}

/** The Webex emulator: sign-on, SLO, session pages, Control Hub and users APIs, SCIM. */
export function spParameterRequests(setup: ParameterFuzzSetup): RequestTemplate[] {
  const { sandbox, scimUserId } = setup
  const sp = sandbox.sp
  const org = sp.orgId
  const scimToken = sp.services.scimToken.current()
  const v2 = `/identity/scim/${org}/v2`
  const bodyOf = (prng: Prng, template: Record<string, unknown>) =>
    prng.int(4) === 0 ? deepNesting(prng, 'json') : controlJson(prng, template)
  const scim = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    sp.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${scimToken}`,
        'content-type': 'application/scim+json',
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
    })
  return [
    (prng) => sp.app.request(`/?${q({ RelayState: slot(prng, '/webex/home') })}`),
    (prng) =>
      sp.app.request(`/idb/Consumer/metaAlias/${org}/sp?${q({ RelayState: slot(prng, '/webex/home') })}`),
    (prng) =>
      sp.app.request(
        `/idb/SPSloRedirect/metaAlias/${org}/sp?${q({ SAMLRequest: slot(prng, 'x'), SAMLResponse: maybe(prng, () => controlText(prng)), RelayState: slot(prng, '/'), SigAlg: maybe(prng, () => controlText(prng)), Signature: maybe(prng, () => controlText(prng)) })}`,
      ),
    (prng) =>
      sp.app.request(`/idb/SPSloRedirect/metaAlias/${org}/sp`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: q({ SAMLRequest: slot(prng, 'x'), RelayState: slot(prng, '/') }),
      }),
    (prng) =>
      sp.app.request(prng.pick(['/webex/home', '/webex/logout', '/api/v1/session', '/admin']), {
        headers: { cookie: headerControlText(prng, 'webex_session=x; webex_browser=y') },
      }),
    (prng) => sp.api('PATCH', '/api/v1/org', bodyOf(prng, { name: 'Contoso' })),
    (prng) =>
      sp.api('PATCH', '/api/v1/sso/settings', bodyOf(prng, { matchUserBy: 'email', clockSkewSeconds: 120 })),
    (prng) =>
      sp.api(
        'POST',
        '/api/v1/sso/trusted-roots',
        bodyOf(prng, { pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }),
      ),
    (prng) => sp.api('DELETE', `/api/v1/sso/trusted-roots/${encodeParameter(controlText(prng))}`),
    (prng) =>
      sp.api(
        'POST',
        `/api/v1/sso/idp-metadata?${q({ trustMode: slot(prng, 'ca-signed') })}`,
        controlText(prng, '<x/>'),
        'application/xml',
      ),
    (prng) =>
      sp.api('POST', '/api/v1/sso/idp-metadata', bodyOf(prng, { xml: '<x/>', trustMode: 'ca-signed' })),
    (prng) =>
      sp.api(
        'POST',
        '/api/v1/users',
        bodyOf(prng, { email: `u${prng.int(1e9)}@contoso.com`, firstName: 'A', lastName: 'B' }),
      ),
    (prng) =>
      sp.api(
        'GET',
        `/api/v1/users?${q({ filter: maybe(prng, () => controlText(prng)), email: maybe(prng, () => controlText(prng)) })}`,
      ),
    (prng) =>
      sp.api(
        'PATCH',
        `/api/v1/users/${encodeParameter(controlText(prng))}`,
        bodyOf(prng, { firstName: 'A' }),
      ),
    (prng) =>
      scim(
        'GET',
        `${v2}/${prng.pick(['Users', 'Groups'])}?${q({
          filter: maybe(prng, () => slot(prng, 'userName eq "a"', 'scim-filter')),
          attributes: maybe(prng, () => slot(prng, 'userName')),
          excludedAttributes: maybe(prng, () => slot(prng, 'emails')),
          sortBy: maybe(prng, () => slot(prng, 'userName')),
          sortOrder: maybe(prng, () => slot(prng, 'ascending')),
          startIndex: maybe(prng, () => slot(prng, '1')),
          count: maybe(prng, () => slot(prng, '10')),
        })}`,
      ),
    (prng) =>
      scim(
        'POST',
        `${v2}/Users`,
        bodyOf(prng, {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: `s${prng.int(1e9)}@contoso.com`,
          userType: 'user',
          name: { givenName: 'A', familyName: 'B' },
          emails: [{ value: 'a@contoso.com', type: 'work', primary: true }],
        }),
      ),
    (prng) =>
      scim(
        'PATCH',
        `${v2}/Users/${prng.int(4) === 0 ? encodeParameter(controlText(prng)) : scimUserId}`,
        bodyOf(prng, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [
            {
              op: 'replace',
              path: prng.int(2) === 0 ? deepNesting(prng, 'scim-path') : 'displayName',
              value: 'x',
            },
          ],
        }),
        prng.int(3) === 0 ? { 'if-match': headerControlText(prng, 'W/"1"') } : {},
      ),
    (prng) =>
      scim(
        'GET',
        `${v2}/${encodeParameter(controlText(prng, 'Users'))}/${encodeParameter(controlText(prng))}`,
      ),
    (prng) =>
      scim(
        'POST',
        `${v2}/${prng.pick(['', 'Users/', 'Groups/'])}.search`,
        bodyOf(prng, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
          filter: slot(prng, 'userName sw "a"', 'scim-filter'),
          attributes: [slot(prng, 'userName')],
          startIndex: 1,
          count: 10,
        }),
      ),
    (prng) =>
      scim(
        'POST',
        `${v2}/Bulk`,
        bodyOf(prng, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
          failOnErrors: 1,
          Operations: [
            {
              method: 'POST',
              path: slot(prng, '/Users'),
              bulkId: slot(prng, 'b1'),
              data: {
                schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
                userName: `b${prng.int(1e9)}@contoso.com`,
              },
            },
            { method: 'PATCH', path: slot(prng, '/Users/bulkId:b1'), data: {} },
          ],
        }),
      ),
  ]
}
