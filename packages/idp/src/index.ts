// The public surface of @sandbox/idp.
export { IDP_DEFAULTS, IDP_FLAGS, type IdpConfig, loadIdpConfig, readIdpOptions } from './config'
export { type IdpFirstStart, type RunningIdp, startIdp } from './server'
