/** The Training page (the sandbox's classroom: reset and break-it exercises). */
export const TRAINING_HREF = '/training'
/** GET: the reset confirmation for `?step=N`; POST: the reset itself. */
export const TRAINING_RESET_HREF = '/training/reset'
/** POST `exercise=<id>`: applies a break-it exercise. */
export const TRAINING_EXERCISES_HREF = '/training/exercises'
/** POST: forgets the active exercise. */
export const TRAINING_END_HREF = '/training/end'
/** POST `offsetSeconds=<n>`: moves Entra's clock (the Sandbox clock section). */
export const TRAINING_CLOCK_HREF = '/training/clock'
