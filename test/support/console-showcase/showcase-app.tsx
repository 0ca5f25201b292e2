import { randomBytes } from 'node:crypto'
import { sandboxSecurityHeaders } from '@sandbox/shared'
import { type Context, Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Child } from 'hono/jsx'
import { describeClaimSource } from '../../../packages/idp/src/claims/claim-display'
import { CUSTOM_TEMPLATE_ID, GALLERY } from '../../../packages/idp/src/enterprise-apps/gallery'
import { assetRoutes } from '../../../packages/idp/src/http/assets'
import {
  FLASH_COOKIE,
  FLASH_LIFETIME_SECONDS,
  type FlashToast,
  openFlash,
  sealFlash,
} from '../../../packages/idp/src/sessions/console-flash'
import {
  appHrefs,
  GALLERY_HREF,
} from '../../../packages/idp/src/views/console/pages/enterprise-apps/app-hrefs'
import {
  AddGalleryAppPane,
  CreateOwnAppPane,
  GalleryPage,
} from '../../../packages/idp/src/views/console/pages/enterprise-apps/gallery-page'
import { SamlPage } from '../../../packages/idp/src/views/console/pages/enterprise-apps/saml-page'
import {
  type BasicSamlErrors,
  type BasicSamlForm,
  BasicSamlPane,
  UploadMetadataPane,
} from '../../../packages/idp/src/views/console/pages/enterprise-apps/saml-panes'
import { ErrorPage } from '../../../packages/idp/src/views/error-page'
import { MyAppsPage } from '../../../packages/idp/src/views/my-apps-page'
import { OverviewPage } from '../../../packages/idp/src/views/overview'
import { SignInPage } from '../../../packages/idp/src/views/sign-in-page'
import { AppsPage } from './apps-page'
import { NewUserPage } from './new-user-page'
import { sampleSamlSummary } from './saml-sample'
import { SHOWCASE_ACCOUNT, SHOWCASE_CSRF, SHOWCASE_NAV, TENANT } from './showcase-nav'
import { DeleteUsersDialog, UsersPage } from './users-page'

const SECRET = randomBytes(32)

function takeFlash(c: Context): FlashToast[] {
  const toast = openFlash(getCookie(c, FLASH_COOKIE), SECRET, Date.now())
  deleteCookie(c, FLASH_COOKIE, { path: '/' })
  return toast ? [toast] : []
}

function redirectWithFlash(c: Context, location: string, toast: FlashToast): Response {
  setCookie(c, FLASH_COOKIE, sealFlash(toast, SECRET, Date.now()), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: FLASH_LIFETIME_SECONDS,
  })
  return c.redirect(location, 303)
}

function urlProblem(value: string, required: boolean): string | undefined {
  if (value === '') return required ? 'This field is required.' : undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Enter a valid URL, for example https://idbroker.webex.com/…'
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  return url.protocol === 'https:' || (url.protocol === 'http:' && local)
    ? undefined
    : 'The URL must start with https:// (http:// is allowed only for localhost).'
}

/** Cisco Webex as the console's app pages see it, its SAML-based Sign-on page at /showcase/saml. */
const WEBEX = {
  servicePrincipalId: 'showcase-webex',
  displayName: 'Cisco Webex',
  hrefs: { ...appHrefs('showcase-webex'), saml: '/showcase/saml', test: '/showcase/saml?pane=test' },
}

function samlPage(c: Context, saml: BasicSamlForm, overlay?: Child) {
  const summary = sampleSamlSummary(saml)
  const claims = [
    ...summary.attributesAndClaims.claims.map((claim) => ({
      name: claim.name,
      value: describeClaimSource(claim.source),
    })),
    { name: 'Unique User Identifier', value: describeClaimSource(summary.attributesAndClaims.nameId.source) },
  ]
  return (
    <SamlPage
      frame={{
        tenantName: TENANT,
        account: SHOWCASE_ACCOUNT,
        nav: SHOWCASE_NAV,
        currentHref: GALLERY_HREF,
        toasts: takeFlash(c),
      }}
      app={WEBEX}
      summary={summary}
      claims={claims}
      overlay={overlay}
    />
  )
}

/**
 * A stand-in admin center that draws the console's own view components over sample data, with the
 * IdP's real asset routes and CSP and just enough behaviour (validation, POST-redirect-GET with a
 * flash toast) to exercise the pane, toast and form contracts in a browser.
 */
export function createShowcaseApp() {
  let saml: BasicSamlForm = {
    identifiers: [
      { value: 'https://idbroker.webex.com/2f1e7c55-0e0b-4d87-9bd5-5a1b5c8a1f0e', isDefault: false },
    ],
    replyUrls: [],
    signOnUrl: '',
    relayState: '',
    logoutUrl: '',
  }
  return new Hono()
    .use(sandboxSecurityHeaders())
    .route('/', assetRoutes())
    .get('/showcase/saml', (c) => {
      const pane = c.req.query('pane')
      const overlay =
        pane === 'basic-saml' ? (
          <BasicSamlPane app={WEBEX} form={saml} errors={{}} csrf={SHOWCASE_CSRF} />
        ) : pane === 'upload-metadata' ? (
          <UploadMetadataPane app={WEBEX} csrf={SHOWCASE_CSRF} />
        ) : undefined
      return c.html(samlPage(c, saml, overlay))
    })
    .post('/showcase/saml/basic', async (c) => {
      const body = await c.req.parseBody()
      const read = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '')
      // The showcase keeps the first row of each list, which is all its test fills in.
      const next: BasicSamlForm = {
        identifiers: read('identifier-0') === '' ? [] : [{ value: read('identifier-0'), isDefault: false }],
        replyUrls:
          read('replyUrl-0') === '' ? [] : [{ url: read('replyUrl-0'), index: '', isDefault: false }],
        signOnUrl: read('signOnUrl'),
        relayState: read('relayState'),
        logoutUrl: read('logoutUrl'),
      }
      const errors: BasicSamlErrors = Object.fromEntries(
        [
          ['identifiers', urlProblem(read('identifier-0'), true)],
          ['replyUrls', urlProblem(read('replyUrl-0'), true)],
          ['signOnUrl', urlProblem(next.signOnUrl, false)],
        ].filter(([, problem]) => problem !== undefined),
      )
      if (Object.keys(errors).length > 0) {
        return c.html(
          samlPage(c, saml, <BasicSamlPane app={WEBEX} form={next} errors={errors} csrf={SHOWCASE_CSRF} />),
          422,
        )
      }
      saml = next
      return redirectWithFlash(c, '/showcase/saml', {
        kind: 'success',
        title: 'Saved Basic SAML Configuration',
        message: 'Cisco Webex now accepts sign-ins at the saved Reply URL.',
      })
    })
    .get('/showcase/users', (c) => {
      const query = new URL(c.req.url).searchParams
      const overlay =
        query.get('pane') === 'delete-users' ? <DeleteUsersDialog ids={query.getAll('id')} /> : undefined
      return c.html(<UsersPage query={query} overlay={overlay} />)
    })
    .post('/showcase/users/delete', (c) =>
      redirectWithFlash(c, '/showcase/users', {
        kind: 'error',
        title: 'Could not delete users',
        message: 'The showcase keeps its users.',
      }),
    )
    .get('/showcase/users/new', (c) =>
      c.html(<NewUserPage form={{}} tab="basics" errors={{}} generatedPassword="Wuvo6194@Kabe" />),
    )
    .post('/showcase/users/new', async (c) => {
      const body = await c.req.parseBody()
      const form = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
      )
      if (form.create !== 'yes') {
        return c.html(
          <NewUserPage
            form={form}
            tab={form.tab ?? 'basics'}
            errors={{}}
            generatedPassword="Wuvo6194@Kabe"
          />,
        )
      }
      const errors: Record<string, string> = {}
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(form.upnLocal ?? ''))
        errors.upnLocal = 'Enter the part before the @: letters, digits, dot, hyphen or underscore.'
      if (!form.displayName?.trim()) errors.displayName = 'Display name is required.'
      if (Object.keys(errors).length > 0)
        return c.html(
          <NewUserPage form={form} tab="basics" errors={errors} generatedPassword="Wuvo6194@Kabe" />,
          422,
        )
      return redirectWithFlash(c, '/showcase/users', {
        kind: 'success',
        title: 'Successfully created user',
        message: `${form.displayName} was created.`,
      })
    })
    .get('/showcase/apps', (c) => {
      const shown = Math.min(200, Math.max(50, Number(c.req.query('shown') ?? '50') | 0))
      return c.html(<AppsPage shown={shown} search={c.req.query('search') ?? ''} />)
    })
    .get(GALLERY_HREF, (c) => {
      // The console's own gallery views over the real templates, at the console's own address.
      const search = c.req.query('search') ?? ''
      const templates = GALLERY.map((entry) => entry.template).filter(
        (t) => t.id !== CUSTOM_TEMPLATE_ID && t.displayName.toLowerCase().includes(search.toLowerCase()),
      )
      const pane = c.req.query('pane')
      const template = templates.find((t) => t.id === c.req.query('template'))
      const overlay =
        pane === 'create-own' ? (
          <CreateOwnAppPane csrf={SHOWCASE_CSRF} closeHref={GALLERY_HREF} name="" />
        ) : pane === 'add' && template ? (
          <AddGalleryAppPane
            template={template}
            name={template.displayName}
            csrf={SHOWCASE_CSRF}
            closeHref={GALLERY_HREF}
          />
        ) : undefined
      return c.html(
        <GalleryPage
          frame={{
            tenantName: TENANT,
            account: SHOWCASE_ACCOUNT,
            nav: SHOWCASE_NAV,
            currentHref: GALLERY_HREF,
          }}
          search={search}
          templates={templates}
          overlay={overlay}
        />,
      )
    })
    .get('/showcase/home', (c) =>
      c.html(
        <OverviewPage
          tenantName="Contoso"
          tenantId="9f8c1c36-5b71-4c3e-9d2a-52b9c0e1a7d4"
          defaultDomain="contoso.onmicrosoft.com"
          userCount={1000}
          issuer="https://sts.windows.net/9f8c1c36-5b71-4c3e-9d2a-52b9c0e1a7d4/"
          tenantMetadataUrl="http://localhost:7070/9f8c1c36-5b71-4c3e-9d2a-52b9c0e1a7d4/FederationMetadata/2007-06/FederationMetadata.xml"
          frame={{ tenantName: 'Contoso', nav: SHOWCASE_NAV, currentHref: '/showcase/home' }}
        />,
      ),
    )
    .get('/showcase/myapps', (c) =>
      c.html(
        <MyAppsPage
          view={{
            account: {
              displayName: 'B.Simon',
              userPrincipalName: 'b.simon@contoso.com',
              signOutHref: '/contoso/logout',
            },
            query: '',
            totalApps: 4,
            apps: ['Cisco Webex', 'Salesforce', 'ServiceNow', 'Amazon Web Services (AWS)'].map((name, i) => ({
              servicePrincipalId: `sp-${i}`,
              displayName: name,
              launchHref: `/myapps/launch/sp-${i}`,
              detailsHref: `/myapps/apps/sp-${i}`,
            })),
          }}
        />,
      ),
    )
    .get('/showcase/sign-in', (c) =>
      c.html(
        <SignInPage
          to={{
            login: '/showcase/sign-in',
            pick: '/showcase/sign-in',
            staySignedIn: '/showcase/sign-in',
            forgotPassword: '/showcase/sign-in',
          }}
          step={{
            step: 'email',
            ctx: 'ctx',
            flowToken: 'flow',
            login: '',
            appName: 'Cisco Webex',
            error: c.req.query('error') ?? null,
            fromPicker: false,
          }}
        />,
      ),
    )
    .get('/showcase/sign-in-error', (c) =>
      c.html(
        <ErrorPage
          message="AADSTS700016: Application with identifier 'https://idbroker.webex.com/wrong' was not found in the directory 'Contoso'."
          requestId="0c2d5f6e-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
          correlationId="7e6d5c4b-3a29-4180-b7c6-d5e4f3a2b1c0"
          timestamp="2024-04-16T15:18:25Z"
          appName="Cisco Webex"
          hint="The Identifier in Basic SAML Configuration must equal the Issuer Webex sends."
        />,
      ),
    )
}
