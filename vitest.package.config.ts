import { defineConfig } from 'vitest/config';

// The store packages in .output/ (`npm run zip` first; `npm run test:package` does both). One test rebuilds the
// Firefox zip from the sources zip, which takes a few seconds.
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
