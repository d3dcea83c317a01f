// `npm test`: every test that is not a benchmark. Real SQLite files, real HTTP, real Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    globalSetup: ['tests/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // The e2e suite polls the real UI; on a busy 2-core machine a list can take longer than vitest's 1 s default
    // to settle, which failed correct code. What is asserted is unchanged, only how long it may take.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
