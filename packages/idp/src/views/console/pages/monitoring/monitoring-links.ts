/** Monitoring & health > Sign-in logs. */
export const SIGN_IN_LOGS_HREF = '/monitoring/sign-ins'
/** Monitoring & health > Audit logs. */
export const AUDIT_LOGS_HREF = '/monitoring/audit'
