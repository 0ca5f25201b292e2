// sign-in/acs/: the ACS's checks of a posted Response, declared as one ordered table.
import type { Result } from '@sandbox/shared'
import { err, ok } from '@sandbox/shared'
import type { SpError } from '../../errors/catalogue'
import {
  type Check,
  type CheckDescription,
  describeChecks,
  type PipelineEntry,
  runChecks,
} from '../check-pipeline'
import type { AcsExpectations, AcsFacts, AssertionFacts, ReceivedResponse } from './acs-facts'
import {
  assertionIssuer,
  audience,
  conditions,
  nameIdCheck,
  replay,
  subjectConfirmation,
  validityWindow,
} from './assertion-checks'
import {
  certificateTrust,
  decryptedAssertionSignature,
  decryption,
  plaintextAssertionSignature,
} from './assertion-signature'
import { destination, inResponseTo, responseIssuer } from './envelope-checks'
import { idpStatus, oneAssertion, responseSignature, responseXml } from './response-checks'

const isEncrypted = (facts: Partial<AcsFacts>): boolean =>
  facts.postedAssertion?.unverified.localName === 'EncryptedAssertion'
const encrypted = { describe: 'the assertion is encrypted', holds: isEncrypted }
const plaintext = {
  describe: 'the assertion is not encrypted',
  holds: (f: Partial<AcsFacts>) => !isEncrypted(f),
}

/**
 * The ACS's checks, in the order a careful SP makes them. Nothing of the assertion is read
 * before its signature verified (the checks after it read only a SignedAssertion and facts
 * taken from it), and nothing is decrypted before the Response is known to be for this ACS,
 * from this IdP and for this browser (Destination, Issuer, InResponseTo, its own signature):
 * an encrypted assertion's checks come after the envelope's, a plaintext one's before.
 */
export const ACS_CHECKS: readonly PipelineEntry<AcsFacts, AcsExpectations>[] = [
  { step: responseXml },
  { step: idpStatus },
  { step: oneAssertion },
  { step: responseSignature },
  { step: plaintextAssertionSignature, when: plaintext },
  { step: certificateTrust, when: plaintext },
  { step: responseIssuer },
  { step: destination },
  { step: inResponseTo },
  { step: decryption, when: encrypted },
  { step: decryptedAssertionSignature, when: encrypted },
  { step: certificateTrust, when: encrypted },
  { step: assertionIssuer },
  { step: subjectConfirmation },
  { step: conditions },
  { step: validityWindow },
  { step: audience },
  { step: nameIdCheck },
  { step: replay },
]

/** A Response every check accepted, with the checks made. */
export interface AcceptedResponse {
  readonly facts: AssertionFacts
  readonly checks: readonly Check[]
}

/** A refusal: the error, every check made up to it, and what the signed assertion said so far. */
export interface ResponseRefusal {
  readonly error: SpError
  readonly checks: readonly Check[]
  /** What the IdP sent, as far as it was read from the signed assertion (Test SSO shows it). */
  readonly seen: Partial<AssertionFacts>
}

function assertionFactsOf(facts: Partial<AcsFacts>): Partial<AssertionFacts> {
  const { assertionId, issuer, nameId, nameIdFormat, sessionIndex, attributes } = facts
  const { issueInstant, notBefore, notOnOrAfter, replayUntil, certificate, answeredRequest } = facts
  return {
    assertionId,
    issuer,
    nameId,
    nameIdFormat,
    sessionIndex,
    attributes,
    issueInstant,
    notBefore,
    notOnOrAfter,
    replayUntil,
    certificate,
    inResponseTo: answeredRequest,
  }
}

/** Runs {@link ACS_CHECKS} on a received Response. */
export function checkSamlResponse(
  received: ReceivedResponse,
  expect: AcsExpectations,
): Result<AcceptedResponse, ResponseRefusal> {
  const run = runChecks(ACS_CHECKS, { received }, expect)
  const seen = assertionFactsOf(run.facts)
  if (run.refusal) return err({ error: run.refusal, checks: run.checks, seen })
  // Every step ran and passed, so every fact of the accepted assertion was made.
  return ok({ facts: seen as AssertionFacts, checks: run.checks })
}

/** The ACS's checks as the SAML inspector and the docs list them: the same table the ACS runs. */
export const ACS_CHECK_LIST: readonly CheckDescription[] = describeChecks(ACS_CHECKS)
