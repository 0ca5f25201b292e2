// Jest runs this ES module with NODE_OPTIONS=--experimental-vm-modules (see package.json).
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { SignInError, startSandbox } from 'sso-rehearsal-sandbox'

let sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

test('a wrong password is refused with the sign-in page’s own message', async () => {
  const { username } = await sandbox.setupTutorial()
  const failure = await sandbox.signIn({ username, password: 'not-the-password' }).catch((error) => error)
  expect(failure).toBeInstanceOf(SignInError)
  expect(failure.code).toBe('WRONG_CREDENTIALS')
})
