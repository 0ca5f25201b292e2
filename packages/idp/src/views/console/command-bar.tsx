import { Icon, type IconName } from './icons'

/**
 * A command that submits a form (the one around the bar, or `form` by id): a real submit
 * `<button>`. Commands that only navigate are links.
 */
export interface CommandButton {
  readonly kind: 'button'
  /** The visible text, which is also the accessible name ("Upload metadata file"). */
  readonly label: string
  readonly icon?: IconName
  readonly disabled?: boolean
  /** Submits this form (by id) when the bar sits outside it, e.g. a pane's Save. */
  readonly form?: string
  readonly name?: string
  readonly value?: string
  readonly formAction?: string
  /** With the console script, disabled until a row of this table (by id) is ticked. */
  readonly needsSelectionIn?: string
}

/** A command that goes somewhere: a link, or a pane opened in place when `opensPane` is set. */
export interface CommandLink {
  readonly kind: 'link'
  readonly label: string
  readonly href: string
  readonly icon?: IconName
  readonly disabled?: boolean
  /** The pane's id (the `?pane=` value): the link then opens it without a reload. */
  readonly opensPane?: string
  /** Download links name the file (Certificate (Base64) -> "Cisco Webex.cer"). */
  readonly download?: string
  /** Closes the pane or dialog it sits in ("Discard changes"): `href` is the page without `pane`. */
  readonly closesOverlay?: boolean
}

/** The "|" between groups of commands. */
export interface CommandSeparator {
  readonly kind: 'separator'
}

export type Command = CommandButton | CommandLink | CommandSeparator

function Face(props: { readonly icon?: IconName; readonly label: string }) {
  return (
    <>
      {props.icon ? <Icon name={props.icon} /> : null}
      <span>{props.label}</span>
    </>
  )
}

function Item(props: { readonly command: Command }) {
  const { command } = props
  if (command.kind === 'separator') return <span class="command-separator" aria-hidden="true" />
  // A disabled link cannot be a link: it is drawn as the disabled button Entra shows.
  if (command.disabled || command.kind === 'button') {
    const button = command.kind === 'button' ? command : null
    return (
      <button
        type={button ? 'submit' : 'button'}
        class="command"
        disabled={command.disabled === true}
        form={button?.form}
        name={button?.name}
        value={button?.value}
        formaction={button?.formAction}
        data-needs-selection={button?.needsSelectionIn}
      >
        <Face icon={command.icon} label={command.label} />
      </button>
    )
  }
  return (
    <a
      class="command"
      href={command.href}
      download={command.download}
      data-pane-link={command.opensPane ? true : undefined}
      data-opens-overlay={command.opensPane}
      data-overlay-close={command.closesOverlay ? true : undefined}
    >
      <Face icon={command.icon} label={command.label} />
    </a>
  )
}

/** The row of icon+text commands at the top of a blade or pane. */
export function CommandBar(props: { readonly commands: readonly Command[]; readonly label?: string }) {
  return (
    <fieldset class="command-bar" aria-label={props.label ?? 'Commands'}>
      {props.commands.map((command) => (
        <Item command={command} />
      ))}
    </fieldset>
  )
}
