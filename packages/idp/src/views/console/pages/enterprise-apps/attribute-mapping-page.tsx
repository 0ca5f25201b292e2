import type { MappingInput } from '../../../../provisioning/mapping-rules'
import { CommandBar } from '../../command-bar'
import { ConfirmDialog } from '../../confirm-dialog'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { DataTable } from '../../data-table'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { Pane } from '../../pane'
import { SelectField } from '../../select-field'
import { TextField } from '../../text-field'
import { AppBlade, type AppRef } from './app-blade'

/** The Edit attribute mapping pane's fields, as shown (a row being edited, or a new one). */
export interface MappingPaneValues {
  readonly row: number | 'new'
  readonly mappingType: 'Direct' | 'Constant' | 'Expression'
  readonly sourceAttribute: string
  readonly constantValue: string
  readonly expression: string
  readonly targetAttribute: string
  readonly matching: boolean
  readonly matchingPriority: number
  readonly flowType: 'Always' | 'ObjectAddOnly'
}

export interface AttributeMappingPageProps {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly kind: 'users' | 'groups'
  /** "Provision Microsoft Entra ID Users". */
  readonly title: string
  readonly targetSystem: string
  readonly rows: readonly MappingInput[]
  readonly enabled: boolean
  /** The draft differs from what is saved. */
  readonly unsaved: boolean
  readonly targets: readonly string[]
  readonly sources: readonly string[]
  readonly csrf: readonly HiddenField[]
  /** The unsaved table, carried by every form of the page. */
  readonly draft: string
  readonly pane: MappingPaneValues | null
  readonly confirmSave: boolean
  readonly banner?: { readonly tone: 'success' | 'error'; readonly message: string } | undefined
}

const FORM_ID = 'attribute-mapping-form'

function sourceText(row: MappingInput): string {
  if (row.source.type === 'Attribute') return row.source.name
  if (row.source.type === 'Constant') return `"${row.source.value}"`
  return row.source.expression
}

/**
 * Provisioning > Mappings > Attribute Mapping: the table of one object type (source attribute,
 * target attribute, Matching precedence), Edit / Delete per row, Add New Mapping, Restore default
 * mappings, and Save after a confirmation. Every change before Save stays in the page's draft.
 */
export function AttributeMappingPage(props: AttributeMappingPageProps) {
  const { app } = props
  const href = app.hrefs.attributeMapping(props.kind)
  const carried: HiddenField[] = [
    ...props.csrf,
    { name: 'draft', value: props.draft },
    { name: 'enabled', value: props.enabled ? 'Yes' : 'No' },
  ]
  return (
    <ConsoleLayout title={`${props.title} | Attribute Mapping`} {...props.frame}>
      <AppBlade
        app={app}
        page="Provisioning"
        icon="provisioning"
        currentHref={app.hrefs.provisioning}
        commands={
          <CommandBar
            commands={[
              { kind: 'button', label: 'Save', icon: 'save', form: FORM_ID, name: 'op', value: 'save' },
              { kind: 'link', label: 'Discard', icon: 'close', href },
            ]}
          />
        }
      >
        <h2>Attribute Mapping</h2>
        <p>{props.title}</p>
        {props.banner ? <InfoBanner tone={props.banner.tone}>{props.banner.message}</InfoBanner> : null}
        {props.unsaved ? (
          <InfoBanner tone="warning">You have unsaved changes. Select Save to keep them.</InfoBanner>
        ) : null}
        <form id={FORM_ID} method="post" action={href}>
          <HiddenFields fields={props.csrf} />
          <input type="hidden" name="draft" value={props.draft} />
          <SelectField
            id="mapping-enabled"
            name="enabled"
            label="Enabled"
            options={[
              { value: 'Yes', label: 'Yes' },
              { value: 'No', label: 'No' },
            ]}
            selected={props.enabled ? 'Yes' : 'No'}
          />
          <DataTable
            id="attribute-mappings"
            label="Attribute Mappings"
            columns={[
              { header: 'Azure Active Directory attribute', wide: true },
              { header: 'customappsso attribute' },
              { header: 'Matching precedence' },
              { header: 'Actions' },
            ]}
            rows={props.rows.map((row, i) => ({
              key: `${row.targetAttributeName}-${i}`,
              cells: [
                sourceText(row),
                row.targetAttributeName,
                row.matchingPriority ? String(row.matchingPriority) : '',
                <span class="row-actions">
                  <button
                    type="submit"
                    class="button"
                    name="op"
                    value={`edit:${i}`}
                    aria-label={`Edit ${row.targetAttributeName}`}
                  >
                    Edit
                  </button>{' '}
                  <button
                    type="submit"
                    class="button"
                    name="op"
                    value={`delete:${i}`}
                    aria-label={`Delete ${row.targetAttributeName}`}
                  >
                    Delete
                  </button>
                </span>,
              ],
            }))}
            emptyText="No attribute is mapped. Add New Mapping or Restore default mappings."
          />
          <p>
            <button type="submit" class="button" name="op" value="add">
              Add New Mapping
            </button>{' '}
            <button type="submit" class="button" name="op" value="restore">
              Restore default mappings
            </button>
          </p>
        </form>
      </AppBlade>
      {props.pane ? <MappingPane {...props} pane={props.pane} fields={carried} /> : null}
      {props.confirmSave ? (
        <ConfirmDialog
          id="save-mappings"
          title="Save changes?"
          message={`Saving changes to the attribute mappings starts an initial cycle: every ${props.kind === 'users' ? 'user' : 'group'} in scope is evaluated again with the new mappings. Do you want to continue?`}
          confirmLabel="Yes"
          cancelLabel="No"
          action={href}
          fields={[...carried, { name: 'op', value: 'confirm-save' }]}
          cancelHref={href}
        />
      ) : null}
    </ConsoleLayout>
  )
}

function MappingPane(props: AttributeMappingPageProps & { pane: MappingPaneValues; fields: HiddenField[] }) {
  const { pane } = props
  const names = (list: readonly string[]) => list.map((n) => ({ value: n, label: n }))
  return (
    <Pane
      id="edit-mapping"
      title="Edit attribute mapping"
      closeHref={props.app.hrefs.attributeMapping(props.kind)}
      form={{
        action: props.app.hrefs.attributeMapping(props.kind),
        fields: [...props.fields, { name: 'row', value: String(pane.row) }],
      }}
      footer={
        <>
          <button type="submit" class="button button-primary" name="op" value="apply">
            Ok
          </button>{' '}
          <button type="submit" class="button" name="op" value="cancel" formnovalidate>
            Cancel
          </button>
        </>
      }
    >
      <SelectField
        id="mapping-type"
        name="mappingType"
        label="Mapping type"
        options={[
          { value: 'Direct', label: 'Direct' },
          { value: 'Constant', label: 'Constant' },
          { value: 'Expression', label: 'Expression' },
        ]}
        selected={pane.mappingType}
        help="Direct copies the source attribute; Constant sends the Constant Value; Expression computes the value."
      />
      <SelectField
        id="mapping-source"
        name="sourceAttribute"
        label="Source attribute"
        options={names(props.sources)}
        selected={pane.sourceAttribute}
        help="Used when Mapping type is Direct."
      />
      <TextField
        id="mapping-constant"
        name="constantValue"
        label="Constant Value"
        value={pane.constantValue}
        maxLength={1024}
        help="Used when Mapping type is Constant."
      />
      <TextField
        id="mapping-expression"
        name="expression"
        label="Expression"
        value={pane.expression}
        maxLength={1024}
        help='Used when Mapping type is Expression, for example Join(" ", [givenName], [surname]).'
      />
      <SelectField
        id="mapping-target"
        name="targetAttribute"
        label="Target attribute"
        options={names(props.targets)}
        selected={pane.targetAttribute}
      />
      <SelectField
        id="mapping-matching"
        name="matching"
        label="Match objects using this attribute"
        options={[
          { value: 'No', label: 'No' },
          { value: 'Yes', label: 'Yes' },
        ]}
        selected={pane.matching ? 'Yes' : 'No'}
      />
      <TextField
        id="mapping-precedence"
        name="matchingPriority"
        label="Matching precedence"
        type="number"
        value={String(pane.matchingPriority || 1)}
        help="Used when matching: 1 is tried first."
      />
      <SelectField
        id="mapping-flow"
        name="flowType"
        label="Apply this mapping"
        options={[
          { value: 'Always', label: 'Always' },
          { value: 'ObjectAddOnly', label: 'Only during object creation' },
        ]}
        selected={pane.flowType}
      />
    </Pane>
  )
}
