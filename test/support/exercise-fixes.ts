// How a learner fixes each break-it exercise, done over the admin APIs (the same services the
// console screens named in the explanation call), and how each symptom is met.
import {
  HeadlessBrowser,
  readTutorialState,
  type SymptomTrigger,
  signIn,
  type TutorialState,
} from '@sandbox/shared'
import { createIdpClient, createSpClient, type RunningSandbox } from 'sso-rehearsal-sandbox'

export interface Classroom {
  readonly idp: ReturnType<typeof createIdpClient>
  readonly sp: ReturnType<typeof createSpClient>
  state(): Promise<TutorialState>
  spId(): Promise<string>
  /** Signs in to Webex as B.Simon; answers the text of the page it ended on. */
  signInAsBSimon(password: string, startUrl?: string): Promise<string>
}

export function classroomOf(sandbox: RunningSandbox): Classroom {
  const entra = { baseUrl: sandbox.idp.url, token: sandbox.idp.graphApiToken }
  const webex = { baseUrl: sandbox.sp.url, token: sandbox.sp.adminApiToken }
  const idp = createIdpClient(entra)
  const sp = createSpClient(webex)
  return {
    idp,
    sp,
    state: () => readTutorialState({ entra, webex }),
    spId: async () => {
      const app = await idp.servicePrincipalByName('Cisco Webex')
      if (!app) throw new Error('Cisco Webex is not in Enterprise applications')
      return app.id
    },
    async signInAsBSimon(password, startUrl) {
      const organization = await sp.organization()
      const outcome = await signIn({
        startUrl: startUrl ?? organization.signOnUrl,
        username: 'B.Simon@contoso.com',
        password,
        browser: new HeadlessBrowser(),
        sessionInfoUrl: sp.sessionInfoUrl(),
      })
      return outcome.ok ? 'signed in' : `${outcome.error.message}\n${outcome.error.page?.facts.text ?? ''}`
    },
  }
}

/** Meets an exercise's symptom the way its "where to look" says; answers what was seen. */
export async function meetSymptom(
  classroom: Classroom,
  trigger: SymptomTrigger,
  password: string,
): Promise<string> {
  if (trigger === 'sign-in') return classroom.signInAsBSimon(password)
  const refusal = async (call: Promise<unknown>) =>
    call.then(
      () => 'accepted',
      (error: Error & { code?: string; detail?: string }) =>
        `${error.code ?? ''} ${error.detail ?? error.message}`,
    )
  if (trigger === 'enable-sso') return refusal(classroom.sp.enable())
  if (trigger === 'test-connection')
    return refusal(classroom.idp.provisioning.testConnection(await classroom.spId()))
  if (trigger === 'provision-on-demand') {
    const answer = await classroom.idp.provisioning.provisionOnDemand(
      await classroom.spId(),
      await testUserId(classroom),
    )
    const error = answer.objects[0]?.log.error
    return `${answer.result} ${error?.errorCode ?? ''} ${error?.reason ?? ''}`
  }
  const xml = await classroom.idp.federationMetadataXml(await classroom.spId())
  return refusal(classroom.sp.importIdpMetadata(xml, 'ca-signed'))
}

async function testUserId({ state }: Classroom): Promise<string> {
  const entra = (await state()).entra
  if (!entra.up || !entra.snapshot.testUser) throw new Error('no B.Simon')
  return entra.snapshot.testUser.id
}

async function testAndEnable(classroom: Classroom, password: string): Promise<void> {
  const test = await classroom.sp.startTest()
  await classroom.signInAsBSimon(password, test.url)
  await classroom.sp.enable()
}

/** Each exercise's fix through the admin APIs. */
export const API_FIXES: Readonly<Record<string, (classroom: Classroom, password: string) => Promise<void>>> =
  {
    'user-not-assigned': async ({ idp, spId, state }) => {
      const id = await spId()
      const role = (await idp.servicePrincipal(id)).appRoles.find((r) => r.displayName === 'User')
      const user = (await state()).entra
      if (!user.up || !user.snapshot.testUser || !role) throw new Error('no B.Simon or no User role')
      await idp.assign(id, user.snapshot.testUser.id, role.id)
    },
    'reply-url-mismatch': async ({ idp, spId, state }) => {
      const webex = (await state()).webex
      if (!webex.up || !webex.snapshot.acsUrl) throw new Error('Webex has no ACS URL')
      await idp.updateBasicSaml(await spId(), {
        replyUrls: [{ url: webex.snapshot.acsUrl, index: 0, isDefault: true }],
      })
    },
    'wrong-identifier': async ({ idp, spId, state }) => {
      const webex = (await state()).webex
      if (!webex.up || !webex.snapshot.entityId) throw new Error('Webex has no entityID')
      await idp.updateBasicSaml(await spId(), {
        identifiers: [{ value: webex.snapshot.entityId, isDefault: true }],
      })
    },
    'self-signed-idp-certificate': async ({ idp, sp, spId }) => {
      await sp.importIdpMetadata(await idp.federationMetadataXml(await spId()), 'self-signed-allowed')
    },
    'uid-mismatch': async ({ idp, spId }) => {
      const id = await spId()
      const uid = (await idp.samlPage(id)).attributesAndClaims.claims.find((c) => c.name === 'uid')
      if (!uid) throw new Error('no uid claim')
      await idp.updateClaim(id, uid.id, {
        name: 'uid',
        source: { kind: 'attribute', attribute: 'user.userprincipalname' },
      })
    },
    'webex-user-missing': async ({ sp }) => {
      await sp.addUser({ firstName: 'B', lastName: 'Simon', email: 'b.simon@contoso.com' })
    },
    'webex-email-domain-alias': async ({ sp }) => {
      const alias = await sp.findUser('b.simon@contoso.onmicrosoft.com')
      if (alias) await sp.deleteUser(alias.id)
      await sp.addUser({ firstName: 'B', lastName: 'Simon', email: 'b.simon@contoso.com' })
    },
    'test-user-disabled': async ({ idp, state }) => {
      const entra = (await state()).entra
      if (!entra.up || !entra.snapshot.testUser) throw new Error('no B.Simon')
      await idp.updateUser(entra.snapshot.testUser.id, { accountEnabled: true })
    },
    'signing-response-only': async ({ idp, spId }) => {
      await idp.setSigningOption(await spId(), 'assertion')
    },
    'clock-skew': async ({ idp }) => {
      await idp.setClockOffset(0)
    },
    'certificate-rollover-not-reimported': async (classroom, password) => {
      const xml = await classroom.idp.federationMetadataXml(await classroom.spId())
      await classroom.sp.importIdpMetadata(xml, 'ca-signed')
      await testAndEnable(classroom, password)
    },
    'sso-enabled-without-test': testAndEnable,
    'sso-enabled-test-unsuccessful': testAndEnable,
    // Control Hub's current token, pasted as the Secret Token and saved (Test Connection passes).
    'provisioning-wrong-token': async ({ idp, sp, spId }) => {
      const id = await spId()
      const { token, legacyScimBaseUrl } = await sp.scimCredentials()
      await idp.provisioning.configure(id, { tenantUrl: legacyScimBaseUrl, secretToken: token })
      await idp.provisioning.testConnection(id)
    },
    'provisioning-missing-matching-attribute': async (classroom) => {
      await classroom.idp.updateUser(await testUserId(classroom), { mail: 'B.Simon@contoso.com' })
    },
    'provisioning-default-access-role': async (classroom) => {
      const { idp } = classroom
      const id = await classroom.spId()
      const userId = await testUserId(classroom)
      const role = (await idp.servicePrincipal(id)).appRoles.find((r) => r.displayName === 'User')
      if (!role) throw new Error('no User role')
      for (const a of (await idp.assignments(id)).value)
        if (a.principalId === userId) await idp.unassign(id, a.id)
      await idp.assign(id, userId, role.id)
    },
  }
