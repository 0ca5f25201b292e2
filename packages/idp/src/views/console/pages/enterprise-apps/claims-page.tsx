import type { Child } from 'hono/jsx'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { DataTable } from '../../data-table'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { AppBlade, type AppRef } from './app-blade'

/** One additional claim as the table shows it. */
export interface ClaimRow {
  readonly id: string
  readonly type: string
  readonly value: string
}

/** Attributes & Claims (A11): Required claim, Additional claims with Edit and Delete, Add new claim. */
export function ClaimsPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly nameId: { readonly value: string; readonly format: string }
  readonly claims: readonly ClaimRow[]
  readonly csrf: readonly HiddenField[]
  readonly overlay?: Child
}) {
  const { app } = props
  const pane = (query: string) => `${app.hrefs.claims}?${query}`
  return (
    <ConsoleLayout title="Attributes & Claims" {...props.frame} overlay={props.overlay}>
      <AppBlade
        app={app}
        page="Attributes & Claims"
        icon="sign-on"
        currentHref={app.hrefs.singleSignOn}
        trail={[{ label: 'SAML-based Sign-on', href: app.hrefs.saml }]}
        commands={
          <CommandBar
            commands={[
              {
                kind: 'link',
                label: 'Add new claim',
                icon: 'add',
                href: pane('pane=claim'),
                opensPane: 'claim',
              },
            ]}
          />
        }
      >
        <h2>Required claim</h2>
        <DataTable
          id="required-claim"
          label="Required claim"
          columns={[
            { header: 'Claim name', wide: true },
            { header: 'Type' },
            { header: 'Value' },
            { header: 'Actions' },
          ]}
          rows={[
            {
              key: 'nameid',
              cells: [
                'Unique User Identifier (Name ID)',
                'SAML',
                `${props.nameId.value} [${props.nameId.format}]`,
                <a
                  href={pane('pane=nameid')}
                  data-pane-link
                  data-opens-overlay="nameid"
                  aria-label="Edit Unique User Identifier (Name ID)"
                >
                  Edit
                </a>,
              ],
            },
          ]}
          emptyText=""
        />
        <h2>Additional claims</h2>
        <DataTable
          id="additional-claims"
          label="Additional claims"
          columns={[
            { header: 'Claim name', wide: true },
            { header: 'Type' },
            { header: 'Value' },
            { header: 'Actions' },
          ]}
          rows={props.claims.map((claim) => ({
            key: claim.id,
            cells: [
              claim.type,
              'SAML',
              claim.value,
              <span class="row-actions">
                <a
                  href={pane(`pane=claim&claim=${encodeURIComponent(claim.id)}`)}
                  aria-label={`Edit ${claim.type}`}
                >
                  Edit
                </a>{' '}
                <form method="post" action={`${app.hrefs.claims}/delete`} class="inline-form">
                  <HiddenFields fields={[...props.csrf, { name: 'claim', value: claim.id }]} />
                  <button type="submit" class="button" aria-label={`Delete ${claim.type}`}>
                    Delete
                  </button>
                </form>
              </span>,
            ],
          }))}
          emptyText="No additional claims."
        />
      </AppBlade>
    </ConsoleLayout>
  )
}
