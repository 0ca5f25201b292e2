import type { AdminError } from '../errors/admin-error'
import type { BasicSamlInput } from './basic-saml-config'
import {
  checkIdentifier,
  checkLogoutUrl,
  checkRelayState,
  checkReplyUrls,
  checkSignOnUrl,
  matchPattern,
} from './basic-saml-rules'
import { CUSTOM_TEMPLATE_ID, GALLERY, type GalleryRules, galleryEntry } from './gallery'

/** Which Basic SAML field a problem is in, and which entry of a list field. */
export interface BasicSamlProblem {
  readonly field: 'identifiers' | 'replyUrls' | 'signOnUrl' | 'relayState' | 'logoutUrl'
  /** The entry of `identifiers` or `replyUrls` at fault, when the problem is one entry's. */
  readonly index: number | null
  readonly message: string
}

/** The id of the gallery template with this display name ("Custom" is the non-gallery one), or null. */
export function galleryTemplateIdNamed(displayName: string): string | null {
  const wanted = displayName.trim().toLowerCase()
  return GALLERY.find((g) => g.template.displayName.toLowerCase() === wanted)?.template.id ?? null
}

/** The display names of the gallery's templates, for "expected one of" messages. */
export function galleryTemplateNames(): string[] {
  return GALLERY.map((g) => g.template.displayName)
}

function rulesFor(templateId: string | null): GalleryRules {
  const entry = galleryEntry(templateId ?? CUSTOM_TEMPLATE_ID) ?? galleryEntry(CUSTOM_TEMPLATE_ID)
  if (!entry) throw new Error('internal: the non-gallery template is missing from the gallery')
  return entry.rules
}

/**
 * Checks a Basic SAML Configuration against the rules the Basic SAML form applies (URL shapes,
 * gallery patterns, duplicates), without an app or a tenant: what a caller can know before
 * creating anything. Identifiers another app already uses are left to the form itself.
 */
export function precheckBasicSaml(templateId: string | null, input: BasicSamlInput): BasicSamlProblem[] {
  const rules = rulesFor(templateId)
  const problems: BasicSamlProblem[] = []
  const report = (field: BasicSamlProblem['field'], index: number | null, error: AdminError) =>
    problems.push({ field, index, message: error.message })
  const seen = new Set<string>()
  for (const [index, entry] of (input.identifiers ?? []).entries()) {
    const checked = checkIdentifier(entry.value)
    const pattern = checked.ok ? matchPattern(rules.identifierPattern, checked.value, 'Identifier') : checked
    if (!pattern.ok) report('identifiers', index, pattern.error)
    else if (seen.has(entry.value.trim()))
      problems.push({ field: 'identifiers', index, message: `Identifier '${entry.value}' is listed twice.` })
    seen.add(entry.value.trim())
  }
  for (const [index, entry] of (input.replyUrls ?? []).entries()) {
    const checked = checkReplyUrls(rules, [{ url: entry.url, index: entry.index ?? null, isDefault: false }])
    if (!checked.ok) report('replyUrls', index, checked.error)
  }
  const whole = checkReplyUrls(
    { ...rules, replyUrlPattern: null },
    (input.replyUrls ?? []).map((r) => ({
      url: r.url,
      index: r.index ?? null,
      isDefault: r.isDefault === true,
    })),
  )
  if (!whole.ok && problems.every((p) => p.field !== 'replyUrls')) report('replyUrls', null, whole.error)
  if (input.signOnUrl) {
    const checked = checkSignOnUrl(rules, input.signOnUrl)
    if (!checked.ok) report('signOnUrl', null, checked.error)
  }
  if (input.relayState) {
    const checked = checkRelayState(input.relayState)
    if (!checked.ok) report('relayState', null, checked.error)
  }
  const logout = checkLogoutUrl(input.logoutUrl ?? null)
  if (!logout.ok) report('logoutUrl', null, logout.error)
  return problems
}
