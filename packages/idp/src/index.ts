// The public surface of @sandbox/idp.
export { IDP_DEFAULTS, IDP_OPTIONS, type IdpConfig } from './config'
export {
  type BasicSamlProblem,
  galleryTemplateIdNamed,
  galleryTemplateNames,
  precheckBasicSaml,
} from './enterprise-apps/basic-saml-precheck'
export { type IdpFirstStart, type RunningIdp, startIdp } from './server'
export { USER_ATTRIBUTES } from './state/app-schema'
