/** What the auto-posting form carries. */
export interface PostBindingFormProps {
  readonly action: string
  readonly fields: readonly { readonly name: string; readonly value: string }[]
  /** The CSP nonce of this response: the only script allowed to run. */
  readonly nonce: string | undefined
}

/**
 * The HTTP-POST binding page Entra serves: hidden fields, submitted by a nonce'd script, with a
 * Submit button inside <noscript> so that it also works without JavaScript. Values are escaped by
 * hono/jsx; nothing here is raw.
 */
export function PostBindingForm(props: PostBindingFormProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Working...</title>
      </head>
      <body>
        <form method="post" name="hiddenform" action={props.action}>
          {props.fields.map((f) => (
            <input type="hidden" name={f.name} value={f.value} />
          ))}
          <noscript>
            <p>Script is disabled. Click Submit to continue.</p>
            <input type="submit" value="Submit" />
          </noscript>
        </form>
        <script nonce={props.nonce}>
          window.setTimeout(function(){'{'}document.forms[0].submit(){'}'}, 0)
        </script>
      </body>
    </html>
  )
}
