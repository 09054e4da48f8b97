import { defineConfig } from 'vitest/config';

// The speed benchmark (not part of `npm test`): `npm run bench`.
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
