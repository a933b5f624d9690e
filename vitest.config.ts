import { defineConfig } from 'vitest/config';

// One run, three projects: pure domain code, the API on a real database, and the browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          globalSetup: ['packages/server/src/test/global-setup.ts'],
          env: { NODE_ENV: 'test' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two files at a time: each has its own copy of the database (PGlite runs in the file's own
          // worker, so one worker keeps one core busy and leaves the other idle; CI's budget is 30 min).
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'web',
          include: ['packages/web/e2e/**/*.test.ts', 'packages/web/src/**/*.test.ts'],
          globalSetup: ['packages/server/src/test/global-setup.ts'],
          env: { NODE_ENV: 'test' },
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Each file has its own server (its own port), its own copy of the database and its own
          // Chromium, so two files can run side by side: a browser test waits on the page much
          // of the time, and on CI's two cores the second file fills that time.
          // Core and the API run first, then the browser files, two at a time.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
