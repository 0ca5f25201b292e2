import type { ExerciseActions } from '@sandbox/shared'
import { need, type RehearsalContext, TUTORIAL } from './context'
import { fail } from './runner'
import { attempt, signInAsTestUser } from './step-actions'

/**
 * The actions of the break-it exercises over the two admin APIs (what a console does through
 * its domain services); an API refusal becomes the step's problem.
 */
export function exerciseActionsOver(context: RehearsalContext): ExerciseActions {
  const { idp, sp } = context
  const spId = need(context, 'servicePrincipalId')
  const refreshMetadata = async () => {
    context.facts.federationMetadataXml = await idp.federationMetadataXml(spId)
  }
  return {
    facts: {
      servicePrincipalId: spId,
      acsUrl: need(context, 'acsUrl'),
      testUserId: need(context, 'testUserId'),
      assignmentId: context.facts.assignmentId ?? '',
      webexUserId: context.facts.webexUserId ?? '',
    },
    unassignTestUser: async () => {
      await attempt(idp.unassign(spId, need(context, 'assignmentId')), 'to remove the assignment', '')
    },
    setReplyUrl: async (url) => {
      await attempt(
        idp.updateBasicSaml(spId, { replyUrls: [{ url, index: 0, isDefault: true }] }),
        'to change the Reply URL',
        '',
      )
    },
    setIdentifier: async (value) => {
      await attempt(
        idp.updateBasicSaml(spId, { identifiers: [{ value, isDefault: true }] }),
        'to change the Identifier',
        '',
      )
    },
    useSelfSignedCertificate: async () => {
      await attempt(idp.setDefaultCertificateKind('self-signed'), 'to switch the certificate kind', '')
      await attempt(idp.rolloverCertificate(spId), 'a new self-signed certificate', '')
      await refreshMetadata()
    },
    setUidSource: async (attribute) => {
      const page = await idp.samlPage(spId)
      const uid = page.attributesAndClaims.claims.find((c) => c.name === 'uid')
      if (!uid) fail({ expected: 'a uid claim', happened: 'no uid claim', fix: 'Run --from-scratch.' })
      await attempt(
        idp.updateClaim(spId, uid.id, { name: 'uid', source: { kind: 'attribute', attribute } }),
        'to change the uid claim',
        '',
      )
    },
    setSigningOption: async (option) => {
      await attempt(idp.setSigningOption(spId, option), 'to change the signing option', '')
    },
    deleteWebexUser: async () => {
      await attempt(sp.deleteUser(need(context, 'webexUserId')), 'to delete the Webex user', '')
    },
    replaceWebexUser: async (email) => {
      await attempt(sp.deleteUser(need(context, 'webexUserId')), 'to delete the Webex user', '')
      const created = await attempt(
        sp.addUser({ ...TUTORIAL.webexUser, email }),
        `the Webex user ${email} to be added`,
        '',
      )
      context.facts.webexUserId = created.id
    },
    disableTestUser: async () => {
      await attempt(
        idp.updateUser(need(context, 'testUserId'), { accountEnabled: false }),
        'to disable B.Simon',
        '',
      )
    },
    setEntraClockOffset: async (seconds) => {
      await attempt(idp.setClockOffset(seconds), "to move Entra's clock", '')
    },
    rolloverCertificate: async () => {
      const page = await attempt(idp.rolloverCertificate(spId), 'a certificate rollover', '')
      await refreshMetadata()
      return page.samlCertificates.signingThumbprint ?? '(none)'
    },
    importIdpMetadata: async () => {
      await attempt(
        sp.importIdpMetadata(need(context, 'federationMetadataXml'), 'ca-signed'),
        'the IdP metadata to be imported',
        '',
      )
    },
    runTestSso: async () => {
      const test = await attempt(sp.startTest(), 'Test SSO Connection to start', '')
      await signInAsTestUser(context, test.url, {
        username: TUTORIAL.testUser.userPrincipalName,
        password: need(context, 'testUserPassword'),
      })
      const result = await attempt(sp.testResult(), 'the result of Test SSO Connection', '')
      return { status: result.status, code: result.code ?? null }
    },
  }
}
