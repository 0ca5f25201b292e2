import { Hono } from 'hono'
import { describeProvisioningError, type ProvisioningError } from '../../../errors/provisioning-error'
import type { ProvisioningPage } from '../../../provisioning/job-views'
import { ENTERPRISE_APPS_HREF } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import {
  type ProvisioningBanner,
  type ProvisioningForm,
  ProvisioningPageView,
} from '../../../views/console/pages/enterprise-apps/provisioning-page'
import type { HttpDeps, IdpContext, IdpEnv } from '../../env'
import { formFields } from '../../request-facts'
import { consolePage } from '../console-page'
import { appNotFound, appOf } from './app-context'
import { attributeMappingRoutes } from './attribute-mapping-routes'
import { provisioningLogRoutes } from './provisioning-log-routes'

const APP = `${ENTERPRISE_APPS_HREF}/:id`

/** The form as the saved job fills it (Automatic for a first visit: that is what Get started is for). */
function savedForm(page: ProvisioningPage): ProvisioningForm {
  const settings = page.job?.settings
  return {
    mode: settings ? settings.mode : 'Automatic',
    tenantUrl: settings?.tenantUrl ?? '',
    secretToken: '',
    hasSavedToken: settings?.hasSecretToken ?? false,
    notificationEmail: settings?.notificationEmail ?? '',
    sendEmailOnFailure: settings?.sendEmailOnFailure ?? false,
    scope: settings?.syncAll ? 'all' : 'assigned',
    provisioningStatus: page.job?.status.scheduleState === 'Active' ? 'On' : 'Off',
  }
}

/** The form as it was posted (every value bounded; unknown choices fall back to the safe one). */
function postedForm(f: Record<string, string | undefined>, page: ProvisioningPage): ProvisioningForm {
  return {
    mode: f.mode === 'Manual' ? 'Manual' : 'Automatic',
    tenantUrl: (f.tenantUrl ?? '').trim().slice(0, 2048),
    secretToken: (f.secretToken ?? '').trim().slice(0, 4096),
    hasSavedToken: page.job?.settings.hasSecretToken ?? false,
    notificationEmail: (f.notificationEmail ?? '').trim().slice(0, 254),
    sendEmailOnFailure: f.sendEmailOnFailure === 'true',
    scope: f.scope === 'all' ? 'all' : 'assigned',
    provisioningStatus: f.provisioningStatus === 'On' ? 'On' : 'Off',
  }
}

/** The field an error is about, for the form (the service names Graph's keys). */
function fieldErrorsOf(error: ProvisioningError): Record<string, string> {
  const message = describeProvisioningError(error)
  const target = (error.target ?? '').toLowerCase()
  if (target.includes('url') || target.includes('baseaddress') || error.code.startsWith('TenantUrl'))
    return { tenantUrl: message }
  if (target.includes('token') || error.code === 'CredentialsRejected') return { secretToken: message }
  if (target.includes('email') || target.includes('notification')) return { notificationEmail: message }
  return {}
}

/** The app's Provisioning page: Get started, the configuration (Save, Test Connection) and the overview. */
export function provisioningRoutes(deps: HttpDeps) {
  const { provisioning } = deps.services
  const render = (
    c: IdpContext,
    found: NonNullable<ReturnType<typeof appOf>>,
    page: ProvisioningPage,
    options: {
      view: 'get-started' | 'edit' | 'overview'
      form?: ProvisioningForm
      banner?: ProvisioningBanner
      fieldErrors?: Record<string, string>
      toast?: { kind: 'success' | 'error'; title: string; message: string }
    },
  ) => {
    const screen = consolePage(c, deps)
    const frame = screen.frame(ENTERPRISE_APPS_HREF)
    return (
      <ProvisioningPageView
        frame={options.toast ? { ...frame, toasts: [options.toast] } : frame}
        app={found.ref}
        page={page}
        view={options.view}
        form={options.form ?? savedForm(page)}
        csrf={screen.csrf}
        banner={options.banner}
        {...(options.fieldErrors ? { fieldErrors: options.fieldErrors } : {})}
      />
    )
  }

  return new Hono<IdpEnv>()
    .get(`${APP}/provisioning`, (c) => {
      const found = appOf(c, deps)
      const page = found ? provisioning.page(found.ref.servicePrincipalId) : null
      if (!found || !page?.ok) return appNotFound(c)
      const view = c.req.query('view') === 'edit' ? 'edit' : page.value.job ? 'overview' : 'get-started'
      return consolePage(c, deps).show(render(c, found, page.value, { view }))
    })
    .post(`${APP}/provisioning`, async (c) => {
      const found = appOf(c, deps)
      const page = found ? provisioning.page(found.ref.servicePrincipalId) : null
      if (!found || !page?.ok) return appNotFound(c)
      const form = postedForm(await formFields(c), page.value)
      const saved = await provisioning.configure(found.ref.servicePrincipalId, {
        mode: form.mode,
        tenantUrl: form.tenantUrl,
        // An empty Secret Token keeps the saved one, as the portal does.
        ...(form.secretToken ? { secretToken: form.secretToken } : {}),
        notificationEmail: form.notificationEmail || null,
        sendEmailOnFailure: form.sendEmailOnFailure,
        syncAll: form.scope === 'all',
        provisioningStatus: form.provisioningStatus,
      })
      if (!saved.ok)
        return consolePage(c, deps).invalid(
          render(c, found, page.value, {
            view: 'edit',
            form,
            banner: {
              tone: 'error',
              message: describeProvisioningError(saved.error),
              code: saved.error.code,
            },
            fieldErrors: fieldErrorsOf(saved.error),
          }),
        )
      return consolePage(c, deps).done(found.ref.hrefs.provisioning, {
        kind: 'success',
        title: 'Provisioning saved',
        message:
          form.provisioningStatus === 'On'
            ? `Successfully updated provisioning for ${found.ref.displayName}. The initial cycle starts now.`
            : `Successfully updated provisioning for ${found.ref.displayName}. Provisioning Status is Off.`,
      })
    })
    .post(`${APP}/provisioning/test-connection`, async (c) => {
      const found = appOf(c, deps)
      const page = found ? provisioning.page(found.ref.servicePrincipalId) : null
      if (!found || !page?.ok) return appNotFound(c)
      const form = postedForm(await formFields(c), page.value)
      const credentials =
        !form.secretToken &&
        form.hasSavedToken &&
        form.tenantUrl === (page.value.job?.settings.tenantUrl ?? '')
          ? ({ useSavedCredentials: true } as const)
          : { tenantUrl: form.tenantUrl, secretToken: form.secretToken }
      const tested = await provisioning.testConnection(found.ref.servicePrincipalId, null, credentials)
      const title = `Testing connection to ${page.value.connector?.targetSystem ?? found.ref.displayName}`
      // The typed values stay in the form, so that Save can follow a good test.
      if (tested.ok)
        return consolePage(c, deps).show(
          render(c, found, page.value, {
            view: 'edit',
            form,
            banner: { tone: 'success', message: tested.value },
            toast: { kind: 'success', title, message: tested.value },
          }),
        )
      const message = describeProvisioningError(tested.error)
      return consolePage(c, deps).invalid(
        render(c, found, page.value, {
          view: 'edit',
          form,
          banner: { tone: 'error', message, code: tested.error.code },
          fieldErrors: fieldErrorsOf(tested.error),
          toast: { kind: 'error', title, message },
        }),
      )
    })
    .post(`${APP}/provisioning/actions`, async (c) => {
      const found = appOf(c, deps)
      const page = found ? provisioning.page(found.ref.servicePrincipalId) : null
      if (!found || !page?.ok) return appNotFound(c)
      const screen = consolePage(c, deps)
      const job = page.value.job
      const back = found.ref.hrefs.provisioning
      if (!job)
        return screen.done(back, {
          kind: 'error',
          title: 'Provisioning is not configured',
          message: 'Get started: enter the Admin Credentials and Save first.',
        })
      const spId = found.ref.servicePrincipalId
      const action = (await formFields(c)).action
      const outcome =
        action === 'start'
          ? { ran: await provisioning.start(spId, job.id), title: 'Provisioning started' }
          : action === 'stop'
            ? { ran: await provisioning.pause(spId, job.id), title: 'Provisioning stopped' }
            : action === 'restart'
              ? { ran: await provisioning.restart(spId, job.id), title: 'Provisioning restarted' }
              : action === 'run'
                ? { ran: await provisioning.runCycleNow(spId, job.id), title: 'Cycle completed' }
                : null
      if (!outcome)
        return screen.done(back, {
          kind: 'error',
          title: 'Unknown command',
          message: 'Use Start, Stop or Restart provisioning, or Run a cycle now.',
        })
      if (!outcome.ran.ok)
        return screen.done(back, {
          kind: 'error',
          title: 'The command failed',
          message: describeProvisioningError(outcome.ran.error),
        })
      return screen.done(back, {
        kind: 'success',
        title: outcome.title,
        message:
          action === 'restart'
            ? 'The next cycle is an initial cycle: every user and group in scope is matched again.'
            : `Provisioning for ${found.ref.displayName} is up to date with this command.`,
      })
    })
    .route('/', provisioningLogRoutes(deps))
    .route('/', attributeMappingRoutes(deps))
}
