import { entry } from './error-entry'

/** The sign-in traces' refusals (`/api/v1/traces`). */
export const TRACE_ERRORS = {
  TRACE_NOT_FOUND: entry({
    meaning: 'No sign-in trace has the id given (traces are kept in memory for the last 500 sign-ins).',
    message: (f: { id: string }) => `No sign-in trace "${f.id.slice(0, 128)}".`,
    fix: 'List the traces (GET /api/v1/traces) or the sign-ins (GET /api/v1/sign-ins, each names its traceId) and use one of their ids.',
    status: 404,
  }),
  TRACE_LIMIT_INVALID: entry({
    meaning: 'The number of traces asked for is not a whole number from 1 to 500.',
    message: (f: { limit: string }) =>
      `limit must be a whole number from 1 to 500, not "${f.limit.slice(0, 40)}".`,
    fix: 'Ask for ?limit=50, or leave it out.',
    status: 400,
  }),
}
