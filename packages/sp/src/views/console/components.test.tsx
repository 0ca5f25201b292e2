import { describe, expect, it } from 'vitest'
import { ActionButton, splitHref } from './actions'
import { StatusDot } from './cards'
import { RadioGroup } from './choices'
import { ControlHubLayout, controlHubNav } from './control-hub-layout'
import { DataTable } from './data-table'
import { DropZone, ImportResult } from './drop-zone'
import { NameEmailEntry, TextField } from './fields'
import { KeyValueTable } from './key-value'
import { AlertDialog, WizardModal } from './modal'
import { ToastRegion } from './toasts'
import { WebexHomeFrame, WebexSignInPage } from './webex-app'

const html = (node: unknown): string => String(node)
const HOSTILE = '<img src=x onerror=alert(1)>'

function layout(modal?: unknown) {
  return html(
    <ControlHubLayout
      pageTitle="Organization Settings"
      orgName={HOSTILE}
      nav={controlHubNav(['settings', 'overview'])}
      current="settings"
      account={{
        displayName: 'Ada Admin',
        email: 'ada@example.com',
        signOut: { action: '/admin/sign-out', csrfToken: 't0k' },
      }}
      toasts={[{ kind: 'error', message: 'Failed to enable Single Sign-On (SSO).', trackingId: 'SBX_1' }]}
      modal={modal as never}
    >
      <StatusDot state="on" label="Enabled" />
    </ControlHubLayout>,
  )
}

describe('console components', () => {
  it('carry no inline style, inline script or event handler attributes (the CSP forbids them)', () => {
    const pages = [
      layout(
        <WizardModal
          title="Enterprise Settings"
          closeHref="/admin/settings"
          primary={{ label: 'Next', action: { method: 'get', href: '/x?step=2' } }}
        >
          <DropZone action="/import" csrfToken="t" heading="Import IdP Metadata" />
        </WizardModal>,
      ),
      html(
        <WebexSignInPage
          form={{ action: '/', method: 'get' }}
          footer={{ year: 2026, termsHref: '/t', privacyHref: '/p' }}
        />,
      ),
      html(
        <WebexHomeFrame
          pageTitle="Home"
          user={{ displayName: 'B.Simon', email: 'b@x' }}
          signOut={{ method: 'get', href: '/webex/logout' }}
          rail={[]}
        >
          <KeyValueTable
            caption="Claims"
            rows={[{ key: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', values: ['b'] }]}
          />
        </WebexHomeFrame>,
      ),
    ]
    for (const page of pages) {
      expect(page.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true)
      expect(page).not.toMatch(/<style|<[^>]*\s(style|on[a-z]+)=/i)
      for (const script of page.match(/<script[^>]*>[^<]*<\/script>/g) ?? []) {
        expect(script).toMatch(/^<script src="\/assets\/control-hub\.js\?v=[\w-]+"><\/script>$/)
      }
    }
  })

  it('compose the tab title from the page and the tutorial product name, and escape every value', () => {
    const page = layout()
    expect(page).toContain(
      '<title>Organization Settings - Cisco Cloud Collaboration Management (sandbox)</title>',
    )
    expect(page).not.toContain('<img')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page).toContain('SANDBOX')
  })

  it('mark only the current navigation entry and show only the entries the caller passes', () => {
    const page = layout()
    expect(page.match(/aria-current="page"/g)).toHaveLength(1)
    expect(page).toMatch(/aria-current="page"[^>]*>.*?Organization Settings/s)
    expect(page).toContain('>Overview<')
    expect(page).not.toContain('Troubleshooting')
    expect(page).not.toContain('>Users<')
  })

  it('make the page behind an open dialog inert, and wire the dialog to its title and close control', () => {
    const closed = layout()
    expect(closed).not.toContain('inert')
    const open = layout(
      <WizardModal
        title="Enterprise Settings"
        closeHref="/admin/settings#sso-modify"
        returnFocusId="sso-modify"
      >
        step
      </WizardModal>,
    )
    expect(open).toMatch(/<div class="ch-shell" inert="">/)
    expect(open).toMatch(/role="dialog" aria-modal="true" aria-labelledby="wizard-title"/)
    expect(open).toContain('<h2 id="wizard-title">Enterprise Settings</h2>')
    expect(open).toMatch(
      /<form class="inline-form" method="get" action="\/admin\/settings#sso-modify" data-enhance="" data-dialog-close="">/,
    )
    expect(open).toContain('data-return-focus="sso-modify"')
    expect(open).toContain('aria-label="Close"')
  })

  it('render a GET button as a form whose query travels as hidden fields, and a POST with its CSRF token', () => {
    expect(splitHref('/admin/settings/authentication/sso?step=import&x=a%26b#top')).toEqual({
      action: '/admin/settings/authentication/sso#top',
      fields: [
        ['step', 'import'],
        ['x', 'a&b'],
      ],
    })
    const get = html(
      <ActionButton label="Modify" id="sso-modify" action={{ method: 'get', href: '/a?step=init' }} />,
    )
    expect(get).toContain('<input type="hidden" name="step" value="init"/>')
    expect(get).toMatch(/<button type="submit" class="btn btn-secondary" id="sso-modify">Modify<\/button>/)
    const post = html(
      <ActionButton label="Ok" action={{ method: 'post', href: '/replace', csrfToken: 'tok"en' }} />,
    )
    expect(post).toContain('method="post" action="/replace"')
    expect(post).toContain('<input type="hidden" name="csrf_token" value="tok&quot;en"/>')
    const submit = html(
      <ActionButton
        label="Next"
        variant="primary"
        enableWhenValid={true}
        action={{ method: 'submit', form: 'step' }}
      />,
    )
    expect(submit).toBe(
      '<button type="submit" class="btn btn-primary" form="step" data-enable-when-valid="">Next</button>',
    )
  })

  it('give radios the tutorial words alone as their name, descriptions as descriptions', () => {
    const group = html(
      <RadioGroup
        legend="Mode"
        name="mode"
        required={true}
        options={[
          {
            value: 'advanced',
            label: 'Integrate a 3rd-party identity provider. (Advanced)',
            description: 'SAML',
          },
        ]}
      />,
    )
    expect(group).toContain('aria-labelledby="mode-advanced-label"')
    expect(group).toContain(
      '<span id="mode-advanced-label">Integrate a 3rd-party identity provider. (Advanced)</span>',
    )
    expect(group).toContain('aria-describedby="mode-advanced-description"')
    expect(group).toContain('required=""')
  })

  it('label the hidden file input "file browser" and show import outcomes with their texts', () => {
    const zone = html(<DropZone action="/import" csrfToken="t" heading="Import IdP Metadata" />)
    expect(zone).toMatch(/<input class="file-input" type="file" id="idp-metadata-file"[^>]*required=""/)
    expect(zone).toContain('<label class="file-browser" for="idp-metadata-file">file browser</label>')
    expect(zone).toContain('enctype="multipart/form-data"')
    const ok = html(
      <ImportResult
        outcome="success"
        fileName="Cisco Webex.xml"
        action={{ action: { method: 'get', href: '/i' } }}
      />,
    )
    expect(ok).toContain('Successfully imported IdP metadata file')
    expect(ok).toContain('>Cancel</button>')
    const failed = html(
      <ImportResult
        outcome="failure"
        fileName="f.xml"
        reason="self-signed"
        action={{ action: { method: 'get', href: '/i' } }}
      />,
    )
    expect(failed).toContain('Failed to import IdP Metadata File')
    expect(failed).toContain('>Try Again</button>')
  })

  it('tie field errors to their inputs and name the plus button "Add"', () => {
    const field = html(<TextField label="Email address" name="email" error="Enter a valid email address." />)
    expect(field).toContain('aria-invalid="true" aria-describedby="field-email-error"')
    const entry = html(
      <NameEmailEntry
        form="f"
        entries={[{ firstName: 'B', lastName: 'Simon', email: 'b.simon@contoso.com' }]}
      />,
    )
    expect(entry).toMatch(/name="intent" value="add" aria-label="Add"/)
    expect(entry).toContain('value="B\tSimon\tb.simon@contoso.com"')
    expect(entry).toContain('aria-label="Remove b.simon@contoso.com"')
  })

  it('announce toasts in one live region with the tracking id of errors, and warn with an alertdialog', () => {
    const region = html(
      <ToastRegion
        toasts={[{ kind: 'error', message: 'SSO configuration not successful', trackingId: 'SBX_9' }]}
      />,
    )
    expect(region).toMatch(/id="toasts" class="toasts" role="status" aria-live="polite"/)
    expect(region).toContain('Tracking ID: SBX_9')
    const alert = html(
      <AlertDialog
        title="SSO Warning"
        message="Replaces the setup."
        cancel={{ action: { method: 'get', href: '/c' } }}
        confirm={{ action: { method: 'post', href: '/ok', csrfToken: 't' } }}
      />,
    )
    expect(alert).toMatch(
      /role="alertdialog" aria-modal="true" aria-labelledby="alert-title" aria-describedby="alert-message"/,
    )
    expect(alert).toMatch(/data-dialog-close="">.*autofocus="">Cancel<\/button>/s)
    expect(alert).toContain('>Ok</button>')
  })

  it('sort, page and empty-state a data table', () => {
    const table = html(
      <DataTable
        caption="Users"
        columns={[
          { label: 'First Name', sort: { href: '/u?sort=f', direction: 'ascending' } },
          { label: 'Status' },
        ]}
        rows={[]}
        empty={{ title: 'No users found' }}
        pager={{ from: 0, to: 0, total: 0, previousHref: null, nextHref: null }}
      />,
    )
    expect(table).toContain(
      '<th scope="col" aria-sort="ascending"><a class="sort" href="/u?sort=f">First Name',
    )
    expect(table).toContain('No users found')
    expect(table).toContain('No results')
    const paged = html(
      <DataTable
        caption="Users"
        columns={[{ label: 'Email' }]}
        rows={[{ cells: ['a@b'] }]}
        empty={{ title: 'x' }}
        pager={{ from: 51, to: 100, total: 5000, previousHref: '/u?page=1', nextHref: '/u?page=3' }}
      />,
    )
    expect(paged).toContain('51–100 of 5,000')
    expect(paged).toContain('href="/u?page=3" aria-label="Next page"')
  })

  it('offer line breaks in long claim names only after separators', () => {
    const table = html(
      <KeyValueTable
        caption="Claims"
        rows={[{ key: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', values: ['uid'] }]}
      />,
    )
    expect(table).toContain(
      'http://<wbr/>schemas.<wbr/>xmlsoap.<wbr/>org/<wbr/>ws/<wbr/>2005/<wbr/>05/<wbr/>identity/<wbr/>claims/<wbr/>name',
    )
  })
})
