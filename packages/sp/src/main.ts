import { createRuntime, runServerCommand } from '@sandbox/shared'
import { SP_OPTIONS } from './config'
import { startSp } from './server'

/** `pnpm start:sp`: runs the Webex emulator on its own. */
runServerCommand({
  usage: 'Usage: pnpm start:sp [options]',
  options: SP_OPTIONS,
  start: async (config) =>
    startSp(
      config,
      await createRuntime({ dataDir: config.dataDir, reset: config.reset, firstStartKeys: { sp: 2 } }),
    ),
  announce: (sp, ms) => {
    const lines = [
      `Webex emulator ready in ${ms} ms: Control Hub ${sp.url}/admin (org ${sp.orgId})`,
      `Sign-on URL and ACS: ${sp.url}/idb/Consumer/metaAlias/${sp.orgId}/sp  (defaults; GET /api/v1/org shows the current ones)`,
      `Control Hub API: ${sp.url}/api/v1  (Authorization: Bearer ${sp.adminApiToken}; see packages/sp/API.md)`,
      `SCIM: ${sp.url}/identity/scim/${sp.orgId}/v2  (Authorization: Bearer ${sp.scimToken})`,
    ]
    lines.push(
      `Control Hub admin: ${sp.controlHubAdmin.email}${sp.controlHubAdminCreated ? `  password ${sp.controlHubAdmin.password}` : ''}  (locked out? ${sp.url}/manage-sso prints a one-time PIN here)`,
    )
    if (sp.firstStart) lines.push('New organization: no SSO configured yet (Control Hub > Authentication).')
    return `${lines.join('\n')}\n`
  },
})
