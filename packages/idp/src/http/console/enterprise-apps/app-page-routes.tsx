import { Hono } from 'hono'
import { findPrincipals, roleChoices, roleName } from '../../../enterprise-apps/assignment-choices'
import { gettingStarted } from '../../../enterprise-apps/getting-started'
import { ENTERPRISE_APPS_HREF } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import { AppOverviewPage } from '../../../views/console/pages/enterprise-apps/app-overview-page'
import {
  type AppPropertiesForm,
  AppPropertiesPage,
} from '../../../views/console/pages/enterprise-apps/app-properties-page'
import { AppSignInsPage } from '../../../views/console/pages/enterprise-apps/app-sign-ins-page'
import {
  AddAssignmentPage,
  PickPrincipalsPane,
  UsersAndGroupsPage,
} from '../../../views/console/pages/enterprise-apps/users-and-groups-page'
import type { HttpDeps, IdpEnv } from '../../env'
import { formFields } from '../../request-facts'
import { consolePage } from '../console-page'
import { listQueryOf } from '../list-query'
import { appNotFound, appOf } from './app-context'

const APP = `${ENTERPRISE_APPS_HREF}/:id`

/** One app's Overview, Properties and Users and groups (with Add Assignment). */
export function appPageRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .get(APP, (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const summary = deps.services.samlConfig.summary(found.ref.servicePrincipalId)
      const assigned = deps.services.assignments.countForApp(found.ref.servicePrincipalId)
      if (!summary.ok) return appNotFound(c)
      return page.show(
        <AppOverviewPage
          frame={page.frame(ENTERPRISE_APPS_HREF)}
          app={found.ref}
          applicationId={found.app.servicePrincipal.appId}
          objectId={found.app.servicePrincipal.id}
          started={gettingStarted(summary.value, assigned)}
        />,
      )
    })
    .get(`${APP}/properties`, (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const sp = found.app.servicePrincipal
      const form: AppPropertiesForm = {
        accountEnabled: sp.accountEnabled,
        appRoleAssignmentRequired: sp.appRoleAssignmentRequired,
        visibleToUsers: sp.visibleToUsers,
        displayName: sp.displayName,
        notes: sp.notes ?? '',
      }
      return page.show(
        <AppPropertiesPage
          frame={page.frame(ENTERPRISE_APPS_HREF)}
          app={found.ref}
          form={form}
          csrf={page.csrf}
        />,
      )
    })
    .post(`${APP}/properties`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const f = await formFields(c)
      const form: AppPropertiesForm = {
        accountEnabled: f.accountEnabled === 'true',
        appRoleAssignmentRequired: f.appRoleAssignmentRequired === 'true',
        visibleToUsers: f.visibleToUsers === 'true',
        displayName: f.displayName ?? '',
        notes: f.notes ?? '',
      }
      const saved = await deps.services.apps.updateServicePrincipal(
        found.ref.servicePrincipalId,
        form,
        page.actor,
      )
      if (!saved.ok)
        return page.invalid(
          <AppPropertiesPage
            frame={page.frame(ENTERPRISE_APPS_HREF)}
            app={found.ref}
            form={form}
            csrf={page.csrf}
            error={saved.error.message}
          />,
        )
      return page.done(found.ref.hrefs.properties, {
        kind: 'success',
        title: 'Properties saved',
        message: `Successfully updated ${saved.value.servicePrincipal.displayName}.`,
      })
    })
    .get(`${APP}/sign-ins`, (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const list = deps.services.signInLog.find({
        servicePrincipalId: found.ref.servicePrincipalId,
        page: listQueryOf(c).page,
      })
      return page.show(
        <AppSignInsPage frame={page.frame(ENTERPRISE_APPS_HREF)} app={found.ref} list={list} />,
      )
    })
    .get(`${APP}/users`, (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const assignments = deps.services.assignments.findForApp(found.ref.servicePrincipalId, {
        page: listQueryOf(c).page,
      })
      if (!assignments.ok) return appNotFound(c)
      const list = {
        ...assignments.value,
        items: assignments.value.items.map((a) => ({
          id: a.id,
          displayName: a.principalDisplayName ?? a.principalId,
          type: a.principalType,
          role: roleName(found.app, a.appRoleId),
        })),
      }
      return page.show(
        <UsersAndGroupsPage
          frame={page.frame(ENTERPRISE_APPS_HREF)}
          app={found.ref}
          list={list}
          csrf={page.csrf}
        />,
      )
    })
    .post(`${APP}/users/remove`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const f = await formFields(c)
      const removed = await deps.services.assignments.removeFromApp(
        found.ref.servicePrincipalId,
        f.assignment ?? '',
        page.actor,
      )
      return page.done(
        found.ref.hrefs.users,
        removed.ok
          ? {
              kind: 'success',
              title: 'Assignment removed',
              message: 'The user or group no longer has access to the application.',
            }
          : { kind: 'error', title: 'Could not remove the assignment', message: removed.error.message },
      )
    })
    .get(`${APP}/users/add`, (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const ids = c.req.queries('principal') ?? []
      const everyone = findPrincipals(
        deps.services.directory.listUsers(),
        deps.services.groups.listGroups(),
        '',
      )
      const selected = everyone.filter((p) => ids.includes(p.id))
      const search = (c.req.query('search') ?? '').slice(0, 256)
      const overlay =
        c.req.query('pane') === 'pick' ? (
          <PickPrincipalsPane
            app={found.ref}
            search={search}
            choices={findPrincipals(
              deps.services.directory.listUsers(),
              deps.services.groups.listGroups(),
              search,
            )}
            selected={ids}
          />
        ) : undefined
      return page.show(
        <AddAssignmentPage
          frame={page.frame(ENTERPRISE_APPS_HREF)}
          app={found.ref}
          selected={selected}
          roles={roleChoices(found.app)}
          csrf={page.csrf}
          overlay={overlay}
        />,
      )
    })
    .post(`${APP}/users/add`, async (c) => {
      const found = appOf(c, deps)
      if (!found) return appNotFound(c)
      const page = consolePage(c, deps)
      const body = await formFields(c)
      const ids = Object.entries(body)
        .filter(([name, value]) => name.startsWith('principal-') && typeof value === 'string')
        .map(([, value]) => value as string)
        .slice(0, 200)
      const role = body.role
      let users = 0
      let groups = 0
      for (const principalId of ids) {
        const made = await deps.services.assignments.assign(
          {
            resourceId: found.ref.servicePrincipalId,
            principalId,
            ...(role ? { appRoleId: role } : {}),
          },
          page.actor,
        )
        if (!made.ok) {
          const everyone = findPrincipals(
            deps.services.directory.listUsers(),
            deps.services.groups.listGroups(),
            '',
          )
          return page.invalid(
            <AddAssignmentPage
              frame={page.frame(ENTERPRISE_APPS_HREF)}
              app={found.ref}
              selected={everyone.filter((p) => ids.includes(p.id))}
              roles={roleChoices(found.app)}
              csrf={page.csrf}
              error={made.error.message}
            />,
          )
        }
        if (made.value.principalType === 'User') users += 1
        else groups += 1
      }
      if (ids.length === 0)
        return page.done(found.ref.hrefs.addAssignment, {
          kind: 'error',
          title: 'Nobody selected',
          message: 'Select at least one user or group, then Assign.',
        })
      return page.done(found.ref.hrefs.users, {
        kind: 'success',
        title: 'Application assignment succeeded',
        message: `${users} users & ${groups} groups have been assigned access.`,
      })
    })
}
