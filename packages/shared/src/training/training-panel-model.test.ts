import { describe, expect, it } from 'vitest'
import { exerciseHandouts } from './exercise-handout'
import { TRAINING_EXERCISES } from './exercises'
import { trainingPanelModel } from './training-panel-model'
import type { EntraSnapshot, WebexSnapshot } from './tutorial-snapshot'
import { tutorialStateOf } from './tutorial-state'

const webexEmpty: WebexSnapshot = {
  entityId: 'https://idbroker.webex.com/org-1',
  acsUrl: 'http://localhost:7080/acs',
  signOnUrl: 'http://localhost:7080/sign-on',
  ssoEnabled: false,
  idpEntityId: null,
  trustMode: null,
  trustedThumbprints: [],
  lastTest: null,
  webexUser: null,
  scimTokenFingerprints: [],
  testUserLastSignInAt: null,
}
const entraEmpty: EntraSnapshot = {
  microsoftEntraIdentifier: 'https://sts.windows.net/t/',
  clockOffsetSeconds: 0,
  app: null,
  testUser: null,
  provisioning: null,
}
const withApp: EntraSnapshot = {
  ...entraEmpty,
  app: {
    servicePrincipalId: 'sp 1',
    samlSelected: true,
    identifiers: [webexEmpty.entityId ?? ''],
    replyUrls: [webexEmpty.acsUrl ?? ''],
    signOnUrl: webexEmpty.signOnUrl,
    uidSource: 'user.userprincipalname',
    signingOption: 'assertion',
    signingThumbprint: 'ab12',
    signingCertificate: null,
  },
  testUser: {
    id: 'u1',
    userPrincipalName: 'B.Simon@contoso.com',
    accountEnabled: true,
    assigned: true,
    assignedRole: 'User',
  },
}
const up = <T>(snapshot: T) => ({ up: true as const, snapshot })
const down = { up: false as const, reason: 'Webex (http://localhost:1) could not be read: ECONNREFUSED' }

describe('trainingPanelModel', () => {
  it('points a fresh class at the gallery on the Entra console, by a path on that console', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(up(entraEmpty), up(webexEmpty)),
      here: 'entra',
      peerUrl: 'http://localhost:7080',
    })
    expect(model.next?.step).toBe(1)
    expect(model.next?.subStep).toMatchObject({
      id: 'gallery-app',
      status: 'not-done',
      href: '/enterprise-apps/gallery',
    })
    expect(model.next?.linkLabel).toBe('Open it in the Microsoft Entra admin center')
    expect(model.steps.map((s) => s.status)).toContain('not-done')
    expect(model.notices).toEqual([])
    expect(model.total).toBe(7)
  })

  it('links the next step on the other console by its public URL once the Entra steps are done', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(up(withApp), up(webexEmpty)),
      here: 'entra',
      peerUrl: 'http://localhost:7080',
    })
    expect(model.steps.slice(0, 4).map((s) => s.status)).toEqual(['done', 'done', 'done', 'done'])
    expect(model.next?.step).toBe(5)
    expect(model.next?.subStep.href).toBe(
      'http://localhost:7080/admin/settings/authentication/sso?step=import',
    )
    expect(model.next?.linkLabel).toBe('Open it in Control Hub')
    expect(model.doneCount).toBe(4)
  })

  it('links Entra screens of the app by its service principal id, escaped', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(
        up({ ...withApp, app: withApp.app && { ...withApp.app, uidSource: null } }),
        up(webexEmpty),
      ),
      here: 'webex',
      peerUrl: 'http://localhost:7070',
    })
    expect(model.next?.subStep).toMatchObject({
      id: 'uid-claim',
      href: 'http://localhost:7070/enterprise-apps/sp%201/saml/claims',
    })
  })

  it('says the other server is not running here and leaves its steps unknown, with no link to it', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(up(withApp), { up: false, reason: 'not running here' }),
      here: 'entra',
      peerUrl: null,
    })
    expect(model.notices).toEqual(['The Webex emulator is not running here'])
    expect(model.steps[1]?.status).toBe('unknown')
    expect(model.steps[4]?.subSteps.every((s) => s.href === null && s.status === 'unknown')).toBe(true)
    expect(model.steps[0]?.status).toBe('done')
    expect(model.next).toBeNull()
  })

  it('says the other server is not answering when it is linked but down', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(up(entraEmpty), down),
      here: 'entra',
      peerUrl: 'http://localhost:7080',
    })
    expect(model.notices[0]).toMatch(
      /^The Webex emulator is not answering, so its steps are unknown \(.*ECONNREFUSED\)$/,
    )
    expect(model.next?.subStep.id).toBe('gallery-app')
  })

  it('counts a class with every step done as complete, with no next step', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(
        up(withApp),
        up({
          ...webexEmpty,
          ssoEnabled: true,
          idpEntityId: withApp.microsoftEntraIdentifier,
          trustedThumbprints: ['AB12'],
          lastTest: { status: 'passed', code: null },
          webexUser: { id: 'w1', email: 'b.simon@contoso.com', active: true, source: 'manual' },
          testUserLastSignInAt: '2026-01-01T10:00:00.000Z',
        }),
      ),
      here: 'webex',
      peerUrl: 'http://localhost:7070',
    })
    expect(model.complete).toBe(true)
    expect(model.next).toBeNull()
  })
})

describe('trainingPanelModel: the optional provisioning part', () => {
  const withProvisioning = (
    provisioning: Partial<NonNullable<EntraSnapshot['provisioning']>>,
    testUser: Partial<NonNullable<EntraSnapshot['testUser']>> = {},
  ): EntraSnapshot => ({
    ...withApp,
    testUser: withApp.testUser && { ...withApp.testUser, ...testUser },
    provisioning: {
      statusCode: 'Active',
      statusOn: true,
      secretTokenFingerprint: 'sha256:good',
      lastCycleState: 'Succeeded',
      quarantineReason: null,
      matching: { targetAttribute: 'userName', sourceAttribute: 'userPrincipalName', testUserHasIt: true },
      ...provisioning,
    },
  })
  const webexWithToken: WebexSnapshot = { ...webexEmpty, scimTokenFingerprints: ['sha256:good'] }

  it('shows the five sub-steps after the 7 steps, outside their count, and sends a class without a SCIM token to Control Hub', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(up(withApp), up(webexEmpty)),
      here: 'entra',
      peerUrl: 'http://localhost:7080',
    })
    expect(model.total).toBe(7)
    expect(model.provisioning.heading).toBe('Automatic user provisioning (optional)')
    expect(model.provisioning.subSteps.map((s) => s.id)).toEqual([
      'provisioning-token-accepted',
      'provisioning-matching-attribute',
      'provisioning-role',
      'provisioning-on',
      'provisioning-webex-user',
    ])
    expect(model.provisioning.status).toBe('not-done')
    expect(model.provisioning.next?.subStep).toMatchObject({
      id: 'provisioning-token-accepted',
      side: 'webex',
      href: 'http://localhost:7080/admin/settings#scim',
    })
    expect(model.provisioning.next?.linkLabel).toBe('Open the provisioning step in Control Hub')
  })

  it('links Admin Credentials on Entra when the Secret Token is not one Control Hub accepts', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(
        up(withProvisioning({ secretTokenFingerprint: 'sha256:old' })),
        up(webexWithToken),
      ),
      here: 'webex',
      peerUrl: 'http://localhost:7070',
    })
    expect(model.provisioning.next?.subStep).toMatchObject({
      id: 'provisioning-token-accepted',
      status: 'not-done',
      href: 'http://localhost:7070/enterprise-apps/sp%201/provisioning?view=edit',
    })
    expect(model.provisioning.next?.linkLabel).toBe(
      'Open the provisioning step in the Microsoft Entra admin center',
    )
  })

  it('links each later sub-step to its own screen: Mappings, Users and groups, the overview in quarantine, Provision on demand', () => {
    const nextOf = (entra: EntraSnapshot, webex: WebexSnapshot = webexWithToken) =>
      trainingPanelModel({ state: tutorialStateOf(up(entra), up(webex)), here: 'entra', peerUrl: null })
        .provisioning.next?.subStep
    expect(
      nextOf(
        withProvisioning({
          matching: { targetAttribute: 'userName', sourceAttribute: 'mail', testUserHasIt: false },
        }),
      ),
    ).toMatchObject({
      id: 'provisioning-matching-attribute',
      href: '/enterprise-apps/sp%201/provisioning/mappings/users',
    })
    expect(nextOf(withProvisioning({}, { assignedRole: 'Default Access' }))).toMatchObject({
      id: 'provisioning-role',
      href: '/enterprise-apps/sp%201/users',
    })
    expect(nextOf(withProvisioning({ statusOn: false }))).toMatchObject({
      id: 'provisioning-on',
      href: '/enterprise-apps/sp%201/provisioning?view=edit',
    })
    expect(nextOf(withProvisioning({ quarantineReason: 'EncounteredQuarantineException' }))).toMatchObject({
      id: 'provisioning-on',
      href: '/enterprise-apps/sp%201/provisioning',
    })
    expect(nextOf(withProvisioning({}))).toMatchObject({
      id: 'provisioning-webex-user',
      href: '/enterprise-apps/sp%201/provisioning/on-demand',
    })
  })

  it('counts the part done once B Simon came over SCIM, with no next provisioning link', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(
        up(withProvisioning({})),
        up({
          ...webexWithToken,
          webexUser: { id: 'w1', email: 'b.simon@contoso.com', active: true, source: 'scim' },
        }),
      ),
      here: 'entra',
      peerUrl: 'http://localhost:7080',
    })
    expect(model.provisioning).toMatchObject({ status: 'done', doneCount: 5, total: 5, next: null })
  })

  it('leaves the Webex sub-steps unknown, without a link, when Control Hub is not running here', () => {
    const model = trainingPanelModel({
      state: tutorialStateOf(up(withProvisioning({})), { up: false, reason: 'not running here' }),
      here: 'entra',
      peerUrl: null,
    })
    expect(model.provisioning.subSteps.map((s) => s.status)).toEqual([
      'unknown',
      'done',
      'done',
      'done',
      'unknown',
    ])
    expect(model.provisioning.status).toBe('unknown')
    expect(model.provisioning.next).toBeNull()
  })
})

describe('exerciseHandouts', () => {
  it('gives every exercise a handout with its symptom, where to look, hints and fix', () => {
    const handouts = exerciseHandouts()
    expect(handouts.map((h) => h.id)).toEqual(TRAINING_EXERCISES.map((e) => e.id))
    for (const handout of handouts) {
      expect(handout.hints.length).toBeGreaterThanOrEqual(2)
      expect(handout.hints[1]).toContain(handout.symptom.shows)
      expect(handout.fix.fixScreen.length).toBeGreaterThan(10)
    }
  })
})
