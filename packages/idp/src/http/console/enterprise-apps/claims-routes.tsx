import { Hono } from 'hono'
import { describeClaimSource, NAME_ID_FORMAT_LABELS } from '../../../claims/claim-display'
import {
  type ClaimFormFields,
  claimInputOf,
  SOURCE_ATTRIBUTES,
  TRANSFORMATIONS,
} from '../../../claims/claim-form'
import { ENTERPRISE_APPS_HREF } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import { ManageClaimPane, NameIdPane } from '../../../views/console/pages/enterprise-apps/claim-panes'
import { ClaimsPage } from '../../../views/console/pages/enterprise-apps/claims-page'
import type { HttpDeps, IdpContext, IdpEnv } from '../../env'
import { formFields } from '../../request-facts'
import { consolePage } from '../console-page'
import { appNotFound, appOf } from './app-context'

const APP = `${ENTERPRISE_APPS_HREF}/:id`
const FORMATS = Object.entries(NAME_ID_FORMAT_LABELS).map(([value, label]) => ({ value, label }))

type PaneState =
  | { id: 'claim'; claimId: string | null; form?: ClaimFormFields; error?: string }
  | { id: 'nameid'; error?: string }

function renderClaims(c: IdpContext, deps: HttpDeps, pane: PaneState | null) {
  const found = appOf(c, deps)
  if (!found) return appNotFound(c)
  const page = consolePage(c, deps)
  const saml = found.app.saml
  const nameIdSource = saml.nameId.source
  let overlay = null
  if (pane?.id === 'claim') {
    const existing = saml.claims.find((claim) => claim.id === pane.claimId)
    const source = existing?.source
    const first = source?.kind === 'transformation' ? source.transformations[0] : undefined
    const form: ClaimFormFields = pane.form ?? {
      name: existing?.name ?? '',
      namespace: existing?.namespace ?? '',
      sourceKind: source?.kind ?? 'attribute',
      attribute:
        source?.kind === 'attribute'
          ? source.attribute
          : source?.kind === 'transformation' && source.input.kind === 'attribute'
            ? source.input.attribute
            : undefined,
      constant: source?.kind === 'constant' ? source.value : '',
      transformation: first?.method,
      separator: first?.method === 'Join' ? first.separator : '',
      parameter:
        first?.method === 'Join' && first.parameter.kind === 'attribute'
          ? first.parameter.attribute
          : undefined,
    }
    overlay = (
      <ManageClaimPane
        app={found.ref}
        claimId={existing ? existing.id : null}
        form={form}
        attributes={SOURCE_ATTRIBUTES}
        transformations={TRANSFORMATIONS}
        csrf={page.csrf}
        error={pane.error}
      />
    )
  } else if (pane?.id === 'nameid') {
    overlay = (
      <NameIdPane
        app={found.ref}
        format={saml.nameId.format}
        attribute={nameIdSource.kind === 'attribute' ? nameIdSource.attribute : 'user.userprincipalname'}
        formats={FORMATS}
        attributes={SOURCE_ATTRIBUTES}
        csrf={page.csrf}
        error={pane.error}
      />
    )
  }
  const view = (
    <ClaimsPage
      frame={page.frame(ENTERPRISE_APPS_HREF)}
      app={found.ref}
      nameId={{ value: describeClaimSource(nameIdSource), format: NAME_ID_FORMAT_LABELS[saml.nameId.format] }}
      claims={saml.claims.map((claim) => ({
        id: claim.id,
        type: claim.namespace ? `${claim.namespace}/${claim.name}` : claim.name,
        value: describeClaimSource(claim.source),
      }))}
      csrf={page.csrf}
      overlay={overlay}
    />
  )
  return pane && 'error' in pane && pane.error ? page.invalid(view) : page.show(view)
}

/** Attributes & Claims: the list, Manage claim (add, edit), Delete, and the Unique User Identifier. */
export function claimsRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .get(`${APP}/saml/claims`, (c) => {
      const pane = c.req.query('pane')
      if (pane === 'claim')
        return renderClaims(c, deps, { id: 'claim', claimId: c.req.query('claim') ?? null })
      if (pane === 'nameid') return renderClaims(c, deps, { id: 'nameid' })
      return renderClaims(c, deps, null)
    })
    .post(`${APP}/saml/claims`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const f = await formFields(c)
      const input = claimInputOf(f)
      const id = found.ref.servicePrincipalId
      const { actor } = consolePage(c, deps)
      const saved = f.claimId
        ? await deps.services.claims.updateClaim(id, f.claimId, input, actor)
        : await deps.services.claims.addClaim(id, input, actor)
      if (!saved.ok)
        return renderClaims(c, deps, {
          id: 'claim',
          claimId: f.claimId ?? null,
          form: f,
          error: saved.error.message,
        })
      return consolePage(c, deps).done(found.ref.hrefs.claims, {
        kind: 'success',
        title: 'Claim saved',
        message: `The claim ${saved.value.name} was saved.`,
      })
    })
    .post(`${APP}/saml/claims/delete`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const f = await formFields(c)
      const deleted = await deps.services.claims.deleteClaim(
        found.ref.servicePrincipalId,
        f.claim ?? '',
        consolePage(c, deps).actor,
      )
      return consolePage(c, deps).done(
        found.ref.hrefs.claims,
        deleted.ok
          ? {
              kind: 'success',
              title: 'Claim deleted',
              message: 'The claim is no longer sent to the application.',
            }
          : { kind: 'error', title: 'Could not delete the claim', message: deleted.error.message },
      )
    })
    .post(`${APP}/saml/claims/nameid`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const f = await formFields(c)
      const input = {
        format: f.format ?? '',
        source: { kind: 'attribute', attribute: f.attribute ?? '' },
      } as unknown as Parameters<HttpDeps['services']['claims']['setNameId']>[1]
      const saved = await deps.services.claims.setNameId(
        found.ref.servicePrincipalId,
        input,
        consolePage(c, deps).actor,
      )
      if (!saved.ok) return renderClaims(c, deps, { id: 'nameid', error: saved.error.message })
      return consolePage(c, deps).done(found.ref.hrefs.claims, {
        kind: 'success',
        title: 'Claim saved',
        message: 'The Unique User Identifier (Name ID) was saved.',
      })
    })
}
