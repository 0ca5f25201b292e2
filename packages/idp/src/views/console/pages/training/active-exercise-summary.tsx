import type { ActiveExerciseView } from '@sandbox/shared'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { TRAINING_END_HREF, TRAINING_HREF } from './training-links'

const STATUS_TEXT = {
  broken: 'Not fixed yet: the state of both servers still shows the mistake.',
  fixed: 'Fixed: the state of both servers shows the mistake corrected.',
  unknown: 'Cannot tell yet: one of the servers could not be read.',
} as const

/**
 * The exercise handed out: the symptom and where to meet it, whether it is fixed (from real
 * state), and the explanation only once it is. The Training page shows it; a progress panel can
 * include it (`actions={false}` leaves out Check again and End exercise).
 */
export function ActiveExerciseSummary(props: {
  readonly active: ActiveExerciseView
  readonly csrf: readonly HiddenField[]
  readonly actions?: boolean
}) {
  const { active } = props
  return (
    <section class="training-active" aria-labelledby="active-exercise-title">
      <h2 class="section-title" id="active-exercise-title">
        Active exercise: {active.title}
      </h2>
      <dl class="training-facts">
        <dt>What was done</dt>
        <dd>{active.did}</dd>
        <dt>Symptom to look for</dt>
        <dd>
          <strong>{active.symptom.shows}</strong> on {active.symptom.side}
        </dd>
        <dt>Where to look</dt>
        <dd>{active.whereToLook}</dd>
        {active.testUser ? (
          <>
            <dt>Sign in as</dt>
            <dd>
              <span class="training-mono">{active.testUser.userPrincipalName}</span>, password{' '}
              <code class="training-mono">{active.testUser.password}</code>
            </dd>
          </>
        ) : null}
      </dl>
      <InfoBanner
        tone={active.status === 'fixed' ? 'success' : active.status === 'broken' ? 'warning' : 'info'}
      >
        <span role="status">{STATUS_TEXT[active.status]}</span>
      </InfoBanner>
      {active.explanation ? (
        <section aria-labelledby="exercise-explanation-title" class="training-explanation">
          <h3 id="exercise-explanation-title">Explanation</h3>
          <dl class="training-facts">
            <dt>What broke</dt>
            <dd>{active.explanation.whatBroke}</dd>
            <dt>Why the error said what it said</dt>
            <dd>{active.explanation.whyThisError}</dd>
            <dt>The screen that fixes it</dt>
            <dd>{active.explanation.fixScreen}</dd>
          </dl>
        </section>
      ) : null}
      {props.actions === false ? null : (
        <div class="form-actions">
          <a class="button button-primary" href={TRAINING_HREF}>
            Check again
          </a>
          <form method="post" action={TRAINING_END_HREF} class="inline-form">
            <HiddenFields fields={props.csrf} />
            <button type="submit" class="button">
              End exercise
            </button>
          </form>
        </div>
      )}
    </section>
  )
}
