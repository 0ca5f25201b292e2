import { createRuntime, runServerCommand } from '@sandbox/shared'
import { IDP_OPTIONS } from './config'
import { startIdp } from './server'

/** `pnpm start:idp`: runs the Entra ID emulator on its own. */
runServerCommand({
  usage: 'Usage: pnpm start:idp [options]',
  options: IDP_OPTIONS,
  start: async (config) =>
    startIdp(
      config,
      await createRuntime({ dataDir: config.dataDir, reset: config.reset, firstStartKeys: { idp: 1 } }),
    ),
  announce: (idp, ms) => {
    const lines = [
      `Entra ID emulator ready in ${ms} ms: ${idp.url}/ (tenant ${idp.tenantId})`,
      `Graph API: ${idp.url}/v1.0  (Authorization: Bearer ${idp.graphApiToken})`,
      `Token endpoint: ${idp.url}/${idp.tenantId}/oauth2/v2.0/token  client_id ${idp.automationClient.clientId}  client_secret ${idp.automationClient.clientSecret}`,
    ]
    if (idp.firstStart) {
      lines.push(
        `Admin account: ${idp.firstStart.adminUserPrincipalName}  password: ${idp.firstStart.adminPassword}  (shown once)`,
      )
    }
    return `${lines.join('\n')}\n`
  },
})
