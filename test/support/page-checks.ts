import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from './cli'

/** Where browser tests leave their screenshots: a CI artefact, ignored by git. */
const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots')

const require = createRequire(import.meta.url)
let axeSource: string | null = null

/** One accessibility finding that a test should fail on. */
export interface AccessibilityViolation {
  readonly id: string
  readonly impact: string
  readonly help: string
  /** CSS selectors of the offending elements, to find them in the page. */
  readonly targets: readonly string[]
}

interface AxeResult {
  violations: Array<{
    id: string
    impact: string | null
    help: string
    nodes: Array<{ target: unknown[] }>
  }>
}

/**
 * Runs axe-core in the page and returns its serious and critical violations (WCAG 2.1 A and AA
 * rules). The script is evaluated through the DevTools protocol, which the page's CSP does not
 * govern, so pages keep their real, strict CSP while they are checked.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  const loaded = await page.evaluate('typeof window.axe')
  if (loaded === 'undefined') await page.evaluate(axeSource)
  const result = (await page.evaluate(`window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  })`)) as AxeResult
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }))
}

/** Saves a full-viewport screenshot named after the page, for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path })
  return path
}

/**
 * Collects Content-Security-Policy violations the page reports, so a test can assert there were
 * none (a blocked form or script otherwise fails silently in a real browser).
 */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text())
  })
  return violations
}
