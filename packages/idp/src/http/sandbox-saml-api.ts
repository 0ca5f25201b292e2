import { attachmentDisposition, err, ok, type Result } from '@sandbox/shared'
import { Hono } from 'hono'
import type { z } from 'zod'
import {
  basicSamlBody,
  claimBody,
  encryptionBody,
  metadataBody,
  nameIdBody,
  newCertificateBody,
  requestVerificationBody,
  signingBody,
  timingBody,
} from '../admin/sandbox-bodies'
import type { CertificateFormat } from '../certificates/certificate-service'
import type { AdminError } from '../errors/admin-error'
import type { HttpDeps, IdpContext, IdpEnv } from './env'
import { adminErrorResponse, graphError } from './graph/graph-errors'
import { noContent } from './graph/graph-requests'
import { readBody } from './json-body'

const MAX_METADATA_UPLOAD = 2 * 1024 * 1024

/**
 * The uploaded SP metadata: the raw XML body, or JSON `{"xml": "…"}`. Up to 2 MB is read so that
 * the domain's 1 MB limit answers with its own message.
 */
async function metadataXml(c: IdpContext): Promise<Result<string, Response>> {
  const text = await c.req.text()
  if (text.length > MAX_METADATA_UPLOAD) {
    return err(
      graphError(
        c,
        'Request_EntityTooLarge',
        'The metadata file is larger than 1 MB; upload the SP metadata file itself.',
      ),
    )
  }
  if (!(c.req.header('content-type') ?? '').includes('json')) return ok(text)
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {
    json = null
  }
  const parsed = metadataBody.safeParse(json)
  if (!parsed.success)
    return err(graphError(c, 'BadRequest', 'Send the metadata as the XML body, or as JSON {"xml": "…"}.'))
  return ok(parsed.data.xml)
}

/** The per-app SAML endpoints of `/sandbox/api/servicePrincipals/{id}/…`. */
export function sandboxSamlRoutes(deps: HttpDeps) {
  const { apps, samlConfig, claims, certificates, metadata } = deps.services

  /** Answers with the app's SAML page after a change, or the error. */
  function summary(c: IdpContext, id: string, result?: Result<unknown, AdminError>, status: 200 | 201 = 200) {
    if (result && !result.ok) return adminErrorResponse(c, result.error)
    const page = samlConfig.summary(id)
    return page.ok ? c.json(page.value, status) : adminErrorResponse(c, page.error)
  }

  /** A route that reads a body, applies it to the app in the URL and answers with the SAML page. */
  function change<S extends z.ZodType>(
    schema: S,
    apply: (servicePrincipalId: string, body: z.infer<S>) => Promise<Result<unknown, AdminError>>,
    status: 200 | 201 = 200,
  ) {
    return async (c: IdpContext) => {
      const body = await readBody(c, schema)
      if (!body.ok) return body.error
      const id = c.req.param('id') ?? ''
      return summary(c, id, await apply(id, body.value), status)
    }
  }

  return new Hono<IdpEnv>()
    .get('/servicePrincipals/:id/saml', (c) => summary(c, c.req.param('id')))
    .post('/servicePrincipals/:id/saml/enable', async (c) =>
      summary(c, c.req.param('id'), await samlConfig.enableSaml(c.req.param('id'))),
    )
    .put('/servicePrincipals/:id/saml/basic', change(basicSamlBody, samlConfig.configureBasicSaml))
    .post('/servicePrincipals/:id/saml/metadata', async (c) => {
      const xml = await metadataXml(c)
      if (!xml.ok) return xml.error
      const uploaded = await samlConfig.uploadSpMetadata(c.req.param('id'), xml.value)
      if (!uploaded.ok) return adminErrorResponse(c, uploaded.error)
      const page = samlConfig.summary(c.req.param('id'))
      if (!page.ok) return adminErrorResponse(c, page.error)
      return c.json({ uploaded: uploaded.value, saml: page.value })
    })
    .put('/servicePrincipals/:id/saml/nameId', change(nameIdBody, claims.setNameId))
    .post('/servicePrincipals/:id/saml/claims', async (c) => {
      const body = await readBody(c, claimBody)
      if (!body.ok) return body.error
      const added = await claims.addClaim(c.req.param('id'), body.value)
      return added.ok ? c.json(added.value, 201) : adminErrorResponse(c, added.error)
    })
    .put('/servicePrincipals/:id/saml/claims/:claimId', async (c) => {
      const body = await readBody(c, claimBody)
      if (!body.ok) return body.error
      const updated = await claims.updateClaim(c.req.param('id'), c.req.param('claimId'), body.value)
      return updated.ok ? c.json(updated.value) : adminErrorResponse(c, updated.error)
    })
    .delete('/servicePrincipals/:id/saml/claims/:claimId', async (c) =>
      noContent(c, await claims.deleteClaim(c.req.param('id'), c.req.param('claimId'))),
    )
    .put('/servicePrincipals/:id/saml/signing', change(signingBody, samlConfig.setSigningOptions))
    .put('/servicePrincipals/:id/saml/timing', change(timingBody, samlConfig.setTokenTiming))
    .put(
      '/servicePrincipals/:id/saml/requestVerification',
      change(requestVerificationBody, samlConfig.setRequestVerification),
    )
    .put('/servicePrincipals/:id/saml/encryption', change(encryptionBody, samlConfig.setEncryption))
    .post('/servicePrincipals/:id/certificates', change(newCertificateBody, certificates.addCertificate, 201))
    .post(
      '/servicePrincipals/:id/certificates/rollover',
      change(
        newCertificateBody,
        (id, { activate: _activate, ...input }) => certificates.rollover(id, input),
        201,
      ),
    )
    .post('/servicePrincipals/:id/certificates/:thumbprint/activate', async (c) =>
      summary(
        c,
        c.req.param('id'),
        await certificates.activate(c.req.param('id'), c.req.param('thumbprint')),
      ),
    )
    .delete('/servicePrincipals/:id/certificates/:thumbprint', async (c) =>
      noContent(c, await certificates.deleteCertificate(c.req.param('id'), c.req.param('thumbprint'))),
    )
    .get('/servicePrincipals/:id/certificates/:thumbprint/download', (c) => {
      const format = (c.req.query('format') ?? 'base64') as CertificateFormat
      if (!['base64', 'raw', 'pem'].includes(format))
        return graphError(c, 'BadRequest', "format must be 'base64', 'raw' or 'pem'.")
      const download = certificates.download(c.req.param('id'), c.req.param('thumbprint'), format)
      if (!download.ok) return adminErrorResponse(c, download.error)
      const body =
        typeof download.value.body === 'string' ? download.value.body : new Uint8Array(download.value.body)
      return c.body(body, 200, {
        'Content-Type': download.value.contentType,
        'Content-Disposition': attachmentDisposition(download.value.fileName),
      })
    })
    .get('/servicePrincipals/:id/federationMetadata', (c) => {
      const app = apps.getByServicePrincipal(c.req.param('id'))
      if (!app.ok) return adminErrorResponse(c, app.error)
      const xml = metadata.appMetadata(app.value.application.appId)
      if (!xml.ok) return graphError(c, 'Request_ResourceNotFound', 'The app has no federation metadata.')
      return c.body(xml.value, 200, {
        'Content-Type': 'text/xml; charset=utf-8',
        'Content-Disposition': attachmentDisposition(`${app.value.servicePrincipal.displayName}.xml`),
      })
    })
}
