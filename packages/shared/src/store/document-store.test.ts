import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { err, ok } from '../result'
import { createMemoryStore, frozenWith, openFileStore } from './document-store'

const SPEC = {
  format: 'sso-sandbox/test-state',
  version: 2,
  schema: z.object({ count: z.number(), names: z.array(z.string()) }),
}
type State = z.infer<typeof SPEC.schema>
const initial = async (): Promise<State> => ({ count: 0, names: [] })

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'store-')), 'state.json')
}

async function open(path: string, reset = false) {
  const result = await openFileStore({ path, spec: SPEC, createInitial: initial, reset })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('file store', () => {
  it('creates the file on first start and restores it exactly after a restart', async () => {
    const path = tempFile()
    const first = await open(path)
    await first.update((draft) => {
      draft.count = 7
      draft.names.push('B.Simon')
      return ok(undefined)
    })
    await first.close()
    const second = await open(path)
    expect(second.read()).toEqual({ count: 7, names: ['B.Simon'] })
    const envelope = JSON.parse(readFileSync(path, 'utf8'))
    expect(envelope).toMatchObject({ format: SPEC.format, version: 2, data: { count: 7 } })
    await second.close()
  })

  it('commits nothing when a change returns an error or throws', async () => {
    const store = await open(tempFile())
    const refused = await store.update((draft) => {
      draft.count = 99
      return err('nope')
    })
    expect(refused).toEqual({ ok: false, error: 'nope' })
    await expect(
      store.update(() => {
        throw new Error('bug')
      }),
    ).rejects.toThrow('bug')
    expect(store.read().count).toBe(0)
    await store.close()
  })

  it('hands out frozen snapshots so nothing can change state behind the store', async () => {
    const store = createMemoryStore<State>({ count: 1, names: ['a'] })
    const snapshot = store.read() as State
    expect(() => {
      snapshot.names.push('b')
    }).toThrow()
    expect(store.read().names).toEqual(['a'])
  })

  it('applies concurrent changes one at a time, in order', async () => {
    const store = await open(tempFile())
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((draft) => {
          draft.count += 1
          draft.names.push(String(i))
          return ok(undefined)
        }),
      ),
    )
    expect(store.read().count).toBe(20)
    expect(store.read().names).toEqual(Array.from({ length: 20 }, (_, i) => String(i)))
    await store.close()
  })

  it('leaves no temp files behind', async () => {
    const path = tempFile()
    const store = await open(path)
    for (let i = 0; i < 5; i += 1) await store.update(() => ok(undefined))
    await store.close()
    expect(readdirSync(join(path, '..'))).toEqual(['state.json'])
  })

  it('refuses a second opener of the same file in this process, naming the file, until the first closes', async () => {
    const path = tempFile()
    const first = await open(path)
    const second = await openFileStore({ path, spec: SPEC, createInitial: initial })
    expect(second).toMatchObject({ ok: false, error: { code: 'LOCKED', path } })
    if (!second.ok) {
      expect(second.error.message).toContain(`The state file ${path} is already open in this process`)
      expect(second.error.message).toContain('give each server its own data directory')
    }
    // The same file through another spelling of its path is the same file.
    const aliased = await openFileStore({
      path: join(path, '..', '.', 'state.json'),
      spec: SPEC,
      createInitial: initial,
    })
    expect(aliased).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    // The refusals released nothing: the first store still owns the file and the lock.
    await first.update((draft) => {
      draft.count = 7
      return ok(undefined)
    })
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.pid))
    await first.close()
    await first.close()
    expect(existsSync(`${path}.lock`)).toBe(false)
    const reopened = await open(path)
    expect(reopened.read().count).toBe(7)
    await reopened.close()
  })

  it('refuses a file whose lock another live process holds, naming the file and the pid', async () => {
    const path = tempFile()
    writeFileSync(`${path}.lock`, String(process.ppid)) // the parent process: alive, not us
    const second = await openFileStore({ path, spec: SPEC, createInitial: initial })
    expect(second).toMatchObject({ ok: false, error: { code: 'LOCKED', path } })
    if (!second.ok) {
      expect(second.error.message).toContain(`The state file ${path} is in use`)
      expect(second.error.message).toContain(`pid ${process.ppid}`)
    }
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.ppid))
  })

  it('takes over a lock holding this pid that nothing in this process owns (an earlier process had the pid)', async () => {
    const path = tempFile()
    writeFileSync(`${path}.lock`, String(process.pid))
    const store = await open(path)
    await store.close()
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it('takes over a lock left by a dead process', async () => {
    const path = tempFile()
    writeFileSync(`${path}.lock`, '999999999')
    const store = await open(path)
    await store.close()
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it.each([
    [
      'truncated JSON',
      '{"format":"sso-sandbox/test-state","version":2,"data":{"cou',
      'CORRUPT',
      /not valid JSON/,
    ],
    [
      'another format',
      '{"format":"something-else","version":1,"data":{}}',
      'WRONG_FORMAT',
      /not a sso-sandbox\/test-state file/,
    ],
    [
      'a newer version',
      '{"format":"sso-sandbox/test-state","version":3,"data":{}}',
      'NEWER_VERSION',
      /newer sandbox \(state version 3/,
    ],
    [
      'invalid content',
      '{"format":"sso-sandbox/test-state","version":2,"data":{"count":"x","names":[]}}',
      'INVALID_CONTENT',
      /data\.count/,
    ],
  ])(
    'stops with a message naming the file on %s, and never replaces it',
    async (_label, content, code, message) => {
      const path = tempFile()
      writeFileSync(path, content)
      const result = await openFileStore({ path, spec: SPEC, createInitial: initial })
      expect(result).toMatchObject({ ok: false, error: { code } })
      if (!result.ok) {
        expect(result.error.message).toContain(path)
        expect(result.error.message).toMatch(message)
        expect(result.error.message).toContain('--reset')
      }
      expect(readFileSync(path, 'utf8')).toBe(content)
      expect(existsSync(`${path}.lock`)).toBe(false)
    },
  )

  it('starts fresh over a corrupt file only when asked to reset', async () => {
    const path = tempFile()
    writeFileSync(path, 'garbage')
    const store = await open(path, true)
    expect(store.read()).toEqual({ count: 0, names: [] })
    await store.close()
    expect(JSON.parse(readFileSync(path, 'utf8')).data).toEqual({ count: 0, names: [] })
  })

  it('reports a state path it cannot read as unreadable, naming it', async () => {
    const path = tempFile()
    mkdirSync(path) // a directory where the file should be: readFile fails with EISDIR
    const result = await openFileStore({ path, spec: SPEC, createInitial: initial })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNREADABLE' } })
    if (!result.ok) expect(result.error.message).toContain(`${path}: EISDIR`)
  })
})

describe('store updates', () => {
  it('work on a deep copy: the change sees everything, nested changes commit, the old snapshot is untouched', async () => {
    const store = createMemoryStore<{
      list: { name: string; tags: string[] }[]
      odd: Record<string, unknown>
    }>({
      list: [{ name: 'a', tags: ['x'] }],
      odd: JSON.parse('{"__proto__": {"polluted": true}, "n": null}') as Record<string, unknown>,
    })
    const before = store.read()
    await store.update((draft) => {
      draft.list[0]?.tags.push('y')
      draft.list.push({ name: 'b', tags: [] })
      return ok(undefined)
    })
    expect(store.read().list).toEqual([
      { name: 'a', tags: ['x', 'y'] },
      { name: 'b', tags: [] },
    ])
    expect(before.list).toEqual([{ name: 'a', tags: ['x'] }])
    // An own "__proto__" key stays data: it never becomes the copy's prototype.
    const odd = store.read().odd
    expect(Object.keys(odd)).toEqual(['__proto__', 'n'])
    expect((odd as { polluted?: boolean }).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype)
  })

  it('shared updates reuse what they do not replace and freeze what they add', async () => {
    type Shared = { list: { name: string; tags: string[] }[]; other: { n: number } }
    const store = createMemoryStore<Shared>({ list: [{ name: 'a', tags: ['x'] }], other: { n: 1 } })
    const before = store.read()
    await store.updateShared((draft) => {
      draft.list = [...draft.list, { name: 'b', tags: ['y'] }]
      return ok(undefined)
    })
    const after = store.read()
    expect(after.list).toEqual([
      { name: 'a', tags: ['x'] },
      { name: 'b', tags: ['y'] },
    ])
    expect(after.other).toBe(before.other)
    expect(after.list[0]).toBe(before.list[0])
    expect(before.list).toHaveLength(1)
    // What the change added is as read-only as the rest.
    const added = after.list[1] as { name: string; tags: string[] }
    expect(() => {
      added.tags.push('z')
    }).toThrow()
    expect(Object.isFrozen(after)).toBe(true)
  })

  it('shared updates commit nothing when the change fails, throws or writes into committed state', async () => {
    const store = createMemoryStore<{ list: string[]; n: number }>({ list: ['a'], n: 0 })
    const before = store.read()
    const refused = await store.updateShared((draft) => {
      draft.n = 5
      return err('nope')
    })
    expect(refused).toEqual({ ok: false, error: 'nope' })
    await expect(
      store.updateShared((draft) => {
        draft.n = 6
        ;(draft.list as string[]).push('b')
        return ok(undefined)
      }),
    ).rejects.toThrow()
    expect(store.read()).toBe(before)
    expect(store.read()).toEqual({ list: ['a'], n: 0 })
  })
})

describe('frozenWith', () => {
  it('appends or replaces into a new list frozen all the way down, leaving the old one as it was', async () => {
    type Item = { name: string; tags: string[] }
    const store = createMemoryStore<{ list: Item[] }>({ list: [{ name: 'a', tags: [] }] })
    const before = store.read().list
    await store.updateShared((draft) => {
      draft.list = frozenWith<Item>(draft.list, draft.list.length, { name: 'b', tags: ['x'] })
      draft.list = frozenWith<Item>(draft.list, 0, { name: 'A', tags: [] })
      return ok(undefined)
    })
    const after = store.read().list
    expect(after).toEqual([
      { name: 'A', tags: [] },
      { name: 'b', tags: ['x'] },
    ])
    expect(before).toEqual([{ name: 'a', tags: [] }])
    expect(Object.isFrozen(after)).toBe(true)
    expect(() => {
      ;(after[1] as unknown as Item).tags.push('y')
    }).toThrow()
    // A list that is not committed state is frozen too, elements and all.
    const loose: Item[] = [{ name: 'c', tags: [] }]
    frozenWith<Item>(loose, 1, { name: 'd', tags: [] })
    expect(Object.isFrozen(loose[0]?.tags)).toBe(true)
  })
})

describe('shared updates of a file store', () => {
  it('write the whole state, which a restart restores', async () => {
    const path = tempFile()
    const first = await open(path)
    await first.update((draft) => {
      draft.names.push('a')
      return ok(undefined)
    })
    await first.updateShared((draft) => {
      draft.count = 2
      draft.names = [...draft.names, 'b']
      return ok(undefined)
    })
    await first.close()
    const second = await open(path)
    expect(second.read()).toEqual({ count: 2, names: ['a', 'b'] })
    await second.close()
  })
})
