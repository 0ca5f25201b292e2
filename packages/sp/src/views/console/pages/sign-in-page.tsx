import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from '../actions'
import { ConsoleDocument, controlHubTabTitle } from '../document'
import { FormError, TextField } from '../fields'
import { Wordmark } from '../webex-app'

/** The one input of a sign-in step: the email, the password or the PIN. */
export interface SignInField {
  readonly label: string
  readonly name: string
  readonly type: 'email' | 'password' | 'text'
  readonly autocomplete: string
  readonly value?: string
  readonly maxLength: number
  readonly hint?: string
}

export interface ControlHubSignInPageProps {
  readonly pageTitle: string
  readonly heading: string
  /** Who is signing in, once the email step is done ("admin@contoso.com"), with a way back. */
  readonly account?: { readonly email: string; readonly changeHref: string }
  readonly intro?: Child
  readonly action: string
  readonly csrfToken: string
  /** Carried from step to step (the email, the return path). */
  readonly hidden: Readonly<Record<string, string>>
  readonly field: SignInField
  readonly submitLabel: string
  readonly error?: string
  /** A line above the form: "You have signed out.", "Your session has expired due to inactivity." */
  readonly notice?: string
  readonly footerLinks?: readonly { readonly label: string; readonly href: string }[]
}

/**
 * Control Hub's sign-in steps (E1): the centred panel with the wordmark, the step's heading, one
 * field and the primary button. The email step, the password step and the recovery PIN step
 * differ only in their words and field. The SANDBOX strip says where the password comes from.
 */
export function ControlHubSignInPage(props: ControlHubSignInPageProps) {
  return (
    <ConsoleDocument tabTitle={controlHubTabTitle(props.pageTitle)} bodyClass="wx-sign-in">
      <div class="wx-sandbox-strip">
        <strong>SANDBOX</strong>
        <span>
          Control Hub of a Webex emulator on this machine. The administrator and its password are printed when
          the sandbox starts.
        </span>
      </div>
      <main id="main" tabindex={-1}>
        <div class="wx-panel">
          <Wordmark />
          <h1>{props.heading}</h1>
          {props.notice ? (
            <p class="notice" role="status">
              {props.notice}
            </p>
          ) : null}
          {props.account ? (
            <p class="signing-in-as">
              <span>{props.account.email}</span> <a href={props.account.changeHref}>Use another account</a>
            </p>
          ) : null}
          {props.intro ? <div class="intro">{props.intro}</div> : null}
          <form method="post" action={props.action}>
            <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
            {Object.entries(props.hidden).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            {props.error ? <FormError>{props.error}</FormError> : null}
            <TextField
              label={props.field.label}
              name={props.field.name}
              type={props.field.type}
              size="large"
              placeholder={props.field.label}
              autocomplete={props.field.autocomplete}
              required={true}
              value={props.field.value}
              autofocus={true}
              maxLength={props.field.maxLength}
              hint={props.field.hint}
            />
            <button type="submit" class="btn btn-primary large block" data-enable-when-valid="">
              {props.submitLabel}
            </button>
          </form>
          {props.footerLinks && props.footerLinks.length > 0 ? (
            <p class="notice">
              {props.footerLinks.map((link) => (
                <a href={link.href}>{link.label}</a>
              ))}
            </p>
          ) : null}
        </div>
      </main>
      <footer class="wx-footer">
        <span>SSO rehearsal sandbox. Not affiliated with Cisco.</span>
      </footer>
    </ConsoleDocument>
  )
}
