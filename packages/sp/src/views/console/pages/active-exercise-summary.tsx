import type { ActiveExerciseView } from '@sandbox/shared'
import { ActionButton } from '../actions'
import { Card, Facts, StatusPill } from '../cards'

const STATUS = {
  broken: { tone: 'error', label: 'Not fixed yet' },
  fixed: { tone: 'success', label: 'Fixed' },
  unknown: { tone: 'neutral', label: 'Cannot tell: a server could not be read' },
} as const

/**
 * The exercise handed out: the symptom and where to meet it, whether it is fixed (read from
 * both servers' real state), and the explanation only once it is. The Training page shows it;
 * a progress panel can include it (`actions={false}` leaves out Check again and End exercise).
 */
export function ActiveExerciseSummary(props: {
  active: ActiveExerciseView
  csrfToken: string
  actions?: boolean
}) {
  const { active } = props
  return (
    <Card
      id="active-exercise"
      title={`Active exercise: ${active.title}`}
      aside={<StatusPill tone={STATUS[active.status].tone} label={STATUS[active.status].label} />}
      {...(active.status === 'fixed' ? { tone: 'success' as const } : {})}
      footer={
        props.actions === false ? undefined : (
          <>
            <ActionButton
              label="Check again"
              variant="primary"
              action={{ method: 'get', href: '/admin/training' }}
            />
            <ActionButton
              label="End exercise"
              action={{ method: 'post', href: '/admin/training/end', csrfToken: props.csrfToken }}
            />
          </>
        )
      }
    >
      <Facts
        items={[
          { label: 'What was done', value: active.did },
          {
            label: 'Symptom to look for',
            value: (
              <>
                <strong>{active.symptom.shows}</strong> on {active.symptom.side}
              </>
            ),
          },
          { label: 'Where to look', value: active.whereToLook },
          ...(active.testUser
            ? [
                {
                  label: 'Sign in as',
                  value: (
                    <>
                      {active.testUser.userPrincipalName}, password <code>{active.testUser.password}</code>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <p role="status" class="training-status">
        {active.status === 'fixed'
          ? 'Fixed: the state of both servers shows the mistake corrected.'
          : active.status === 'broken'
            ? 'Not fixed yet: the state of both servers still shows the mistake.'
            : 'Cannot tell yet: one of the servers could not be read.'}
      </p>
      {active.explanation ? (
        <section aria-labelledby="exercise-explanation-title">
          <h3 id="exercise-explanation-title">Explanation</h3>
          <Facts
            items={[
              { label: 'What broke', value: active.explanation.whatBroke },
              { label: 'Why the error said what it said', value: active.explanation.whyThisError },
              { label: 'The screen that fixes it', value: active.explanation.fixScreen },
            ]}
          />
        </section>
      ) : null}
    </Card>
  )
}
