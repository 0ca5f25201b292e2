import type { DeepReadonly } from '@sandbox/shared'
import type { EnterpriseApp } from '../state/idp-state'
import { CUSTOM_TEMPLATE_ID, type GalleryRules, galleryEntry } from './gallery'

/** The gallery rules an app follows (the non-gallery ones when its template is unknown). */
export function rulesOf(app: DeepReadonly<Pick<EnterpriseApp, 'servicePrincipal'>>): GalleryRules {
  const entry = galleryEntry(app.servicePrincipal.applicationTemplateId) ?? galleryEntry(CUSTOM_TEMPLATE_ID)
  if (!entry) throw new Error('internal: the non-gallery template is missing from the gallery')
  return entry.rules
}
