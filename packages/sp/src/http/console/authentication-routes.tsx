import { attachmentDisposition, secretMatches } from '@sandbox/shared'
import { Hono } from 'hono'
import { describeError, type SpError } from '../../errors/catalogue'
import type { TrustMode } from '../../sso-setup/sso-schema'
import { CSRF_FIELD } from '../../views/console/actions'
import {
  AuthenticationSection,
  SSO_WIZARD_PATH,
  wizardStepHref,
} from '../../views/console/pages/authentication-section'
import { CERTIFICATE_UPDATE_PATHS } from '../../views/console/pages/certificate-update-card'
import { SettingsPage } from '../../views/console/pages/settings-page'
import {
  type ImportShown,
  SsoWizard,
  WIZARD_STEPS,
  type WizardStepName,
} from '../../views/console/pages/sso-wizard'
import { type HttpDeps, NO_STORE } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleContext, ConsoleEnv } from './console-env'
import { consoleChrome, formText, postedForm, redirectWithToasts, renderPage } from './console-page'

/** The largest metadata file the wizard reads (Entra's are about 10 KB). */
const MAX_METADATA_BYTES = 1024 * 1024

/** Organization Settings > Authentication, as the Settings page shows it. */
export function authenticationSection(deps: HttpDeps, csrfToken: string) {
  const { sso } = deps.services
  const status = sso.status()
  const expiring = sso.expiringCertificates()
  // New metadata imported while SSO is on: sign-ins keep the active IdP until the switch.
  const newMetadata = status.enabled ? status.pending : null
  const test = sso.testResult()
  return (
    <AuthenticationSection
      ssoEnabled={status.enabled}
      idpEntityId={(status.active ?? status.pending)?.idpEntityId ?? null}
      certificateUpdate={
        expiring.length > 0 || newMetadata
          ? {
              expiring,
              newMetadataEntityId: newMetadata?.idpEntityId ?? null,
              test: test.status === 'passed' || test.status === 'failed' ? test.status : 'not-run',
              csrfToken,
            }
          : null
      }
    />
  )
}

/**
 * A test whose Response came from another entity than the imported metadata names: Webex cannot
 * match the IdP to this org's configuration, and Control Hub says "SSO configuration not successful".
 */
const UNKNOWN_IDP_CODE = 'SSO_UNTRUSTED_ISSUER'

/** The 2018 wizard's title for a refused file: a certificate refusal, or metadata that is not an IdP's. */
function importFailureTitle(error: SpError): string {
  return 'certificate' in error ? 'Failed to import IdP Metadata File' : 'Invalid IdP metadata file'
}

/**
 * A refusal as the wizard shows it: the code first (the one the training exercises and the
 * troubleshooting pages name), then what went wrong and how to fix it.
 */
function refusalText(error: SpError): string {
  const { code, message, fix } = describeError(error)
  return `${code}: ${message} ${fix}`
}

/**
 * Control Hub > Organization Settings > Authentication > Modify: the "Enterprise Settings" wizard
 * (Init, Export Directory Metadata, Import IdP Metadata, Test SSO Setup, Finish), each step a URL,
 * each action the SSO setup service `/api/v1/sso` calls too.
 */
export function consoleAuthenticationRoutes(deps: HttpDeps) {
  const { sso, org } = deps.services

  function wizardPage(
    c: ConsoleContext,
    step: WizardStepName,
    extra: {
      importShown?: ImportShown
      finishError?: string
      toastError?: string
      /** The outcome a refused Save asked for (the form's, not the address's). */
      outcome?: 'enable' | 'disable'
    } = {},
  ) {
    const status = sso.status()
    const test = sso.testResult()
    const chrome = consoleChrome(c, deps, 'settings')
    const toastError =
      extra.toastError ??
      (step === 'test' && 'at' in test && test.status === 'failed' && test.code === UNKNOWN_IDP_CODE
        ? 'SSO configuration not successful'
        : undefined)
    const toasts = toastError
      ? [...chrome.toasts, { kind: 'error' as const, message: toastError }]
      : chrome.toasts
    const imported = c.req.query('imported')
    const outcome = extra.outcome ?? c.req.query('outcome')
    const warning =
      step === 'import' &&
      status.enabled &&
      c.req.query('confirm') !== 'replace' &&
      !extra.importShown &&
      !imported
        ? 'replace'
        : step === 'init' && status.enabled && c.req.query('confirm') === 'disable'
          ? 'disable'
          : null
    return (
      <SettingsPage
        chrome={{ ...chrome, toasts }}
        organization={org.current()}
        sections={authenticationSection(deps, c.get('consoleAdmin').csrfToken)}
        modal={
          <SsoWizard
            step={step}
            csrfToken={c.get('consoleAdmin').csrfToken}
            ssoEnabled={status.enabled}
            importShown={
              extra.importShown ??
              (imported ? { kind: 'imported', fileName: imported.slice(0, 200) } : { kind: 'none' })
            }
            trustMode={(status.pending ?? status.active)?.trustMode ?? 'ca-signed'}
            warning={warning}
            imported={status.pending !== null}
            test={{
              version: 'at' in test ? test.at : 'not-run',
              passed: 'at' in test ? test.status === 'passed' : null,
              summary:
                'at' in test
                  ? `Last test: ${test.status === 'passed' ? 'Single Sign-on succeeded.' : `Single Sign-on failed (${test.code ?? 'failed'}).`} ${test.message}`
                  : 'Waiting for the test result from the other tab.',
            }}
            outcome={outcome === 'enable' || outcome === 'disable' ? outcome : null}
            {...(extra.finishError ? { finishError: extra.finishError } : {})}
          />
        }
      />
    )
  }

  /** The step the URL names, or the one to go to instead (a step before its prerequisites). */
  function reachable(step: string | undefined): WizardStepName | { redirect: string } {
    const named = WIZARD_STEPS.find((s) => s === step) ?? 'init'
    const status = sso.status()
    if ((named === 'test' || named === 'finish') && !status.pending)
      return { redirect: wizardStepHref('import') }
    return named
  }

  return (
    new Hono<ConsoleEnv>()
      .use('/admin/settings/authentication/*', requireControlHubAdmin(deps))
      .get(SSO_WIZARD_PATH, (c) => {
        const step = reachable(c.req.query('step'))
        if (typeof step !== 'string') return c.redirect(step.redirect, 303)
        if (step === 'finish' && !['enable', 'disable'].includes(c.req.query('outcome') ?? ''))
          return c.redirect(wizardStepHref('test'), 303)
        return renderPage(c, wizardPage(c, step))
      })
      .post(`${SSO_WIZARD_PATH}/init`, async (c) => {
        const mode = formText(await postedForm(c), 'mode', 20)
        if (mode === 'advanced') return c.redirect(wizardStepHref('export'), 303)
        if (sso.status().enabled) return c.redirect(`${wizardStepHref('init')}&confirm=disable`, 303)
        return c.redirect('/admin/settings', 303)
      })
      .post(`${SSO_WIZARD_PATH}/disable`, async (c) => {
        await sso.disable()
        return redirectWithToasts(c, deps, '/admin/settings', [{ code: 'sso-disabled' }])
      })
      .get(`${SSO_WIZARD_PATH}/metadata`, (c) =>
        c.body(sso.spMetadata(), 200, {
          'Content-Type': 'application/samlmetadata+xml; charset=utf-8',
          'Content-Disposition': attachmentDisposition(`idb-meta-${org.current().id}-SP.xml`),
          ...NO_STORE,
        }),
      )
      .post(`${SSO_WIZARD_PATH}/import`, async (c) => {
        const form = await postedForm(c)
        const file = Array.isArray(form.metadata) ? form.metadata[0] : form.metadata
        const mode = formText(form, 'trustMode', 40)
        const trustMode: TrustMode = mode === 'self-signed-allowed' ? 'self-signed-allowed' : 'ca-signed'
        const fileName = file instanceof File ? file.name.slice(0, 200) || 'metadata.xml' : '(no file)'
        const unreadable = (reason: string) =>
          renderPage(
            c,
            wizardPage(c, 'import', {
              importShown: { kind: 'failed', fileName, title: 'Could not read IdP Metadata file', reason },
              toastError: 'Could not read IdP Metadata file',
            }),
            422,
          )
        if (!(file instanceof File) || file.size === 0)
          return unreadable('Choose the Federation Metadata XML file you downloaded from Entra.')
        if (file.size > MAX_METADATA_BYTES)
          return unreadable('The file is larger than 1 MB: it is not IdP metadata.')
        let xml: string
        try {
          xml = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
        } catch {
          return unreadable('The file is not UTF-8 text: choose the XML file itself.')
        }
        const imported = await sso.importIdpMetadata(xml, trustMode)
        if (!imported.ok) {
          const title = importFailureTitle(imported.error)
          return renderPage(
            c,
            wizardPage(c, 'import', {
              importShown: { kind: 'failed', fileName, title, reason: refusalText(imported.error) },
              toastError: title,
            }),
            422,
          )
        }
        const next = `${wizardStepHref('import')}&imported=${encodeURIComponent(fileName)}`
        return redirectWithToasts(c, deps, next, [{ code: 'idp-metadata-imported' }])
      })
      .get(`${SSO_WIZARD_PATH}/test-connection`, (c) => {
        // A GET (the link opens a new tab), so it carries the session's CSRF token itself.
        const token = c.req.query(CSRF_FIELD) ?? ''
        if (!secretMatches(token, c.get('consoleAdmin').csrfToken))
          return c.redirect(wizardStepHref('test'), 303)
        const started = sso.startTest()
        if (!started.ok)
          return redirectWithToasts(c, deps, wizardStepHref('import'), [{ code: 'sso-configuration-failed' }])
        return c.redirect(new URL(started.value.url).pathname, 303)
      })
      .get(`${SSO_WIZARD_PATH}/test-status`, (c) => {
        const test = sso.testResult()
        return c.json({ version: 'at' in test ? test.at : 'not-run' }, 200, NO_STORE)
      })
      .post(`${SSO_WIZARD_PATH}/test`, async (c) => {
        const outcome = formText(await postedForm(c), 'outcome', 20)
        if (outcome !== 'enable' && outcome !== 'disable') return c.redirect(wizardStepHref('test'), 303)
        return c.redirect(`${wizardStepHref('finish')}&outcome=${outcome}`, 303)
      })
      // "Update SSO Certificate" > Switch to new metadata: the tested new metadata replaces the active one.
      .post(CERTIFICATE_UPDATE_PATHS.switch, async (c) => {
        const status = sso.status()
        const refused = (message: string) =>
          renderPage(
            c,
            <SettingsPage
              chrome={{
                ...consoleChrome(c, deps, 'settings'),
                toasts: [{ kind: 'error', message }],
              }}
              organization={org.current()}
              sections={authenticationSection(deps, c.get('consoleAdmin').csrfToken)}
            />,
            409,
          )
        if (!status.enabled || !status.pending)
          return refused(
            'There is no new metadata to switch to: import the new metadata file while single sign-on is on first.',
          )
        const switched = await sso.enable()
        if (!switched.ok) return refused(refusalText(switched.error))
        return redirectWithToasts(c, deps, '/admin/settings', [{ code: 'sso-metadata-switched' }])
      })
      .post(`${SSO_WIZARD_PATH}/finish`, async (c) => {
        const outcome = formText(await postedForm(c), 'outcome', 20)
        if (outcome === 'enable') {
          const enabled = await sso.enable()
          if (enabled.ok) return redirectWithToasts(c, deps, '/admin/settings', [{ code: 'sso-enabled' }])
          return renderPage(
            c,
            wizardPage(c, 'finish', {
              finishError: refusalText(enabled.error),
              toastError: 'Failed to enable Single Sign-On (SSO).',
              outcome: 'enable',
            }),
            409,
          )
        }
        if (sso.status().enabled) {
          await sso.disable()
          return redirectWithToasts(c, deps, '/admin/settings', [{ code: 'sso-disabled' }])
        }
        return c.redirect('/admin/settings', 303)
      })
  )
}
