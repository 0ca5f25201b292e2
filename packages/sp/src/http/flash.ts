import type { ToastProps } from '../views/console/toasts'

/**
 * Toasts after POST-redirect-GET. A POST that changed something redirects (303) and sets this
 * cookie; the GET that renders the next page reads it into toasts and clears it. The cookie holds
 * message codes, never text: a tampered cookie can only pick one of the messages below, so no page
 * can be made to show words the server did not write. No Hono types: routes set the cookie with
 * `FLASH_COOKIE`, `encodeFlash(...)` and `flashCookieOptions(...)`, and read it with `decodeFlash`.
 */
export const FLASH_COOKIE = 'webex_sandbox_flash'

/** Control Hub's messages (the 2018 client's texts). */
export const FLASH_MESSAGES = {
  'idp-metadata-imported': { kind: 'success', message: 'Successfully imported IdP metadata file' },
  'idp-metadata-import-failed': { kind: 'error', message: 'Failed to import IdP Metadata File' },
  'idp-metadata-invalid': { kind: 'error', message: 'Invalid IdP metadata file' },
  'idp-metadata-unreadable': { kind: 'error', message: 'Could not read IdP Metadata file' },
  'sp-metadata-download-failed': { kind: 'error', message: 'Failed to download Metadata File' },
  'sso-configuration-failed': { kind: 'error', message: 'SSO configuration not successful' },
  'sso-enabled': { kind: 'success', message: 'Single Sign-On (SSO) successfully enabled for all users' },
  'sso-enable-failed': { kind: 'error', message: 'Failed to enable Single Sign-On (SSO).' },
  'sso-disabled': {
    kind: 'success',
    message:
      'SSO is Disabled. User authentication configuration is now using simple built-in identity service.',
  },
  'sso-disable-failed': { kind: 'error', message: 'Failed to disable Single Sign On' },
  'sso-metadata-switched': { kind: 'success', message: 'Successfully switched to the new SSO metadata.' },
  // Sandbox texts where the 2018 client's were not found.
  'org-renamed': { kind: 'success', message: 'Organization name saved.' },
  'users-added': { kind: 'success', message: 'Users added.' },
  'user-saved': { kind: 'success', message: 'User saved.' },
  'user-activated': { kind: 'success', message: 'User activated.' },
  'user-deactivated': { kind: 'success', message: 'User deactivated. They can no longer sign in.' },
  'user-deleted': { kind: 'success', message: 'User deleted.' },
  'scim-token-revoked': {
    kind: 'success',
    message: 'Token revoked. Connectors that used it can no longer call SCIM.',
  },
  'classroom-reset': { kind: 'success', message: 'The class was reset.' },
  'exercise-applied': { kind: 'success', message: 'Exercise applied. Look for the symptom below.' },
  'exercise-ended': { kind: 'success', message: 'Exercise ended. The servers keep their state.' },
  'recovery-signed-in': {
    kind: 'success',
    message:
      'Signed in with the recovery PIN. You can now turn off single sign-on or update its certificates.',
  },
} as const satisfies Record<string, Omit<ToastProps, 'trackingId'>>

export type FlashCode = keyof typeof FLASH_MESSAGES

/** One toast to show after the redirect; errors may carry a tracking ID (letters, digits, `_-:.`). */
export interface Flash {
  readonly code: FlashCode
  readonly trackingId?: string
}

const TRACKING_ID = /^[A-Za-z0-9_.:-]{1,64}$/
const MAX_TOASTS = 3

function isFlashCode(code: string): code is FlashCode {
  return Object.hasOwn(FLASH_MESSAGES, code)
}

/** The cookie value: `code` or `code~trackingId`, joined by `|`. Unsafe tracking ids are dropped. */
export function encodeFlash(flashes: readonly Flash[]): string {
  return flashes
    .slice(0, MAX_TOASTS)
    .map((f) => (f.trackingId && TRACKING_ID.test(f.trackingId) ? `${f.code}~${f.trackingId}` : f.code))
    .join('|')
}

/** The toasts a cookie value asks for; anything unknown or malformed is ignored, never an error. */
export function decodeFlash(value: string | undefined | null): ToastProps[] {
  if (!value || value.length > 512) return []
  const toasts: ToastProps[] = []
  for (const item of value.split('|').slice(0, MAX_TOASTS)) {
    const [code = '', trackingId, ...rest] = item.split('~')
    if (rest.length > 0 || !isFlashCode(code)) continue
    const base = FLASH_MESSAGES[code]
    toasts.push(
      trackingId && TRACKING_ID.test(trackingId)
        ? { kind: base.kind, message: base.message, trackingId }
        : { kind: base.kind, message: base.message },
    )
  }
  return toasts
}

/**
 * The cookie's attributes: short-lived (it is read on the very next page), HttpOnly, SameSite=Lax,
 * scoped to the pages that show it. Pages that read it must be `Cache-Control: no-store`.
 */
export function flashCookieOptions(options: { path: string; secure: boolean }) {
  return {
    path: options.path,
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: options.secure,
    maxAge: 60,
  }
}
