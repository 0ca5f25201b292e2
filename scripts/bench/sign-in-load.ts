import { HeadlessBrowser, type SignInSuccess, signIn, type Transport } from '@sandbox/shared'
import { type Summary, summarize } from './stats'

/** Anything `signIn()` can sign in to: a start URL, credentials, and how requests travel. */
export interface SignInTarget {
  readonly startUrl: string
  readonly username: string
  readonly password: string
  readonly transport: Transport
  /** Says what is wrong with a completed sign-in (e.g. it landed on the wrong site), or null. */
  readonly check?: (success: SignInSuccess) => string | null
}

/** Bounds of one load run: it stops at whichever comes first. */
export interface LoadLimits {
  readonly concurrency: number
  readonly maxSignIns: number
  readonly maxMs: number
}

/** Closed-loop load at one concurrency: throughput and per-sign-in latency. */
export interface LoadResult {
  readonly concurrency: number
  readonly signIns: number
  readonly wallMs: number
  readonly perSecond: number
  readonly latency: Summary
}

/** Thrown when a sign-in under load fails: a benchmark of failing sign-ins measures nothing. */
export class SignInLoadError extends Error {}

/** One full sign-in in a fresh browser (no cookies: every sign-in sends credentials); ms. */
async function signInOnce(target: SignInTarget): Promise<number> {
  const started = performance.now()
  const result = await signIn({
    startUrl: target.startUrl,
    username: target.username,
    password: target.password,
    browser: new HeadlessBrowser({ transport: target.transport }),
  })
  const ms = performance.now() - started
  if (!result.ok) {
    const where = result.error.page ? ` at ${result.error.page.url.href}` : ''
    throw new SignInLoadError(`sign-in failed (${result.error.code})${where}: ${result.error.message}`)
  }
  const problem = target.check?.(result.value) ?? null
  if (problem) throw new SignInLoadError(`sign-in ended wrongly: ${problem}`)
  return ms
}

/**
 * Runs `limits.concurrency` browsers signing in back to back until `maxSignIns` have
 * started or `maxMs` has passed. Every sign-in must succeed.
 */
export async function runSignInLoad(target: SignInTarget, limits: LoadLimits): Promise<LoadResult> {
  const latencies: number[] = []
  let started = 0
  const begin = performance.now()
  const deadline = begin + limits.maxMs
  const worker = async (): Promise<void> => {
    while (started < limits.maxSignIns && performance.now() < deadline) {
      started += 1
      latencies.push(await signInOnce(target))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, limits.concurrency) }, worker))
  const wallMs = performance.now() - begin
  return {
    concurrency: limits.concurrency,
    signIns: latencies.length,
    wallMs,
    perSecond: (latencies.length * 1000) / wallMs,
    latency: summarize(latencies),
  }
}

/** Signs in `count` times at concurrency `concurrency` with no time bound (warm-up, memory growth). */
export async function signInMany(target: SignInTarget, count: number, concurrency: number): Promise<void> {
  let started = 0
  const worker = async (): Promise<void> => {
    while (started < count) {
      started += 1
      await signInOnce(target)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
}
