import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { TextField } from '../../text-field'
import { TRAINING_CLOCK_HREF } from './training-links'

/** What the Sandbox clock section shows: Entra's clock offset, and the typed value after an error. */
export interface SandboxClockView {
  /** How far Entra's clock runs ahead of (positive) or behind (negative) the real time. */
  readonly offsetSeconds: number
  /** The value the admin typed, when it was refused. */
  readonly typed?: string
  readonly error?: string
}

/**
 * Sandbox clock: where the "clock skew" exercise is fixed. A real server's clock is fixed with
 * NTP; the sandbox has no NTP, so this form moves Entra's clock, the same service the sandbox
 * API's PUT /sandbox/api/clock uses.
 */
export function SandboxClockSection(props: {
  readonly clock: SandboxClockView
  readonly csrf: readonly HiddenField[]
}) {
  const { offsetSeconds } = props.clock
  const direction = offsetSeconds < 0 ? 'behind' : 'ahead of'
  return (
    <section aria-labelledby="clock-title" class="training-section">
      <h2 class="section-title" id="clock-title">
        Sandbox clock
      </h2>
      <p id="clock-status">
        {offsetSeconds === 0
          ? "Entra's clock shows the real time (offset 0 seconds)."
          : `Entra's clock runs ${Math.abs(offsetSeconds)} seconds ${direction} the real time (offset ${offsetSeconds} seconds). Every assertion it signs carries times off by as much.`}
      </p>
      <form method="post" action={TRAINING_CLOCK_HREF} class="training-reset">
        <HiddenFields fields={props.csrf} />
        <TextField
          id="clock-offset"
          name="offsetSeconds"
          label="Entra clock offset (seconds)"
          type="number"
          value={props.clock.typed ?? String(offsetSeconds)}
          error={props.clock.error}
          help="Negative runs behind the real time, positive ahead: -7200 is two hours behind."
        />
        <button type="submit" class="button button-primary">
          Set clock offset
        </button>
        <button type="submit" class="button" name="useRealTime" value="yes">
          Use the real time
        </button>
      </form>
    </section>
  )
}
