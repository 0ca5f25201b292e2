// faults/: break-it presets for CI: the next sign-ins (or every sign-in to one app) answered wrongly on purpose.

/** Every preset a sign-in fault can be. */
export const SIGN_IN_FAULT_PRESETS = [
  'unsigned-assertion',
  'bad-signature',
  'wrong-audience',
  'wrong-recipient',
  'expired',
  'not-yet-valid',
  'sha1-signature',
  'responder-status',
  'authn-failed-status',
  'missing-uid',
  'slow',
  'error-page',
] as const

/** A sign-in fault preset. */
export type SignInFaultPreset = (typeof SIGN_IN_FAULT_PRESETS)[number]

/** The presets that change the Response's assertion (the rest answer with a status, a page or a delay). */
export type AssertionFaultPreset = Exclude<
  SignInFaultPreset,
  'responder-status' | 'authn-failed-status' | 'slow' | 'error-page'
>

/** What each preset does, in a line: the API lists it and the sign-in log and trace show it. */
export const SIGN_IN_FAULT_DESCRIPTIONS: { readonly [P in SignInFaultPreset]: string } = {
  'unsigned-assertion': 'The Response and its assertion carry no signature.',
  'bad-signature': 'The assertion is signed, but its SignatureValue is corrupted, so it does not verify.',
  'wrong-audience':
    "The Audience names another app (https://another-app.invalid/), not the app's Identifier.",
  'wrong-recipient':
    'The SubjectConfirmationData Recipient names another reply URL (https://another-app.invalid/acs); Destination stays right.',
  expired: 'Every NotOnOrAfter lies an hour in the past (an assertion issued by a clock far behind).',
  'not-yet-valid': 'NotBefore lies an hour in the future (an assertion issued by a clock far ahead).',
  'sha1-signature': 'The signature uses RSA-SHA1 with a SHA-1 digest instead of SHA-256.',
  'responder-status':
    'An unsigned error Response with StatusCode Responder and no assertion (AADSTS50000, a token issuance failure).',
  'authn-failed-status':
    'An unsigned error Response with StatusCode Responder / AuthnFailed and no assertion (AADSTS50126).',
  'missing-uid': 'The uid attribute (the username Webex reads) is left out of the AttributeStatement.',
  slow: 'The Response is right, but Entra waits delayMs before answering.',
  'error-page': 'Entra shows its error page with errorCode and its real message instead of a Response.',
}

/** How many sign-ins one fault may count down from, and how many faults may wait at once. */
export const FAULT_LIMITS = {
  maxCount: 100,
  maxFaults: 50,
  minDelayMs: 1,
  /** Long enough to trip any client timeout worth testing, short enough not to hang a suite. */
  maxDelayMs: 30_000,
  defaultDelayMs: 2_000,
} as const

/** Where a wrong Audience and a wrong Recipient point: a reserved name no real app has. */
export const FOREIGN_APP = {
  audience: 'https://another-app.invalid/',
  recipient: 'https://another-app.invalid/acs',
} as const

/** How far the expired and not-yet-valid presets move the assertion's window. */
export const FAULT_TIME_SHIFT_MS = 3_600_000
