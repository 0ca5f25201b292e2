// A tiny web app of its own with @node-saml/node-saml as its SAML SP: /login starts an
// SP-initiated sign-in, /saml/acs checks the IdP's Response and opens a session, /me
// describes that session, /metadata is the SP metadata to register with the IdP.
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { generateServiceProviderMetadata, SAML, ValidateInResponseTo } from '@node-saml/node-saml'

const MAX_BODY_BYTES = 256 * 1024

function readBody(request) {
  return new Promise((resolve, reject) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk) => {
      body += chunk
      if (body.length > MAX_BODY_BYTES) reject(new Error('request body too large'))
    })
    request.on('end', () => resolve(body))
    request.on('error', reject)
  })
}

function sessionIdOf(request) {
  return /(?:^|;\s*)sid=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1]
}

/**
 * Starts the app on a free loopback port. `configureIdp({ loginUrl, entityId, signingCertificatePem })`
 * tells it which IdP to trust, once the IdP knows the app.
 */
export async function startApp() {
  const sessions = new Map()
  let saml = null
  const server = createServer(async (request, response) => {
    const send = (status, body, headers = {}) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
      response.end(body)
    }
    try {
      const path = new URL(request.url ?? '/', app.url).pathname
      if (request.method === 'GET' && path === '/metadata')
        return send(200, app.metadataXml, { 'content-type': 'application/samlmetadata+xml' })
      if (!saml) return send(503, 'No IdP configured yet.')
      if (request.method === 'GET' && path === '/login')
        return send(302, '', { location: await saml.getAuthorizeUrlAsync('', undefined, {}) })
      if (request.method === 'POST' && path === '/saml/acs') {
        const form = new URLSearchParams(await readBody(request))
        try {
          const { profile } = await saml.validatePostResponseAsync({
            SAMLResponse: form.get('SAMLResponse') ?? '',
          })
          const sid = randomUUID()
          sessions.set(sid, { nameID: profile.nameID, email: profile.email ?? profile.mail ?? null })
          return send(302, '', {
            location: '/me',
            'set-cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Lax`,
          })
        } catch (error) {
          return send(403, `Sign-in refused: ${error.message}`)
        }
      }
      if (request.method === 'GET' && path === '/me') {
        const session = sessions.get(sessionIdOf(request))
        return session
          ? send(200, JSON.stringify({ user: session }), { 'content-type': 'application/json' })
          : send(401, 'Not signed in.')
      }
      return send(404, 'Not found.')
    } catch (error) {
      return send(500, `Unexpected error: ${error.message}`)
    }
  })
  await new Promise((resolve) => server.listen(0, 'localhost', resolve))
  const url = `http://localhost:${server.address().port}`
  const sp = { issuer: `${url}/metadata`, callbackUrl: `${url}/saml/acs` }
  const app = {
    url,
    entityId: sp.issuer,
    metadataXml: generateServiceProviderMetadata({ ...sp, wantAssertionsSigned: true }),
    sessionCount: () => sessions.size,
    configureIdp({ loginUrl, entityId, signingCertificatePem }) {
      saml = new SAML({
        ...sp,
        entryPoint: loginUrl,
        idpIssuer: entityId,
        idpCert: signingCertificatePem,
        audience: sp.issuer,
        wantAssertionsSigned: true,
        wantAuthnResponseSigned: false,
        validateInResponseTo: ValidateInResponseTo.always,
      })
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  }
  return app
}
