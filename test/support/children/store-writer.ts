// Child process for the SIGKILL durability test: commits changes to a file store as fast as it
// can and prints each committed sequence number. The parent kills it at a random moment.
import { ok, openFileStore } from '@sandbox/shared'
import { z } from 'zod'

const path = process.argv[2]
if (!path) throw new Error('usage: store-writer <state-file>')
const spec = {
  format: 'sso-sandbox/durability-test',
  version: 1,
  schema: z.object({ sequence: z.number(), padding: z.string() }),
}
const opened = await openFileStore({ path, spec, createInitial: async () => ({ sequence: 0, padding: '' }) })
if (!opened.ok) throw new Error(opened.error.message)
const store = opened.value
for (;;) {
  const next = store.read().sequence + 1
  // ~64 KB per write so that a kill often lands in the middle of one.
  await store.update((draft) => {
    draft.sequence = next
    draft.padding = String(next).repeat((64 * 1024) / String(next).length)
    return ok(undefined)
  })
  process.stdout.write(`committed ${next}\n`)
}
