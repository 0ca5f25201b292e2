import { describe, expect, it } from 'vitest'
import {
  CLASSROOM_NEEDS_BOTH_SERVERS,
  CLASSROOM_RESET_KEEPS,
  type ClassroomActions,
} from './classroom-actions'
import { classroomPageView, classroomRefusalStatus, resetConfirmView } from './classroom-page'
import { EXERCISE_CHOICES } from './classroom-view'

const firstExercise = EXERCISE_CHOICES[0]?.id ?? ''

/** A classroom whose last set-up made B.Simon, with `active` handed out (or none). */
function classroomWith(active: string | null): ClassroomActions {
  const testUser = { userPrincipalName: 'B.Simon@contoso.test', password: 'Pw-1' }
  return {
    resetToBefore: async () => ({ ok: false, error: { code: 'SET_UP_FAILED', message: 'unused' } }),
    applyExercise: async () => ({ ok: false, error: { code: 'SET_UP_FAILED', message: 'unused' } }),
    activeExercise: async () =>
      active
        ? { id: active, appliedAt: '2026-12-03T10:00:00Z', did: 'Broke it.', testUser, fixed: false }
        : null,
    lastSetUp: async () => ({ stepsDone: 4, at: '2026-12-03T10:00:00Z', testUser }),
    endExercise: async () => undefined,
  }
}

describe('the Training page of either console', () => {
  it('says why nothing can be done while this server runs alone', async () => {
    const view = await classroomPageView(null)
    expect(view).toMatchObject({ unavailable: CLASSROOM_NEEDS_BOTH_SERVERS, active: null, setUp: null })
    expect(view.exercises).toEqual(EXERCISE_CHOICES)
  })

  it('shows the set-up, its test user and the exercise in progress', async () => {
    const view = await classroomPageView(classroomWith(firstExercise))
    expect(view.unavailable).toBeNull()
    expect(view.setUp).toEqual({
      summary: 'Steps 1 to 4 are set up; the class continues with step 5.',
      testUser: { userPrincipalName: 'B.Simon@contoso.test', password: 'Pw-1' },
    })
    expect(view.active).toMatchObject({ id: firstExercise, status: 'broken', explanation: null })
    expect((await classroomPageView(classroomWith(null))).active).toBeNull()
  })

  it('confirms a reset to a tutorial step, and refuses one that is not a step', () => {
    const confirm = resetConfirmView('3')
    expect(confirm.ok && confirm.value).toMatchObject({ step: 3, keeps: CLASSROOM_RESET_KEEPS })
    expect(confirm.ok && confirm.value.target).toMatch(/^just before step 3 /)
    for (const text of ['0', '99', 'two', undefined]) {
      const refused = resetConfirmView(text)
      expect(refused.ok ? null : refused.error.code).toBe('STEP_INVALID')
    }
  })

  it('answers 400 for a request that names no such thing, 409 when the sandbox could not do it', () => {
    expect(classroomRefusalStatus({ code: 'STEP_INVALID', message: '' })).toBe(400)
    expect(classroomRefusalStatus({ code: 'EXERCISE_UNKNOWN', message: '' })).toBe(400)
    expect(classroomRefusalStatus({ code: 'SET_UP_FAILED', message: '' })).toBe(409)
  })
})
