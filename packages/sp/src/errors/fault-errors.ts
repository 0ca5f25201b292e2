import { entry } from './error-entry'

/** The sandbox's SCIM fault presets (`/api/v1/sandbox/faults`). */
export const FAULT_ERRORS = {
  SCIM_FAULT_INVALID: entry({
    meaning: 'A SCIM fault request has a value the preset does not take.',
    message: (f: { field: string; problem: string }) => f.problem,
    fix: (f) =>
      `Change ${f.field}: presets are rate-limited (retryAfterSeconds), server-error and slow (delayMs); count is optional. GET /api/v1/sandbox/faults lists them.`,
    status: 400,
  }),
  SCIM_FAULT_NOT_FOUND: entry({
    meaning: 'No waiting SCIM fault has this id.',
    message: (f: { id: string }) => `No waiting SCIM fault "${f.id}": it was spent, cleared or never added.`,
    fix: 'List the waiting faults with GET /api/v1/sandbox/faults.',
    status: 404,
  }),
}
