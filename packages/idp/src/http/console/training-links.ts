import { getCookie } from 'hono/cookie'
import type { IdpContext } from '../env'

/** Training mode's pages and forms in the admin center. */
export const TRAINING_HREFS = {
  mode: '/training/mode',
  panel: '/training/panel',
  trainer: '/training/trainer',
  handouts: '/training/handouts',
  handout: (id: string) => `/training/handouts/${encodeURIComponent(id)}`,
} as const

/** Remembers, per browser, that the panel was collapsed (its own name: the two consoles share `localhost`). */
export const PANEL_COOKIE = 'entra_training_panel'

export function trainingPanelCollapsed(c: IdpContext): boolean {
  return getCookie(c, PANEL_COOKIE) === 'collapsed'
}
