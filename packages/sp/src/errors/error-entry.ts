/** The statuses an SP error answers with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413

/** Words that are fixed, or built from the facts an error carries. */
export type ErrorText<F> = string | ((facts: F) => string)

/** An error that carries no facts besides its code. */
export type NoFacts = Record<never, never>

/**
 * One code of the SP's catalogue: what it means, the message a person reads (built from the
 * facts the error carries), where it is fixed, and the HTTP status of an answer that carries it.
 */
export interface ErrorEntry<F> {
  /** What the code means, without any facts: for the docs and the SAML inspector. */
  readonly meaning: string
  readonly message: ErrorText<F>
  readonly fix: ErrorText<F>
  /**
   * The status of a JSON or text answer that carries the error. A refused sign-in page is
   * always 403, whatever its code: the ACS refused to sign the browser in.
   */
  readonly status: ErrorStatus
}

/** Declares a catalogue entry; its facts are the parameter of `message` (or `fix`). */
export function entry<F extends object = NoFacts>(definition: ErrorEntry<F>): ErrorEntry<F> {
  return definition
}

/** The facts an entry's error carries. */
export type FactsOf<E> = E extends ErrorEntry<infer F> ? F : never

/** Lower-cases the first letter, to continue a sentence with a fix written to stand alone. */
export function continuing(sentence: string): string {
  return `${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`
}
