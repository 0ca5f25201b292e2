import { describe, expect, it } from 'vitest'
import { readPage } from './html-forms'

const page = (body: string) =>
  readPage(
    `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`,
    new URL('http://x/'),
  )

describe('readPage: the text a person reads', () => {
  it('keeps the texts of separate blocks apart, as a browser lays them out', () => {
    const facts = page('<div>Microsoft</div><h1>Sign in</h1><p>to continue to <b>Cisco</b> Webex</p>')
    expect(facts.text).toBe('Microsoft Sign in to continue to Cisco Webex')
  })

  it('reads each role="alert" element as the message the page announces, nested markup included', () => {
    const facts = page(
      '<h1>Sign in</h1><p role="alert">Your account or <b>password</b> is incorrect.</p><div role="ALERT"><p>Second</p></div><p>Other</p>',
    )
    expect(facts.alerts).toEqual(['Your account or password is incorrect.', 'Second'])
  })

  it('reads no alert from a page without one, nor from a hidden one', () => {
    expect(page('<p>Fine</p><template><p role="alert">hidden</p></template>').alerts).toEqual([])
  })
})
