import type { ExerciseActions } from '@sandbox/shared'
import { need, type RehearsalContext, TUTORIAL } from './context'
import { saveAdminCredentials } from './provisioning'
import { fail, type StepReporter } from './runner'
import { attempt, signInAsTestUser } from './step-actions'

/** The exercise answers one line for what it did; the steps it takes are not reported one by one. */
const SILENT: StepReporter = { did: () => undefined, produced: () => undefined }

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
    saveProvisioningCredentials: () => saveAdminCredentials(context, SILENT, need(context, 'secretToken')),
    saveStaleScimToken: async () => {
      const copied = need(context, 'secretToken')
      await attempt(sp.regenerateScimToken(), 'a new SCIM token in Control Hub', '')
      await saveAdminCredentials(context, SILENT, copied)
    },
    setMatchingAttributeSource: async (attribute) => {
      const page = await attempt(idp.provisioning.page(spId), 'the Provisioning page', '')
      const users = page.job?.mappings.users
      if (!users)
        fail({
          expected: 'user mappings',
          happened: 'the job has none',
          fix: 'Save the Admin Credentials first.',
        })
      await attempt(
        idp.provisioning.updateMappings(spId, {
          users: {
            ...users,
            attributeMappings: users.attributeMappings.map((m) =>
              m.targetAttributeName === 'userName'
                ? { ...m, source: { type: 'Attribute', name: attribute } }
                : m,
            ),
          },
        }),
        'the mapping to be saved',
        '',
      )
    },
    clearTestUserEmail: async () => {
      await attempt(
        idp.updateUser(need(context, 'testUserId'), { mail: null }),
        "B.Simon's email to be cleared",
        '',
      )
    },
    reassignTestUserWithDefaultAccess: async () => {
      const servicePrincipal = await attempt(idp.servicePrincipal(spId), 'the app roles of Cisco Webex', '')
      const defaultAccess = servicePrincipal.appRoles.find((r) => r.displayName === 'msiam_access')
      if (!defaultAccess)
        fail({ expected: 'the Default Access role', happened: 'none', fix: 'Run --from-scratch.' })
      await attempt(idp.unassign(spId, need(context, 'assignmentId')), 'to remove the assignment', '')
      const assignment = await attempt(
        idp.assign(spId, need(context, 'testUserId'), defaultAccess.id),
        'B.Simon to be assigned with Default Access',
        '',
      )
      context.facts.assignmentId = assignment.id
    },
  }
}
