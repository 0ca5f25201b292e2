import type { ClaimFormFields } from '../../../../claims/claim-form'
import { RadioGroup } from '../../choice-fields'
import type { HiddenField } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { Pane } from '../../pane'
import { SelectField } from '../../select-field'
import { TextField } from '../../text-field'
import type { AppRef } from './app-blade'

/** Manage claim: Name, Namespace, Source (Attribute, Constant, Transformation) and their fields; Save. */
export function ManageClaimPane(props: {
  readonly app: AppRef
  readonly claimId: string | null
  readonly form: ClaimFormFields
  readonly attributes: readonly string[]
  readonly transformations: readonly string[]
  readonly csrf: readonly HiddenField[]
  readonly error?: string | undefined
}) {
  const { form } = props
  const attributes = props.attributes.map((a) => ({ value: a, label: a }))
  return (
    <Pane
      id="claim"
      title="Manage claim"
      closeHref={props.app.hrefs.claims}
      form={{
        action: props.app.hrefs.claims,
        fields: [...props.csrf, ...(props.claimId ? [{ name: 'claimId', value: props.claimId }] : [])],
      }}
      commands={[
        { kind: 'button', label: 'Save', icon: 'save' },
        {
          kind: 'link',
          label: 'Discard changes',
          icon: 'close',
          href: props.app.hrefs.claims,
          closesOverlay: true,
        },
      ]}
    >
      {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
      <TextField id="claim-name" name="name" label="Name" required value={form.name ?? ''} maxLength={256} />
      <TextField
        id="claim-namespace"
        name="namespace"
        label="Namespace"
        value={form.namespace ?? ''}
        placeholder="Enter a namespace URI"
      />
      <RadioGroup
        id="claim-source"
        name="sourceKind"
        legend="Source"
        horizontal
        selected={form.sourceKind ?? 'attribute'}
        options={[
          { value: 'attribute', label: 'Attribute' },
          { value: 'constant', label: 'Constant' },
          { value: 'transformation', label: 'Transformation' },
        ]}
      />
      <SelectField
        id="claim-attribute"
        name="attribute"
        label="Source attribute"
        options={attributes}
        selected={form.attribute ?? 'user.userprincipalname'}
      />
      <TextField
        id="claim-constant"
        name="constant"
        label="Constant value"
        value={form.constant ?? ''}
        help="Used when Source is Constant."
      />
      <SelectField
        id="claim-transformation"
        name="transformation"
        label="Transformation"
        options={props.transformations.map((t) => ({ value: t, label: t }))}
        selected={form.transformation ?? 'ToLowercase'}
        help="Used when Source is Transformation: applied to the Source attribute."
      />
      <TextField
        id="claim-separator"
        name="separator"
        label="Separator"
        value={form.separator ?? ''}
        help="Join only: the text between the two values."
      />
      <SelectField
        id="claim-parameter"
        name="parameter"
        label="Parameter 2"
        options={attributes}
        selected={form.parameter ?? 'user.mail'}
        help="Join only: the second value."
      />
    </Pane>
  )
}

/** The Unique User Identifier (Name ID) pane: Choose name identifier format and Source attribute. */
export function NameIdPane(props: {
  readonly app: AppRef
  readonly format: string
  readonly attribute: string
  readonly formats: readonly { readonly value: string; readonly label: string }[]
  readonly attributes: readonly string[]
  readonly csrf: readonly HiddenField[]
  readonly error?: string | undefined
}) {
  return (
    <Pane
      id="nameid"
      title="Manage claim"
      subtitle="Unique User Identifier (Name ID)"
      closeHref={props.app.hrefs.claims}
      form={{ action: `${props.app.hrefs.claims}/nameid`, fields: props.csrf }}
      commands={[{ kind: 'button', label: 'Save', icon: 'save' }]}
    >
      {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
      <SelectField
        id="nameid-format"
        name="format"
        label="Choose name identifier format"
        options={props.formats}
        selected={props.format}
      />
      <SelectField
        id="nameid-attribute"
        name="attribute"
        label="Source attribute"
        options={props.attributes.map((a) => ({ value: a, label: a }))}
        selected={props.attribute}
      />
    </Pane>
  )
}
