import { describe, expect, it } from 'vitest'
import { createTraceStore, type TraceStep } from './sign-in-trace'

const step = (title: string, extra: Partial<TraceStep> = {}): TraceStep => ({
  at: '2026-01-01T00:00:00.000Z',
  kind: 'acs-check',
  title,
  outcome: 'passed',
  detail: 'ok',
  ...extra,
})

describe('the trace store', () => {
  it('keeps steps in order, finds a trace by its id, an alias or its sign-in log entry', () => {
    const store = createTraceStore('sp')
    store.begin('_req1', '2026-01-01T00:00:00.000Z')
    store.add('_req1', step('XML'))
    store.alias('_req1', '_resp1')
    store.add('_resp1', step('Audience', { outcome: 'failed' }))
    store.finish('_resp1', 'failure', 'log-7')
    const trace = store.get('_resp1')
    expect(trace?.id).toBe('_req1')
    expect(trace?.steps.map((s) => s.title)).toEqual(['XML', 'Audience'])
    expect(trace?.outcome).toBe('failure')
    expect(store.bySignInLogId('log-7')?.id).toBe('_req1')
    expect(store.get('_unknown')).toBeNull()
  })

  it('forgets the oldest sign-ins beyond its capacity, with their aliases', () => {
    const store = createTraceStore('idp', { traces: 2, stepsPerTrace: 4, messageChars: 100 })
    for (const id of ['a', 'b', 'c']) {
      store.begin(id, '2026-01-01T00:00:00.000Z')
      store.alias(id, `${id}-alias`)
    }
    expect(store.get('a')).toBeNull()
    expect(store.get('a-alias')).toBeNull()
    expect(store.list().map((t) => t.id)).toEqual(['c', 'b'])
    store.add('a', step('ignored'))
    expect(store.list()).toHaveLength(2)
  })

  it('bounds the steps of one sign-in and the size of a message, saying what it left out', () => {
    const store = createTraceStore('idp', { traces: 2, stepsPerTrace: 2, messageChars: 10 })
    store.begin('x', '2026-01-01T00:00:00.000Z')
    const message = {
      parameter: 'SAMLResponse',
      binding: 'post',
      url: 'u',
      xml: 'y'.repeat(50),
      relayState: null,
    } as const
    store.add('x', step('one', { message }))
    store.add('x', step('two'))
    store.add('x', step('three'))
    store.add('x', step('four'))
    const trace = store.get('x')
    expect(trace?.steps[0]?.message?.xml).toHaveLength(10)
    expect(trace?.steps[0]?.detail).toContain('the message was 50 characters; the first 10 are kept')
    expect(trace?.steps.map((s) => s.title)).toEqual(['one', 'two', 'Trace cut short'])
    expect(trace?.steps[2]?.detail).toContain('2 later steps were not kept')
  })
})
