// node:test: run with `node --test`.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startSandbox } from 'sso-rehearsal-sandbox'

let sandbox
before(async () => {
  sandbox = await startSandbox()
})
after(() => sandbox.close())

test('B.Simon signs in to Webex through Entra ID once the tutorial is set up', async () => {
  const { username, password } = await sandbox.setupTutorial()
  const signedIn = await sandbox.signIn({ username, password })
  assert.equal(signedIn.session.user.userName.toLowerCase(), username.toLowerCase())
})
