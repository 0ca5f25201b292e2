import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['test/support/build-cli-bundles.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['packages/shared/src/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: { name: 'idp', include: ['packages/idp/src/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: { name: 'sp', include: ['packages/sp/src/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'sandbox',
          include: ['packages/sandbox/src/**/*.test.ts', 'test/package/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
    // Most files wait on child processes, sockets and Chromium rather than compute: three files
    // at a time keep two cores busy (Vitest's default on two cores is one file at a time).
    maxWorkers: 3,
    // Room for a loaded CI machine; a passing test is not slowed by a timeout.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
