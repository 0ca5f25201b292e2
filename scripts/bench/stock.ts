import { configureSamlify, issueEntraStyleCertificate, type RsaKeyPair } from '@sandbox/shared'
import { createStockSamlifyFlow } from '@sandbox/shared/bench'
import { typicalClaims } from './floor'
import { type Summary, sample, summarize } from './stats'

/** samlify's stock SP-initiated flow, xmllint-wasm schema validator included. */
export interface StockResult {
  /** One sign-in: createLoginRequest → parseLoginRequest → createLoginResponse → parseLoginResponse. */
  readonly signIn: Summary
  /** Sign-ins per second, one at a time (1000 / median). */
  readonly perSecond: number
}

/**
 * Runs samlify's stock flow at most `maxRuns` times within `maxMs` (after one unmeasured run,
 * which also loads the validator's WASM), in this process.
 */
export async function measureStock(
  keys: { idp: RsaKeyPair; sp: RsaKeyPair },
  limits: { maxRuns: number; maxMs: number },
): Promise<StockResult> {
  await configureSamlify()
  const now = Date.now()
  const party = (key: RsaKeyPair, commonName: string) => ({
    privateKeyPem: key.privateKeyPem,
    certificatePem: issueEntraStyleCertificate({ key, now, commonName }).certificatePem,
  })
  const flow = createStockSamlifyFlow({
    idp: party(keys.idp, 'Microsoft Azure Federated SSO Certificate'),
    sp: party(keys.sp, 'bench sp'),
    nameId: 'B.Simon@contoso.com',
    claims: typicalClaims(),
  })
  const nameId = await flow.signIn()
  if (nameId !== 'B.Simon@contoso.com') throw new Error(`the stock samlify flow returned NameID ${nameId}`)
  const signIn = summarize(await sample(() => flow.signIn(), { ...limits, warmup: 0 }))
  return { signIn, perSecond: 1000 / signIn.median }
}
