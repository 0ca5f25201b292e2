import { describe, expect, it } from 'vitest'
import type { TrainingPanelModel } from '../../training/training-panel-model'
import {
  type ConsoleTraining,
  consoleTrainingViews,
  type TrainingForms,
  TrainingPanel,
  TrainingSwitch,
} from './training-panel'

const html = (node: unknown): string => String(node)
const HOSTILE = '<img src=x onerror=alert(1)>'

const forms: TrainingForms = {
  on: true,
  switchAction: '/training/mode',
  panelAction: '/training/panel',
  trainerHref: '/training/trainer',
  handoutsHref: '/training/handouts',
  collapsed: false,
}

const model: TrainingPanelModel = {
  doneCount: 1,
  total: 7,
  complete: false,
  notices: [HOSTILE],
  next: {
    step: 2,
    subStep: { title: 'Create B.Simon', status: 'not-done', href: '/users/new' },
    linkLabel: 'Open New user',
  },
  steps: [
    { step: 1, title: 'Add Cisco Webex', status: 'done', isNext: false, subSteps: [] },
    {
      step: 2,
      title: 'Create a test user',
      status: 'not-done',
      isNext: true,
      subSteps: [{ title: 'Create B.Simon', status: 'unknown' }],
    },
  ],
  provisioning: {
    heading: 'Automatic user provisioning (optional)',
    title: 'Entra provisions B.Simon to Webex over SCIM',
    status: 'not-done',
    subSteps: [
      { title: 'Secret Token accepted by Webex', status: 'done' },
      { title: 'B.Simon assigned with the User role', status: 'not-done', href: '/apps/x/users' },
    ],
    next: {
      subStep: { title: 'B.Simon assigned with the User role', status: 'not-done', href: '/apps/x/users' },
      linkLabel: 'Open the provisioning step in Control Hub',
    },
    doneCount: 1,
    total: 2,
  },
} as unknown as TrainingPanelModel

const fields = <input type="hidden" name="csrf_token" value="t0k" />

describe("the training panel both consoles draw, each in its own design system's classes", () => {
  it("gives the next step's link the console's primary button class, and its hooks where it has them", () => {
    const fluent = html(
      <TrainingPanel
        training={forms}
        model={model}
        formFields={fields}
        look={{
          primaryButtonClass: 'button button-primary',
          stepTitleClass: 'training-step-title',
          chevronClass: 'training-chevron',
        }}
      />,
    )
    expect(fluent).toContain('<a class="button button-primary" href="/users/new">Open New user</a>')
    expect(fluent).toContain('<span class="training-step-title">Step 2: Create a test user</span>')
    expect(fluent).toContain('class="training-chevron"')
    // The provisioning part after the 7 steps, its link in the same look.
    expect(fluent).toContain('<span>Automatic user provisioning (optional)</span>')
    expect(fluent).toContain(
      '<a class="button button-primary" href="/apps/x/users">Open the provisioning step in Control Hub</a>',
    )
    const momentum = html(
      <TrainingPanel
        training={forms}
        model={model}
        formFields={fields}
        look={{ primaryButtonClass: 'btn btn-primary' }}
      />,
    )
    expect(momentum).toContain('<a class="btn btn-primary" href="/users/new">Open New user</a>')
    expect(momentum).toContain('<span>Step 2: Create a test user</span>')
    expect(momentum).not.toContain('training-chevron')
  })

  it("posts the console's own hidden fields with the disclosure, and escapes what the servers said", () => {
    const panel = html(
      <TrainingPanel training={forms} model={model} formFields={fields} look={{ primaryButtonClass: 'b' }} />,
    )
    expect(panel).toMatch(
      /<form method="post" action="\/training\/panel"><input type="hidden" name="csrf_token" value="t0k"\/><input type="hidden" name="open" value="false"\/>/,
    )
    expect(panel).toContain('aria-expanded="true"')
    expect(panel).toContain('<span aria-hidden="true">○</span> Not done')
    expect(panel).not.toContain(HOSTILE)
    expect(panel).toContain('&lt;img src=x')
    const collapsed = html(
      <TrainingPanel
        training={{ ...forms, collapsed: true }}
        model={model}
        formFields={fields}
        look={{ primaryButtonClass: 'b' }}
      />,
    )
    expect(collapsed).toContain('class="training-panel training-panel-collapsed"')
    expect(collapsed).toContain('<input type="hidden" name="open" value="true"/>')
  })

  it('draws the switch as a one-button form that turns training mode the other way', () => {
    const on = html(<TrainingSwitch training={forms} formFields={fields} />)
    expect(on).toContain('role="switch" aria-checked="true"')
    expect(on).toMatch(/name="csrf_token" value="t0k"\/><input type="hidden" name="on" value="false"\/>/)
    const off = html(<TrainingSwitch training={{ ...forms, on: false }} formFields={fields} />)
    expect(off).toContain('aria-checked="false"')
    expect(off).toContain('name="on" value="true"')
  })

  it("binds the switch and the panel to one console's look and hidden fields", () => {
    interface Frame extends ConsoleTraining {
      readonly token: string
    }
    const views = consoleTrainingViews<Frame>({
      look: { primaryButtonClass: 'btn btn-primary' },
      FormFields: (props) => <input type="hidden" name="token" value={props.training.token} />,
    })
    const frame: Frame = { ...forms, back: '/admin/users', token: 'frame-token' }
    const panel = html(
      <views.TrainingPanel training={frame} model={model}>
        <p>the exercise</p>
      </views.TrainingPanel>,
    )
    expect(panel).toContain('<a class="btn btn-primary" href="/users/new">')
    expect(panel).toContain('<input type="hidden" name="token" value="frame-token"/>')
    expect(panel).toContain('<p>the exercise</p></div></aside>')
    expect(html(<views.TrainingSwitch training={frame} />)).toContain(
      '<input type="hidden" name="token" value="frame-token"/><input type="hidden" name="on" value="false"/>',
    )
  })
})
