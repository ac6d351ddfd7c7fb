import { defineConfig } from 'vitest/config';

// A guard against hangs on a busy shared machine, not a measure of speed.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node', passWithNoTests: true, testTimeout: 20_000 },
});
