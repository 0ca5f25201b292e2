import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { seriousAccessibilityViolations } from '../support/page-checks'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('the accessibility check the browser journeys rely on', () => {
  it('reports an unlabelled input and a button without a name as serious or critical', async () => {
    const page = await browser.newPage()
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main><input type="text"><button></button></main></body></html>',
    )
    const ids = (await seriousAccessibilityViolations(page)).map((v) => v.id).sort()
    expect(ids).toEqual(['button-name', 'label'])
  })

  it('finds nothing in a page whose controls are named', async () => {
    const page = await browser.newPage()
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Form</h1><label>Name <input type="text"></label><button>Save</button></main></body></html>',
    )
    expect(await seriousAccessibilityViolations(page)).toEqual([])
  })
})
