import { defineConfig } from 'vitest/config';

// Many tests start a service (SQLite, the flow store, the host) and some start it twice; on a busy 2-core
// machine that can pass vitest's 5 s default. The timeout guards against hangs, it does not measure speed.
// One PostgreSQL server serves the whole run (the PostgreSQL store's tests make a database each).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    passWithNoTests: true,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    globalSetup: ['src/test-support/postgres-global-setup.ts'],
  },
});
