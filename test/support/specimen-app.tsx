import { sandboxSecurityHeaders } from '@sandbox/shared'
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { consoleAssetRoutes } from '../../packages/sp/src/http/console-assets'
import { decodeFlash, encodeFlash, FLASH_COOKIE, flashCookieOptions } from '../../packages/sp/src/http/flash'
import { SettingsSpecimen, STEPS, WIZARD_PATH, type WizardStepName } from './control-hub-specimens'
import { ManageUsersSpecimen, type SpecimenUser, UsersSpecimen } from './users-specimens'
import { HomeSpecimen, SignInSpecimen } from './webex-specimens'

const FIRST = ['Alex', 'Bianca', 'Chen', 'Dmitri', 'Emeka', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Jasmine']
const LAST = [
  'Wilber',
  'Simon',
  'Okafor',
  'Lindqvist',
  'Nakamura',
  'Haddad',
  'Petrov',
  'Moreau',
  'Singh',
  'Kowalski',
]

/** 5 000 made-up users, the size the Users page must page through. */
const SPECIMEN_USERS: readonly SpecimenUser[] = Array.from({ length: 5000 }, (_, i) => {
  const firstName = FIRST[i % FIRST.length] as string
  const lastName = LAST[Math.floor(i / FIRST.length) % LAST.length] as string
  return {
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${i}@contoso.com`.toLowerCase(),
    status: i % 7 === 3 ? 'Invite Pending' : 'Active',
    source: i % 3 === 0 ? 'SCIM' : i % 3 === 1 ? 'manual' : 'just-in-time',
  }
})

const PAGE_SIZE = 50

/** What the look test changes and reads: the polled Test SSO result, refused posts counted. */
export interface SpecimenControls {
  testVersion: number
  refusedPosts: number
}

/**
 * A Hono app serving the specimen pages with the real console asset routes and the real
 * security headers (strict CSP), as the SP will serve the real pages.
 */
export function createSpecimenApp(controls: SpecimenControls) {
  const html = { 'Cache-Control': 'no-store' }
  return new Hono()
    .use(sandboxSecurityHeaders())
    .route('/', consoleAssetRoutes())
    .get('/admin/settings', (c) => c.html(<SettingsSpecimen step={null} />, 200, html))
    .get(WIZARD_PATH, (c) => {
      const asked = c.req.query('step') ?? 'init'
      const step = (STEPS as readonly string[]).includes(asked) ? (asked as WizardStepName) : 'init'
      const result = c.req.query('result')
      const toasts = decodeFlash(getCookie(c, FLASH_COOKIE))
      if (toasts.length > 0)
        setCookie(c, FLASH_COOKIE, '', { ...flashCookieOptions({ path: '/', secure: false }), maxAge: 0 })
      return c.html(
        <SettingsSpecimen
          step={step}
          importState={{ result: result === 'ok' ? 'ok' : result === 'failed' ? 'failed' : 'none' }}
          pollVersion={controls.testVersion}
          toasts={toasts}
          warning={c.req.query('warning') === '1'}
        />,
        200,
        html,
      )
    })
    .post(`${WIZARD_PATH}/import`, async (c) => {
      const form = await c.req.parseBody()
      const file = form.metadata
      const ok = file instanceof File && (await file.text()).includes('EntityDescriptor')
      const flash = ok
        ? encodeFlash([{ code: 'idp-metadata-imported' }])
        : encodeFlash([{ code: 'idp-metadata-import-failed', trackingId: 'SANDBOX_4f2a9c' }])
      setCookie(c, FLASH_COOKIE, flash, flashCookieOptions({ path: '/', secure: false }))
      return c.redirect(`${WIZARD_PATH}?step=import&result=${ok ? 'ok' : 'failed'}`, 303)
    })
    .get(`${WIZARD_PATH}/metadata`, (c) =>
      c.body('<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>', 200, {
        'Content-Type': 'application/samlmetadata+xml',
        'Content-Disposition': 'attachment; filename="idb-meta-specimen-SP.xml"',
      }),
    )
    .get('/specimen/test-status', (c) => c.json({ version: controls.testVersion }))
    .post('/specimen/refuse', (c) => {
      controls.refusedPosts += 1
      return c.text('Forbidden: the form carries no valid CSRF token.', 403)
    })
    .get('/admin/users', (c) => {
      const query = (c.req.query('q') ?? '').trim().toLowerCase()
      const sort =
        (['firstName', 'lastName', 'email'] as const).find((k) => k === c.req.query('sort')) ?? 'lastName'
      const direction = c.req.query('dir') === 'desc' ? 'descending' : 'ascending'
      const matching = SPECIMEN_USERS.filter(
        (u) => !query || `${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(query),
      )
      const sorted = [...matching].sort(
        (a, b) => a[sort].localeCompare(b[sort]) * (direction === 'ascending' ? 1 : -1),
      )
      const page = Math.max(1, Number(c.req.query('page')) || 1)
      const start = (page - 1) * PAGE_SIZE
      const base = `/admin/users?sort=${sort}&dir=${direction === 'ascending' ? 'asc' : 'desc'}${query ? `&q=${encodeURIComponent(query)}` : ''}`
      return c.html(
        <UsersSpecimen
          users={sorted.slice(start, start + PAGE_SIZE)}
          total={sorted.length}
          from={start + 1}
          query={c.req.query('q') ?? ''}
          sort={sort}
          direction={direction}
          previousHref={page > 1 ? `${base}&page=${page - 1}` : null}
          nextHref={start + PAGE_SIZE < sorted.length ? `${base}&page=${page + 1}` : null}
          manage={c.req.query('manage') === '1' ? <ManageUsersSpecimen /> : undefined}
        />,
        200,
        html,
      )
    })
    .get('/', (c) => c.html(<SignInSpecimen />, 200, html))
    .get('/specimen/sign-in', (c) =>
      c.html(
        <SignInSpecimen
          email={c.req.query('email')}
          error="No Webex account uses this email address. Check it, or ask your administrator to add you in Control Hub > Users."
        />,
        200,
        html,
      ),
    )
    .get('/webex/home', (c) => c.html(<HomeSpecimen />, 200, html))
}
