import type { TrainingDocumentProps } from '@sandbox/shared/views'
import { SCRIPT_URL, STYLESHEET_URL } from '../../../assets/asset-files'

/**
 * A training page of its own (no navigation): what a projector or a printer shows, in this
 * console's look. The pages themselves are shared (`@sandbox/shared/views`).
 */
export function TrainingDocument(props: TrainingDocumentProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} - Microsoft Entra admin center (sandbox)</title>
        <link rel="stylesheet" href={STYLESHEET_URL} />
        <script src={SCRIPT_URL} defer />
      </head>
      <body
        class={props.bodyClass}
        data-refresh-seconds={props.refreshSeconds ? String(props.refreshSeconds) : undefined}
      >
        <main>{props.children}</main>
      </body>
    </html>
  )
}
