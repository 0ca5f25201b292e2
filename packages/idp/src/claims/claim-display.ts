import type { DeepReadonly } from '@sandbox/shared'
import type { ClaimSource, NameIdFormatChoice, ValueSource } from '../state/idp-state'

function valueText(source: DeepReadonly<ValueSource>): string {
  return source.kind === 'attribute' ? source.attribute : `"${source.value}"`
}

/** A claim's source as the Attributes & Claims page writes it: `user.mail`, `"value"`, `ToLowercase(user.mail)`. */
export function describeClaimSource(source: DeepReadonly<ClaimSource>): string {
  if (source.kind !== 'transformation') return valueText(source)
  let text = valueText(source.input)
  for (const step of source.transformations) {
    text =
      step.method === 'Join'
        ? `Join(${text}, "${step.separator}", ${valueText(step.parameter)})`
        : `${step.method}(${text})`
  }
  return text
}

/** The portal's words for each "Choose name identifier format" option. */
export const NAME_ID_FORMAT_LABELS: Readonly<Record<NameIdFormatChoice, string>> = {
  default: 'Default',
  persistent: 'Persistent',
  emailAddress: 'Email address',
  unspecified: 'Unspecified',
  windowsDomainQualifiedName: 'Windows domain qualified name',
}
