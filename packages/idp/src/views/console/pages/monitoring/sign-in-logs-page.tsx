import type { Child } from 'hono/jsx'
import type { ListPage } from '../../../../lists/list-page'
import type { SignInRecord } from '../../../../sign-in-log/sign-in-log'
import { Blade } from '../../blade'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { ResultCount } from '../../list-toolbar'
import { logPageCommands } from './log-download-pane'
import { SIGN_IN_LOGS_HREF } from './monitoring-links'
import { SignInLogTable } from './sign-in-log-table'

/** Monitoring & health > Sign-in logs: every sign-in attempt of the tenant. */
export function SignInLogsPage(props: {
  readonly frame: ConsoleFrame
  readonly list: ListPage<SignInRecord>
  readonly overlay?: Child
}) {
  return (
    <ConsoleLayout title="Sign-in logs" {...props.frame} overlay={props.overlay}>
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/' }, { label: 'Sign-in logs' }]}
        object="Sign-in events"
        page="User sign-ins"
        subtitle={props.frame.tenantName}
        icon="logs"
        commands={<CommandBar label="Sign-in logs commands" commands={logPageCommands(SIGN_IN_LOGS_HREF)} />}
      >
        <ResultCount count={props.list.total} singular="sign-in" plural="sign-ins" />
        <SignInLogTable href={SIGN_IN_LOGS_HREF} query={{}} list={props.list} />
      </Blade>
    </ConsoleLayout>
  )
}
