/** A name/value pair a form carries unseen: the CSRF token, the object's id, the page to return to. */
export interface HiddenField {
  readonly name: string
  readonly value: string
}

/** The hidden inputs of a form, in the order given. */
export function HiddenFields(props: { readonly fields?: readonly HiddenField[] }) {
  return (
    <>
      {(props.fields ?? []).map((f) => (
        <input type="hidden" name={f.name} value={f.value} />
      ))}
    </>
  )
}
