import type { ListPage } from '../../../../lists/list-page'
import type { SignInRecord } from '../../../../sign-in-log/sign-in-log'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { SignInLogTable } from '../monitoring/sign-in-log-table'
import { AppBlade, type AppRef } from './app-blade'

/** The app's Sign-in logs: the tenant's sign-in list, filtered to this app. */
export function AppSignInsPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly list: ListPage<SignInRecord>
}) {
  const { app } = props
  return (
    <ConsoleLayout title={`${app.displayName} | Sign-in logs`} {...props.frame}>
      <AppBlade app={app} page="Sign-in logs" icon="logs" currentHref={app.hrefs.signIns}>
        <SignInLogTable href={app.hrefs.signIns} query={{}} list={props.list} />
      </AppBlade>
    </ConsoleLayout>
  )
}
