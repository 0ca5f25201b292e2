/** Where the Enterprise applications pages live: the list, the gallery and each app's pages. */
export const ENTERPRISE_APPS_HREF = '/enterprise-apps'
export const GALLERY_HREF = `${ENTERPRISE_APPS_HREF}/gallery`

/** The pages of one app, by its service principal's object id. */
export function appHrefs(servicePrincipalId: string) {
  const base = `${ENTERPRISE_APPS_HREF}/${encodeURIComponent(servicePrincipalId)}`
  return {
    overview: base,
    properties: `${base}/properties`,
    users: `${base}/users`,
    addAssignment: `${base}/users/add`,
    singleSignOn: `${base}/single-sign-on`,
    signIns: `${base}/sign-ins`,
    saml: `${base}/saml`,
    claims: `${base}/saml/claims`,
    download: (what: 'base64' | 'raw' | 'pem' | 'federation-metadata', thumbprint?: string) =>
      `${base}/saml/download/${what}${thumbprint ? `?thumbprint=${encodeURIComponent(thumbprint)}` : ''}`,
    test: `${base}/saml?pane=test`,
    provisioning: `${base}/provisioning`,
    editProvisioning: `${base}/provisioning?view=edit`,
    testConnection: `${base}/provisioning/test-connection`,
    provisioningActions: `${base}/provisioning/actions`,
    provisionOnDemand: `${base}/provisioning/on-demand`,
    attributeMapping: (kind: 'users' | 'groups') => `${base}/provisioning/mappings/${kind}`,
    provisioningLogs: `${base}/provisioning-logs`,
    provisioningLog: (logId: string) => `${base}/provisioning-logs/${encodeURIComponent(logId)}`,
  }
}

/** The hrefs of one app's pages. */
export type AppHrefs = ReturnType<typeof appHrefs>
