/**
 * Waiting is injected like time is: background work (the IdP's provisioning cycles, retry
 * back-off) waits through a scheduler, so that tests can drive it by hand instead of sleeping.
 */
export interface Scheduler {
  /** Resolves after `ms` (a retry's back-off). */
  sleep(ms: number): Promise<void>
  /**
   * Runs `task` once after `ms`. Returns a function that cancels it. A pending task never keeps
   * the process alive by itself (a server's sockets do).
   */
  after(ms: number, task: () => void): () => void
}

/** The real thing: `setTimeout`. */
export const timerScheduler: Scheduler = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  after: (ms, task) => {
    const timer = setTimeout(task, Math.max(0, ms))
    timer.unref()
    return () => clearTimeout(timer)
  },
}

/** A scheduler for tests: sleeps end at once (and are recorded), tasks run only when time is advanced. */
export interface ManualScheduler extends Scheduler {
  /** Every `sleep(ms)` asked for so far, in order. */
  readonly sleeps: number[]
  /** Delays of the tasks still waiting, soonest first. */
  pending(): number[]
  /** Moves this scheduler's time on by `ms` and runs the tasks that fall due, in order. */
  advance(ms: number): void
}

/** A {@link ManualScheduler} starting at time 0. */
export function manualScheduler(): ManualScheduler {
  let now = 0
  let nextId = 0
  const tasks = new Map<number, { at: number; task: () => void }>()
  const sleeps: number[] = []
  return {
    sleeps,
    sleep: (ms) => {
      sleeps.push(ms)
      return Promise.resolve()
    },
    after: (ms, task) => {
      const id = nextId++
      tasks.set(id, { at: now + Math.max(0, ms), task })
      return () => {
        tasks.delete(id)
      }
    },
    pending: () => [...tasks.values()].map((t) => t.at - now).sort((a, b) => a - b),
    advance: (ms) => {
      const until = now + ms
      for (;;) {
        const due = [...tasks.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0]
        if (!due) break
        tasks.delete(due[0])
        now = due[1].at
        due[1].task()
      }
      now = until
    },
  }
}
