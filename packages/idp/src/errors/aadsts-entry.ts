/** The facts of a code whose words never change. */
export type NoFacts = Readonly<Record<never, never>>

/** The `error` field of Entra's OAuth error body (RFC 6749 §5.2 names). */
export type OAuthErrorName =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'

/** One AADSTS code in the catalogue: what it means, Entra's words, the fix, its status on each surface. */
export interface AadstsEntry<F> {
  /** What went wrong, in a line (Entra's internal name in brackets where it is documented). */
  readonly meaning: string
  /** Entra's words, after `AADSTSnnnnn: `. */
  readonly text: (facts: F) => string
  /** The sandbox's advice on what to change (the real pages have none), or null. */
  readonly fix: (facts: F) => string | null
  /** The status of the error page that shows it. */
  readonly page?: 400 | 403 | 404
  /** The token endpoint's answer: the OAuth `error` and the status. */
  readonly oauth?: { readonly error: OAuthErrorName; readonly status: 400 | 401 | 405 }
  /** Sent back as a SAML error Response with these nested StatusCodes instead of a page. */
  readonly samlStatus?: { readonly top: string; readonly second: string }
  /** Entra words it inside this outer error (`AADSTS75006: … AADSTS75016: …`). */
  readonly within?: 'AADSTS75006'
  /**
   * An interrupt, not a failure: Entra logs it while it shows the user a page of the sign-in
   * ("Stay signed in?"), with the status "Interrupted", and the sign-in goes on. Never an error page.
   */
  readonly interrupt?: true
}
