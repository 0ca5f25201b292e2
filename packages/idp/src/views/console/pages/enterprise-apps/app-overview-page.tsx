import type { GettingStarted } from '../../../../enterprise-apps/getting-started'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { CopyText } from '../../copy-field'
import { AppBlade, type AppRef } from './app-blade'

/** The app's Overview (A5): Properties with copy buttons and the Getting Started cards, done or not from state. */
export function AppOverviewPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly applicationId: string
  readonly objectId: string
  readonly started: GettingStarted
}) {
  const { app, started } = props
  const cards = [
    {
      id: 'start-assign',
      title: '1. Assign users and groups',
      text: 'Provide specific users and groups access to the applications',
      link: 'Assign users and groups',
      href: app.hrefs.users,
      done: started.usersAssigned,
    },
    {
      id: 'start-sso',
      title: '2. Set up single sign on',
      text: 'Enable users to sign into their application using their Microsoft Entra credentials',
      link: 'Get started',
      href: app.hrefs.singleSignOn,
      done: started.singleSignOnConfigured,
    },
  ]
  return (
    <ConsoleLayout title={`${app.displayName} | Overview`} {...props.frame}>
      <AppBlade app={app} page="Overview" icon="overview" currentHref={app.hrefs.overview}>
        <h2>Properties</h2>
        <dl class="properties">
          <dt>Name</dt>
          <dd>{app.displayName}</dd>
          <dt>Application ID</dt>
          <dd>
            <CopyText
              id="overview-app-id"
              value={props.applicationId}
              copyLabel="Copy Application ID to clipboard"
            />
          </dd>
          <dt>Object ID</dt>
          <dd>
            <CopyText
              id="overview-object-id"
              value={props.objectId}
              copyLabel="Copy Object ID to clipboard"
            />
          </dd>
        </dl>
        <h2>Getting Started</h2>
        <ul class="start-grid">
          {cards.map((card) => (
            <li class="start-card" aria-labelledby={card.id}>
              <h3 id={card.id}>{card.title}</h3>
              <p>{card.text}</p>
              <span class={`start-state ${card.done ? 'done' : 'todo'}`}>
                {card.done ? 'Done' : 'Not done yet'}
              </span>
              <a href={card.href}>{card.link}</a>
            </li>
          ))}
        </ul>
      </AppBlade>
    </ConsoleLayout>
  )
}
