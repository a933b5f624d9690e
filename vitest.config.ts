import { defineConfig } from 'vitest/config';

// One run, three projects: pure domain code, the API on a real database, and the browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
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
          // Vitest runs projects with different worker counts one group after another: core and
          // the API first (one worker on two cores), then the browser files two at a time.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
