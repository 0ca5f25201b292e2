import { Hono } from 'hono'
import { describeProvisioningError } from '../../../errors/provisioning-error'
import { onDemandCardTitle } from '../../../provisioning/on-demand'
import { ENTERPRISE_APPS_HREF } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import {
  AppProvisioningLogPage,
  AppProvisioningLogsPage,
} from '../../../views/console/pages/enterprise-apps/provisioning-logs-page'
import {
  type OnDemandCardView,
  type OnDemandChoice,
  ProvisionOnDemandPage,
} from '../../../views/console/pages/enterprise-apps/provisioning-on-demand-page'
import type { HttpDeps, IdpContext, IdpEnv } from '../../env'
import { formFields } from '../../request-facts'
import { consolePage } from '../console-page'
import { downloadLogs, filteredLogsPage } from '../provisioning-log-filters'
import { appNotFound, appOf } from './app-context'

const APP = `${ENTERPRISE_APPS_HREF}/:id`
const MAX_CHOICES = 20

/** Provision on demand and the app's Provisioning logs. */
export function provisioningLogRoutes(deps: HttpDeps) {
  const { provisioning } = deps.services

  /** Users whose name, UPN or mail contains the search (all users, first ones, for an empty search). */
  const choicesFor = (search: string): OnDemandChoice[] => {
    const needle = search.trim().toLowerCase()
    return deps.services.directory
      .listUsers()
      .filter((u) =>
        [u.displayName, u.userPrincipalName, u.mail ?? '', u.givenName ?? '', u.surname ?? ''].some((v) =>
          v.toLowerCase().includes(needle),
        ),
      )
      .slice(0, MAX_CHOICES)
      .map((u) => ({ id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName }))
  }

  const onDemandPage = (
    c: IdpContext,
    found: NonNullable<ReturnType<typeof appOf>>,
    extra: { result?: { subject: string; cards: OnDemandCardView[] }; error?: string },
  ) => {
    const page = consolePage(c, deps)
    const search = (c.req.query('search') ?? '').slice(0, 256)
    return (
      <ProvisionOnDemandPage
        frame={page.frame(ENTERPRISE_APPS_HREF)}
        app={found.ref}
        search={search}
        choices={choicesFor(search)}
        csrf={page.csrf}
        result={extra.result}
        error={extra.error}
      />
    )
  }

  return (
    new Hono<IdpEnv>()
      .get(`${APP}/provisioning/on-demand`, (c) => {
        const found = appOf(c, deps)
        if (!found) return appNotFound(c)
        // After Provision, the result is read back from its log entry (the POST redirected here).
        const logId = c.req.query('log')
        const log = logId ? provisioning.log(logId) : null
        const result =
          log && log.servicePrincipalId === found.ref.servicePrincipalId
            ? {
                subject: log.sourceIdentity.displayName,
                cards: log.steps.map((step) => ({
                  title: onDemandCardTitle(log.sourceIdentity.identityType, step.type),
                  step,
                })),
              }
            : undefined
        return consolePage(c, deps).show(onDemandPage(c, found, result ? { result } : {}))
      })
      .post(`${APP}/provisioning/on-demand`, async (c) => {
        const found = appOf(c, deps)
        if (!found) return appNotFound(c)
        const objectId = ((await formFields(c)).objectId ?? '').slice(0, 64)
        if (!objectId)
          return consolePage(c, deps).invalid(
            onDemandPage(c, found, { error: 'Select a user, then Provision.' }),
          )
        const done = await provisioning.provisionOnDemand(found.ref.servicePrincipalId, undefined, [
          { objectId, objectTypeName: 'User' },
        ])
        if (!done.ok)
          return consolePage(c, deps).invalid(
            onDemandPage(c, found, { error: describeProvisioningError(done.error) }),
          )
        const first = done.value.objects[0]
        const href = `${found.ref.hrefs.provisionOnDemand}${first ? `?log=${encodeURIComponent(first.log.id)}` : ''}`
        return consolePage(c, deps).done(href, {
          kind: done.value.result === 'Failure' ? 'error' : 'success',
          title: `Provision on demand: ${done.value.result}`,
          message: first
            ? `${first.log.sourceIdentity.displayName}: ${first.log.action} (${first.result}).`
            : 'Nothing was provisioned.',
        })
      })
      .get(`${APP}/provisioning-logs`, (c) => {
        const found = appOf(c, deps)
        if (!found) return appNotFound(c)
        const page = consolePage(c, deps)
        const listHref = found.ref.hrefs.provisioningLogs
        const { logs, filters, valid } = filteredLogsPage(c, deps, {
          listHref,
          downloadHref: `${listHref}/download`,
          servicePrincipalId: found.ref.servicePrincipalId,
        })
        const view = (
          <AppProvisioningLogsPage
            frame={page.frame(ENTERPRISE_APPS_HREF)}
            app={found.ref}
            logs={logs}
            filters={filters}
          />
        )
        return valid ? page.show(view) : page.invalid(view)
      })
      // Before `:logId`, which would otherwise take "download" for a log id.
      .get(`${APP}/provisioning-logs/download`, (c) => {
        const found = appOf(c, deps)
        if (!found) return appNotFound(c)
        return downloadLogs(c, deps, {
          servicePrincipalId: found.ref.servicePrincipalId,
          fileTitle: `${found.ref.displayName} provisioning logs`,
        })
      })
      .get(`${APP}/provisioning-logs/:logId`, (c) => {
        const found = appOf(c, deps)
        if (!found) return appNotFound(c)
        const log = provisioning.log(c.req.param('logId'))
        if (!log || log.servicePrincipalId !== found.ref.servicePrincipalId)
          return c.text('This provisioning log entry does not exist. Go back to Provisioning logs.', 404)
        const page = consolePage(c, deps)
        return page.show(
          <AppProvisioningLogPage frame={page.frame(ENTERPRISE_APPS_HREF)} app={found.ref} log={log} />,
        )
      })
  )
}
