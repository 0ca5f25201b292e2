import type { ClassroomPageView } from '../../training/classroom-page'
import type { ActiveExerciseView } from '../../training/classroom-view'

/** "Steps 1 to 4 are set up…", with B.Simon's password while no exercise has taken its place. */
export function SetUpSummary(props: {
  readonly setUp: ClassroomPageView['setUp']
  readonly active: ActiveExerciseView | null
}) {
  const { setUp } = props
  if (!setUp) return null
  return (
    <p>
      {setUp.summary}
      {setUp.testUser && !props.active ? ` B.Simon's password: ${setUp.testUser.password}` : ''}
    </p>
  )
}

/** What the break-it exercises do, above their buttons. */
export function ExercisesIntro() {
  return (
    <p>
      Each exercise starts from the clean set-up it needs, then makes one mistake. The learner meets the
      symptom, fixes it in the consoles, and the explanation appears here.
    </p>
  )
}

/** What a reset loses and what it keeps, on its confirmation page. */
export function ResetConsequences(props: {
  readonly loses: readonly string[]
  readonly keeps: readonly string[]
}) {
  return (
    <>
      <h3>This will be lost</h3>
      <ul>
        {props.loses.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <h3>This is kept</h3>
      <ul>
        {props.keeps.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </>
  )
}
