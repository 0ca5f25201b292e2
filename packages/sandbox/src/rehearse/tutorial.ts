import { readEntityMetadata } from '@sandbox/shared'
import { ApiError } from '../clients/api-request'
import { need, type RehearsalContext, TUTORIAL } from './context'
import { fail, type Step } from './runner'
import { attempt, signedInUserName, signInAsTestUser, signInProblem } from './step-actions'

/**
 * The tutorial "Microsoft Entra SSO integration with Cisco Webex", step by step, in its own
 * order and words. Each step is idempotent: it finds what an earlier run created instead of
 * failing on it, so `--step N` followed by a full run continues where the demo stopped.
 */

const addFromGallery: Step<RehearsalContext> = {
  title: 'Add Cisco Webex from the gallery (Entra admin center > Enterprise applications > New application)',
  async run(context, report) {
    const { idp, facts } = context
    const existing = await attempt(
      idp.servicePrincipalByName(TUTORIAL.galleryAppName),
      'to list the enterprise applications',
      'Check that the Entra emulator is running.',
    )
    if (existing) {
      facts.servicePrincipalId = existing.id
      facts.appId = existing.appId
      report.did('Cisco Webex is already in Enterprise applications (a gallery app can be added only once)')
    } else {
      const template = await attempt(
        idp.galleryTemplate(TUTORIAL.galleryAppName),
        'to find Cisco Webex in the gallery',
        'Check that the Entra emulator is running.',
      )
      if (!template)
        fail({
          expected: 'Cisco Webex in the application gallery',
          happened: 'the gallery has no app named Cisco Webex',
          fix: 'This is a sandbox bug: the gallery always holds Cisco Webex.',
        })
      const created = await attempt(
        idp.instantiate(template.id, TUTORIAL.galleryAppName),
        'Cisco Webex to be added',
        'Remove the existing Cisco Webex enterprise app, or run with --from-scratch.',
      )
      facts.servicePrincipalId = created.servicePrincipal.id
      facts.appId = created.application.appId
      report.did('Added Cisco Webex from the gallery')
    }
    report.produced({
      servicePrincipalId: need(context, 'servicePrincipalId'),
      appId: need(context, 'appId'),
    })
  },
}

const downloadSpMetadata: Step<RehearsalContext> = {
  title:
    'On Webex: download the SP metadata file (Control Hub > Organization Settings > Authentication > Modify)',
  async run(context, report) {
    const xml = await attempt(
      context.sp.spMetadataXml(),
      'the Webex SP metadata file',
      'Check that the Webex emulator is running.',
    )
    const metadata = readEntityMetadata(xml)
    const acs = metadata.ok ? metadata.value.sp?.assertionConsumerServices[0]?.location : undefined
    if (!metadata.ok || !acs)
      fail({
        expected: 'SP metadata with an entityID and an AssertionConsumerService',
        happened: metadata.ok ? 'the metadata has no ACS' : metadata.error.message,
        fix: 'This is a sandbox bug: the Webex emulator generates its metadata.',
      })
    const organization = await attempt(
      context.sp.organization(),
      'the Webex organization',
      'Check that the Webex emulator is running.',
    )
    Object.assign(context.facts, {
      spMetadataXml: xml,
      spEntityId: metadata.value.entityId,
      acsUrl: acs,
      signOnUrl: organization.signOnUrl,
    })
    report.did('Downloaded the metadata file (Download Metadata File)')
    report.produced({ spEntityId: metadata.value.entityId, acsUrl: acs, bytes: xml.length })
  },
}

const configureEntraSaml: Step<RehearsalContext> = {
  title:
    'On Entra: set up single sign-on with SAML (upload the metadata file, Sign-on URL, claims, download Federation Metadata XML)',
  async run(context, report) {
    const { idp, facts } = context
    const spId = need(context, 'servicePrincipalId')
    await attempt(idp.enableSaml(spId), 'SAML to be selected', 'Open Single sign-on and select SAML.')
    report.did('Selected SAML as the single sign-on method')
    const upload = await attempt(
      idp.uploadSpMetadata(spId, need(context, 'spMetadataXml')),
      'the Webex metadata file to be accepted',
      'Download the metadata file again from Control Hub and upload it under Basic SAML Configuration.',
    )
    report.did(
      `Uploaded the metadata file: Identifier ${upload.uploaded.entityId}, Reply URL ${upload.uploaded.replyUrls.join(', ')}`,
    )
    const signOnUrl = need(context, 'signOnUrl')
    const page = await attempt(
      idp.updateBasicSaml(spId, { signOnUrl }),
      'the Sign-on URL to be saved',
      'Enter the Reply URL value as the Sign-on URL under Basic SAML Configuration.',
    )
    report.did(`Set the Sign-on URL to ${signOnUrl}`)
    const basic = page.basicSamlConfiguration
    const identifier = basic.identifiers.find((i) => i.isDefault)?.value ?? basic.identifiers[0]?.value
    if (identifier !== facts.spEntityId || !basic.replyUrls.some((r) => r.url === facts.acsUrl))
      fail({
        expected: `Identifier ${facts.spEntityId} and Reply URL ${facts.acsUrl}`,
        happened: `Identifier ${identifier ?? '(none)'} and Reply URLs ${basic.replyUrls.map((r) => r.url).join(', ') || '(none)'}`,
        fix: 'Upload the Webex metadata file again under Basic SAML Configuration.',
      })
    const uid = page.attributesAndClaims.claims.find((c) => c.name === 'uid')
    const uidSource = uid?.source.kind === 'attribute' ? uid.source.attribute : JSON.stringify(uid?.source)
    if (uidSource !== 'user.userprincipalname')
      fail({
        expected: 'the claim uid = user.userprincipalname (the Cisco Webex gallery default)',
        happened: uid ? `uid = ${uidSource}` : 'there is no uid claim',
        fix: 'In Attributes & Claims, set uid to user.userprincipalname (or the attribute Webex users match).',
      })
    report.did('Reviewed Attributes & Claims: uid = user.userprincipalname')
    const xml = await attempt(
      idp.federationMetadataXml(spId),
      'the Federation Metadata XML download',
      'Check the SAML Signing Certificate section: the app needs an active certificate.',
    )
    facts.federationMetadataXml = xml
    facts.appFederationMetadataUrl = page.samlCertificates.appFederationMetadataUrl
    report.did('Downloaded the Federation Metadata XML')
    report.produced({
      identifier: identifier ?? null,
      replyUrl: facts.acsUrl ?? null,
      signOnUrl,
      appFederationMetadataUrl: page.samlCertificates.appFederationMetadataUrl,
      signingThumbprint: page.samlCertificates.signingThumbprint,
      loginUrl: page.setUp.loginUrl,
      microsoftEntraIdentifier: page.setUp.microsoftEntraIdentifier,
    })
  },
}

const createTestUser: Step<RehearsalContext> = {
  title: 'Create the test user B.Simon and assign B.Simon to Cisco Webex',
  async run(context, report) {
    const { idp, facts } = context
    const spId = need(context, 'servicePrincipalId')
    const upn = TUTORIAL.testUser.userPrincipalName
    const existing = await attempt(
      idp.userByPrincipalName(upn),
      'to look up B.Simon',
      'Check the Entra emulator.',
    )
    if (existing) {
      facts.testUserId = existing.id
      const reset = await attempt(
        idp.resetPassword(existing.id),
        "B.Simon's password to be reset",
        'Reset the password under Users > B.Simon.',
      )
      facts.testUserPassword = reset.password
      report.did('B.Simon already exists; reset the password (shown once)')
    } else {
      const created = await attempt(
        idp.createUser({ accountEnabled: true, ...TUTORIAL.testUser, mail: upn }),
        'B.Simon to be created',
        'Create the user under Users > New user with the values the tutorial gives.',
      )
      facts.testUserId = created.id
      facts.testUserPassword = created.passwordProfile?.password
      report.did(`Created ${upn} with a generated password ("Show password")`)
    }
    const servicePrincipal = await attempt(idp.servicePrincipal(spId), 'the app roles of Cisco Webex', '')
    const role =
      servicePrincipal.appRoles.find((r) => r.displayName === TUTORIAL.appRole) ??
      servicePrincipal.appRoles[0]
    const assignments = await attempt(idp.assignments(spId), 'the users assigned to Cisco Webex', '')
    const assigned = assignments.value.find((a) => a.principalId === facts.testUserId)
    if (assigned) {
      facts.assignmentId = assigned.id
      report.did('B.Simon is already assigned to Cisco Webex')
    } else {
      const assignment = await attempt(
        idp.assign(spId, need(context, 'testUserId'), role?.id ?? '00000000-0000-0000-0000-000000000000'),
        'B.Simon to be assigned',
        'Assign B.Simon under Cisco Webex > Users and groups > Add user/group.',
      )
      facts.assignmentId = assignment.id
      report.did(`Assigned B.Simon to Cisco Webex with the role ${role?.displayName ?? 'Default Access'}`)
    }
    report.produced({
      userId: need(context, 'testUserId'),
      userPrincipalName: upn,
      password: facts.testUserPassword ?? null,
    })
  },
}

const configureWebexSso: Step<RehearsalContext> = {
  title: 'On Webex: import the Entra metadata, Test SSO Connection, enable single sign-on',
  async run(context, report) {
    const { sp } = context
    await attempt(
      sp.importIdpMetadata(need(context, 'federationMetadataXml'), 'ca-signed'),
      'the Federation Metadata XML to be imported with "Require certificate signed by a certificate authority"',
      'Download the Federation Metadata XML again from Entra and import it.',
    )
    report.did(
      'Imported the IdP metadata, "Require certificate signed by a certificate authority in Metadata"',
    )
    const test = await attempt(
      sp.startTest(),
      'Test SSO Connection to start',
      'Import the IdP metadata first.',
    )
    const outcome = await signInAsTestUser(context, test.url, {
      username: TUTORIAL.testUser.userPrincipalName,
      password: need(context, 'testUserPassword'),
    })
    const result = await attempt(sp.testResult(), 'the result of Test SSO Connection', '')
    if (result.status !== 'passed') {
      const detail = outcome.ok ? '' : ` (${outcome.error.code}: ${outcome.error.message})`
      fail({
        expected: 'Test SSO Connection to succeed as B.Simon',
        happened: `${result.code ?? 'the test failed'}: ${result.message ?? ''}${detail}`,
        fix: 'Read the test result page: it names the check that failed and where to fix it.',
      })
    }
    report.did(`Test SSO Connection succeeded as ${result.nameId ?? 'B.Simon'}`)
    await attempt(
      sp.enable(),
      'single sign-on to be enabled',
      'Tick "This test was successful. Enable Single Sign-On" after a successful test, then Save.',
    )
    report.did('Ticked "This test was successful. Enable Single Sign-On" and saved')
    const status = await sp.status()
    report.produced({ ssoEnabled: status.enabled, idpEntityId: status.active?.idpEntityId ?? null })
  },
}

const createWebexUser: Step<RehearsalContext> = {
  title: 'On Webex: create the user B Simon (Users > Manage users > Manually add or modify users)',
  async run(context, report) {
    const { sp, facts } = context
    const email = TUTORIAL.webexUser.email
    const existing = await attempt(sp.findUser(email), 'the Webex users', 'Check the Webex emulator.')
    if (existing) {
      facts.webexUserId = existing.id
      report.did(`${email} already exists in Webex`)
    } else {
      try {
        const created = await sp.addUser(TUTORIAL.webexUser)
        facts.webexUserId = created.id
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        fail({
          expected: `the Webex user ${email} to be created`,
          happened: `${error.code}: ${error.detail}`,
          fix: error.fix ?? 'Add the user in Control Hub under Users.',
        })
      }
      report.did(`Added B Simon (${email})`)
    }
    report.produced({ webexUserId: need(context, 'webexUserId'), email })
  },
}

/** The three ways the tutorial tests SSO, each ending signed in to Webex as B.Simon. */
function launchPaths(context: RehearsalContext): { name: string; url: string }[] {
  const spId = need(context, 'servicePrincipalId')
  return [
    { name: 'the Webex Sign-on URL (SP-initiated)', url: need(context, 'signOnUrl') },
    {
      name: '"Test this application" on Entra',
      url: `${context.idpUrl}/sandbox/applications/${encodeURIComponent(spId)}/test`,
    },
    {
      name: 'the Cisco Webex tile in My Apps',
      url: `${context.idpUrl}/myapps/launch/${encodeURIComponent(spId)}`,
    },
  ]
}

const testSso: Step<RehearsalContext> = {
  title: 'Test SSO three ways: the Webex Sign-on URL, "Test this application", the My Apps tile',
  async run(context, report) {
    const produced: Record<string, string> = {}
    for (const [index, path] of launchPaths(context).entries()) {
      const outcome = await signInAsTestUser(context, path.url, {
        username: TUTORIAL.testUser.userPrincipalName,
        password: need(context, 'testUserPassword'),
      })
      if (!outcome.ok)
        fail(
          signInProblem(
            `to be signed in to Webex as B.Simon through ${path.name}`,
            outcome.error,
            'Run "pnpm rehearse --from-scratch" to rebuild the setup, or open the page above to see the cause.',
          ),
        )
      const user = signedInUserName(outcome.value.session)
      if (user?.toLowerCase() !== TUTORIAL.webexUser.email)
        fail({
          expected: `a Webex session for ${TUTORIAL.webexUser.email}`,
          happened: `the session belongs to ${user ?? 'nobody'}`,
          fix: 'Check the uid claim on Entra and the Webex user list.',
        })
      report.did(`Signed in to Webex as ${user} through ${path.name}`)
      produced[`signedInUser${index + 1}`] = `${user} via ${path.name}`
    }
    report.produced(produced)
  },
}

export const TUTORIAL_STEPS: readonly Step<RehearsalContext>[] = [
  addFromGallery,
  downloadSpMetadata,
  configureEntraSaml,
  createTestUser,
  configureWebexSso,
  createWebexUser,
  testSso,
]
