import type { ClassroomPageView, ResetConfirmView } from '@sandbox/shared'
import { ExercisesIntro, ResetConsequences, SetUpSummary } from '@sandbox/shared/views'
import { ActionButton, CSRF_FIELD, PostForm } from '../actions'
import { Card } from '../cards'
import { ControlHubLayout } from '../control-hub-layout'
import { FormError } from '../fields'
import { ActiveExerciseSummary } from './active-exercise-summary'
import type { ConsoleChrome } from './page-chrome'

/** The classroom part (reset, exercises) is read as Entra's Training page reads it. */
export interface TrainingPageProps extends ClassroomPageView {
  chrome: ConsoleChrome
  csrfToken: string
  /** A refused request, said in full. */
  error?: string
}

/** Training: reset the class to any step, hand out break-it exercises, see when one is fixed. */
export function TrainingPage(props: TrainingPageProps) {
  return (
    <ControlHubLayout
      {...props.chrome}
      pageTitle="Training"
      subtitle="The sandbox classroom: reset both servers to a tutorial step, or hand out a break-it exercise."
    >
      {props.error ? <FormError>{props.error}</FormError> : null}
      {props.unavailable ? (
        <Card title="Training needs both servers">
          <p>{props.unavailable}</p>
        </Card>
      ) : (
        <div class="training">
          {props.active ? <ActiveExerciseSummary active={props.active} csrfToken={props.csrfToken} /> : null}
          <Card id="reset" title="Reset the class">
            <SetUpSummary setUp={props.setUp} active={props.active} />
            <form method="get" action="/admin/training/reset" class="training-reset">
              <div class="field">
                <label for="reset-step">Reset to</label>
                <select class="input" id="reset-step" name="step">
                  {props.resetChoices.map((choice) => (
                    <option value={choice.value}>{choice.label}</option>
                  ))}
                </select>
              </div>
              <button type="submit" class="btn btn-primary">
                Reset…
              </button>
            </form>
          </Card>
          <Card id="exercises" title="Break-it exercises">
            <ExercisesIntro />
            <PostForm action="/admin/training/exercises" csrfToken={props.csrfToken}>
              <ul class="training-exercises">
                {props.exercises.map((exercise) => (
                  <li>
                    <button
                      type="submit"
                      class={props.active?.id === exercise.id ? 'btn btn-primary' : 'btn btn-secondary'}
                      name="exercise"
                      value={exercise.id}
                      aria-describedby={`exercise-${exercise.id}-side`}
                    >
                      {exercise.title}
                    </button>
                    <span class="hint" id={`exercise-${exercise.id}-side`}>
                      Symptom on {exercise.side}
                    </span>
                  </li>
                ))}
              </ul>
            </PostForm>
          </Card>
        </div>
      )}
    </ControlHubLayout>
  )
}

/** "Reset the class to just before step N?": what will be lost and what is kept, then the POST. */
export function ResetConfirmPage(props: ResetConfirmView & { chrome: ConsoleChrome; csrfToken: string }) {
  return (
    <ControlHubLayout {...props.chrome} pageTitle="Reset the class" subtitle={`To ${props.target}`}>
      <Card
        id="reset-confirm"
        title={`Reset the class to ${props.target}?`}
        footer={
          <>
            <form method="post" action="/admin/training/reset">
              <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
              <input type="hidden" name="step" value={String(props.step)} />
              <button type="submit" class="btn btn-primary">
                Reset the class
              </button>
            </form>
            <ActionButton label="Cancel" action={{ method: 'get', href: '/admin/training' }} />
          </>
        }
      >
        <p>This cannot be undone. {props.setsUp}</p>
        <ResetConsequences loses={props.loses} keeps={props.keeps} />
      </Card>
    </ControlHubLayout>
  )
}
