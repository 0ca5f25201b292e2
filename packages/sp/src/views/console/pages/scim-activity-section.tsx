import type { ScimActivityEntry, ScimCaller } from '../../../scim/scim-activity'
import { SettingsRow, SettingsSection, StatusPill } from '../cards'
import { DataTable } from '../data-table'

const CREDENTIAL_LABELS: Record<ScimCaller['credential'], string> = {
  'scim-token': 'Organization token',
  'wrong-token': 'Wrong token',
  'no-token': 'No token',
  'not-bearer': 'Not a bearer token',
  'token-in-query': 'Token in the URL',
}

const OPERATION_LABELS: Record<ScimActivityEntry['operation'], string> = {
  create: 'Create',
  replace: 'Replace',
  update: 'Update',
  delete: 'Delete',
  bulk: 'Bulk',
  read: 'Read',
}

function Caller(props: { caller: ScimCaller }) {
  const { caller } = props
  const credential = caller.tokenName ?? CREDENTIAL_LABELS[caller.credential]
  return (
    <>
      {credential}
      <br />
      <small>
        {caller.source}
        {caller.userAgent ? `, ${caller.userAgent}` : ''}
      </small>
    </>
  )
}

function Target(props: { entry: ScimActivityEntry }) {
  const { entry } = props
  const what = entry.resourceType ?? entry.path
  return (
    <>
      {OPERATION_LABELS[entry.operation]} {what}
      {entry.target.name ? (
        <>
          <br />
          <small>{entry.target.name}</small>
        </>
      ) : null}
    </>
  )
}

/**
 * Organization Settings > SCIM activity: what provisioning connectors did, newest first: who
 * called (which token, from where), what changed, and the result with a failure's reason.
 */
export function ScimActivitySection(props: { entries: readonly ScimActivityEntry[]; shown: number }) {
  return (
    <SettingsSection id="scim-activity" title="SCIM activity" layout="wide">
      <SettingsRow
        label="Recent SCIM calls"
        description={`Every SCIM call that changed something or failed, newest first (the last ${props.shown}; successful reads are left out). Also at GET /api/v1/scim/activity.`}
      >
        <DataTable
          caption="SCIM activity log"
          scrollable={true}
          columns={[
            { label: 'Time' },
            { label: 'Caller', wrap: true },
            { label: 'Operation', wrap: true },
            { label: 'Changes', wrap: true },
            { label: 'Result' },
          ]}
          rows={props.entries.map((entry) => ({
            id: `scim-activity-${entry.id}`,
            cells: [
              <time datetime={entry.time}>{entry.time.replace('T', ' ').slice(0, 19)} UTC</time>,
              <Caller caller={entry.caller} />,
              <Target entry={entry} />,
              <>
                {entry.changes.length > 0 ? (
                  <ul class="plain-list">
                    {entry.changes.map((line) => (
                      <li>{line}</li>
                    ))}
                  </ul>
                ) : entry.error || entry.fault ? null : (
                  '-'
                )}
                {entry.error ? <small>{entry.error}</small> : null}
                {entry.fault ? <small>Sandbox fault: {entry.fault}</small> : null}
              </>,
              <StatusPill
                tone={entry.result === 'success' ? 'success' : 'error'}
                label={`${entry.result === 'success' ? 'Success' : 'Failure'} (${entry.status})`}
              />,
            ],
          }))}
          empty={{
            title: 'No SCIM activity yet',
            text: 'Start provisioning in Entra (or call the SCIM API); each change and each failure appears here.',
          }}
        />
      </SettingsRow>
    </SettingsSection>
  )
}
