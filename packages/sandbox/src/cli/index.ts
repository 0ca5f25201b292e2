// The command implementations behind the package's `sso-sandbox` bin, for the repository's
// own scripts (`pnpm start`, `pnpm rehearse`, `pnpm sandbox`) and tests. Not published: the
// package's public surface is its main entry point and the bin.

export { type CliHost, useCliHost } from './cli-host'
export { runInspectCommand } from './inspect-command'
export { runRehearseCommand } from './rehearse-command'
export { findRunningSandbox, writeRunningRecord } from './running-record'
export { SERVER_NODE_FLAGS } from './server-flags'
export { runStartCommand } from './start-command'
export { runToolsCommand } from './tools-command'
export { runTrace } from './trace-command'
