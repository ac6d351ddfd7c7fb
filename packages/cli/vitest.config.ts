import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test-support/build-cli.ts'],
    // Every test spawns node; the machines running CI are small and shared.
    testTimeout: 30_000,
  },
});
