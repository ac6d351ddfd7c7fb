import { defineConfig } from 'vitest/config';

// The first test in a file pays for loading the twilio package; on a busy 2-core machine that can pass 5 s.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 } });
