import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests run with no services; integration tests share one Postgres and
// one Redis started by the global setup (each file then gets its own database and key prefix).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/nlu/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**', 'tests/nlu/**'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
          // Its own group: vitest runs projects with different worker limits one after another.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
