import { Hono } from 'hono'
import { describeClaimSource } from '../../../claims/claim-display'
import type { SamlSummary } from '../../../enterprise-apps/saml-summary'
import { lastSignInTrouble } from '../../../enterprise-apps/sign-in-troubleshooting'
import { ENTERPRISE_APPS_HREF } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import { SamlPage } from '../../../views/console/pages/enterprise-apps/saml-page'
import {
  type BasicSamlErrors,
  type BasicSamlForm,
  BasicSamlPane,
  TestPane,
  UploadMetadataPane,
} from '../../../views/console/pages/enterprise-apps/saml-panes'
import { SsoMethodPage } from '../../../views/console/pages/enterprise-apps/sso-method-page'
import type { HttpDeps, IdpContext, IdpEnv } from '../../env'
import { formFields } from '../../request-facts'
import { consolePage } from '../console-page'
import { appNotFound, appOf } from './app-context'
import { claimsRoutes } from './claims-routes'
import { certificatePaneFor, samlDownloadRoutes } from './saml-certificate-routes'

const APP = `${ENTERPRISE_APPS_HREF}/:id`

function formOfSummary(summary: SamlSummary): BasicSamlForm {
  const basic = summary.basicSamlConfiguration
  return {
    identifiers: basic.identifiers.map((i) => ({ value: i.value, isDefault: i.isDefault })),
    replyUrls: basic.replyUrls.map((r) => ({
      url: r.url,
      index: r.index === null ? '' : String(r.index),
      isDefault: r.isDefault,
    })),
    signOnUrl: basic.signOnUrl ?? '',
    relayState: basic.relayState ?? '',
    logoutUrl: basic.logoutUrl ?? '',
  }
}

/** Reads the pane's rows (`identifier-0`, `replyUrl-0`, `replyIndex-0`, …); blank rows are dropped. */
function readBasicForm(f: Record<string, string | undefined>): BasicSamlForm {
  const rows = (prefix: string) =>
    Object.keys(f)
      .filter((k) => new RegExp(`^${prefix}-\\d{1,3}$`).test(k))
      .map((k) => Number(k.slice(prefix.length + 1)))
      .sort((a, b) => a - b)
  return {
    identifiers: rows('identifier')
      .map((i) => ({
        value: (f[`identifier-${i}`] ?? '').trim(),
        isDefault: f[`identifierDefault-${i}`] === 'true',
      }))
      .filter((r) => r.value !== ''),
    replyUrls: rows('replyUrl')
      .map((i) => ({
        url: (f[`replyUrl-${i}`] ?? '').trim(),
        index: (f[`replyIndex-${i}`] ?? '').trim(),
        isDefault: f[`replyDefault-${i}`] === 'true',
      }))
      .filter((r) => r.url !== ''),
    signOnUrl: (f.signOnUrl ?? '').trim(),
    relayState: (f.relayState ?? '').trim(),
    logoutUrl: (f.logoutUrl ?? '').trim(),
  }
}

/** Which field a service error is about, from the property it names. */
function fieldOf(target: string | undefined): keyof BasicSamlErrors {
  const t = (target ?? '').toLowerCase()
  if (t.includes('identifier')) return 'identifiers'
  if (t.includes('reply') || t.includes('redirect')) return 'replyUrls'
  if (t.includes('signon') || t.includes('login')) return 'signOnUrl'
  if (t.includes('relay')) return 'relayState'
  if (t.includes('logout')) return 'logoutUrl'
  return 'form'
}

function renderSaml(
  c: IdpContext,
  deps: HttpDeps,
  pane: { id: string; form?: BasicSamlForm; errors?: BasicSamlErrors; error?: string } | null,
  status: 200 | 422 = 200,
) {
  const found = appOf(c, deps)
  if (!found) return appNotFound(c)
  const summary = deps.services.samlConfig.summary(found.ref.servicePrincipalId)
  if (!summary.ok) return appNotFound(c)
  const page = consolePage(c, deps)
  const { ref } = found
  const lines = [
    ...summary.value.attributesAndClaims.claims.map((claim) => ({
      name: claim.name,
      value: describeClaimSource(claim.source),
    })),
    {
      name: 'Unique User Identifier',
      value: describeClaimSource(summary.value.attributesAndClaims.nameId.source),
    },
  ]
  let overlay = null
  if (pane?.id === 'basic-saml')
    overlay = (
      <BasicSamlPane
        app={ref}
        form={pane.form ?? formOfSummary(summary.value)}
        errors={pane.errors ?? {}}
        csrf={page.csrf}
      />
    )
  else if (pane?.id === 'upload-metadata')
    overlay = <UploadMetadataPane app={ref} csrf={page.csrf} error={pane.error} />
  else if (pane?.id === 'test')
    overlay = (
      <TestPane
        app={ref}
        testUrl={`/sandbox/applications/${encodeURIComponent(ref.servicePrincipalId)}/test`}
        trouble={lastSignInTrouble(deps.services.signInLog.list(), {
          servicePrincipalId: ref.servicePrincipalId,
          appId: found.app.servicePrincipal.appId,
        })}
      />
    )
  else if (pane)
    overlay = certificatePaneFor(pane.id, deps, ref, summary.value, page.csrf, pane.error, {
      newCertificate: c.req.query('new') === '1',
      menu: c.req.query('menu'),
      importing: c.req.query('import') === '1',
    })
  const view = (
    <SamlPage
      frame={page.frame(ENTERPRISE_APPS_HREF)}
      app={ref}
      summary={summary.value}
      claims={lines}
      overlay={overlay}
    />
  )
  return status === 422 ? page.invalid(view) : page.show(view)
}

/** Single sign-on: the method picker, the SAML-based Sign-on page, Basic SAML Configuration and Upload metadata file. */
export function samlRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .get(`${APP}/single-sign-on`, (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const mode = found.app.servicePrincipal.preferredSingleSignOnMode
      // Once SAML is chosen, Single sign-on opens its page; "Change single sign-on mode" comes back here.
      if (mode === 'saml' && c.req.query('change') === undefined) return c.redirect(found.ref.hrefs.saml, 302)
      const page = consolePage(c, deps)
      return page.show(
        <SsoMethodPage
          frame={page.frame(ENTERPRISE_APPS_HREF)}
          app={found.ref}
          mode={mode}
          csrf={page.csrf}
        />,
      )
    })
    .post(`${APP}/single-sign-on`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const { method } = await formFields(c)
      if (method === 'saml') {
        const enabled = await deps.services.samlConfig.enableSaml(found.ref.servicePrincipalId, page.actor)
        if (!enabled.ok)
          return page.done(found.ref.hrefs.singleSignOn, {
            kind: 'error',
            title: 'Could not select SAML',
            message: enabled.error.message,
          })
        return page.done(found.ref.hrefs.saml, {
          kind: 'success',
          title: 'Single sign-on mode saved',
          message: `${found.ref.displayName} now uses SAML-based sign-on.`,
        })
      }
      if (method === 'disabled') {
        const saved = await deps.services.apps.updateServicePrincipal(
          found.ref.servicePrincipalId,
          { preferredSingleSignOnMode: null },
          page.actor,
        )
        if (!saved.ok)
          return page.done(found.ref.hrefs.singleSignOn, {
            kind: 'error',
            title: 'Could not save',
            message: saved.error.message,
          })
        return page.done(`${found.ref.hrefs.singleSignOn}?change=1`, {
          kind: 'success',
          title: 'Single sign-on disabled',
          message: `${found.ref.displayName} can no longer be launched from My Apps.`,
        })
      }
      return page.done(`${found.ref.hrefs.singleSignOn}?change=1`, {
        kind: 'error',
        title: 'Not available',
        message:
          'Password-based and Linked sign-on are not available in the sandbox; choose SAML or Disabled.',
      })
    })
    .get(`${APP}/saml`, (c) => {
      const pane = c.req.query('pane')
      return renderSaml(c, deps, pane ? { id: pane } : null)
    })
    .post(`${APP}/saml/basic`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const form = readBasicForm(await formFields(c))
      const page = consolePage(c, deps)
      const saved = await deps.services.samlConfig.configureBasicSaml(
        found.ref.servicePrincipalId,
        {
          identifiers: form.identifiers,
          replyUrls: form.replyUrls.map((r) => ({
            url: r.url,
            index: r.index === '' ? null : Number(r.index),
            isDefault: r.isDefault,
          })),
          signOnUrl: form.signOnUrl || null,
          relayState: form.relayState || null,
          logoutUrl: form.logoutUrl || null,
        },
        page.actor,
      )
      if (!saved.ok)
        return renderSaml(
          c,
          deps,
          { id: 'basic-saml', form, errors: { [fieldOf(saved.error.target)]: saved.error.message } },
          422,
        )
      return page.done(found.ref.hrefs.saml, {
        kind: 'success',
        title: 'Saved Basic SAML Configuration',
        message: `Successfully updated the single sign-on settings of ${found.ref.displayName}.`,
      })
    })
    .post(`${APP}/saml/metadata`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const body = await c.req.parseBody()
      const file = body.metadata
      if (!(file instanceof File) || file.size === 0)
        return renderSaml(
          c,
          deps,
          { id: 'upload-metadata', error: 'Select the metadata file (an XML file) first, then Add.' },
          422,
        )
      const xml = await file.text()
      const uploaded = await deps.services.samlConfig.uploadSpMetadata(
        found.ref.servicePrincipalId,
        xml,
        consolePage(c, deps).actor,
      )
      if (!uploaded.ok)
        return renderSaml(
          c,
          deps,
          { id: 'upload-metadata', error: `The metadata file is invalid. ${uploaded.error.message}` },
          422,
        )
      // As the tutorial says: the Basic SAML Configuration pane opens with Identifier and Reply URL filled; Save keeps them.
      return consolePage(c, deps).done(`${found.ref.hrefs.saml}?pane=basic-saml`, {
        kind: 'success',
        title: 'Metadata file added',
        message: `Identifier ${uploaded.value.entityId} and ${uploaded.value.replyUrls.length} Reply URL(s) were read from ${file.name}.`,
      })
    })
    .route('/', samlDownloadRoutes(deps))
    .route('/', claimsRoutes(deps))
}
