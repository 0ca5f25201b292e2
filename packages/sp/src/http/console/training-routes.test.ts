import { CLASSROOM_NEEDS_BOTH_SERVERS } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { signedInConsole } from '../../test-support/console-client'
import { createTestSp } from '../../test-support/harness'

describe('Training in a Control Hub started on its own', () => {
  it('says the classroom actions need both servers, and refuses a reset or an exercise with 409 and that text', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const page = await (await browser.get('/admin/training')).text()
    expect(page).toContain('Training needs both servers')
    expect(page).not.toContain('action="/admin/training/exercises"')
    for (const path of ['/admin/training/reset', '/admin/training/exercises']) {
      const refused = await browser.post(path, { step: '3', exercise: 'clock-skew' })
      expect(refused.status).toBe(409)
      expect((await refused.text()).replaceAll('&quot;', '"')).toContain(CLASSROOM_NEEDS_BOTH_SERVERS)
    }
  })
})
