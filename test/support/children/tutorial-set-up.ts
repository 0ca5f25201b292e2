// Child process for browser journeys over --https: runs the tutorial's steps against a running
// sandbox, in a process whose Node trusts the sandbox root CA (NODE_EXTRA_CA_CERTS, read only
// at start-up), and prints the rehearsal's result as one JSON line.
import { rehearse, silentOutput } from 'sso-rehearsal-sandbox'

const need = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`tutorial-set-up: ${name} is not set`)
  return value
}

const result = await rehearse(
  {
    idp: { baseUrl: need('SET_UP_IDP_URL'), token: need('SET_UP_IDP_TOKEN') },
    sp: { baseUrl: need('SET_UP_SP_URL'), token: need('SET_UP_SP_TOKEN') },
  },
  { lastStep: Number(need('SET_UP_LAST_STEP')), output: silentOutput },
)
process.stdout.write(`${JSON.stringify({ facts: result.facts, logs: result.logs })}\n`)
