import { RadioGroup } from '../../choice-fields'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { TextField } from '../../text-field'
import { AppBlade, type AppRef } from './app-blade'
import { type ProvisioningLog, StepCard } from './provisioning-log-views'

/** A user the admin can pick. */
export interface OnDemandChoice {
  readonly id: string
  readonly displayName: string
  readonly userPrincipalName: string
}

/** One result card: a step of the on-demand event with Entra's title. */
export interface OnDemandCardView {
  readonly title: string
  readonly step: ProvisioningLog['steps'][number]
}

/** Provision on demand: search a user, pick one, Provision; then the step-by-step result cards. */
export function ProvisionOnDemandPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly search: string
  readonly choices: readonly OnDemandChoice[]
  readonly csrf: readonly HiddenField[]
  readonly result?: { readonly subject: string; readonly cards: readonly OnDemandCardView[] } | undefined
  readonly error?: string | undefined
}) {
  const { app } = props
  return (
    <ConsoleLayout title={`${app.displayName} | Provision on demand`} {...props.frame}>
      <AppBlade
        app={app}
        page="Provision on demand"
        icon="provisioning"
        currentHref={app.hrefs.provisioning}
        trail={[{ label: 'Provisioning', href: app.hrefs.provisioning }]}
      >
        {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
        <form method="get" action={app.hrefs.provisionOnDemand}>
          <TextField
            id="on-demand-search"
            name="search"
            label="Search user"
            type="search"
            value={props.search}
            maxLength={256}
            help="Search by first name, last name, display name, user principal name or email address."
          />
          <button type="submit" class="button">
            Search
          </button>
        </form>
        <form method="post" action={app.hrefs.provisionOnDemand}>
          <HiddenFields fields={props.csrf} />
          {props.choices.length === 0 ? (
            <p>No user matches the search.</p>
          ) : (
            <RadioGroup
              id="on-demand-user"
              name="objectId"
              legend="Selected user"
              required
              options={props.choices.map((u) => ({
                value: u.id,
                label: u.displayName,
                description: u.userPrincipalName,
              }))}
            />
          )}
          <button type="submit" class="button button-primary">
            Provision
          </button>
        </form>
        {props.result ? (
          <section aria-labelledby="on-demand-result-heading">
            <h2 id="on-demand-result-heading">{`Result for ${props.result.subject}`}</h2>
            {props.result.cards.map((card) => (
              <StepCard title={card.title} step={card.step} />
            ))}
          </section>
        ) : null}
      </AppBlade>
    </ConsoleLayout>
  )
}
