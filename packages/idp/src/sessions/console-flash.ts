import { createHmac } from 'node:crypto'
import { secretMatches } from '@sandbox/shared'

/** The toast a console page shows once after a POST-redirect-GET. */
export interface FlashToast {
  readonly kind: 'success' | 'error' | 'progress'
  readonly title: string
  readonly message: string
}

/**
 * The cookie that carries it: HttpOnly, SameSite=Lax, Path=/, Max-Age = FLASH_LIFETIME_SECONDS,
 * set on the 303 that answers a console POST and deleted by the GET that shows it. The secret is
 * the server's own, 32 random bytes made at start: a restart only drops a flash in flight.
 */
export const FLASH_COOKIE = 'console_flash'
/** Long enough for the redirect it rides on, short enough that a stale one never shows later. */
export const FLASH_LIFETIME_SECONDS = 60

const KINDS = new Set<FlashToast['kind']>(['success', 'error', 'progress'])
const MAX_TITLE = 200
const MAX_MESSAGE = 600

function sign(payload: string, secret: Uint8Array): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

/**
 * Seals a toast into a cookie value: base64url JSON with its expiry, then an HMAC-SHA256 of it.
 * Signing keeps anyone who can set a cookie on this host from making the console announce
 * "succeeded" for something that did not happen. Over-long texts are cut, not refused.
 */
export function sealFlash(toast: FlashToast, secret: Uint8Array, nowMs: number): string {
  const body = {
    k: toast.kind,
    t: toast.title.slice(0, MAX_TITLE),
    m: toast.message.slice(0, MAX_MESSAGE),
    e: Math.floor(nowMs / 1000) + FLASH_LIFETIME_SECONDS,
  }
  const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url')
  return `${payload}.${sign(payload, secret)}`
}

/** The toast a cookie value carries, or null when it is absent, forged, malformed or expired. */
export function openFlash(value: string | undefined, secret: Uint8Array, nowMs: number): FlashToast | null {
  if (!value || value.length > 4096) return null
  const [payload, signature, extra] = value.split('.')
  if (!payload || !signature || extra !== undefined) return null
  if (!secretMatches(signature, sign(payload, secret))) return null
  let body: unknown
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (typeof body !== 'object' || body === null) return null
  const { k, t, m, e } = body as Record<string, unknown>
  if (typeof k !== 'string' || !KINDS.has(k as FlashToast['kind'])) return null
  if (typeof t !== 'string' || typeof m !== 'string' || typeof e !== 'number') return null
  if (e < Math.floor(nowMs / 1000)) return null
  return { kind: k as FlashToast['kind'], title: t.slice(0, MAX_TITLE), message: m.slice(0, MAX_MESSAGE) }
}
