/** How a password sign-in is described in AADSTS75011 messages. */
export const PASSWORD_METHOD = 'Password'

const NAMES: Record<string, string> = {
  'urn:oasis:names:tc:saml:2.0:ac:classes:password': 'Password',
  'urn:oasis:names:tc:saml:2.0:ac:classes:passwordprotectedtransport': 'Password, ProtectedTransport',
  'urn:oasis:names:tc:saml:2.0:ac:classes:unspecified': 'Unspecified',
  'urn:oasis:names:tc:saml:2.0:ac:classes:x509': 'X509',
  'urn:oasis:names:tc:saml:2.0:ac:classes:kerberos': 'Kerberos',
  'urn:oasis:names:tc:saml:2.0:ac:classes:smartcard': 'Smartcard',
  'urn:oasis:names:tc:saml:2.0:ac:classes:smartcardpki': 'SmartcardPKI',
  'urn:oasis:names:tc:saml:2.0:ac:classes:tlsclient': 'TLSClient',
  'urn:oasis:names:tc:saml:2.0:ac:classes:xmldsig': 'XMLDSig',
  'urn:oasis:names:tc:saml:2.0:ac:classes:spki': 'SPKI',
  'urn:oasis:names:tc:saml:2.0:ac:classes:pgp': 'PGP',
  'urn:oasis:names:tc:saml:2.0:ac:classes:secureremotepassword': 'SecureRemotePassword',
  'urn:federation:authentication:windows': 'Windows',
}

// A password sign-in satisfies these (Entra accepts PasswordProtectedTransport for it in practice).
const SATISFIED_BY_PASSWORD = new Set([
  'urn:oasis:names:tc:saml:2.0:ac:classes:password',
  'urn:oasis:names:tc:saml:2.0:ac:classes:passwordprotectedtransport',
  'urn:oasis:names:tc:saml:2.0:ac:classes:unspecified',
])

/** Whether a password sign-in meets the RequestedAuthnContext (Comparison exact: any listed class will do). */
export function passwordSatisfies(classRefs: readonly string[]): boolean {
  return classRefs.length === 0 || classRefs.some((c) => SATISFIED_BY_PASSWORD.has(c.toLowerCase()))
}

/** The requested methods as AADSTS75011 names them, e.g. `X509, Kerberos`. */
export function describeRequestedMethods(classRefs: readonly string[]): string {
  return classRefs.map((c) => NAMES[c.toLowerCase()] ?? c).join(', ')
}
