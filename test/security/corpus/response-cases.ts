import type { KeyObject } from 'node:crypto'
import { DSIG_NS, descendantsNamed, EXC_C14N, NS, type SignatureErrorCode } from '@sandbox/shared'
import type { SpIdentity } from './idp-response'
import {
  assertionOf,
  detach,
  first,
  parseCorpusXml,
  redigest,
  resign,
  resignSignedInfo,
  setText,
  signatureOf,
  toXml,
} from './xml-kit'

/**
 * The SAML Response attack corpus: one named generator per condition (node-saml style names),
 * each deriving its input at test time from a real Response this repo's IdP signed for this
 * repo's SP. `verifier` records what the shared signature verifier must say about the element
 * a consumer would trust (the root for response-signed cases, else the first Assertion in
 * document order, which is what a naive `getElementsByTagName('Assertion')[0]` reads).
 */

/** Everything a case derives from: real IdP output plus the attacker's own key. */
export interface CorpusContext {
  /** A Response as the IdP sends it by default: assertion signed, RSA-SHA256. */
  readonly assertionSigned: string
  /** The same IdP with the "Sign SAML response" option: only the Response is signed. */
  readonly responseSigned: string
  /** The IdP's signing key (for cases that model a trusted IdP signing wrong content). */
  readonly idpKey: { readonly privateKey: KeyObject; readonly certificateBase64: string }
  /** An attacker's key and self-signed certificate. */
  readonly attacker: { readonly privateKey: KeyObject; readonly certificateBase64: string }
  readonly sp: SpIdentity
  /** The instant the SP judges at. */
  readonly now: number
}

/** The account an attacker wants to become. */
export const VICTIM = 'ceo@contoso.com'

export type VerifierTarget = 'root' | 'first-assertion'

/**
 * The attack a case belongs to; the ACS tests take one `describe` per attack. Signature attacks:
 * no signature at all, a removed one, content edited after signing, a re-signature with an
 * attacker key (with or without KeyInfo), the XML Signature Wrapping variants XSW1-XSW8, two
 * elements with the signed ID, a signed Assertion hidden in SubjectConfirmationData, comment
 * injection in signed values, disallowed transforms, SHA-1. Protocol attacks: each condition of
 * SAML Core §2.5 / §2.4.1 and Profiles §4.1.4.3 the SP checks after the signature.
 */
export type Attack =
  | 'unsigned'
  | 'signature-removed'
  | 'edited-after-signing'
  | 'attacker-key-in-key-info'
  | 'attacker-key-without-key-info'
  | 'xsw1-xsw2'
  | 'xsw3'
  | 'xsw4-xsw7'
  | 'xsw5-xsw6-xsw8'
  | 'duplicated-id'
  | 'assertion-in-subject-confirmation'
  | 'comment-injection'
  | 'transforms'
  | 'sha1'
  | 'audience'
  | 'conditions-missing'
  | 'expired'
  | 'not-yet-valid'
  | 'subject-confirmation'
  | 'recipient-destination'
  | 'in-response-to'
  | 'unsolicited'
  | 'issuer'
  | 'status'
  | 'name-id'

export interface ResponseCase {
  /** Condition-named, kebab-case: the corpus "file name". */
  readonly name: string
  readonly attack: Attack
  /** The Webex emulator's refusal code at its ACS (packages/sp/API.md). */
  readonly acs: string
  /** Which signing option the IdP used for the base Response (default: the assertion). */
  readonly idpSigning?: 'response' | 'both'
  readonly build: (ctx: CorpusContext) => string
  readonly verifier: { readonly target: VerifierTarget; readonly expect: SignatureErrorCode | 'VALID' }
}

const DAY = 86_400_000
const iso = (ms: number): string => new Date(ms).toISOString()

function edit(xml: string, change: (doc: Document) => void): string {
  const doc = parseCorpusXml(xml)
  change(doc)
  return toXml(doc)
}

/** Edits the signed Assertion, then signs it again with the IdP's genuine key. */
function editSigned(ctx: CorpusContext, change: (assertion: Element, doc: Document) => void): string {
  // Re-parsed before signing: xmldom's setAttribute leaves attributes without a localName,
  // which xml-crypto's c14n then orders differently from the parsed document a verifier sees.
  const edited = edit(ctx.assertionSigned, (doc) => change(assertionOf(doc), doc))
  return edit(edited, (doc) =>
    resign(assertionOf(doc), {
      privateKey: ctx.idpKey.privateKey,
      certificatesBase64: [ctx.idpKey.certificateBase64],
    }),
  )
}

/** An unsigned copy of `assertion` whose subject is the victim. */
function evilCopy(assertion: Element, id: string | null = '_evil0123456789abcdef0123456789ab'): Element {
  const evil = assertion.cloneNode(true) as Element
  const signature = signatureOf(evil)
  if (signature) detach(signature)
  if (id) evil.setAttribute('ID', id)
  setText(first(evil, 'NameID'), VICTIM)
  return evil
}

/** The value element of Webex's `uid` claim (the attribute the SP matches users by). */
export function uidValue(assertion: Element): Element {
  const uid = descendantsNamed(assertion, NS.assertion, 'Attribute').find(
    (a) => a.getAttribute('Name') === 'uid',
  )
  if (!uid) throw new Error('the Webex app emits no uid claim')
  return first(uid, 'AttributeValue')
}

function signedInfoTransforms(doc: Document): Element {
  return first(signatureOf(assertionOf(doc)) as Element, 'Transforms', DSIG_NS)
}

function transform(doc: Document, algorithm: string): Element {
  const t = doc.createElementNS(DSIG_NS, 'Transform')
  t.setAttribute('Algorithm', algorithm)
  return t
}

const XPATH = 'http://www.w3.org/TR/1999/REC-xpath-19991116'
const EXC_C14N_WITH_COMMENTS = 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments'
const SHA1_DIGEST = 'http://www.w3.org/2000/09/xmldsig#sha1'

/** Cases whose input breaks the signature or its profile. */
export const SIGNATURE_CASES: readonly ResponseCase[] = [
  {
    name: 'response-unsigned.assertion-unsigned',
    acs: 'SSO_ASSERTION_UNSIGNED',
    attack: 'unsigned',
    build: (ctx) => edit(ctx.assertionSigned, (doc) => detach(signatureOf(assertionOf(doc)) as Element)),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_MISSING' },
  },
  {
    name: 'signature-excluded.nameid-changed',
    acs: 'SSO_ASSERTION_UNSIGNED',
    attack: 'signature-removed',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        detach(signatureOf(assertion) as Element)
        setText(first(assertion, 'NameID'), VICTIM)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_MISSING' },
  },
  {
    name: 'nameid-edited-after-signing',
    acs: 'SSO_INVALID_SIGNATURE',
    attack: 'edited-after-signing',
    build: (ctx) => edit(ctx.assertionSigned, (doc) => setText(first(assertionOf(doc), 'NameID'), VICTIM)),
    verifier: { target: 'first-assertion', expect: 'DIGEST_MISMATCH' },
  },
  {
    name: 'attribute-edited-after-signing',
    acs: 'SSO_INVALID_SIGNATURE',
    attack: 'edited-after-signing',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => setText(first(assertionOf(doc), 'AttributeValue'), 'tampered')),
    verifier: { target: 'first-assertion', expect: 'DIGEST_MISMATCH' },
  },
  {
    name: 'resigned-by-attacker.attacker-cert-in-keyinfo',
    acs: 'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
    attack: 'attacker-key-in-key-info',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        setText(first(assertion, 'NameID'), VICTIM)
        resign(assertion, {
          privateKey: ctx.attacker.privateKey,
          certificatesBase64: [ctx.attacker.certificateBase64],
        })
      }),
    verifier: { target: 'first-assertion', expect: 'CERTIFICATE_NOT_TRUSTED' },
  },
  {
    name: 'resigned-by-attacker.keyinfo-removed',
    acs: 'SSO_INVALID_SIGNATURE',
    attack: 'attacker-key-without-key-info',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        setText(first(assertion, 'NameID'), VICTIM)
        resign(assertion, { privateKey: ctx.attacker.privateKey, certificatesBase64: [] })
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_INVALID' },
  },
  {
    name: 'xsw1.evil-response-root.original-inside-signature',
    acs: 'SSO_ASSERTION_COUNT',
    idpSigning: 'response',
    attack: 'xsw1-xsw2',
    build: (ctx) =>
      edit(ctx.responseSigned, (doc) => {
        const root = doc.documentElement
        const signature = signatureOf(root) as Element
        const original = root.cloneNode(true) as Element
        detach(signatureOf(original) as Element)
        signature.appendChild(original)
        root.setAttribute('ID', '_evilresponse0123456789abcdef0123')
        setText(first(assertionOf(doc), 'NameID'), VICTIM)
      }),
    verifier: { target: 'root', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'xsw2.evil-response-root.original-before-signature',
    acs: 'SSO_ASSERTION_COUNT',
    idpSigning: 'response',
    attack: 'xsw1-xsw2',
    build: (ctx) =>
      edit(ctx.responseSigned, (doc) => {
        const root = doc.documentElement
        const signature = signatureOf(root) as Element
        const original = root.cloneNode(true) as Element
        detach(signatureOf(original) as Element)
        root.insertBefore(original, signature)
        root.setAttribute('ID', '_evilresponse0123456789abcdef0123')
        setText(first(assertionOf(doc), 'NameID'), VICTIM)
      }),
    verifier: { target: 'root', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'xsw3.unsigned-assertion-before-signed',
    acs: 'SSO_ASSERTION_COUNT',
    attack: 'xsw3',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        assertion.parentNode?.insertBefore(evilCopy(assertion), assertion)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_MISSING' },
  },
  {
    name: 'xsw4.signed-assertion-nested-in-evil',
    acs: 'SSO_ASSERTION_COUNT',
    attack: 'xsw4-xsw7',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        const evil = evilCopy(assertion)
        assertion.parentNode?.replaceChild(evil, assertion)
        evil.appendChild(assertion)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_MISSING' },
  },
  {
    name: 'xsw7.evil-assertion-in-extensions',
    acs: 'SSO_ASSERTION_COUNT',
    attack: 'xsw4-xsw7',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const root = doc.documentElement
        const extensions = doc.createElementNS(NS.protocol, 'samlp:Extensions')
        extensions.appendChild(evilCopy(assertionOf(doc), null))
        const issuer = first(root, 'Issuer')
        root.insertBefore(extensions, issuer.nextSibling)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_MISSING' },
  },
  {
    name: 'xsw5.evil-keeps-signature.unsigned-copy-appended',
    acs: 'SSO_ASSERTION_COUNT',
    attack: 'xsw5-xsw6-xsw8',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        const copy = assertion.cloneNode(true) as Element
        detach(signatureOf(copy) as Element)
        setText(first(assertion, 'NameID'), VICTIM)
        doc.documentElement.appendChild(copy)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'xsw6.evil-keeps-signature.copy-inside-signature',
    acs: 'SSO_ASSERTION_COUNT',
    attack: 'xsw5-xsw6-xsw8',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        const copy = assertion.cloneNode(true) as Element
        detach(signatureOf(copy) as Element)
        setText(first(assertion, 'NameID'), VICTIM)
        signatureOf(assertion)?.appendChild(copy)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'xsw8.evil-keeps-signature.copy-in-ds-object',
    acs: 'SSO_ASSERTION_COUNT',
    attack: 'xsw5-xsw6-xsw8',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        const copy = assertion.cloneNode(true) as Element
        detach(signatureOf(copy) as Element)
        setText(first(assertion, 'NameID'), VICTIM)
        const object = doc.createElementNS(DSIG_NS, 'Object')
        object.appendChild(copy)
        signatureOf(assertion)?.appendChild(object)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'signed-assertion-duplicated.same-id-twice',
    acs: 'SSO_ASSERTION_COUNT',
    attack: 'duplicated-id',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        doc.documentElement.appendChild(assertion.cloneNode(true))
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'signed-assertion-inside-subject-confirmation-data',
    acs: 'SSO_ASSERTION_COUNT',
    attack: 'assertion-in-subject-confirmation',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        const evil = evilCopy(assertion)
        assertion.parentNode?.replaceChild(evil, assertion)
        first(evil, 'SubjectConfirmationData').appendChild(assertion)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_MISSING' },
  },
  {
    name: 'xpath-transform-added',
    acs: 'SSO_SIGNATURE_PROFILE',
    attack: 'transforms',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const transforms = signedInfoTransforms(doc)
        const xpath = transform(doc, XPATH)
        const expression = doc.createElementNS(DSIG_NS, 'XPath')
        expression.appendChild(doc.createTextNode('not(ancestor-or-self::*[local-name()="NameID"])'))
        xpath.appendChild(expression)
        transforms.appendChild(xpath)
        resignSignedInfo(signatureOf(assertionOf(doc)) as Element, ctx.idpKey.privateKey)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'three-transforms',
    acs: 'SSO_SIGNATURE_PROFILE',
    attack: 'transforms',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        signedInfoTransforms(doc).appendChild(transform(doc, EXC_C14N))
        resignSignedInfo(signatureOf(assertionOf(doc)) as Element, ctx.idpKey.privateKey)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'c14n-with-comments',
    acs: 'SSO_SIGNATURE_PROFILE',
    attack: 'transforms',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const signature = signatureOf(assertionOf(doc)) as Element
        first(signature, 'CanonicalizationMethod', DSIG_NS).setAttribute('Algorithm', EXC_C14N_WITH_COMMENTS)
        resignSignedInfo(signature, ctx.idpKey.privateKey)
      }),
    verifier: { target: 'first-assertion', expect: 'SIGNATURE_PROFILE' },
  },
  {
    name: 'signature-rsa-sha1.digest-sha1',
    acs: 'SSO_DEPRECATED_ALGORITHM',
    attack: 'sha1',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        resign(
          assertionOf(doc),
          { privateKey: ctx.idpKey.privateKey, certificatesBase64: [ctx.idpKey.certificateBase64] },
          'rsa-sha1',
        )
      }),
    verifier: { target: 'first-assertion', expect: 'DEPRECATED_ALGORITHM' },
  },
  {
    name: 'signature-rsa-sha256.digest-sha1',
    acs: 'SSO_DEPRECATED_ALGORITHM',
    attack: 'sha1',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        const assertion = assertionOf(doc)
        const signature = signatureOf(assertion) as Element
        first(signature, 'DigestMethod', DSIG_NS).setAttribute('Algorithm', SHA1_DIGEST)
        redigest(assertion, 'sha1')
        resignSignedInfo(signature, ctx.idpKey.privateKey)
      }),
    verifier: { target: 'first-assertion', expect: 'DEPRECATED_ALGORITHM' },
  },
]

/**
 * Cases the signature check cannot catch: each is validly signed by the trusted IdP (or leaves
 * the signed Assertion untouched), so only the SP's protocol checks refuse it.
 */
export const PROTOCOL_CASES: readonly ResponseCase[] = [
  {
    name: 'nameid-comment-injection',
    acs: 'SSO_USER_NOT_FOUND',
    attack: 'comment-injection',
    build: (ctx) =>
      edit(
        editSigned(ctx, (a) => {
          setText(first(a, 'NameID'), `${VICTIM}.evil.test`)
          setText(uidValue(a), `${VICTIM}.evil.test`)
        }),
        (doc) => {
          // After signing: exclusive c14n drops comments, so the signature still verifies, and a
          // reader that takes the first text node sees the victim (CVE-2017-11427 family).
          for (const element of [first(assertionOf(doc), 'NameID'), uidValue(assertionOf(doc))]) {
            setText(element, VICTIM)
            element.appendChild(doc.createComment(''))
            element.appendChild(doc.createTextNode('.evil.test'))
          }
        },
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'audience-of-another-sp',
    acs: 'SSO_AUDIENCE_MISMATCH',
    attack: 'audience',
    build: (ctx) =>
      editSigned(ctx, (a) => setText(first(a, 'Audience'), 'https://idbroker.webex.com/other-org')),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'audience-restriction-missing',
    acs: 'SSO_AUDIENCE_MISMATCH',
    attack: 'audience',
    build: (ctx) => editSigned(ctx, (a) => detach(first(a, 'AudienceRestriction'))),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'conditions-missing',
    acs: 'SSO_CONDITIONS_MISSING',
    attack: 'conditions-missing',
    build: (ctx) => editSigned(ctx, (a) => detach(first(a, 'Conditions'))),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'conditions-expired-beyond-skew',
    acs: 'SSO_ASSERTION_EXPIRED',
    attack: 'expired',
    build: (ctx) =>
      editSigned(ctx, (a) => {
        const conditions = first(a, 'Conditions')
        conditions.setAttribute('NotBefore', iso(ctx.now - DAY))
        conditions.setAttribute('NotOnOrAfter', iso(ctx.now - 121_000))
      }),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'conditions-not-before-10-minutes-ahead',
    acs: 'SSO_ASSERTION_NOT_YET_VALID',
    attack: 'not-yet-valid',
    build: (ctx) =>
      editSigned(ctx, (a) => first(a, 'Conditions').setAttribute('NotBefore', iso(ctx.now + 600_000))),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'subject-confirmation-data-expired',
    acs: 'SSO_ASSERTION_EXPIRED',
    attack: 'subject-confirmation',
    build: (ctx) =>
      editSigned(ctx, (a) =>
        first(a, 'SubjectConfirmationData').setAttribute('NotOnOrAfter', iso(ctx.now - 121_000)),
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'subject-confirmation-not-bearer',
    acs: 'SSO_SUBJECT_CONFIRMATION',
    attack: 'subject-confirmation',
    build: (ctx) =>
      editSigned(ctx, (a) =>
        first(a, 'SubjectConfirmation').setAttribute(
          'Method',
          'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key',
        ),
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'subject-confirmation-missing',
    acs: 'SSO_SUBJECT_CONFIRMATION',
    attack: 'subject-confirmation',
    build: (ctx) => editSigned(ctx, (a) => detach(first(a, 'SubjectConfirmation'))),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'recipient-not-the-acs',
    acs: 'SSO_RECIPIENT_MISMATCH',
    attack: 'recipient-destination',
    build: (ctx) =>
      editSigned(ctx, (a) =>
        first(a, 'SubjectConfirmationData').setAttribute('Recipient', 'https://evil.test/acs'),
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'destination-not-the-acs',
    acs: 'SSO_DESTINATION_MISMATCH',
    attack: 'recipient-destination',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) =>
        doc.documentElement.setAttribute('Destination', 'https://evil.test/acs'),
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'in-response-to.response-and-subject-differ',
    acs: 'SSO_INRESPONSETO_MISMATCH',
    attack: 'in-response-to',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) =>
        doc.documentElement.setAttribute('InResponseTo', '_another-request'),
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'in-response-to.unknown-request',
    acs: 'SSO_INRESPONSETO_MISMATCH',
    attack: 'in-response-to',
    build: (ctx) =>
      edit(
        editSigned(ctx, (a) =>
          first(a, 'SubjectConfirmationData').setAttribute('InResponseTo', '_never-sent'),
        ),
        (doc) => doc.documentElement.setAttribute('InResponseTo', '_never-sent'),
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'unsolicited.no-in-response-to',
    acs: 'SSO_UNSOLICITED_RESPONSE',
    attack: 'unsolicited',
    build: (ctx) =>
      edit(
        editSigned(ctx, (a) => first(a, 'SubjectConfirmationData').removeAttribute('InResponseTo')),
        (doc) => doc.documentElement.removeAttribute('InResponseTo'),
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'assertion-issuer-not-the-idp',
    acs: 'SSO_UNTRUSTED_ISSUER',
    attack: 'issuer',
    build: (ctx) =>
      editSigned(ctx, (a) => setText(first(a, 'Issuer'), 'https://sts.windows.net/evil-tenant/')),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'response-issuer-not-the-idp',
    acs: 'SSO_UNTRUSTED_ISSUER',
    attack: 'issuer',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => setText(first(doc.documentElement, 'Issuer'), 'https://evil.test/')),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'status-responder.no-assertion',
    acs: 'SSO_IDP_ERROR',
    attack: 'status',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) => {
        detach(assertionOf(doc))
        const status = first(doc, 'StatusCode', NS.protocol)
        status.setAttribute('Value', 'urn:oasis:names:tc:SAML:2.0:status:Responder')
        const message = doc.createElementNS(NS.protocol, 'samlp:StatusMessage')
        message.appendChild(doc.createTextNode('AADSTS50105: the user is not assigned'))
        status.parentNode?.appendChild(message)
      }),
    verifier: { target: 'root', expect: 'SIGNATURE_MISSING' },
  },
  {
    name: 'status-requester.with-signed-assertion',
    acs: 'SSO_IDP_ERROR',
    attack: 'status',
    build: (ctx) =>
      edit(ctx.assertionSigned, (doc) =>
        first(doc, 'StatusCode', NS.protocol).setAttribute(
          'Value',
          'urn:oasis:names:tc:SAML:2.0:status:Requester',
        ),
      ),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'nameid-empty',
    acs: 'SSO_NAMEID_MISSING',
    attack: 'name-id',
    build: (ctx) => editSigned(ctx, (a) => setText(first(a, 'NameID'), '')),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
  {
    name: 'nameid-format-x509-subject',
    acs: 'SSO_NAMEID_FORMAT',
    attack: 'name-id',
    build: (ctx) =>
      editSigned(ctx, (a) => {
        const nameId = first(a, 'NameID')
        nameId.setAttribute('Format', 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName')
        setText(nameId, 'CN=ceo,O=contoso')
      }),
    verifier: { target: 'first-assertion', expect: 'VALID' },
  },
]

/** The not-yet-valid boundary case that must be ACCEPTED: NotBefore 30 s ahead with 120 s skew. */
export function notBefore30SecondsAhead(ctx: CorpusContext): string {
  return editSigned(ctx, (a) => first(a, 'Conditions').setAttribute('NotBefore', iso(ctx.now + 30_000)))
}
