import { controlAttributes, type FieldBase, FieldShell, TextBox } from './field-shell'
import { SelectOptions } from './select-field'

/** "User principal name *": the name before the "@", and the domain picked from the tenant's. */
export interface UpnFieldProps extends FieldBase {
  readonly name: string
  readonly value?: string
  readonly domainName: string
  readonly domains: readonly string[]
  readonly selectedDomain?: string
  readonly valid?: boolean
}

/** A text box, "@", and a dropdown of verified domains named "Domain". */
export function UpnField(props: UpnFieldProps) {
  return (
    <FieldShell field={props}>
      <div class="upn">
        <TextBox valid={props.valid && !props.error}>
          <input
            class="input"
            {...controlAttributes(props)}
            type="text"
            value={props.value ?? ''}
            autocomplete="off"
            spellcheck={false}
          />
        </TextBox>
        <span class="upn-at" aria-hidden="true">
          @
        </span>
        <select class="input" id={`${props.id}-domain`} name={props.domainName} aria-label="Domain">
          <SelectOptions
            options={props.domains.map((domain) => ({ value: domain, label: domain }))}
            selected={props.selectedDomain ?? props.domains[0]}
          />
        </select>
      </div>
    </FieldShell>
  )
}
