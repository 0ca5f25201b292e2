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

describe('readPage: what a form submits', () => {
  const fieldsOf = (body: string) => page(`<form method="post">${body}</form>`).forms[0]?.fields

  it('submits a select as a browser does: the option marked selected, else the first, its text without a value', () => {
    expect(
      fieldsOf(
        '<select name="a"><option value="x">X</option><option value="y" selected>Y</option></select>' +
          '<select name="b"><option value="first">F</option><option value="second">S</option></select>' +
          '<select name="c"><option> Plain  text </option></select>' +
          '<select name="d"><option value="1" selected>1</option><option value="2" selected>2</option></select>' +
          '<input name="after" value="kept">',
      ),
    ).toEqual([
      { name: 'a', type: 'select', value: 'y' },
      { name: 'b', type: 'select', value: 'first' },
      { name: 'c', type: 'select', value: 'Plain text' },
      { name: 'd', type: 'select', value: '2' },
      { name: 'after', type: 'text', value: 'kept' },
    ])
  })

  it('submits an empty value for a select without options', () => {
    expect(fieldsOf('<select name="none"></select>')).toEqual([{ name: 'none', type: 'select', value: '' }])
  })
})
