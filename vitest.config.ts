import { defineConfig } from 'vitest/config';
import LongestFirst from './scripts/test-order.ts';

// One run, three projects: pure domain code, the API on a real database, and the browser.
// They share one queue on two workers (the same `groupOrder` and `maxWorkers`): the longest files
// start first (scripts/test-order.ts), so the browser files no longer wait for the API's last
// files and neither worker idles at the end. CI's budget is 30 min on two cores.
export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
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
          // worker, so one worker keeps one core busy and leaves the other idle).
          maxWorkers: 2,
          // A worker runs file after file with the modules it has loaded: the app, and PGlite's
          // compiled WebAssembly, are not loaded again for every file (about 3 s of CPU a file).
          // Each file still has its own app and database; nothing in the server keeps state in a
          // module that a test changes.
          isolate: false,
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
          maxWorkers: 2,
          // As for the server: the server's modules and PGlite load once per worker, not per file.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
