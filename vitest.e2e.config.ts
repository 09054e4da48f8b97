import { defineConfig } from 'vitest/config';

// End-to-end journeys in real Chromium with the built extension (`npm run build` first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A condition awaited with expect.poll may take a while on a busy machine; it is still awaited, never slept for.
    expect: { poll: { timeout: 10_000 } },
  },
});
