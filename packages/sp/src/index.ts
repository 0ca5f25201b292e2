// The public surface of @sandbox/sp.
export { SP_DEFAULTS, SP_OPTIONS, type SpConfig } from './config'
export { type RunningSp, startSp } from './server'
export { INSPECTOR_ACS_CHECKS } from './sign-in/acs/inspector-checks'
