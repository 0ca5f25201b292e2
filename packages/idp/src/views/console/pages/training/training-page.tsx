import type { ClassroomPageView, ResetConfirmView } from '@sandbox/shared'
import { ExercisesIntro, ResetConsequences, SetUpSummary } from '@sandbox/shared/views'
import { Blade } from '../../blade'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { SelectField } from '../../select-field'
import { ActiveExerciseSummary } from './active-exercise-summary'
import { SandboxClockSection, type SandboxClockView } from './sandbox-clock-section'
import { TRAINING_EXERCISES_HREF, TRAINING_HREF, TRAINING_RESET_HREF } from './training-links'

/** The classroom part (reset, exercises) is read as Control Hub's Training page reads it. */
export interface TrainingPageProps extends ClassroomPageView {
  readonly frame: ConsoleFrame
  readonly csrf: readonly HiddenField[]
  /** Entra's clock offset, shown and set in the Sandbox clock section (even without the classroom). */
  readonly clock: SandboxClockView
  /** A refused request, said in full (unknown exercise or step, a set-up that failed). */
  readonly error?: string
}

const crumbs = [{ label: 'Home', href: '/' }, { label: 'Training' }]

/** Training: reset the class to any step, hand out break-it exercises, see when one is fixed, set Entra's clock. */
export function TrainingPage(props: TrainingPageProps) {
  return (
    <ConsoleLayout title="Training" {...props.frame}>
      <Blade breadcrumbs={crumbs} object="Training" subtitle="Sandbox classroom" icon="test">
        {props.error ? (
          <div role="alert">
            <InfoBanner tone="error">{props.error}</InfoBanner>
          </div>
        ) : null}
        {props.unavailable ? (
          <InfoBanner tone="warning">{props.unavailable}</InfoBanner>
        ) : (
          <>
            {props.active ? <ActiveExerciseSummary active={props.active} csrf={props.csrf} /> : null}
            <section aria-labelledby="reset-title" class="training-section">
              <h2 class="section-title" id="reset-title">
                Reset the class
              </h2>
              <SetUpSummary setUp={props.setUp} active={props.active} />
              <form method="get" action={TRAINING_RESET_HREF} class="training-reset">
                <SelectField id="reset-step" name="step" label="Reset to" options={props.resetChoices} />
                <button type="submit" class="button button-primary">
                  Reset…
                </button>
              </form>
            </section>
            <section aria-labelledby="exercises-title" class="training-section">
              <h2 class="section-title" id="exercises-title">
                Break-it exercises
              </h2>
              <ExercisesIntro />
              <form method="post" action={TRAINING_EXERCISES_HREF}>
                <HiddenFields fields={props.csrf} />
                <ul class="training-exercises">
                  {props.exercises.map((exercise) => (
                    <li>
                      <button
                        type="submit"
                        class={`button${props.active?.id === exercise.id ? ' button-primary' : ''}`}
                        name="exercise"
                        value={exercise.id}
                        aria-describedby={`exercise-${exercise.id}-side`}
                      >
                        {exercise.title}
                      </button>
                      <span class="field-help" id={`exercise-${exercise.id}-side`}>
                        Symptom on {exercise.side}
                      </span>
                    </li>
                  ))}
                </ul>
              </form>
            </section>
          </>
        )}
        <SandboxClockSection clock={props.clock} csrf={props.csrf} />
      </Blade>
    </ConsoleLayout>
  )
}

/** "Reset the class to just before step N?": what will be lost and what is kept, then the POST. */
export function ResetConfirmPage(
  props: ResetConfirmView & { readonly frame: ConsoleFrame; readonly csrf: readonly HiddenField[] },
) {
  return (
    <ConsoleLayout title="Reset the class" {...props.frame}>
      <Blade
        breadcrumbs={[...crumbs.slice(0, 1), { label: 'Training', href: TRAINING_HREF }, { label: 'Reset' }]}
        object="Reset the class"
        subtitle={props.target}
        icon="test"
      >
        <section aria-labelledby="reset-confirm-title" class="training-section">
          <h2 class="section-title" id="reset-confirm-title">
            Reset the class to {props.target}?
          </h2>
          <InfoBanner tone="warning">This cannot be undone. {props.setsUp}</InfoBanner>
          <ResetConsequences loses={props.loses} keeps={props.keeps} />
          <div class="form-actions">
            <form method="post" action={TRAINING_RESET_HREF} class="inline-form">
              <HiddenFields fields={[...props.csrf, { name: 'step', value: String(props.step) }]} />
              <button type="submit" class="button button-danger">
                Reset the class
              </button>
            </form>
            <a class="button" href={TRAINING_HREF}>
              Cancel
            </a>
          </div>
        </section>
      </Blade>
    </ConsoleLayout>
  )
}
