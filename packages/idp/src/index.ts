// The public surface of @sandbox/idp.
export { IDP_DEFAULTS, IDP_OPTIONS, type IdpConfig } from './config'
export { type IdpFirstStart, type RunningIdp, startIdp } from './server'
