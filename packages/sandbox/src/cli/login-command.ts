import {
  createNodeTransport,
  HeadlessBrowser,
  parseXml,
  prettyPrintXml,
  SAML_MESSAGE_LIMITS,
  type SignInSuccess,
  signIn,
} from '@sandbox/shared'

/** The SAML XML indented for a terminal (as it came when it does not parse: shown, not trusted). */
function indentedXml(xml: string): string {
  const parsed = parseXml(xml, SAML_MESSAGE_LIMITS)
  return parsed.ok ? prettyPrintXml(parsed.value) : xml
}

/** What `pnpm sandbox login` signs in with, and where. */
export interface LoginOptions {
  readonly startUrl: string
  readonly username: string
  readonly password: string
  /** The SP's session description URL (the Webex emulator's `/api/v1/session`), if any. */
  readonly sessionInfoUrl: string | undefined
  /** PEM of extra CAs to trust (the sandbox root under --https). */
  readonly ca?: string
}

export interface LoginReport {
  readonly ok: boolean
  readonly text: string
  readonly json: Record<string, unknown>
}

function describeSuccess(value: SignInSuccess): string {
  const session = value.session as
    | { user?: { userName?: string }; checks?: { name: string; passed: boolean; detail?: string }[] }
    | undefined
  const lines = [`Signed in: landed on ${value.page.url.href} (HTTP ${value.page.status})`]
  if (session?.user?.userName) lines.push(`Session user: ${session.user.userName}`)
  for (const check of session?.checks ?? [])
    lines.push(`  ${check.passed ? 'ok  ' : 'FAIL'} ${check.name}${check.detail ? `: ${check.detail}` : ''}`)
  lines.push(
    `SAML Response (${value.samlResponse.binding} to ${value.samlResponse.to}):`,
    indentedXml(value.samlResponse.xml),
  )
  return `${lines.join('\n')}\n`
}

/**
 * A full SP-initiated sign-in without a browser (`pnpm sandbox login`): what CI suites run
 * against the sandbox's Webex emulator or their own SP.
 */
export async function runLogin(options: LoginOptions): Promise<LoginReport> {
  const browser = new HeadlessBrowser({
    transport: createNodeTransport(options.ca ? { ca: options.ca } : {}),
  })
  const result = await signIn({
    startUrl: options.startUrl,
    username: options.username,
    password: options.password,
    browser,
    ...(options.sessionInfoUrl ? { sessionInfoUrl: options.sessionInfoUrl } : {}),
  })
  const hops = browser.hops.map((h) => ({
    method: h.method,
    url: h.url,
    status: h.status,
    ms: Math.round(h.ms),
  }))
  if (!result.ok) {
    // A wrong password is the sign-in page's own message; elsewhere, where it stopped helps.
    const where =
      result.error.page && result.error.code !== 'WRONG_CREDENTIALS'
        ? ` at ${result.error.page.url.href}`
        : ''
    return {
      ok: false,
      text: `Sign-in failed (${result.error.code})${where}: ${result.error.message}\n`,
      json: { ok: false, code: result.error.code, message: result.error.message, hops },
    }
  }
  const value = result.value
  return {
    ok: true,
    text: describeSuccess(value),
    json: {
      ok: true,
      landedOn: value.page.url.href,
      session: value.session ?? null,
      samlResponse: value.samlResponse,
      authnRequest: value.authnRequest ?? null,
      hops,
    },
  }
}
