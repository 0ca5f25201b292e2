import type { Page } from 'playwright-core'

/** Where one element's text wraps: the characters on either side of each line break. */
export interface WrapPoints {
  readonly text: string
  readonly breaks: readonly { readonly before: string; readonly after: string }[]
}

/**
 * Measures, in the browser, where the text of each element matching `selector` wraps onto a new
 * line (by the vertical position of every character), so a test can say a claim name broke only
 * after a separator and never inside a word.
 */
export async function wrapPointsOf(page: Page, selector: string): Promise<WrapPoints[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      const chars: { char: string; top: number }[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange()
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          const rect = range.getClientRects()[0]
          if (rect) chars.push({ char: text[i] as string, top: Math.round(rect.top) })
        }
      }
      const breaks: { before: string; after: string }[] = []
      for (let i = 1; i < chars.length; i++) {
        const previous = chars[i - 1] as { char: string; top: number }
        const current = chars[i] as { char: string; top: number }
        if (current.top > previous.top + 2) breaks.push({ before: previous.char, after: current.char })
      }
      return { text: chars.map((c) => c.char).join(''), breaks }
    }),
  )
}

/**
 * Elements that stick out of the viewport to the right (clipped or scrolled away at 1280 px),
 * described by tag, class and the start of their text. Visually hidden helpers are ignored.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    return [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('.visually-hidden, .file-input, [hidden]'))
      .filter((el) => {
        const rect = el.getBoundingClientRect()
        return rect.width > 0 && rect.right > width + 1
      })
      .map(
        (el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      )
  })
}

/** The focused element in words: its accessible label, the text it is labelled by, or its text. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return '(body)'
    const label = el.getAttribute('aria-label')
    if (label) return label
    const by = el.getAttribute('aria-labelledby')
    if (by)
      return by
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
    const labels = (el as HTMLInputElement).labels
    if (labels && labels.length > 0) return labels[0]?.textContent?.trim() ?? ''
    return (el.textContent ?? '').trim() || el.tagName.toLowerCase()
  })
}
