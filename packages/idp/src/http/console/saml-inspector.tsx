import { inspectPasted } from '@sandbox/shared'
import { SAML_INSPECTOR_HREF } from '../../views/console/pages/monitoring/monitoring-links'
import { SamlInspectorPage } from '../../views/console/pages/monitoring/saml-inspector-page'
import type { HttpDeps } from '../env'
import { formFields } from '../request-facts'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'

/**
 * Monitoring & health > SAML inspector. The whole form is bounded by the admin center's body
 * limit (1 MB, a 413 that says so); the message is inspected with no configuration to compare
 * with, since the tenant has many apps and this page does not ask which one.
 */
export function samlInspectorRoutes(deps: HttpDeps) {
  return consoleArea(deps, SAML_INSPECTOR_HREF)
    .get(SAML_INSPECTOR_HREF, (c) => {
      const page = consolePage(c, deps)
      return page.show(
        <SamlInspectorPage frame={page.frame(SAML_INSPECTOR_HREF)} csrf={page.csrf} message="" at="" />,
      )
    })
    .post(SAML_INSPECTOR_HREF, async (c) => {
      const page = consolePage(c, deps)
      const form = await formFields(c)
      const message = form.message ?? ''
      const at = (form.at ?? '').slice(0, 200)
      const inspected = inspectPasted({ message, at }, { now: deps.services.runtime.clock.now() })
      const props = { frame: page.frame(SAML_INSPECTOR_HREF), csrf: page.csrf, message, at }
      if (!inspected.ok) return page.invalid(<SamlInspectorPage {...props} error={inspected.error} />)
      return page.show(<SamlInspectorPage {...props} result={inspected.value} />)
    })
}
