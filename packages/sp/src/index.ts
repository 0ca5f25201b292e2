// The public surface of @sandbox/sp.
export { loadSpConfig, readSpOptions, SP_DEFAULTS, SP_FLAGS, type SpConfig } from './config'
export { type RunningSp, startSp } from './server'
