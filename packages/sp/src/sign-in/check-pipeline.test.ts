import { describe, expect, it } from 'vitest'
import { spError } from '../errors/catalogue'
import { type CheckStep, type PipelineEntry, passed, refused, runChecks } from './check-pipeline'

interface Facts {
  readonly a: number
  readonly b: number
}
type Step = CheckStep<Facts, { readonly refuseAt: string | null }>

const step = (
  name: string,
  options: { held?: boolean; entry?: string; reads?: (keyof Facts)[] } = {},
): Step => ({
  name,
  checks: name,
  codes: ['SSO_CONDITIONS_MISSING'],
  fix: '',
  reads: options.reads ?? [],
  run: (_facts, context) => {
    if (context.refuseAt === name)
      return refused(spError('SSO_CONDITIONS_MISSING'), options.entry ? { entry: options.entry } : {})
    return options.held ? { kind: 'pass', detail: `${name} ok`, held: true } : passed(`${name} ok`, { a: 1 })
  },
})

const log = (table: PipelineEntry<Facts, { refuseAt: string | null }>[], refuseAt: string | null) =>
  runChecks(table, {}, { refuseAt }).checks.map((c) => `${c.name}:${c.passed ? 'ok' : 'FAILED'}`)

describe('a check pipeline', () => {
  it('runs the steps in table order and stops at the first refusal', () => {
    const table = [{ step: step('one') }, { step: step('two') }, { step: step('three') }]
    expect(log(table, null)).toEqual(['one:ok', 'two:ok', 'three:ok'])
    expect(log(table, 'two')).toEqual(['one:ok', 'two:FAILED'])
  })

  it('skips a step whose condition does not hold of the facts so far', () => {
    const table = [
      { step: step('one') },
      {
        step: step('only-without-a'),
        when: { describe: '', holds: (f: Partial<Facts>) => f.a === undefined },
      },
    ]
    expect(log(table, null)).toEqual(['one:ok'])
  })

  it('records a held pass after the next step, or replaces it when that step refuses under its name', () => {
    const table = [{ step: step('held', { held: true }) }, { step: step('next', { entry: 'held' }) }]
    expect(log(table, null)).toEqual(['held:ok', 'next:ok'])
    expect(log(table, 'next')).toEqual(['held:FAILED'])
    const elsewhere = [{ step: step('held', { held: true }) }, { step: step('next') }]
    expect(log(elsewhere, 'next')).toEqual(['held:ok', 'next:FAILED'])
  })

  it('throws when a step reads a fact no earlier step made: a bug in the table, not bad input', () => {
    expect(() => runChecks([{ step: step('reader', { reads: ['b'] }) }], {}, { refuseAt: null })).toThrow(
      /reads b before any step made it/,
    )
  })
})
