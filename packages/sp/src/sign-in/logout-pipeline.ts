import { attributeOf, childNamed, NS, textOf } from '@sandbox/shared'
import { spError } from '../errors/catalogue'
import { describeChecks, type PipelineEntry, passed, refused } from './check-pipeline'
import {
  FIX_MESSAGE,
  type LogoutContext,
  type LogoutFacts,
  type LogoutStep,
  MALFORMED,
  postBinding,
  postSignature,
  postXml,
  redirectBinding,
  redirectSignature,
  redirectXml,
  ssoEnabled,
} from './logout-checks'

const messageType: LogoutStep<'message' | 'parameter'> = {
  name: 'Message type',
  checks: 'A SAMLRequest is a LogoutRequest and a SAMLResponse a LogoutResponse.',
  codes: MALFORMED,
  fix: FIX_MESSAGE,
  reads: ['message', 'parameter'],
  run: ({ message, parameter }) => {
    const expected = parameter === 'SAMLRequest' ? 'LogoutRequest' : 'LogoutResponse'
    if (message.namespaceURI === NS.protocol && message.localName === expected) return passed(null)
    return refused(
      spError('SLO_MALFORMED_MESSAGE', {
        problem: 'unexpected-element',
        expected,
        element: message.nodeName,
      }),
    )
  },
}

const issuer: LogoutStep<'message'> = {
  name: 'Issuer',
  checks: "The message's Issuer is the active IdP.",
  codes: ['SLO_UNTRUSTED_ISSUER'],
  fix: 'Import the metadata of the IdP that signs the logout messages.',
  reads: ['message'],
  run: ({ message }, context) => {
    const element = childNamed(message, NS.assertion, 'Issuer')
    if (element && textOf(element).trim() === context.idp?.entityId) return passed(null)
    return refused(spError('SLO_UNTRUSTED_ISSUER'))
  },
}

const answersOurRequest: LogoutStep<'message'> = {
  name: 'InResponseTo',
  checks: 'A LogoutResponse answers a LogoutRequest Webex sent, once, within 10 minutes.',
  codes: ['SLO_UNKNOWN_REQUEST'],
  fix: 'Sign out from Webex again.',
  reads: ['message'],
  run: ({ message }, context) => {
    const answers = attributeOf(message, 'InResponseTo')
    return answers && context.useLogoutRequest(answers)
      ? passed(null)
      : refused(spError('SLO_UNKNOWN_REQUEST'))
  },
}

const namesUser: LogoutStep<'message'> = {
  name: 'NameID',
  checks: 'A LogoutRequest names the user (NameID, and optionally the session) to log out.',
  codes: ['SLO_NAMEID_MISSING'],
  fix: 'The IdP must put the NameID of the session in its LogoutRequest.',
  reads: ['message'],
  run: ({ message }) => {
    const nameId = childNamed(message, NS.assertion, 'NameID')
    if (!nameId) return refused(spError('SLO_NAMEID_MISSING'))
    const sessionIndex = childNamed(message, NS.protocol, 'SessionIndex')
    return passed(null, {
      nameId: textOf(nameId).trim(),
      sessionIndex: sessionIndex ? textOf(sessionIndex).trim() : null,
    })
  },
}

const isResponse = {
  describe: 'a LogoutResponse',
  holds: (f: Partial<LogoutFacts>) => f.parameter === 'SAMLResponse',
}
const isRequest = {
  describe: 'a LogoutRequest',
  holds: (f: Partial<LogoutFacts>) => f.parameter === 'SAMLRequest',
}

/** What both bindings check once a signature by the IdP covers the message. */
const AFTER_SIGNATURE: readonly PipelineEntry<LogoutFacts, LogoutContext>[] = [
  { step: messageType },
  { step: issuer },
  { step: answersOurRequest, when: isResponse },
  { step: namesUser, when: isRequest },
]

/** The SLO endpoint's checks, HTTP-Redirect binding: the query's signature before the XML is parsed. */
export const REDIRECT_LOGOUT_CHECKS: readonly PipelineEntry<LogoutFacts, LogoutContext>[] = [
  { step: redirectBinding },
  { step: ssoEnabled },
  { step: redirectSignature },
  { step: redirectXml },
  ...AFTER_SIGNATURE,
]

/** The SLO endpoint's checks, HTTP-POST binding: the enveloped signature of the parsed message. */
export const POST_LOGOUT_CHECKS: readonly PipelineEntry<LogoutFacts, LogoutContext>[] = [
  { step: postBinding },
  { step: ssoEnabled },
  { step: postXml },
  { step: postSignature },
  ...AFTER_SIGNATURE,
]

export const LOGOUT_CHECK_LISTS = {
  redirect: describeChecks(REDIRECT_LOGOUT_CHECKS),
  post: describeChecks(POST_LOGOUT_CHECKS),
}
