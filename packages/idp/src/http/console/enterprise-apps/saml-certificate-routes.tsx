import { Hono } from 'hono'
import type { SamlSummary } from '../../../enterprise-apps/saml-summary'
import type { HiddenField } from '../../../views/console/hidden-fields'
import type { AppRef } from '../../../views/console/pages/enterprise-apps/app-blade'
import { ENTERPRISE_APPS_HREF } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import {
  CertificatePane,
  VerificationPane,
} from '../../../views/console/pages/enterprise-apps/certificate-panes'
import type { HttpDeps, IdpEnv } from '../../env'
import { formFields } from '../../request-facts'
import { consolePage } from '../console-page'
import { appNotFound, appOf } from './app-context'

const APP = `${ENTERPRISE_APPS_HREF}/:id`

type SigningChoice = Parameters<HttpDeps['services']['samlConfig']['setSigningOptions']>[1]

/** What the pane's URL asks for besides its id: the "+ New Certificate" row, a row's open "…" menu. */
export interface CertificatePaneQuery {
  /** `new=1`: the unsaved New Certificate row is shown. */
  readonly newCertificate?: boolean
  /** `menu=<thumbprint>`: that row's "…" menu is open. */
  readonly menu?: string | undefined
  /** `import=1`: Import Certificate's PFX file, PFX Password and Add are shown. */
  readonly importing?: boolean
}

/** The SAML Certificates panes by their `?pane=` id, or null for an unknown id. */
export function certificatePaneFor(
  id: string,
  deps: HttpDeps,
  app: AppRef,
  summary: SamlSummary,
  csrf: readonly HiddenField[],
  error?: string,
  query: CertificatePaneQuery = {},
) {
  if (id === 'certificate') {
    const range = deps.services.certificates.newCertificateExpiryRange()
    return (
      <CertificatePane
        app={app}
        certificates={summary.samlCertificates}
        csrf={csrf}
        error={error}
        draft={
          query.newCertificate ? { latestExpiry: range.latest, earliestExpiry: range.earliest } : undefined
        }
        menuFor={query.menu?.toUpperCase()}
        importing={query.importing === true}
      />
    )
  }
  if (id === 'verification')
    return (
      <VerificationPane
        app={app}
        verification={summary.samlCertificates.requestVerification}
        csrf={csrf}
        error={error}
      />
    )
  return null
}

function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** The app's federation metadata with the certificate that signs, null when it has none yet. */
function signingMetadataOf(deps: HttpDeps, appId: string): string | null {
  const read = deps.services.metadata.appMetadata(appId)
  return read.ok ? read.value : null
}

/** The three Download links of SAML Certificates and the token signing certificate pane's forms. */
export function samlDownloadRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .get(`${APP}/saml/download/:what`, (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const what = c.req.param('what')
      if (what === 'federation-metadata') {
        const appId = found.app.servicePrincipal.appId
        // A row's "Download federated certificate XML" names its certificate; the card's link means the one that signs.
        const asked = c.req.query('thumbprint')
        const xml =
          asked === undefined
            ? signingMetadataOf(deps, appId)
            : deps.services.metadata.certificateMetadata(appId, asked)
        if (xml === null)
          return c.text(
            asked === undefined
              ? 'This application has no federation metadata yet.'
              : `This application has no certificate with thumbprint ${asked}: open SAML Certificates and pick a row's download.`,
            404,
          )
        const name = `${found.ref.displayName.replace(/[^A-Za-z0-9 ._-]/g, '_').trim() || 'application'}.xml`
        return c.body(xml, 200, {
          'Content-Type': 'application/xml; charset=utf-8',
          'Content-Disposition': attachment(name),
          'Cache-Control': 'no-store',
        })
      }
      if (what !== 'base64' && what !== 'raw' && what !== 'pem')
        return c.text('Download base64, pem, raw or federation-metadata.', 404)
      const summary = deps.services.samlConfig.summary(found.ref.servicePrincipalId)
      if (!summary.ok) return appNotFound(c)
      // A row's "…" names its certificate; the card's links mean the one that signs.
      const asked = c.req.query('thumbprint')
      const file = deps.services.certificates.download(
        found.ref.servicePrincipalId,
        asked ?? summary.value.samlCertificates.signingThumbprint,
        what,
      )
      if (!file.ok)
        return c.text(
          asked
            ? `This application has no certificate with thumbprint ${asked}: open SAML Certificates and pick a row's download.`
            : 'This application has no token signing certificate of its own yet: select SAML first.',
          404,
        )
      return c.body(
        typeof file.value.body === 'string' ? file.value.body : new Uint8Array(file.value.body),
        200,
        {
          'Content-Type': file.value.contentType,
          'Content-Disposition': attachment(file.value.fileName),
          'Cache-Control': 'no-store',
        },
      )
    })
    .post(`${APP}/saml/certificate`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const f = await formFields(c)
      const id = found.ref.servicePrincipalId
      const back = `${found.ref.hrefs.saml}?pane=certificate`
      const fail = (message: string) =>
        page.done(back, { kind: 'error', title: 'Could not save the certificate settings', message })
      if (f.action === 'import') {
        const upload = (await c.req.parseBody()).pfx
        const refused = (message: string) =>
          page.done(`${back}&import=1`, { kind: 'error', title: 'Could not import the certificate', message })
        if (!(upload instanceof File) || upload.size === 0)
          return refused('Choose the PFX file of the certificate and its private key.')
        const imported = await deps.services.certificates.importCertificate(
          id,
          { pfx: Buffer.from(await upload.arrayBuffer()), password: f.pfxPassword ?? '' },
          page.actor,
        )
        if (!imported.ok) return refused(imported.error.message)
        return page.done(back, {
          kind: 'success',
          title: 'Certificate imported',
          message: `Certificate ${imported.value.thumbprint} is Inactive until you choose "Make certificate active" from its "…" menu.`,
        })
      }
      if (f.action === 'activate') {
        const thumbprint = c.req.query('thumbprint') ?? ''
        const activated = await deps.services.certificates.activate(id, thumbprint, page.actor)
        if (!activated.ok) return fail(activated.error.message)
        return page.done(back, {
          kind: 'success',
          title: 'Certificate made active',
          message: `${found.ref.displayName} now signs with ${thumbprint}.`,
        })
      }
      // Save with the "+ New Certificate" row: the certificate is made first (inactive, as in
      // Entra), then the rest is saved and the pane stays open on the new row.
      let made: string | null = null
      if (f.newCertificate === 'true') {
        if (!f.expiry)
          return page.done(`${back}&new=1`, {
            kind: 'error',
            title: 'Could not save the certificate settings',
            message: 'Choose the Expiration Date of the new certificate (at most three years from today).',
          })
        const added = await deps.services.certificates.addCertificate(
          id,
          { endDateTime: `${f.expiry}T00:00:00Z` },
          page.actor,
        )
        if (!added.ok)
          return page.done(`${back}&new=1`, {
            kind: 'error',
            title: 'Could not save the certificate settings',
            message: added.error.message,
          })
        made = added.value.thumbprint
      }
      // The service checks both values against its lists; the form's strings go in as they came.
      const choice = { signingOption: f.signingOption, signingAlgorithm: f.signingAlgorithm } as SigningChoice
      const signing = await deps.services.samlConfig.setSigningOptions(id, choice, page.actor)
      if (!signing.ok) return fail(signing.error.message)
      const emails = (f.notificationEmails ?? '').split(/[\s,;]+/).filter((e) => e !== '')
      const saved = await deps.services.apps.updateServicePrincipal(
        id,
        { notificationEmailAddresses: emails },
        page.actor,
      )
      if (!saved.ok) return fail(saved.error.message)
      if (made)
        return page.done(back, {
          kind: 'success',
          title: 'New certificate created',
          message: `Certificate ${made} is Inactive until you choose "Make certificate active" from its "…" menu.`,
        })
      return page.done(found.ref.hrefs.saml, {
        kind: 'success',
        title: 'Saved SAML Signing Certificate',
        message: 'The signing option, algorithm and notification emails were saved.',
      })
    })
    .post(`${APP}/saml/verification`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const body = await c.req.parseBody()
      const upload = body.certificate
      const pem = upload instanceof File && upload.size > 0 ? await upload.text() : null
      const current = found.app.saml.requestVerification.certificates
      const saved = await deps.services.samlConfig.setRequestVerification(
        found.ref.servicePrincipalId,
        {
          required: body.required === 'true',
          allowSha1: body.allowSha1 === 'true',
          certificates: pem ? [...current, pem] : [...current],
        },
        page.actor,
      )
      if (!saved.ok)
        return page.done(`${found.ref.hrefs.saml}?pane=verification`, {
          kind: 'error',
          title: 'Could not save verification certificates',
          message: saved.error.message,
        })
      return page.done(found.ref.hrefs.saml, {
        kind: 'success',
        title: 'Saved verification certificates',
        message: 'Signed-request verification settings were saved.',
      })
    })
}
