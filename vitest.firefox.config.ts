import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian's firefox-esr with the built Firefox extension (`npm run build:firefox` first).
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 15_000 } },
  },
});
