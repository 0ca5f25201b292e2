import type { TrainingDocumentProps } from '@sandbox/shared/views'
import { ConsoleDocument, controlHubTabTitle } from '../document'

/**
 * A training page of its own (no navigation): what a projector or a printer shows, in this
 * console's look. The pages themselves are shared (`@sandbox/shared/views`).
 */
export function TrainingDocument(props: TrainingDocumentProps) {
  return (
    <ConsoleDocument
      tabTitle={controlHubTabTitle(props.title)}
      bodyClass={props.bodyClass}
      {...(props.refreshSeconds ? { refreshSeconds: props.refreshSeconds } : {})}
    >
      <main>{props.children}</main>
    </ConsoleDocument>
  )
}
