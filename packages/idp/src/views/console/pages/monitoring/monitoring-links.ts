/** Monitoring & health > Sign-in logs. */
export const SIGN_IN_LOGS_HREF = '/monitoring/sign-ins'
/** Monitoring & health > Audit logs. */
export const AUDIT_LOGS_HREF = '/monitoring/audit'
/** Monitoring & health > Provisioning logs (every app's). */
export const PROVISIONING_LOGS_HREF = '/monitoring/provisioning'
/** Monitoring & health > SAML inspector (its own path: `/monitoring/*` has its guard already, and a body is read once). */
export const SAML_INSPECTOR_HREF = '/saml-inspector'
