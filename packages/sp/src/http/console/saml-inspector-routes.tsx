import { MAX_PASTED_INSPECT_BYTES } from '@sandbox/shared'
import { Hono } from 'hono'
import { SAML_INSPECTOR_HREF, SamlInspectorPage } from '../../views/console/pages/saml-inspector-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleEnv } from './console-env'
import { consoleChrome, formText, postedForm, renderPage } from './console-page'

const CONTEXT_NOTE =
  "Compared with this org's configuration: its entityID and ACS URL, the identity provider it trusts and its SSO settings."

/** Troubleshooting > SAML inspector: paste, POST, the report as text. */
export function consoleSamlInspectorRoutes(deps: HttpDeps) {
  return new Hono<ConsoleEnv>()
    .use(SAML_INSPECTOR_HREF, requireControlHubAdmin(deps))
    .get(SAML_INSPECTOR_HREF, (c) =>
      renderPage(
        c,
        <SamlInspectorPage
          chrome={consoleChrome(c, deps, 'saml-inspector')}
          message=""
          at=""
          contextNote={CONTEXT_NOTE}
        />,
      ),
    )
    .post(SAML_INSPECTOR_HREF, async (c) => {
      const form = await postedForm(c)
      // One character past the limit is enough to tell the admin the paste is too large.
      const message = formText(form, 'message', MAX_PASTED_INSPECT_BYTES + 1)
      const at = formText(form, 'at', 200)
      const inspected = deps.services.inspector.inspect({ message, at })
      const chrome = consoleChrome(c, deps, 'saml-inspector')
      const shown = message.length > MAX_PASTED_INSPECT_BYTES ? '' : message
      if (!inspected.ok)
        return renderPage(
          c,
          <SamlInspectorPage
            chrome={chrome}
            message={shown}
            at={at}
            error={inspected.error}
            contextNote={CONTEXT_NOTE}
          />,
          422,
        )
      return renderPage(
        c,
        <SamlInspectorPage
          chrome={chrome}
          message={shown}
          at={at}
          result={inspected.value}
          contextNote={CONTEXT_NOTE}
        />,
      )
    })
}
