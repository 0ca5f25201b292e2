import { type HeadlessBrowser, readPage, summarizeCertificate } from '@sandbox/shared'
import { expect } from 'vitest'
import { attackerKey } from './corpus-context'
import type { CorpusContext, ResponseCase } from './response-cases'
import type { Intercepted, Sandbox } from './sandbox'

/** What the ACS answered, read like a person would. */
export interface AcsAnswer {
  readonly status: number
  readonly location: string | null
  readonly text: string
  readonly sessionCookie: boolean
}

export async function readAnswer(response: Response): Promise<AcsAnswer> {
  const html = await response.text()
  return {
    status: response.status,
    location: response.headers.get('location'),
    text: readPage(html, new URL('http://localhost:7080/')).text || html,
    sessionCookie: response.headers.getSetCookie().some((c) => c.startsWith('webex_sandbox_session=')),
  }
}

/** The corpus context for one intercepted sign-in: its Response is the base every case mutates. */
export async function contextFor(sandbox: Sandbox, intercepted: Intercepted): Promise<CorpusContext> {
  const key = sandbox.idp.signingKey()
  return {
    assertionSigned: intercepted.responseXml,
    responseSigned: intercepted.responseXml,
    idpKey: {
      privateKey: key.privateKey,
      certificateBase64: summarizeCertificate(key.certificatePem).base64,
    },
    attacker: await attackerKey(),
    sp: sandbox.idp.sp,
    now: sandbox.idp.clock.now(),
  }
}

/** Intercepts a sign-in with the IdP set to sign as the case needs. */
export async function interceptFor(
  sandbox: Sandbox,
  c: Pick<ResponseCase, 'idpSigning'>,
): Promise<Intercepted> {
  const config = sandbox.idp.idp.services.samlConfig
  if (c.idpSigning) await config.setSigningOptions(sandbox.idp.spId, { signingOption: c.idpSigning })
  try {
    return await sandbox.intercept()
  } finally {
    if (c.idpSigning) await config.setSigningOptions(sandbox.idp.spId, { signingOption: 'assertion' })
  }
}

/** Whether the SP shows a session for this browser (`GET /api/v1/session`). */
export async function hasSession(sandbox: Sandbox, browser: HeadlessBrowser): Promise<boolean> {
  const cookie = browser.jar
    .cookiesFor(new URL(sandbox.sp.url))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
  const response = await sandbox.sp.app.request('/api/v1/session', { headers: cookie ? { cookie } : {} })
  await response.arrayBuffer()
  return response.status === 200
}

/**
 * Posts `xml` for an intercepted sign-in and asserts the refusal: a 4xx page naming `code`, no
 * session cookie, no session for the browser, stored state untouched (same snapshot object), a
 * sign-in log line with the code, and the pending request still there (a refused Response
 * consumes nothing).
 */
export async function expectAcsRefusal(
  sandbox: Sandbox,
  intercepted: Intercepted,
  xml: string,
  code: string,
  options: { relayState?: string; pendingKept?: boolean; raw?: boolean } = {},
): Promise<AcsAnswer> {
  const before = sandbox.sp.store.read()
  const answer = await readAnswer(await sandbox.postToAcs(intercepted.browser, xml, options))
  expect(answer.status, answer.text.slice(0, 400)).toBe(403)
  expect(answer.text).toContain(`Error code: ${code}`)
  expect(answer.text).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(answer.sessionCookie).toBe(false)
  expect(sandbox.sp.store.read()).toBe(before)
  expect(await hasSession(sandbox, intercepted.browser)).toBe(false)
  // The audit line: the sign-in log's latest attempt names the refusal.
  const logged = sandbox.sp.memory.attempts().at(-1)
  expect(logged).toMatchObject({ outcome: 'failure', code })
  if (options.pendingKept !== false) {
    expect(sandbox.sp.memory.peekPending(intercepted.requestId)).toBeDefined()
  }
  return answer
}

/** Posts `xml` and asserts a successful sign-in (303 + session). */
export async function expectAcsSuccess(
  sandbox: Sandbox,
  intercepted: Intercepted,
  xml: string,
  options: { relayState?: string } = {},
): Promise<AcsAnswer> {
  const answer = await readAnswer(await sandbox.postToAcs(intercepted.browser, xml, options))
  expect(answer.status, answer.text.slice(0, 400)).toBe(303)
  expect(answer.sessionCookie).toBe(true)
  return answer
}
