import { describe, expect, it } from 'vitest'
import { fail, runSteps, type Step, textOutput } from './runner'

const passing = (title: string, ran: string[]): Step<null> => ({
  title,
  async run(_context, report) {
    ran.push(title)
    report.did(`did ${title}`)
    report.produced({ [`${title}Id`]: 42 })
  },
})

describe('the rehearsal step runner', () => {
  it('stops at the first failure with the step, what was expected, what happened and the fix', async () => {
    const ran: string[] = []
    let printed = ''
    const steps: Step<null>[] = [
      passing('one', ran),
      {
        title: 'two',
        async run() {
          ran.push('two')
          fail({ expected: 'a Reply URL', happened: 'none was set', fix: 'Upload the metadata file.' })
        },
      },
      passing('three', ran),
    ]
    const result = await runSteps(
      steps,
      null,
      textOutput((text) => (printed += text)),
    )
    expect(result.ok).toBe(false)
    expect(ran).toEqual(['one', 'two'])
    expect(result.logs.map((l) => l.status)).toEqual(['passed', 'failed'])
    expect(result.logs[0]?.produced).toEqual({ oneId: 42 })
    expect(printed).toContain('FAILED at step 2: two')
    expect(printed).toContain('Expected: a Reply URL')
    expect(printed).toContain('Happened: none was set')
    expect(printed).toContain('Fix:      Upload the metadata file.')
  })

  it('reports an unexpected error as a sandbox bug, and --step N runs only the first N', async () => {
    const ran: string[] = []
    const broken: Step<null> = {
      title: 'broken',
      async run() {
        throw new Error('boom')
      },
    }
    const crashed = await runSteps(
      [broken],
      null,
      textOutput(() => undefined),
    )
    expect(crashed.logs[0]?.problem).toMatchObject({
      happened: 'boom',
      fix: expect.stringContaining('sandbox bug'),
    })
    const partial = await runSteps(
      [passing('a', ran), passing('b', ran)],
      null,
      textOutput(() => undefined),
      1,
    )
    expect(partial).toMatchObject({ ok: true })
    expect(ran).toEqual(['a'])
  })
})
