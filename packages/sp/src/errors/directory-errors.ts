import { entry } from './error-entry'

/** RFC 5321 caps a forward path at 256 octets, so an address is at most 254 characters. */
export const MAX_EMAIL_LENGTH = 254
/** Longest first, last or display name Control Hub keeps. */
export const MAX_NAME_LENGTH = 256

/** What is wrong with a user field. */
export type UserFieldProblem =
  | { readonly field: string; readonly problem: 'required' | 'not-text' | 'not-a-name' }
  | { readonly field: string; readonly problem: 'not-an-email'; readonly value: string }

/** The directory's refusals (Control Hub users, just-in-time creation, SCIM's user rules). */
export const DIRECTORY_ERRORS = {
  USER_NOT_FOUND: entry({
    meaning: 'No user has the id given.',
    message: (f: { id: string }) => `No user has the id "${f.id}".`,
    fix: 'List the users (GET /api/v1/users) and use the id of one of them.',
    status: 404,
  }),
  USER_INVALID: entry({
    meaning: 'A user field breaks a rule (required, an email, text, length).',
    message: (f: UserFieldProblem) => {
      switch (f.problem) {
        case 'required':
          return `${f.field} is required.`
        case 'not-an-email':
          return `"${f.value.slice(0, 80)}" is not a valid email address.`
        case 'not-text':
          return `${f.field} must be text.`
        case 'not-a-name':
          return `${f.field} must be at most ${MAX_NAME_LENGTH} characters, without control characters.`
      }
    },
    fix: (f) => {
      switch (f.problem) {
        case 'required':
          return 'Enter the email the user signs in with, e.g. b.simon@contoso.com.'
        case 'not-an-email':
          return `Enter an address like b.simon@contoso.com (no spaces, one @, a dotted domain, at most ${MAX_EMAIL_LENGTH} characters).`
        case 'not-text':
          return `Send ${f.field} as a JSON string.`
        case 'not-a-name':
          return `Shorten ${f.field}.`
      }
    },
    status: 400,
  }),
  USER_EXISTS: entry({
    meaning: 'Another user already has the email (emails are unique, whatever their case).',
    message: (f: { field: 'email'; email: string }) =>
      `A user with the email ${f.email} already exists in this organization (emails are unique, whatever their case).`,
    fix: 'Modify that user instead, or use another email.',
    status: 409,
  }),
}
