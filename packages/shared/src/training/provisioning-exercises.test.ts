import { describe, expect, it } from 'vitest'
import { findTrainingExercise } from './exercises'
import type { EntraProvisioningSnapshot } from './provisioning-snapshot'
import type { EntraSnapshot, WebexSnapshot } from './tutorial-snapshot'
import { tutorialStateOf } from './tutorial-state'

const CURRENT = 'sha256:00112233aabbccdd'
const OLD = 'sha256:99887766ffeeddcc'

const provisioning: EntraProvisioningSnapshot = {
  statusCode: 'Active',
  statusOn: true,
  secretTokenFingerprint: CURRENT,
  lastCycleState: 'Succeeded',
  quarantineReason: null,
  matching: { targetAttribute: 'userName', sourceAttribute: 'userPrincipalName', testUserHasIt: true },
}
const entra: EntraSnapshot = {
  microsoftEntraIdentifier: 'https://sts.windows.net/t/',
  clockOffsetSeconds: 0,
  app: null,
  testUser: {
    id: 'u1',
    userPrincipalName: 'B.Simon@contoso.com',
    accountEnabled: true,
    assigned: true,
    assignedRole: 'User',
  },
  provisioning,
}
const webex: WebexSnapshot = {
  entityId: 'https://idbroker.webex.com/org-1',
  acsUrl: 'http://localhost:7080/acs',
  signOnUrl: 'http://localhost:7080/sign-on',
  ssoEnabled: true,
  idpEntityId: null,
  trustMode: null,
  trustedThumbprints: [],
  lastTest: null,
  webexUser: { id: 'w1', email: 'b.simon@contoso.com', active: true, source: 'scim' },
  scimTokenFingerprints: [CURRENT],
  testUserLastSignInAt: null,
}
const up = <T>(snapshot: T) => ({ up: true as const, snapshot })
const down = { up: false as const, reason: 'down' }

function fixed(id: string, e: EntraSnapshot, w: WebexSnapshot = webex): boolean | null {
  const exercise = findTrainingExercise(id)
  if (!exercise) throw new Error(`no exercise ${id}`)
  return exercise.isFixed(tutorialStateOf(up(e), up(w)))
}

describe('the provisioning exercises read their fix from the state of both servers', () => {
  it('provisioning-wrong-token: fixed once the Secret Token on Entra is one Control Hub accepts', () => {
    const stale = { ...entra, provisioning: { ...provisioning, secretTokenFingerprint: OLD } }
    expect(fixed('provisioning-wrong-token', stale)).toBe(false)
    expect(fixed('provisioning-wrong-token', entra)).toBe(true)
    // A named connector token counts as much as the organization's.
    expect(
      fixed('provisioning-wrong-token', stale, { ...webex, scimTokenFingerprints: [CURRENT, OLD] }),
    ).toBe(true)
    expect(fixed('provisioning-wrong-token', { ...entra, provisioning: null })).toBe(false)
    const exercise = findTrainingExercise('provisioning-wrong-token')
    expect(exercise?.isFixed(tutorialStateOf(up(stale), down))).toBeNull()
  })

  it('provisioning-missing-matching-attribute: fixed once B.Simon has the attribute userName is mapped from', () => {
    const noMail = {
      ...entra,
      provisioning: {
        ...provisioning,
        matching: { targetAttribute: 'userName', sourceAttribute: 'mail', testUserHasIt: false },
      },
    }
    expect(fixed('provisioning-missing-matching-attribute', noMail)).toBe(false)
    expect(fixed('provisioning-missing-matching-attribute', entra)).toBe(true)
    const unknown = {
      ...entra,
      provisioning: {
        ...provisioning,
        matching: { targetAttribute: 'userName', sourceAttribute: null, testUserHasIt: null },
      },
    }
    expect(fixed('provisioning-missing-matching-attribute', unknown)).toBe(false)
  })

  it('provisioning-default-access-role: fixed once B.Simon is assigned with a role other than Default Access', () => {
    const testUser = entra.testUser
    if (!testUser) throw new Error('no test user')
    const defaultAccess = { ...entra, testUser: { ...testUser, assignedRole: 'Default Access' } }
    expect(fixed('provisioning-default-access-role', defaultAccess)).toBe(false)
    expect(fixed('provisioning-default-access-role', entra)).toBe(true)
    const unassigned = { ...entra, testUser: { ...testUser, assigned: false, assignedRole: null } }
    expect(fixed('provisioning-default-access-role', unassigned)).toBe(false)
  })

  it('keeps the provisioning part out of the seven tutorial steps and reads each of its sub-steps', () => {
    const state = tutorialStateOf(up(entra), up(webex))
    expect(state.steps).toHaveLength(7)
    expect(state.provisioning.subSteps.map((s) => [s.id, s.done])).toEqual([
      ['provisioning-token-accepted', true],
      ['provisioning-matching-attribute', true],
      ['provisioning-role', true],
      ['provisioning-on', true],
      ['provisioning-webex-user', true],
    ])
    const quarantined = tutorialStateOf(
      up({ ...entra, provisioning: { ...provisioning, quarantineReason: 'CredentialsRejected' } }),
      up({ ...webex, webexUser: { id: 'w1', email: 'b.simon@contoso.com', active: true, source: 'manual' } }),
    )
    expect(quarantined.provisioning.done).toBe(false)
    expect(quarantined.provisioning.subSteps.filter((s) => s.done === false).map((s) => s.id)).toEqual([
      'provisioning-on',
      'provisioning-webex-user',
    ])
  })
})
