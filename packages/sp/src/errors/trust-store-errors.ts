import { entry } from './error-entry'

/** The two halves of the trust store. */
export type Shelf = 'ROOT' | 'INTERMEDIATE'

const NOUNS: Record<Shelf, string> = { ROOT: 'root', INTERMEDIATE: 'intermediate CA' }

type Misfit = 'unreadable' | 'self-signed' | 'not-a-ca'

function invalid(shelf: Shelf) {
  return entry({
    meaning: `The certificate sent cannot be an added ${NOUNS[shelf]} of the trust store.`,
    message: (f: { problem: Misfit }) =>
      ({
        unreadable: 'The body is not a decodable PEM or Base64 certificate.',
        'self-signed': 'The certificate is self-signed: it is a root CA, not an intermediate.',
        'not-a-ca':
          'The certificate is not a CA certificate (no basicConstraints CA:TRUE), so it issues no certificates.',
      })[f.problem],
    fix: (f) =>
      ({
        unreadable: `Send the ${NOUNS[shelf]} certificate as PEM, e.g. {"pem": "-----BEGIN CERTIFICATE-----…"}.`,
        'self-signed': 'Add it as a root instead: POST /api/v1/sso/trusted-roots {"pem": "…"}.',
        'not-a-ca':
          'Send the certificate of the CA that issued the IdP signing certificate, not the signing certificate itself.',
      })[f.problem],
    status: 400,
  })
}

const exists = (shelf: Shelf) =>
  entry({
    meaning: `The ${NOUNS[shelf]} is already in the trust store.`,
    message: (f: { subject: string }) => `${f.subject} is already in the trust store.`,
    fix: 'Nothing to do.',
    status: 409,
  })

const limit = (shelf: Shelf) =>
  entry({
    meaning: `The trust store holds as many added ${NOUNS[shelf]} certificates as it may.`,
    message: (f: { max: number }) =>
      `The trust store holds at most ${f.max} added ${NOUNS[shelf]} certificates.`,
    fix: 'Remove one first.',
    status: 400,
  })

const notFound = (shelf: Shelf) =>
  entry({
    meaning: `No added ${NOUNS[shelf]} has that thumbprint.`,
    message: (f: { thumbprint: string }) => `No added ${NOUNS[shelf]} has the thumbprint ${f.thumbprint}.`,
    fix: `List them first (the built-in sandbox ${NOUNS[shelf]} cannot be removed).`,
    status: 404,
  })

/** The trust store's refusals: a certificate that does not belong there, twice, too many, unknown. */
export const TRUST_STORE_ERRORS = {
  ROOT_INVALID: invalid('ROOT'),
  ROOT_EXISTS: exists('ROOT'),
  ROOT_LIMIT: limit('ROOT'),
  ROOT_NOT_FOUND: notFound('ROOT'),
  INTERMEDIATE_INVALID: invalid('INTERMEDIATE'),
  INTERMEDIATE_EXISTS: exists('INTERMEDIATE'),
  INTERMEDIATE_LIMIT: limit('INTERMEDIATE'),
  INTERMEDIATE_NOT_FOUND: notFound('INTERMEDIATE'),
}
