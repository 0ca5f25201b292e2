/**
 * The Node flags the servers run with: `pnpm start`, `pnpm start:idp`, `pnpm start:sp`
 * (package.json; test/integration/bench.test.ts keeps them in step), the background sandbox of
 * `pnpm rehearse`, and the benchmark's server processes. `--max-semi-space-size=4` keeps the
 * young generation at 8 MB instead of letting it grow to 32 MB of RSS under sign-in load, with
 * no measurable change in throughput (pnpm bench). The old generation is tuned in code
 * (tuneServerHeap in packages/shared).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4']
