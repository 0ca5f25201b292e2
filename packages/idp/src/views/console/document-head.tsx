import { SCRIPT_URL, STYLESHEET_URL } from '../assets/asset-files'

/** The `<head>` of every Entra page: the fingerprinted stylesheet and, when asked, the console script. */
export function DocumentHead(props: { readonly title: string; readonly withScript?: boolean }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title}</title>
      <link rel="stylesheet" href={STYLESHEET_URL} />
      {props.withScript ? <script src={SCRIPT_URL} defer /> : null}
    </head>
  )
}
