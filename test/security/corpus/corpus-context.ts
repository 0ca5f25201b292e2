import { issueEntraStyleCertificate, type RsaKeyPair, summarizeCertificate } from '@sandbox/shared'
import { testKeys } from '../../support/test-runtime'
import type { ResponseSource } from './idp-response'
import type { CorpusContext } from './response-cases'

/** The attacker's key: one of the cached test keys the IdP's key pool never hands out first. */
export async function attackerKey(): Promise<{
  privateKey: RsaKeyPair['privateKey']
  certificateBase64: string
}> {
  const keys = await testKeys()
  const key = keys[keys.length - 1] as RsaKeyPair
  const certificate = issueEntraStyleCertificate({
    key,
    now: Date.now(),
    commonName: 'Microsoft Azure Federated SSO Certificate',
  })
  return {
    privateKey: key.privateKey,
    certificateBase64: summarizeCertificate(certificate.certificatePem).base64,
  }
}

/**
 * Builds the corpus context from a live IdP: one assertion-signed Response (the default) and
 * one response-signed Response (the "Sign SAML response" option), both real IdP output.
 */
export async function buildCorpusContext(
  source: ResponseSource,
  issue: (signing: 'assertion' | 'response') => Promise<string> = (signing) => issueWith(source, signing),
): Promise<CorpusContext> {
  const assertionSigned = await issue('assertion')
  const responseSigned = await issue('response')
  const key = source.signingKey()
  return {
    assertionSigned,
    responseSigned,
    idpKey: {
      privateKey: key.privateKey,
      certificateBase64: summarizeCertificate(key.certificatePem).base64,
    },
    attacker: await attackerKey(),
    sp: source.sp,
    now: source.clock.now(),
  }
}

/** Issues one Response with the given signing option, then restores assertion signing. */
export async function issueWith(source: ResponseSource, signing: 'assertion' | 'response'): Promise<string> {
  const set = await source.idp.services.samlConfig.setSigningOptions(source.spId, { signingOption: signing })
  if (!set.ok) throw new Error(set.error.message)
  try {
    return await source.issue()
  } finally {
    await source.idp.services.samlConfig.setSigningOptions(source.spId, { signingOption: 'assertion' })
  }
}
