#!/usr/bin/env node
import { fileURLToPath } from 'node:url'
import { runSsoSandbox } from './bin-main'
import { packageBinHost, useCliHost } from './cli-host'

// The package's `sso-sandbox` bin (bundled as dist/cli.js): a background sandbox is this file's `start`.
useCliHost(packageBinHost(fileURLToPath(import.meta.url)))
runSsoSandbox(process.argv.slice(2))
