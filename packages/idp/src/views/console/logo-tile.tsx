import { initialsOf } from './top-bar'

const COLOURS = 8

/** A stable colour per name, so an app keeps its tile colour on every page. */
function colourIndex(name: string): number {
  let hash = 0
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  return hash % COLOURS
}

/** The coloured square with two initials that stands in for an app's logo ("CW" for Cisco Webex). */
export function LogoTile(props: { readonly name: string; readonly size?: 'small' | 'large' }) {
  return (
    <span
      class={`logo-tile tile-c${colourIndex(props.name)}${props.size === 'large' ? ' size-large' : ''}`}
      aria-hidden="true"
    >
      {initialsOf(props.name)}
    </span>
  )
}
