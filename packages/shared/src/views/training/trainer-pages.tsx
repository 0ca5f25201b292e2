import type { Child } from 'hono/jsx'
import type { ExerciseHandout } from '../../training/exercise-handout'
import type { TrainingPanelModel } from '../../training/training-panel-model'
import { TrainingStatus } from './training-status'

/** What a server's page of its own (no navigation) is given: it adds its own head and look. */
export interface TrainingDocumentProps {
  readonly title: string
  readonly refreshSeconds?: number
  readonly bodyClass: string
  readonly children: Child
}

/** Each server's document for a training page: its stylesheet, script and tab title. */
export type TrainingDocument = (props: TrainingDocumentProps) => Child

/** Every step's state at a glance, in large type, refreshed every few seconds. */
export function TrainerPage(props: {
  readonly Document: TrainingDocument
  readonly model: TrainingPanelModel
  readonly refreshSeconds: number
  readonly handoutsHref: string
}) {
  const { model, Document } = props
  return (
    <Document title="Trainer view" refreshSeconds={props.refreshSeconds} bodyClass="trainer-view">
      <h1>Trainer view: Microsoft Entra SSO integration with Cisco Webex</h1>
      <p class="trainer-summary">
        {model.doneCount} of {model.total} steps done
        {model.next ? `. Next: Step ${model.next.step}, ${model.next.subStep.title}` : ''}
      </p>
      {model.notices.map((notice) => (
        <p class="training-notice">{notice}</p>
      ))}
      <table class="trainer-table">
        <caption class="visually-hidden">The tutorial's steps and their state</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {model.steps.map((step) => (
            <tr class={step.isNext ? 'trainer-next' : undefined}>
              <th scope="row">
                {step.step}. {step.title}
              </th>
              <td>
                <TrainingStatus status={step.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        {model.provisioning.heading}: <TrainingStatus status={model.provisioning.status} />
      </h2>
      <p>{model.provisioning.title}</p>
      <table class="trainer-table">
        <caption class="visually-hidden">The provisioning sub-steps and their state</caption>
        <thead>
          <tr>
            <th scope="col">Sub-step</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {model.provisioning.subSteps.map((sub) => (
            <tr class={sub.id === model.provisioning.next?.subStep.id ? 'trainer-next' : undefined}>
              <th scope="row">{sub.title}</th>
              <td>
                <TrainingStatus status={sub.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="trainer-foot">
        Refreshes every {props.refreshSeconds} seconds. <a href={props.handoutsHref}>Exercise handouts</a>
      </p>
    </Document>
  )
}

/** The list of handouts, one per exercise. */
export function HandoutIndexPage(props: {
  readonly Document: TrainingDocument
  readonly handouts: readonly ExerciseHandout[]
  readonly hrefOf: (id: string) => string
}) {
  const { Document } = props
  return (
    <Document title="Exercise handouts" bodyClass="handout-index">
      <h1>Exercise handouts</h1>
      <p>
        One page per break-it exercise: the symptom, where to look, hints and the fix. Open one and print it.
      </p>
      <ol>
        {props.handouts.map((h) => (
          <li>
            <a href={props.hrefOf(h.id)}>{h.title}</a>
          </li>
        ))}
      </ol>
    </Document>
  )
}

/** One exercise on one A4 page. */
export function HandoutPage(props: {
  readonly Document: TrainingDocument
  readonly handout: ExerciseHandout
  readonly indexHref: string
}) {
  const { handout, Document } = props
  return (
    <Document title={`Handout: ${handout.title}`} bodyClass="handout">
      <p class="handout-back">
        <a href={props.indexHref}>All handouts</a>
      </p>
      <p class="handout-kicker">Break-it exercise · Microsoft Entra SSO integration with Cisco Webex</p>
      <h1>{handout.title}</h1>
      <p>{handout.startsFrom}</p>
      <section aria-labelledby="handout-symptom">
        <h2 id="handout-symptom">Symptom</h2>
        <p>
          {handout.symptom.where}: <code>{handout.symptom.shows}</code>
        </p>
      </section>
      <section aria-labelledby="handout-where">
        <h2 id="handout-where">Where to look</h2>
        <p>{handout.whereToLook}</p>
      </section>
      <section aria-labelledby="handout-hints">
        <h2 id="handout-hints">Hints</h2>
        <ol>
          {handout.hints.map((hint) => (
            <li>{hint}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="handout-fix" class="handout-fix">
        <h2 id="handout-fix">Fix</h2>
        <dl>
          <dt>What broke</dt>
          <dd>{handout.fix.whatBroke}</dd>
          <dt>Why this error</dt>
          <dd>{handout.fix.whyThisError}</dd>
          <dt>Where it is fixed</dt>
          <dd>{handout.fix.fixScreen}</dd>
        </dl>
      </section>
    </Document>
  )
}
