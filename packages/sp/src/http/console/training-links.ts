import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'

/** Training mode's pages and forms in Control Hub. */
export const TRAINING_HREFS = {
  mode: '/admin/training/mode',
  panel: '/admin/training/panel',
  trainer: '/admin/training/trainer',
  handouts: '/admin/training/handouts',
  handout: (id: string) => `/admin/training/handouts/${encodeURIComponent(id)}`,
} as const

/** Remembers, per browser, that the panel was collapsed (its own name: the two consoles share `localhost`). */
export const PANEL_COOKIE = 'webex_training_panel'

export function trainingPanelCollapsed(c: Context): boolean {
  return getCookie(c, PANEL_COOKIE) === 'collapsed'
}
